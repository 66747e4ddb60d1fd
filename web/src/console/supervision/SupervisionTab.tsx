// Tab "Giám sát": the unit's supervision programmes of the year, its supervisions as cards (form, who supervises whom,
// dates, findings, each recommendation with its case and answer), and all recommendations in one table; plan, record
// and cancel a supervision, add a programme.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { listCaseFields } from '../../api/cases.ts';
import { getVisit, listProgrammes, listVisits } from '../../api/supervision.ts';
import type { Recommendation, RecommendationStatus, Visit, VisitStatus } from '../../api/supervision.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { formatDay } from '../../shared/format.ts';
import { Link, setQueryParam } from '../router.tsx';
import { can, useMe } from '../session/SessionProvider.tsx';
import { useLoader } from '../shared/useLoader.ts';
import type { Scope } from './SupervisionPage.tsx';
import { CancelDialog, PlanDialog, ProgrammeDialog, RecordDialog } from './VisitDialogs.tsx';

const STATUS_COLOR: Record<VisitStatus, string> = { planned: 'blue', done: 'green', cancelled: 'default' };
const REC_COLOR: Record<RecommendationStatus, string> = { in_progress: 'gold', answered: 'blue', resolved: 'green' };

type Dialog = { kind: 'programme' } | { kind: 'plan' } | { kind: 'record'; visit: Visit } | { kind: 'cancel'; visit: Visit } | null;

/** `limited`: an official who reads the supervised body's cases, not the Front's records: only the supervision linked to. */
export function SupervisionTab({ scope, focus, limited }: { scope: Scope; focus: string | null; limited: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const query = { unit: scope.unit, year: scope.year ?? undefined, subtree: scope.subtree };
  const programmes = useLoader((signal) => (limited ? Promise.resolve([]) : listProgrammes(query, signal)), [scope.unit, scope.year, scope.subtree, limited]);
  const visits = useLoader(
    (signal) => (limited ? (focus ? getVisit(focus, signal).then((v) => [v]) : Promise.resolve([])) : listVisits(query, signal)),
    [scope.unit, scope.year, scope.subtree, limited, focus],
  );
  const fields = useLoader((signal) => listCaseFields(signal), []);
  const fieldName = useMemo(() => new Map((fields.data ?? []).map((f) => [f.code, f.name])), [fields.data]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [opening, setOpening] = useState(0);
  const open = (d: Dialog) => {
    setOpening((n) => n + 1);
    setDialog(d);
  };
  const manages = can(me, 'supervision.manage');
  const readsCases = can(me, 'case.read');

  // A supervision named in the address (a case links here): shown in its year, scrolled to.
  useEffect(() => {
    if (!focus || !visits.data || limited) return;
    const card = document.getElementById(`supervision-visit-${focus}`);
    if (card) {
      card.scrollIntoView({ block: 'start' });
      return;
    }
    const controller = new AbortController();
    getVisit(focus, controller.signal).then(
      (v) => { if (Number(v.startedOn.slice(0, 4)) !== scope.year) setQueryParam('year', v.startedOn.slice(0, 4)); },
      () => undefined,
    );
    return () => controller.abort();
  }, [focus, visits.data, scope.year, limited]);

  const saved = (text?: string) => {
    message.success(text ?? t('common.saved'));
    programmes.reload();
    visits.reload();
  };

  const recommendations = (visits.data ?? []).flatMap((v) => v.recommendations.map((r) => ({ ...r, visit: v })));
  const caseRef = (r: Recommendation) =>
    r.case ? (readsCases ? <Link to={`/cases/${r.case.id}`} data-testid={`supervision-rec-case-${r.id}`}>{r.case.number}</Link> : <span data-testid={`supervision-rec-case-${r.id}`}>{r.case.number}</span>) : null;
  const recTag = (r: Recommendation) => (
    <Tag color={REC_COLOR[r.status]} data-testid={`supervision-rec-status-${r.id}`}>
      {t(`console.supervision.recStatus.${r.status}`)}
    </Tag>
  );

  const columns: TableColumnsType<Recommendation & { visit: Visit }> = [
    {
      title: t('console.supervision.recs.content'),
      key: 'content',
      render: (_: unknown, r) => (
        <span>
          <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ marginBottom: 2 }}>
            {r.content}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.visit.topic} · {r.visit.subject.name}
          </Typography.Text>
          <span className="supervision-narrow">
            <Space size={4} wrap style={{ marginTop: 4 }}>
              {recTag(r)}
              {caseRef(r)}
              {r.dueOn && <Typography.Text type="secondary">{t('console.supervision.recs.due', { date: formatDay(r.dueOn) })}</Typography.Text>}
            </Space>
          </span>
        </span>
      ),
    },
    { title: t('console.supervision.recs.case'), key: 'case', width: 110, responsive: ['md'], render: (_: unknown, r) => caseRef(r) ?? t('common.none') },
    { title: t('console.supervision.recs.dueOn'), key: 'due', width: 120, responsive: ['md'], render: (_: unknown, r) => formatDay(r.dueOn) },
    { title: t('console.supervision.recs.status'), key: 'status', width: 140, responsive: ['md'], render: (_: unknown, r) => recTag(r) },
    {
      title: t('console.supervision.recs.answer'),
      key: 'answer',
      responsive: ['lg'],
      render: (_: unknown, r) =>
        r.answer ? (
          <span>
            <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ marginBottom: 2 }}>{r.answer}</Typography.Paragraph>
            {r.answeredOn && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDay(r.answeredOn)}</Typography.Text>}
          </span>
        ) : (
          t('common.none')
        ),
    },
  ];

  return (
    <>
      {!limited && (
        <section aria-labelledby="supervision-programmes-title" className="supervision-section">
          <Space wrap className="supervision-section__head">
            <Typography.Title level={3} id="supervision-programmes-title" className="supervision-section__title">
              {t('console.supervision.programmes.title')}
            </Typography.Title>
            {manages && (
              <Button icon={<PlusOutlined />} onClick={() => open({ kind: 'programme' })} data-testid="supervision-programme-add">
                {t('console.supervision.programmes.add')}
              </Button>
            )}
          </Space>
          {Boolean(programmes.error) && <Alert type="error" showIcon title={errorMessage(programmes.error, t)} style={{ marginBottom: 12 }} />}
          {programmes.data?.length === 0 && <Typography.Paragraph type="secondary">{t('console.supervision.programmes.empty')}</Typography.Paragraph>}
          <div className="supervision-programmes" data-testid="supervision-programmes">
            {(programmes.data ?? []).map((p) => (
              <Card key={p.id} size="small" title={<span className="supervision-card__title">{p.title}</span>} data-testid={`supervision-programme-${p.id}`}>
                <Typography.Text type="secondary">
                  {p.organisation.name} · {t('console.supervision.programmes.yearVisits', { year: String(p.year), count: p.visits })}
                </Typography.Text>
                {p.content && <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: '4px 0 0' }}>{p.content}</Typography.Paragraph>}
              </Card>
            ))}
          </div>
        </section>
      )}

      <section aria-labelledby="supervision-visits-title" className="supervision-section">
        <Space wrap className="supervision-section__head">
          <Typography.Title level={3} id="supervision-visits-title" className="supervision-section__title">
            {t('console.supervision.visits.title')}
          </Typography.Title>
          {manages && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ kind: 'plan' })} data-testid="supervision-visit-add">
              {t('console.supervision.visits.add')}
            </Button>
          )}
        </Space>
        {Boolean(visits.error) && <Alert type="error" showIcon title={errorMessage(visits.error, t)} style={{ marginBottom: 12 }} />}
        {visits.data?.length === 0 && <Empty description={t('console.supervision.visits.empty')} />}
        <div className="supervision-cards" data-testid="supervision-visits">
          {(visits.data ?? []).map((v) => (
            <Card
              key={v.id}
              id={`supervision-visit-${v.id}`}
              size="small"
              className={v.id === focus ? 'supervision-card supervision-card--focus' : 'supervision-card'}
              data-testid={`supervision-visit-${v.id}`}
              title={<span className="supervision-card__title">{v.topic}</span>}
              extra={<Tag color={STATUS_COLOR[v.status]} data-testid={`supervision-visit-status-${v.id}`}>{t(`console.supervision.status.${v.status}`)}</Tag>}
            >
              <dl className="supervision-facts">
                <dt>{t('console.supervision.visits.form')}</dt>
                <dd>{t(`console.supervision.form.${v.form}`)}</dd>
                <dt>{t('console.supervision.visits.supervisor')}</dt>
                <dd>{v.supervisorName}</dd>
                <dt>{t('console.supervision.visits.subject')}</dt>
                <dd>{v.subject.unit && v.subject.unit.code !== v.unit.code ? `${v.subject.name} (${v.subject.unit.name})` : v.subject.name}</dd>
                <dt>{t('console.supervision.visits.when')}</dt>
                <dd>{v.endedOn && v.endedOn !== v.startedOn ? `${formatDay(v.startedOn)} – ${formatDay(v.endedOn)}` : formatDay(v.startedOn)}</dd>
                {v.programme && (
                  <>
                    <dt>{t('console.supervision.visits.programme')}</dt>
                    <dd>{v.programme.title}</dd>
                  </>
                )}
                {scope.subtree && (
                  <>
                    <dt>{t('console.supervision.unit')}</dt>
                    <dd>{v.unit.name}</dd>
                  </>
                )}
                {v.findings && (
                  <>
                    <dt>{t('console.supervision.visits.findings')}</dt>
                    <dd>
                      <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }}>{v.findings}</Typography.Paragraph>
                    </dd>
                  </>
                )}
                {v.cancelReason && (
                  <>
                    <dt>{t('console.supervision.visits.cancelReason')}</dt>
                    <dd>{v.cancelReason}</dd>
                  </>
                )}
              </dl>
              {v.recommendations.length > 0 && (
                <ol className="supervision-recs" data-testid={`supervision-visit-recs-${v.id}`}>
                  {v.recommendations.map((r) => (
                    <li key={r.id}>
                      <Typography.Text>{r.content}</Typography.Text>
                      <Space size={4} wrap className="supervision-recs__meta">
                        {recTag(r)}
                        {r.case && <span>{t('console.supervision.recs.caseNo')} {caseRef(r)}</span>}
                        <Typography.Text type="secondary">{fieldName.get(r.fieldCode) ?? r.fieldCode}</Typography.Text>
                        {r.dueOn && <Typography.Text type="secondary">{t('console.supervision.recs.due', { date: formatDay(r.dueOn) })}</Typography.Text>}
                      </Space>
                      {r.answer && (
                        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }} className="supervision-recs__answer">
                          {t('console.supervision.recs.answered', { date: formatDay(r.answeredOn) })} {r.answer}
                        </Typography.Paragraph>
                      )}
                    </li>
                  ))}
                </ol>
              )}
              {(v.abilities.record || v.abilities.cancel) && (
                <Space wrap style={{ marginTop: 8 }}>
                  {v.abilities.record && (
                    <Button type="primary" size="small" onClick={() => open({ kind: 'record', visit: v })} data-testid={`supervision-visit-record-${v.id}`}>
                      {t('console.supervision.visits.record')}
                    </Button>
                  )}
                  {v.abilities.cancel && (
                    <Button size="small" onClick={() => open({ kind: 'cancel', visit: v })} data-testid={`supervision-visit-cancel-${v.id}`}>
                      {t('console.supervision.visits.cancel')}
                    </Button>
                  )}
                </Space>
              )}
            </Card>
          ))}
        </div>
      </section>

      {!limited && (
        <section aria-labelledby="supervision-recs-title" className="supervision-section">
          <Typography.Title level={3} id="supervision-recs-title" className="supervision-section__title">
            {t('console.supervision.recs.title')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={recommendations}
            loading={visits.loading}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: t('console.supervision.recs.empty') }}
            data-testid="supervision-recs"
          />
        </section>
      )}

      <ProgrammeDialog key={`p${opening}`} open={dialog?.kind === 'programme'} unit={scope.unit} onClose={() => setDialog(null)} onSaved={() => saved()} />
      <PlanDialog key={`v${opening}`} open={dialog?.kind === 'plan'} unit={scope.unit} onClose={() => setDialog(null)} onSaved={() => saved()} />
      <RecordDialog
        key={`r${opening}`}
        visit={dialog?.kind === 'record' ? dialog.visit : null}
        fields={fields.data ?? []}
        onClose={() => setDialog(null)}
        onSaved={(v) => saved(t('console.supervision.recordForm.done', { count: v.recommendations.length }))}
      />
      <CancelDialog key={`c${opening}`} visit={dialog?.kind === 'cancel' ? dialog.visit : null} onClose={() => setDialog(null)} onSaved={() => saved()} />
    </>
  );
}
