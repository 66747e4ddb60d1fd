// Console page "Nhật ký": the audit log filtered by period and action, paged with "Tải thêm", exportable as CSV.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { exportAuditCsv, listAudit } from '../../api/audit.ts';
import type { AuditFilters } from '../../api/audit.ts';
import { auditActions } from '../../api/types.ts';
import type { AuditEntry } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { hasKey } from '../../i18n/translate.ts';
import { errorMessage } from '../../shared/errors.ts';
import { formatInstant } from '../../shared/format.ts';
import { accentInsensitive } from '../shared/selectSearch.ts';

const outcomeColour: Record<AuditEntry['outcome'], string> = { success: 'green', failure: 'orange', denied: 'red' };

type Range = [Dayjs | null, Dayjs | null] | null;

export default function AuditPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [range, setRange] = useState<Range>(null);
  const [action, setAction] = useState<string | undefined>(undefined);
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const filters: AuditFilters = {
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    action,
  };
  const filterKey = JSON.stringify(filters);

  const load = async (before?: string) => {
    setLoading(true);
    setError(null);
    try {
      const page = await listAudit(filters, before);
      setItems((current) => (before ? [...current, ...page.items] : page.items));
      setNextBefore(page.nextBefore);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    setItems([]);
    setNextBefore(null);
    void load();
  }, [filterKey]);

  const exportCsv = async () => {
    setExporting(true);
    try {
      await exportAuditCsv(filters);
      message.success(t('audit.exported'));
    } catch (failure) {
      message.error(errorMessage(failure, t));
    } finally {
      setExporting(false);
    }
  };

  const actionLabel = (name: string) => (hasKey(`auditAction.${name}`) ? t(`auditAction.${name}`) : name);

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', key: 'at', width: 140, render: (at: string) => formatInstant(at) },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      render: (name: string) => (
        <span title={name}>
          {actionLabel(name)}
        </span>
      ),
    },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      key: 'outcome',
      width: 120,
      render: (outcome: AuditEntry['outcome']) => <Tag color={outcomeColour[outcome]}>{t(`auditOutcome.${outcome}`)}</Tag>,
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      key: 'actor',
      render: (name: string | null) => name ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    { title: t('audit.unit'), dataIndex: 'unitCode', key: 'unit', width: 90, responsive: ['md'], render: (code: string | null) => code ?? t('common.none') },
    {
      title: t('audit.target'),
      key: 'target',
      responsive: ['md'],
      render: (_: unknown, entry: AuditEntry) =>
        entry.targetType ? (
          <span title={entry.targetId ?? undefined}>
            {hasKey(`targetType.${entry.targetType}`) ? t(`targetType.${entry.targetType}`) : entry.targetType}
            {entry.targetId && (
              <Typography.Text type="secondary" code style={{ marginLeft: 4 }}>
                {entry.targetId.length > 10 ? `…${entry.targetId.slice(-8)}` : entry.targetId}
              </Typography.Text>
            )}
          </span>
        ) : (
          t('common.none')
        ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', width: 130, responsive: ['lg'], render: (ip: string | null) => ip ?? t('common.none') },
  ];

  return (
    <>
      <Typography.Title level={2} className="page-title">
        {t('audit.title')}
      </Typography.Title>
      <div className="toolbar" role="search">
        {/* The two inputs are named by their placeholders (Từ ngày / Đến ngày). */}
        <span data-testid="audit-range" role="group" aria-label={t('audit.dateRange')}>
          <DatePicker.RangePicker
            value={range}
            onChange={(value: Range) => setRange(value)}
            format="DD/MM/YYYY"
            allowEmpty={[true, true]}
            placeholder={[t('audit.from'), t('audit.to')]}
          />
        </span>
        <Select
          allowClear
          value={action}
          onChange={(value: string | undefined) => setAction(value)}
          showSearch={{ filterOption: accentInsensitive }}
          placeholder={t('audit.anyAction')}
          aria-label={t('audit.action')}
          style={{ width: 260 }}
          options={auditActions.map((name) => ({ value: name, label: actionLabel(name) }))}
          data-testid="audit-action"
        />
        <Button
          onClick={() => {
            setRange(null);
            setAction(undefined);
          }}
          disabled={!range && !action}
          data-testid="audit-reset"
        >
          {t('audit.reset')}
        </Button>
        <span className="toolbar__spacer" />
        <Button icon={<DownloadOutlined />} onClick={() => void exportCsv()} loading={exporting} data-testid="audit-export">
          {t('audit.exportCsv')}
        </Button>
      </div>
      {Boolean(error) && <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 12 }} />}
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('audit.empty') }}
        expandable={{
          rowExpandable: (entry: AuditEntry) => Boolean(entry.detail && Object.keys(entry.detail).length > 0),
          expandedRowRender: (entry: AuditEntry) => (
            <pre className="audit-detail" aria-label={t('audit.detail')}>
              {JSON.stringify(entry.detail, null, 2)}
            </pre>
          ),
        }}
        data-testid="audit-table"
      />
      <div className="toolbar" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t('audit.shown', { count: items.length })}</Typography.Text>
        <span className="toolbar__spacer" />
        {nextBefore ? (
          <Button onClick={() => void load(nextBefore)} loading={loading} data-testid="audit-load-more">
            {t('audit.loadMore')}
          </Button>
        ) : (
          items.length > 0 && <Typography.Text type="secondary">{t('audit.end')}</Typography.Text>
        )}
      </div>
    </>
  );
}
