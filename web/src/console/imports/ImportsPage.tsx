// Console page "Nhập dữ liệu các năm trước": download the templates, choose the unit and a filled-in file, check it
// (nothing is written), read the rejected rows in a table, import it whole, and see (and undo) the earlier imports.
// The unit lives in the address (?unit=…).
import { CheckCircleOutlined, DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType, UploadFile } from 'antd';
import { useState } from 'react';
import { downloadTemplate, listImports, sendFile, templates, undoImport } from '../../api/imports.ts';
import type { ImportBatch, ImportCounts, ImportIssue, ImportReport, TemplateName } from '../../api/imports.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TFunction } from '../../i18n/I18nProvider.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { formatInstant } from '../../shared/format.ts';
import { setQueryParam, useLocation } from '../router.tsx';
import { can, homeUnitCode, useMe } from '../session/SessionProvider.tsx';
import { UnitPicker } from '../shared/UnitPicker.tsx';
import { useLoader } from '../shared/useLoader.ts';
import './imports.css';

const summary = (t: TFunction, c: ImportCounts) => t('console.imports.summary', { ...c });

export default function ImportsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const location = useLocation();
  const unit = location.query.get('unit') ?? homeUnitCode(me);
  const mayImport = can(me, 'import.run');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [undoing, setUndoing] = useState<string | null>(null);
  const history = useLoader((signal) => listImports(unit, signal), [unit]);

  const reset = () => {
    setReport(null);
    setFailure(null);
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    reset();
    try {
      const out = await sendFile(unit, file, dryRun);
      setReport(out);
      if (!dryRun && out.ok) {
        message.success(t('console.imports.imported', { summary: summary(t, out.counts) }));
        history.reload();
      }
    } catch (error) {
      setFailure(errorMessage(error, t));
    } finally {
      setBusy(null);
    }
  };

  const undo = async (b: ImportBatch) => {
    setUndoing(b.id);
    try {
      await undoImport(b.id);
      message.success(t('console.imports.history.undoDone'));
      history.reload();
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setUndoing(null);
    }
  };

  const fileList: UploadFile[] = file ? [{ uid: 'chosen', name: file.name, status: 'done', size: file.size }] : [];
  const checkedOk = report?.ok && report.dryRun;

  return (
    <>
      <Typography.Title level={2} className="page-title">
        {t('console.imports.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.imports.intro')}</Typography.Paragraph>

      <Card size="small" className="imports-card" title={<h3 className="imports-step">{t('console.imports.templates.title')}</h3>}>
        <Typography.Paragraph>{t('console.imports.templates.help')}</Typography.Paragraph>
        <Space wrap>
          {templates.map((tpl) => (
            <Button
              key={tpl.name}
              type={tpl.kind === 'xlsx' ? 'primary' : 'default'}
              icon={tpl.kind === 'xlsx' ? <FileExcelOutlined /> : <DownloadOutlined />}
              onClick={() => downloadTemplate(tpl.name as TemplateName).catch((error: unknown) => message.error(errorMessage(error, t)))}
              data-testid={`imports-template-${tpl.kind}`}
            >
              {t(`console.imports.templates.${tpl.kind}`)}
            </Button>
          ))}
        </Space>
        <ul className="imports-rules">
          <li>{t('console.imports.rules.dates')}</li>
          <li>{t('console.imports.rules.units')}</li>
          <li>{t('console.imports.rules.allOrNothing')}</li>
        </ul>
      </Card>

      {mayImport && (
        <Card size="small" className="imports-card" title={<h3 className="imports-step">{t('console.imports.upload.title')}</h3>}>
          <div className="imports-form">
            <label htmlFor="imports-unit">{t('console.imports.upload.unit')}</label>
            <div>
              <UnitPicker id="imports-unit" value={unit} onChange={(code) => { reset(); setQueryParam('unit', code); }} testId="imports-unit-picker" style={{ maxWidth: '100%' }} />
              <Typography.Text type="secondary" className="imports-help">{t('console.imports.upload.unitHelp')}</Typography.Text>
            </div>
            <span>{t('console.imports.upload.file')}</span>
            <div data-testid="imports-file">
              <Upload
                accept=".xlsx,.csv"
                maxCount={1}
                fileList={fileList}
                beforeUpload={(f) => { setFile(f); reset(); return false; }}
                onRemove={() => { setFile(null); reset(); }}
              >
                <Button icon={<UploadOutlined />}>{t('console.imports.upload.choose')}</Button>
              </Upload>
            </div>
          </div>
          <Space wrap className="imports-actions">
            <Button icon={<CheckCircleOutlined />} disabled={!file} loading={busy === 'check'} onClick={() => send(true)} data-testid="imports-check">
              {t('console.imports.upload.check')}
            </Button>
            <Popconfirm
              title={t('console.imports.upload.confirm', { unit: report?.unit.name ?? unit })}
              okText={t('console.imports.upload.import')}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': 'confirm-ok' }}
              onConfirm={() => send(false)}
              disabled={!checkedOk}
            >
              <Button type="primary" disabled={!checkedOk} loading={busy === 'import'} data-testid="imports-import">
                {t('console.imports.upload.import')}
              </Button>
            </Popconfirm>
            {!checkedOk && <Typography.Text type="secondary">{t('console.imports.upload.importHint')}</Typography.Text>}
          </Space>
          {failure && <Alert type="error" showIcon title={failure} className="imports-result" data-testid="imports-failure" />}
          {report && <ReportView report={report} />}
        </Card>
      )}

      <Card size="small" className="imports-card" title={<h3 className="imports-step">{t('console.imports.history.title')}</h3>}>
        {Boolean(history.error) && <Alert type="error" showIcon title={errorMessage(history.error, t)} style={{ marginBottom: 12 }} />}
        <Table<ImportBatch>
          size="small"
          rowKey="id"
          dataSource={history.data?.items ?? []}
          loading={history.loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('console.imports.history.empty') }}
          columns={historyColumns(t, undo, undoing)}
          data-testid="imports-history"
        />
      </Card>
    </>
  );
}

function ReportView({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const rejectedRows = report.sheets.reduce((n, s) => n + s.rejected, 0);
  const title = report.ok
    ? t(report.dryRun ? 'console.imports.report.checkedOk' : 'console.imports.report.imported', { summary: summary(t, report.counts) })
    : t('console.imports.report.rejected', { count: report.issueCount, rows: rejectedRows });
  const columns: TableColumnsType<ImportIssue> = [
    {
      title: t('console.imports.report.place'),
      key: 'place',
      width: 150,
      render: (_: unknown, i: ImportIssue) => (
        <span>
          <Typography.Text strong>{t('console.imports.report.row', { sheet: i.sheet, row: i.row })}</Typography.Text>
          {i.column && <Typography.Text type="secondary" style={{ display: 'block' }}>{i.column}</Typography.Text>}
        </span>
      ),
    },
    {
      title: t('console.imports.report.problem'),
      key: 'problem',
      render: (_: unknown, i: ImportIssue) => (
        <span>
          <span>{i.message}</span>
          <Typography.Text type="secondary" className="imports-code">{i.code}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('console.imports.report.value'),
      key: 'value',
      responsive: ['md'],
      width: 200,
      render: (_: unknown, i: ImportIssue) => (i.value ? <Typography.Text code>{i.value}</Typography.Text> : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>),
    },
  ];
  return (
    <div className="imports-result" data-testid="imports-report">
      <Alert
        type={report.ok ? 'success' : 'error'}
        showIcon
        title={title}
        description={
          <ul className="imports-sheets">
            <li>{t('console.imports.report.file', { name: report.file.name, kind: report.file.kind.toUpperCase(), unit: report.unit.name })}</li>
            {report.sheets.map((s) => (
              <li key={s.key}>{t('console.imports.report.sheet', { sheet: s.sheet, rows: s.rows, rejected: s.rejected })}</li>
            ))}
          </ul>
        }
        data-testid={report.ok ? 'imports-report-ok' : 'imports-report-rejected'}
      />
      {!report.ok && (
        <>
          {report.issueCount > report.issues.length && (
            <Typography.Paragraph type="secondary">{t('console.imports.report.listedOnly', { shown: report.issues.length, count: report.issueCount })}</Typography.Paragraph>
          )}
          <Table<ImportIssue>
            size="small"
            rowKey={(i) => `${i.sheet}-${i.row}-${i.column ?? ''}-${i.code}`}
            columns={columns}
            dataSource={report.issues}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            data-testid="imports-issues"
          />
        </>
      )}
    </div>
  );
}

function historyColumns(t: TFunction, undo: (b: ImportBatch) => void, undoing: string | null): TableColumnsType<ImportBatch> {
  return [
    {
      title: t('console.imports.history.at'),
      key: 'at',
      width: 170,
      render: (_: unknown, b: ImportBatch) => (
        <span>
          <Typography.Text>{formatInstant(b.importedAt)}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block' }}>{b.importedBy}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('console.imports.history.file'),
      key: 'file',
      render: (_: unknown, b: ImportBatch) => (
        <span>
          <Typography.Text strong className="imports-filename">{b.filename}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block' }}>{b.unit.name}</Typography.Text>
          <Typography.Text type="secondary" className="imports-narrow">{summary(t, b.counts)}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('console.imports.history.records'),
      key: 'records',
      responsive: ['md'],
      render: (_: unknown, b: ImportBatch) => summary(t, b.counts),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_: unknown, b: ImportBatch) => {
        if (b.undoneAt) {
          return (
            <span>
              <Tag>{t('console.imports.history.undone')}</Tag>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{formatInstant(b.undoneAt)}</Typography.Text>
            </span>
          );
        }
        if (!b.abilities.undo) return null;
        return (
          <Popconfirm
            title={t('console.imports.history.undoConfirm')}
            okText={t('console.imports.history.undo')}
            cancelText={t('common.cancel')}
            okButtonProps={{ 'data-testid': 'confirm-ok', danger: true }}
            onConfirm={() => undo(b)}
          >
            <Button size="small" danger loading={undoing === b.id} data-testid={`imports-undo-${b.id}`}>
              {t('console.imports.history.undo')}
            </Button>
          </Popconfirm>
        );
      },
    },
  ];
}
