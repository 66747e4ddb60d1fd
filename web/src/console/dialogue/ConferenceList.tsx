// The list of a unit's conferences (and those of the units below it), filtered by period and status, with the
// plan form for officials who organise them. Filters live in the address (?unit=…&from=…&to=…&status=…).
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { conferenceStatuses, listConferences } from '../../api/dialogue.ts';
import type { ConferenceStatus, ConferenceSummary } from '../../api/dialogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { formatDay } from '../../shared/format.ts';
import { Link, navigate, setQueryParam, useLocation } from '../router.tsx';
import { can, homeUnitCode, useMe } from '../session/SessionProvider.tsx';
import { UnitPicker } from '../shared/UnitPicker.tsx';
import { useLoader } from '../shared/useLoader.ts';
import { StatusTag } from './dialogueUi.tsx';
import { PlanDialog } from './PlanDialog.tsx';

const PAGE = 50;

export default function ConferenceList() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const { query } = useLocation();
  const unit = query.get('unit') ?? homeUnitCode(me);
  const from = query.get('from') ?? undefined;
  const to = query.get('to') ?? undefined;
  const status = (query.get('status') as ConferenceStatus | null) ?? undefined;
  const [page, setPage] = useState(1);
  const list = useLoader((signal) => listConferences({ unit, from, to, status, limit: PAGE, offset: (page - 1) * PAGE }, signal), [unit, from, to, status, page]);
  const [planning, setPlanning] = useState(0);
  const manage = can(me, 'dialogue.manage');

  const columns: TableColumnsType<ConferenceSummary> = [
    {
      title: t('dialogue.list.date'),
      key: 'date',
      width: 110,
      render: (_: unknown, c) => (
        <span>
          <Typography.Text strong>{formatDay(c.heldOn)}</Typography.Text>
          {c.startsAt && <Typography.Text type="secondary" style={{ display: 'block' }}>{c.startsAt}</Typography.Text>}
        </span>
      ),
    },
    {
      title: t('dialogue.list.topic'),
      key: 'topic',
      render: (_: unknown, c) => (
        <span>
          <Link to={`/dialogue/${c.id}`} data-testid={`dialogue-row-${c.id}`}>
            {c.topic}
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {c.organisation.name} · {c.unit.name}
          </Typography.Text>
          <Space size={4} wrap style={{ marginTop: 4 }}>
            <Tag>{t(`dialogue.type.${c.type}`)}</Tag>
            <Tag>{t(`dialogue.form.${c.form}`)}</Tag>
            <span className="dialogue-narrow">
              <StatusTag status={c.status} />
            </span>
            {c.published && <Tag color="cyan">{t('dialogue.publishedTag')}</Tag>}
          </Space>
        </span>
      ),
    },
    { title: t('dialogue.list.status'), key: 'status', width: 130, responsive: ['md'], render: (_: unknown, c) => <StatusTag status={c.status} /> },
    {
      title: t('dialogue.list.recommendations'),
      key: 'counts',
      width: 190,
      responsive: ['sm'],
      render: (_: unknown, c) =>
        c.status === 'held' ? (
          <Typography.Text>
            {t('dialogue.list.counts', { raised: c.counts.raised, answered: c.counts.answered + c.counts.resolved, inProgress: c.counts.inProgress })}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  return (
    <>
      <Typography.Title level={2} className="page-title">
        {t('dialogue.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('dialogue.intro')}</Typography.Paragraph>
      <div className="dialogue-filters">
        <label htmlFor="dialogue-unit">{t('dialogue.unit')}</label>
        <UnitPicker id="dialogue-unit" value={unit} onChange={(code) => { setPage(1); setQueryParam('unit', code); }} testId="dialogue-unit-picker" style={{ maxWidth: '100%' }} />
        <DatePicker.RangePicker
          value={from && to ? [dayjs(from), dayjs(to)] : null}
          format="DD/MM/YYYY"
          placeholder={[t('dialogue.list.from'), t('dialogue.list.to')]}
          onChange={(r) => {
            setPage(1);
            const url = new URLSearchParams(query);
            if (r?.[0] && r[1]) {
              url.set('from', r[0].format('YYYY-MM-DD'));
              url.set('to', r[1].format('YYYY-MM-DD'));
            } else {
              url.delete('from');
              url.delete('to');
            }
            navigate(`/dialogue?${url.toString()}`, { replace: true });
          }}
          data-testid="dialogue-range"
        />
        <Select<ConferenceStatus | ''>
          value={status ?? ''}
          style={{ minWidth: 170 }}
          aria-label={t('dialogue.list.status')}
          options={[{ value: '', label: t('dialogue.list.allStatuses') }, ...conferenceStatuses.map((s) => ({ value: s, label: t(`dialogue.status.${s}`) }))]}
          onChange={(v) => { setPage(1); setQueryParam('status', v || null); }}
          data-testid="dialogue-status-filter"
        />
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning((n) => n + 1)} data-testid="dialogue-plan">
            {t('dialogue.plan.open')}
          </Button>
        )}
      </div>
      {Boolean(list.error) && <Alert type="error" showIcon title={errorMessage(list.error, t)} style={{ marginBottom: 12 }} />}
      <Table<ConferenceSummary>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        locale={{ emptyText: t('dialogue.list.empty') }}
        data-testid="dialogue-list"
      />
      <PlanDialog
        key={`plan-${planning}`}
        open={planning > 0}
        unit={unit}
        editing={null}
        onClose={() => setPlanning(0)}
        onSaved={(c) => {
          message.success(t('dialogue.plan.saved'));
          navigate(`/dialogue/${c.id}`);
        }}
      />
    </>
  );
}
