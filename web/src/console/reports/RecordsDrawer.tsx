// The records behind one figure of the report (GET /api/reports/records), a page at a time, each linking to its own page.
import { Alert, Drawer, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { listReportRecords } from '../../api/reports.ts';
import type { RecordItem, RecordsQuery, ReportQuery } from '../../api/reports.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { formatDay } from '../../shared/format.ts';
import { basename, Link } from '../router.tsx';
import { useLoader } from '../shared/useLoader.ts';

export interface Drill { records: RecordsQuery; unitName: string; label?: string }

/** The server's page size. */
const PAGE_SIZE = 50;

/** A console path for the router's Link, whether the server gives it with or without the /console prefix. */
const consolePath = (link: string) => (link.startsWith(`${basename}/`) ? link.slice(basename.length) : link);

function RecordsList({ query, drill }: { query: ReportQuery; drill: Drill }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const loaded = useLoader((signal) => listReportRecords(query, { ...drill.records, page }, signal), [JSON.stringify(query), JSON.stringify(drill.records), page]);

  const columns: TableColumnsType<RecordItem> = [
    { title: t('console.reports.records.date'), dataIndex: 'date', key: 'date', width: 104, render: (d: string) => formatDay(d) },
    {
      title: t('console.reports.records.record'), key: 'title',
      render: (_: unknown, r: RecordItem) => (
        <>
          {r.link ? <Link to={consolePath(r.link)} data-testid="report-record-link">{r.title}</Link> : <Typography.Text>{r.title}</Typography.Text>}
          <Typography.Text type="secondary" className="report-record-meta">
            {[r.unit.name, r.detail].filter(Boolean).join(' · ')}
          </Typography.Text>
        </>
      ),
    },
    { title: t('console.reports.records.status'), dataIndex: 'status', key: 'status', width: 140, render: (s: string) => <Tag>{s}</Tag> },
  ];

  if (loaded.error) return <Alert type="error" showIcon title={errorMessage(loaded.error, t)} />;
  return (
    <Table<RecordItem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={loaded.data?.items ?? []}
      loading={loaded.loading}
      locale={{ emptyText: t('console.reports.records.empty') }}
      data-testid="report-records"
      scroll={{ x: 520 }}
      pagination={{
        current: page, pageSize: loaded.data?.pageSize ?? PAGE_SIZE, total: loaded.data?.total ?? 0, showSizeChanger: false, onChange: setPage,
        showTotal: (total: number) => t('console.reports.records.total', { total }),
      }}
    />
  );
}

export function RecordsDrawer({ query, drill, onClose }: { query: ReportQuery; drill: Drill | null; onClose: () => void }) {
  const { t } = useI18n();
  const what = drill ? drill.label ?? t(`console.reports.records.kind.${drill.records.records}`) : '';
  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      title={drill ? t('console.reports.records.titleOf', { what, unit: drill.unitName }) : t('console.reports.records.title')}
      size={Math.min(760, window.innerWidth)}
      destroyOnHidden
    >
      {drill && <RecordsList key={JSON.stringify(drill.records)} query={query} drill={drill} />}
    </Drawer>
  );
}
