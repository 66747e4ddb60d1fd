// Console page "Đơn vị hành chính": search and tree on the left, the chosen unit's details and organisations on the right.
import { SearchOutlined } from '@ant-design/icons';
import { Card, Empty, Input, List, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ChangeEvent } from 'react';
import { getUnit } from '../../api/units.ts';
import type { Unit } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage, isAbort } from '../../shared/errors.ts';
import { isExpired } from '../../shared/format.ts';
import { ancestorsRootFirst, placeLine } from '../../shared/units.ts';
import { useUnitSearch } from '../../shared/useUnitSearch.ts';
import { setQueryParam, useLocation } from '../router.tsx';
import { UnitInfo } from './UnitInfo.tsx';
import { UnitTree } from './UnitTree.tsx';

export default function UnitsPage() {
  const { t } = useI18n();
  const location = useLocation();
  const selected = location.query.get('code');
  const [text, setText] = useState('');
  const search = useUnitSearch(text);
  const [unit, setUnit] = useState<Unit | null>(null);
  const [error, setError] = useState<unknown>(null);

  const select = (code: string) => setQueryParam('code', code);

  useEffect(() => {
    if (!selected) {
      setUnit(null);
      return;
    }
    const controller = new AbortController();
    setError(null);
    getUnit(selected, controller.signal).then(setUnit, (failure: unknown) => {
      if (!isAbort(failure)) setError(failure);
    });
    return () => controller.abort();
  }, [selected]);

  // Open the branch down to the unit (only units in force today are in the tree).
  const revealPath = useMemo(
    () => (unit && !isExpired(unit.validTo) ? ancestorsRootFirst(unit).map((a) => a.code) : []),
    [unit],
  );

  return (
    <>
      <Typography.Title level={2} className="page-title">
        {t('units.title')}
      </Typography.Title>
      <div className="unit-browser">
        <Card size="small">
          <Input
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            value={text}
            onChange={(e: ChangeEvent<HTMLInputElement>) => setText(e.target.value)}
            placeholder={t('units.searchPlaceholder')}
            aria-label={t('units.searchLabel')}
            data-testid="console-unit-search"
            style={{ marginBottom: 12 }}
          />
          {search.status === 'error' && <Typography.Text type="danger">{errorMessage(search.error, t)}</Typography.Text>}
          {search.status === 'done' && (
            <List<Unit>
              size="small"
              bordered
              style={{ marginBottom: 12, maxHeight: 320, overflow: 'auto' }}
              data-testid="console-unit-results"
              dataSource={search.items}
              locale={{ emptyText: t('units.noResults') }}
              renderItem={(item: Unit) => (
                <List.Item
                  key={item.code}
                  onClick={() => select(item.code)}
                  style={{ cursor: 'pointer', background: item.code === selected ? '#fbe9e9' : undefined }}
                  data-testid={`console-unit-result-${item.code}`}
                >
                  <List.Item.Meta
                    title={
                      <Typography.Link>
                        {item.name} {isExpired(item.validTo) && <Tag>{t('units.expired')}</Tag>}
                      </Typography.Link>
                    }
                    description={[t(`unitType.${item.type}`), placeLine(item)].filter(Boolean).join(' · ')}
                  />
                </List.Item>
              )}
            />
          )}
          <UnitTree selected={selected} revealPath={revealPath} onSelect={select} />
        </Card>
        <Card size="small">
          {error ? (
            <Typography.Text type="danger">{errorMessage(error, t)}</Typography.Text>
          ) : !selected ? (
            <Empty description={t('units.selectHint')} />
          ) : unit && unit.code === selected ? (
            <UnitInfo unit={unit} onSelect={select} />
          ) : (
            <Skeleton active />
          )}
        </Card>
      </div>
    </>
  );
}
