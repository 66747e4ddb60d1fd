// Console page "Báo cáo tổng kết": a unit's figures for a period against the previous one, charts (loaded lazily), the
// field's "x/y units" sentences, the child units to drill into, the records behind each figure, and the .docx/.xlsx.
// Unit and period live in the address, so a drill-down is a link and Back goes up again.
import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined, FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { downloadReportDocx, downloadReportXlsx, getReport } from '../../api/reports.ts';
import type { Report, ReportQuery } from '../../api/reports.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { formatDay, formatInstant, todayInVietnam } from '../../shared/format.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { homeUnitCode, useMe } from '../session/SessionProvider.tsx';
import { UnitPicker } from '../shared/UnitPicker.tsx';
import { useLoader } from '../shared/useLoader.ts';
import { ChildrenTable, FIGURE_RECORDS } from './ChildrenTable.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { RecordsDrawer } from './RecordsDrawer.tsx';
import type { Drill } from './RecordsDrawer.tsx';
import { readQuery, searchOf } from './reportQuery.ts';
import './reports.css';

const ReportCharts = lazy(() => import('./ReportCharts.tsx'));

const fmt = (n: number) => n.toLocaleString('vi');
const rate = (r: number | null) => (r === null ? '—' : `${r.toLocaleString('vi', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`);

function Change({ now, before, percent }: { now: number | null; before: number | null; percent?: boolean }) {
  const { t } = useI18n();
  if (now === null || before === null) return null;
  const d = Math.round((now - before) * 10) / 10;
  const value = percent ? t('console.reports.points', { value: Math.abs(d).toLocaleString('vi', { maximumFractionDigits: 1 }) }) : fmt(Math.abs(d));
  if (d === 0) return <span className="report-change">{t('console.reports.same')}</span>;
  return (
    <span className={`report-change report-change--${d > 0 ? 'up' : 'down'}`}>
      {d > 0 ? <ArrowUpOutlined aria-hidden /> : <ArrowDownOutlined aria-hidden />} {t(d > 0 ? 'console.reports.up' : 'console.reports.down', { value })}
    </span>
  );
}

interface HeadlineProps { id: string; label: string; value: string; sub: string; prior: string; change: ReactNode; onOpen?: () => void }

function Headline({ id, label, value, sub, prior, change, onOpen }: HeadlineProps) {
  const { t } = useI18n();
  return (
    <Card size="small" className="report-headline" data-testid={`report-headline-${id}`}>
      <Typography.Text type="secondary" className="report-headline__label">{label}</Typography.Text>
      <div className="report-headline__value">
        {onOpen ? (
          <Button type="link" className="report-headline__open" onClick={onOpen} aria-label={`${label}: ${value}. ${t('console.reports.seeRecords')}`}>{value}</Button>
        ) : value}
      </div>
      <Typography.Text className="report-headline__sub">{sub}</Typography.Text>
      <div className="report-headline__prior">
        <Typography.Text type="secondary">{t('console.reports.previous', { value: prior })}</Typography.Text> {change}
      </div>
    </Card>
  );
}

function Headlines({ report, open }: { report: Report; open: (d: Drill['records']) => void }) {
  const { t } = useI18n();
  const c = report.current;
  const p = report.prior;
  const items: HeadlineProps[] = [
    {
      id: 'conferences', label: t('console.reports.headline.conferences'), value: fmt(c.conferences.held), prior: fmt(p.conferences.held),
      sub: t('console.reports.headlineSub.conferences', { periodic: c.conferences.periodic, adHoc: c.conferences.adHoc }),
      change: <Change now={c.conferences.held} before={p.conferences.held} />, onOpen: () => open({ records: 'conferences' }),
    },
    {
      id: 'recommendations', label: t('console.reports.headline.recommendations'), value: fmt(c.conferences.recommendations.raised), prior: fmt(p.conferences.recommendations.raised),
      sub: t('console.reports.headlineSub.recommendations', { resolved: c.conferences.recommendations.resolved, overdue: c.conferences.recommendations.overdue }),
      change: <Change now={c.conferences.recommendations.raised} before={p.conferences.recommendations.raised} />, onOpen: () => open({ records: 'recommendations' }),
    },
    {
      id: 'supervision', label: t('console.reports.headline.supervision'), value: fmt(c.supervision.visits), prior: fmt(p.supervision.visits),
      sub: t('console.reports.headlineSub.supervision', { raised: c.supervision.recommendations.raised }),
      change: <Change now={c.supervision.visits} before={p.supervision.visits} />, onOpen: () => open({ records: 'supervision' }),
    },
    {
      id: 'critique', label: t('console.reports.headline.critique'), value: fmt(c.supervision.critique.sessions), prior: fmt(p.supervision.critique.sessions),
      sub: t('console.reports.headlineSub.critique', { opinions: c.supervision.critique.opinions, accepted: c.supervision.critique.accepted }),
      change: <Change now={c.supervision.critique.sessions} before={p.supervision.critique.sessions} />, onOpen: () => open({ records: 'critique' }),
    },
    {
      id: 'cases', label: t('console.reports.headline.cases'), value: fmt(c.cases.received), prior: fmt(p.cases.received),
      sub: t('console.reports.headlineSub.cases', { resolved: c.cases.resolved, overdue: c.cases.overdue }),
      change: <Change now={c.cases.received} before={p.cases.received} />, onOpen: () => open({ records: 'cases' }),
    },
    {
      id: 'rate', label: t('console.reports.headline.rate'), value: rate(c.cases.resolutionRate), prior: rate(p.cases.resolutionRate),
      sub: t('console.reports.headlineSub.rate', { onTime: c.cases.resolvedOnTime }),
      change: <Change now={c.cases.resolutionRate} before={p.cases.resolutionRate} percent />,
    },
  ];
  return <div className="report-headlines">{items.map((h) => <Headline key={h.id} {...h} />)}</div>;
}

function Downloads({ query, report }: { query: ReportQuery; report: Report | undefined }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const organisations = useMemo(() => {
    const seen = new Map<string, { value: string; label: string; unitCode: string }>();
    for (const m of me.memberships) if (!seen.has(m.organisationId)) seen.set(m.organisationId, { value: m.organisationId, label: m.organisationName, unitCode: m.unitCode });
    return [...seen.values()];
  }, [me]);
  const preferred = organisations.find((o) => o.unitCode === report?.unit.code) ?? organisations[0];
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const issuer = chosen && organisations.some((o) => o.value === chosen) ? chosen : preferred?.value;
  const [busy, setBusy] = useState<'docx' | 'xlsx' | null>(null);

  const run = async (kind: 'docx' | 'xlsx') => {
    setBusy(kind);
    try {
      await (kind === 'docx' ? downloadReportDocx(query, issuer) : downloadReportXlsx(query));
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="report-downloads">
      <Space wrap size={8}>
        <label htmlFor="report-issuer">{t('console.reports.download.issuer')}</label>
        <Select
          id="report-issuer" value={issuer} options={organisations.map(({ value, label }) => ({ value, label }))} onChange={setChosen}
          data-testid="report-issuer" popupMatchSelectWidth={false} style={{ minWidth: 220, maxWidth: '100%' }}
        />
        <Button icon={<FileWordOutlined />} onClick={() => void run('docx')} loading={busy === 'docx'} disabled={!report} data-testid="report-docx">
          {t('console.reports.download.docx')}
        </Button>
        <Button icon={<FileExcelOutlined />} onClick={() => void run('xlsx')} loading={busy === 'xlsx'} disabled={!report} data-testid="report-xlsx">
          {t('console.reports.download.xlsx')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" className="report-downloads__hint">
        <DownloadOutlined aria-hidden /> {t('console.reports.download.hint')}
      </Typography.Paragraph>
    </div>
  );
}

function Sentences({ report }: { report: Report }) {
  const { t } = useI18n();
  const sentences = report.current.conferences.byLevel.map((l) => l.sentence).filter(Boolean);
  // The level sentences have their own card; the highlights repeat them.
  const highlights = report.highlights.filter((h) => !sentences.some((s) => h === s || h === `${s}.`));
  return (
    <div className="report-texts">
      {sentences.length > 0 && (
        <Card size="small" title={t('console.reports.sentences')} data-testid="report-sentences">
          <ul className="report-list">{sentences.map((s) => <li key={s}>{s}</li>)}</ul>
        </Card>
      )}
      {highlights.length > 0 && (
        <Card size="small" title={t('console.reports.highlights')} data-testid="report-highlights">
          <ul className="report-list">{highlights.map((s) => <li key={s}>{s}</li>)}</ul>
        </Card>
      )}
      {report.current.topFields.length > 0 && (
        <Card size="small" title={t('console.reports.topFields')}>
          <Space wrap size={[6, 6]}>
            {report.current.topFields.map((f) => <Tag key={f.code}>{`${f.name}: ${fmt(f.count)}`}</Tag>)}
          </Space>
        </Card>
      )}
    </div>
  );
}

export default function ReportsPage() {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const today = todayInVietnam();
  const query = readQuery(location.query, homeUnitCode(me), today);
  const search = searchOf(query);
  const loaded = useLoader((signal) => getReport(query, signal), [search]);
  const [drill, setDrill] = useState<Drill | null>(null);
  const report = loaded.data && loaded.data.unit.code === query.unit ? loaded.data : loaded.loading ? undefined : loaded.data;

  const go = (next: ReportQuery) => navigate(`/reports${searchOf(next)}`, { replace: true });
  const hrefOf = (code: string) => `/reports${searchOf({ ...query, unit: code })}`;
  const parentCode = report ? report.unit.path.split('.').slice(-2, -1)[0] : undefined;
  const reachesParent = parentCode && me.memberships.some((m) => report!.unit.path.split('.').slice(0, -1).includes(m.unitCode));

  return (
    <>
      <Typography.Title level={2} className="page-title">{t('console.reports.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.reports.intro')}</Typography.Paragraph>

      <div className="report-controls">
        <Space wrap size={8}>
          <label htmlFor="report-unit">{t('console.reports.unit')}</label>
          <UnitPicker id="report-unit" value={query.unit} onChange={(unit) => go({ ...query, unit })} testId="report-unit-picker" style={{ maxWidth: '100%' }} />
        </Space>
        <PeriodPicker value={query} today={today} onChange={(period) => go({ unit: query.unit, ...period })} />
      </div>

      {report && (
        <div className="report-heading" data-testid="report-heading">
          <Typography.Title level={3} className="report-heading__title">
            {report.unit.name} — {report.period.label}
          </Typography.Title>
          <Typography.Text type="secondary">
            {report.period.kind === 'custom'
              ? report.period.label
              : t('console.reports.periodLine', { label: report.period.label, from: formatDay(report.period.from), to: formatDay(report.period.to) })}
            {' · '}
            {t('console.reports.previousLine', { label: report.previous.label })}
            {' · '}
            {t('console.reports.generatedAt', { at: formatInstant(report.generatedAt) })}
          </Typography.Text>
          {reachesParent && (
            <div><Link to={hrefOf(parentCode!)} data-testid="report-up">↑ {t('console.reports.up2')}</Link></div>
          )}
        </div>
      )}

      <Downloads query={query} report={report} />

      {Boolean(loaded.error) && <Alert type="error" showIcon title={errorMessage(loaded.error, t)} style={{ marginBottom: 12 }} data-testid="report-error" />}
      {loaded.loading && !report && <Skeleton active paragraph={{ rows: 6 }} />}

      {report?.coverage && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('console.reports.coverage', { from: formatDay(report.coverage.from), to: formatDay(report.coverage.to) })} />
      )}

      {report && report.empty && (
        <Card className="report-empty" data-testid="report-empty">
          <Empty
            description={
              <>
                <Typography.Title level={4}>{t('console.reports.emptyTitle')}</Typography.Title>
                <Typography.Paragraph>{t('console.reports.emptyText', { unit: report.unit.name, label: report.period.label })}</Typography.Paragraph>
                {report.prior.conferences.held + report.prior.supervision.visits + report.prior.cases.received > 0 && (
                  <Typography.Paragraph type="secondary">
                    {t('console.reports.emptyPrior', {
                      label: report.previous.label, conferences: report.prior.conferences.held, visits: report.prior.supervision.visits, cases: report.prior.cases.received,
                    })}
                  </Typography.Paragraph>
                )}
              </>
            }
          />
        </Card>
      )}

      {report && !report.empty && (
        <div className={loaded.loading ? 'report-body report-body--stale' : 'report-body'} aria-busy={loaded.loading}>
          <Headlines report={report} open={(records) => setDrill({ records, unitName: report.unit.name })} />
          <Suspense fallback={<Card size="small"><Skeleton active title={false} paragraph={{ rows: 4 }} /><Typography.Text type="secondary">{t('console.reports.charts.loading')}</Typography.Text></Card>}>
            <ReportCharts
              report={report}
              onLevel={(level, era) => setDrill({ records: { records: 'conferences', level, era }, unitName: report.unit.name, label: `${t('console.reports.records.kind.conferences')} (${t(`unitLevel.${level}`)})` })}
            />
          </Suspense>
          <Sentences report={report} />
          {report.children.length > 0 && (
            <Card size="small" title={t('console.reports.children.title')} className="report-children">
              <Typography.Paragraph type="secondary">{t('console.reports.children.hint')}</Typography.Paragraph>
              <ChildrenTable
                report={report}
                hrefOf={hrefOf}
                onFigure={(child, figure) => setDrill({
                  records: { records: FIGURE_RECORDS[figure], child: child.code, era: child.era },
                  unitName: child.name,
                  label: t(`console.reports.children.${figure}`),
                })}
              />
            </Card>
          )}
        </div>
      )}

      <RecordsDrawer query={query} drill={drill} onClose={() => setDrill(null)} />
    </>
  );
}
