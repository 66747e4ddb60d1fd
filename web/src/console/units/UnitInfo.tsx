// Details of one unit in the console (code, names, type, validity, parent) and the organisations it holds.
import { Button, Descriptions, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { listOrganisations } from '../../api/organisations.ts';
import type { Organisation, Unit } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage, isAbort } from '../../shared/errors.ts';
import { byName, formatDay, isExpired } from '../../shared/format.ts';
import { ancestorsRootFirst } from '../../shared/units.ts';
import { navigate } from '../router.tsx';
import { can, useMe } from '../session/SessionProvider.tsx';

export function UnitInfo({ unit, onSelect }: { unit: Unit; onSelect: (code: string) => void }) {
  const { t } = useI18n();
  const trail = ancestorsRootFirst(unit);
  const parent = trail[trail.length - 1];
  const expired = isExpired(unit.validTo);

  return (
    <div data-testid="unit-info">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {unit.name} {expired && <Tag>{t('units.expired')}</Tag>}
      </Typography.Title>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'code', label: t('units.code'), children: <span data-testid="unit-info-code">{unit.code}</span> },
          { key: 'type', label: t('units.type'), children: t(`unitType.${unit.type}`) },
          { key: 'name', label: t('units.name'), children: unit.name },
          { key: 'short', label: t('units.shortName'), children: unit.shortName },
          { key: 'level', label: t('units.level'), children: t(`unitLevel.${unit.level}`) },
          {
            key: 'parent',
            label: t('units.parent'),
            children: parent ? (
              <Typography.Link onClick={() => onSelect(parent.code)}>{parent.name}</Typography.Link>
            ) : (
              t('common.none')
            ),
          },
          { key: 'from', label: t('units.validFrom'), children: formatDay(unit.validFrom) },
          {
            key: 'to',
            label: t('units.validTo'),
            children: unit.validTo ? formatDay(unit.validTo) : <Tag color="green">{t('units.inForce')}</Tag>,
          },
        ]}
      />
      <UnitOrganisations unit={unit} />
    </div>
  );
}

function UnitOrganisations({ unit }: { unit: Unit }) {
  const { t } = useI18n();
  const me = useMe();
  const [items, setItems] = useState<Organisation[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const allowed = can(me, 'organisation.read');

  useEffect(() => {
    if (!allowed) return;
    const controller = new AbortController();
    setItems(null);
    setError(null);
    listOrganisations({ unit: unit.code }, controller.signal).then(
      (list) => setItems([...list].sort(byName)),
      (failure: unknown) => {
        if (!isAbort(failure)) setError(failure);
      },
    );
    return () => controller.abort();
  }, [unit.code, allowed]);

  if (!allowed) return null;
  const forbidden = error instanceof ApiError && error.status === 403;

  const columns: TableColumnsType<Organisation> = [
    { title: t('orgs.name'), dataIndex: 'name', key: 'name' },
    { title: t('orgs.kind'), dataIndex: 'kind', key: 'kind', render: (kind: string) => t(`orgKind.${kind}`) },
    {
      title: t('common.status'),
      dataIndex: 'active',
      key: 'active',
      render: (active: boolean) => (active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
  ];

  return (
    <section style={{ marginTop: 20 }} aria-labelledby="unit-orgs-title">
      <div className="toolbar">
        <Typography.Title level={4} id="unit-orgs-title" style={{ margin: 0 }}>
          {t('units.organisations')}
        </Typography.Title>
        <span className="toolbar__spacer" />
        {!forbidden && (
          <Button size="small" onClick={() => navigate(`/organisations?unit=${encodeURIComponent(unit.code)}`)} data-testid="unit-manage-organisations">
            {t('units.manageOrganisations')}
          </Button>
        )}
      </div>
      {forbidden ? (
        <Typography.Text type="secondary">{t('units.organisationsForbidden')}</Typography.Text>
      ) : error ? (
        <Typography.Text type="danger">{errorMessage(error, t)}</Typography.Text>
      ) : items === null ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.noOrganisations')} />
      ) : (
        <Table<Organisation> size="small" rowKey="id" columns={columns} dataSource={items} pagination={false} data-testid="unit-organisations" />
      )}
    </section>
  );
}
