// Report v1 ("tổng kết"): the figures of a unit's subtree over a period and the period before, in the unit tree in
// force during the period, with the summary sentences the documents print; and the records behind a figure.
// The figures come from each module's exported figure functions: this module reads no other module's tables.
import { scopesFor, type Actor } from '../../platform/access.ts';
import { todayVN } from '../../platform/clock.ts';
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { readAll } from '../../platform/parallel.ts';
import { reportScope, scopeCovers, type ReportScope } from '../units/index.ts';
import { caseFigures, listCasesIn, listFields, CASE_READ } from '../cases/index.ts';
import { dialogueFigures, listConferencesIn, listDialogueRecommendationsIn } from '../dialogue/index.ts';
import { supervisionFigures, listVisitsIn, listCritiqueSessionsIn } from '../supervision/index.ts';
import { parsePeriod, previousPeriod } from './reports.period.ts';
import { highlights } from './reports.highlights.ts';
import { REPORT_READ } from './reports.policy.ts';
import type {
  CaseFigures, ChildRow, ConferenceFigures, Era, Level, Period, PeriodQuery, RecordKind, RecordsPage, Report, ReportFigures, SupervisionFigures,
} from './reports.types.ts';

export interface ReportInput {
  unitCode: string;
  period: PeriodQuery;
  /** Also the children's figures in the period before (the documents' "kỳ trước" columns), in the tree in force then. */
  withPriorChildren?: boolean;
}

export function emptyFigures(): ReportFigures {
  const conferences: ConferenceFigures = { held: 0, periodic: 0, adHoc: 0, notHeld: 0, attendance: 0, byLevel: [], recommendations: { raised: 0, answeredOnSpot: 0, resolved: 0, inProgress: 0, overdue: 0 } };
  const supervision: SupervisionFigures = {
    visits: 0, byForm: { nghien_cuu_van_ban: 0, doan_giam_sat: 0, ban_ttnd: 0, ban_gsdtccd: 0, lay_y_kien: 0 }, recommendations: { raised: 0, answered: 0, resolved: 0 },
    critique: { drafts: 0, sessions: 0, byForm: { hoi_nghi: 0, van_ban: 0, doi_thoai: 0 }, opinions: 0, responded: 0, accepted: 0 }, byLevel: [],
  };
  const cases: CaseFigures = { received: 0, byChannel: {}, byKind: {}, accepted: 0, resolved: 0, resolvedOnTime: 0, overdue: 0, mass: 0, overLevel: 0, resolutionRate: null };
  return { conferences, supervision, cases, topFields: [] };
}

/** The most raised fields: recommendations of conferences and supervisions, and cases not raised by them. */
export const TOP_FIELDS = 5;

/** E: the day figures are read at, the period's last day or today while it runs. */
const asOfFor = (p: { to: string }) => (p.to < todayVN() ? p.to : todayVN());

interface Computed {
  figures: ReportFigures;
  children: { dialogue: Awaited<ReturnType<typeof dialogueFigures>>['children']; supervision: Awaited<ReturnType<typeof supervisionFigures>>['children']; cases: Awaited<ReturnType<typeof caseFigures>>['children'] } | null;
}

/** The reader's right to the unit's report: report.read over a scope covering it (a 2025 province covers the old provinces that became it). */
function mayRead(actor: Actor, scope: ReportScope, action = REPORT_READ): boolean {
  return scopeCovers(scopesFor(actor, action), scope.unit);
}

/**
 * The report of a unit for a period, for a reader whose scope covers the unit. Named failures: invalid_date,
 * report_period_invalid, report_period_too_long, unit_not_found, report_outside_scope, report_unit_not_in_force.
 * A period with nothing recorded is a report with `empty: true`, not a failure.
 */
export async function buildReport(ctx: AppContext, actor: Actor, input: ReportInput): Promise<Outcome<Report>> {
  const opened = await openScope(ctx, actor, input);
  if (!opened.ok) return opened;
  const { period, scope } = opened.value;
  const previous = previousPeriod(period);
  // The period before is the same unit's (a 2025 province stays itself before 1 July 2025: its old provinces).
  const [current, prior] = await readAll(ctx, [
    () => compute(ctx, scope, asOfFor(period)),
    async () => {
      const found = await reportScope(ctx, scope.unit.code, previous, { era: scope.unit.era });
      if (!found.ok || found.scope.segments.length === 0) return null;
      const priorScope = input.withPriorChildren ? found.scope : { ...found.scope, children: [] };
      return { scope: priorScope, computed: await compute(ctx, priorScope, asOfFor(previous)) };
    },
  ] as const);

  const children = childRows(scope, current);
  const coverage = scope.coverage && (scope.coverage.from !== period.from || scope.coverage.to !== period.to) ? scope.coverage : undefined;
  const report: Report = {
    unit: { code: scope.unit.code, name: scope.unit.name, level: scope.unit.level as Level, path: scope.unit.path },
    period, previous, empty: isEmpty(current.figures), current: current.figures, prior: prior?.computed.figures ?? emptyFigures(), children,
    highlights: [], generatedAt: new Date().toISOString(), ...(coverage ? { coverage } : {}),
    ...(input.withPriorChildren ? { priorChildren: prior ? childRows(prior.scope, prior.computed) : [] } : {}),
  };
  report.highlights = highlights(report, { priorInForce: prior !== null });
  return ok(report);
}

/** Period, unit and the reader's right, checked in this order; the scope of the unit in the period. */
async function openScope(ctx: AppContext, actor: Actor, input: ReportInput, action = REPORT_READ): Promise<Outcome<{ period: Period; scope: ReportScope }>> {
  const parsed = parsePeriod(input.period);
  if (!parsed.ok) return fail(parsed.reason, parsed.vars);
  const period = parsed.period;
  const found = await reportScope(ctx, input.unitCode, period);
  if (!found.ok) return fail('unit_not_found', { code: input.unitCode });
  const scope = found.scope;
  if (!mayRead(actor, scope, action)) {
    return denied('report_outside_scope', { action, unitPath: scope.unit.path, unitCode: scope.unit.code, targetType: 'report', targetId: scope.unit.code });
  }
  if (scope.segments.length === 0) return fail('report_unit_not_in_force', { name: scope.unit.name, period: period.label });
  return ok({ period, scope });
}

async function compute(ctx: AppContext, scope: ReportScope, asOf: string): Promise<Computed> {
  const p = { asOf };
  const [d, s, c, fieldList] = await readAll(ctx, [
    () => dialogueFigures(ctx, scope, p),
    () => supervisionFigures(ctx, scope, p),
    () => caseFigures(ctx, scope, p),
    () => listFields(ctx),
  ] as const);
  const counts = new Map<string, number>();
  for (const m of [d.fields, s.fields, c.fields]) for (const [code, n] of m) counts.set(code, (counts.get(code) ?? 0) + n);
  const names = new Map(fieldList.map((f) => [f.code, f.name]));
  const collator = new Intl.Collator('vi');
  const topFields = [...counts].filter(([, n]) => n > 0)
    .map(([code, count]) => ({ code, name: names.get(code) ?? code, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.name, b.name))
    .slice(0, TOP_FIELDS);
  return {
    figures: { conferences: d.conferences, supervision: s.supervision, cases: c.cases, topFields },
    children: scope.children.length ? { dialogue: d.children, supervision: s.children, cases: c.children } : null,
  };
}

function childRows(scope: ReportScope, computed: Computed): ChildRow[] {
  return scope.children.map((c) => {
    const d = computed.children!.dialogue.get(c.key)!;
    const s = computed.children!.supervision.get(c.key)!;
    const k = computed.children!.cases.get(c.key)!;
    return { code: c.code, name: c.name, level: c.level as Level, era: c.era as Era, ...d, ...s, ...k };
  });
}

function isEmpty(f: ReportFigures): boolean {
  return f.conferences.held + f.conferences.notHeld + f.conferences.recommendations.raised + f.supervision.visits
    + f.supervision.recommendations.raised + f.supervision.critique.drafts + f.supervision.critique.sessions + f.cases.received === 0;
}

// ——— Drill-down ———

export interface RecordsInput extends ReportInput {
  kind: RecordKind;
  level?: Level;
  era?: Era;
  /** Code of a child unit of the report (a row of its drill-down table). */
  child?: string;
  page: number;
}

export const PAGE_SIZE = 50;

/**
 * The records behind a figure of the report, one page at a time, within the report's scope (and the child's and the
 * level row's when given). Cases also need the right to read cases over the unit. Named failures: those of
 * buildReport, report_level_invalid, report_child_not_found, forbidden.
 */
export async function listRecords(ctx: AppContext, actor: Actor, input: RecordsInput): Promise<Outcome<RecordsPage>> {
  const opened = await openScope(ctx, actor, input);
  if (!opened.ok) return opened;
  const { period, scope } = opened.value;
  if (input.kind === 'cases' && !mayRead(actor, scope, CASE_READ)) {
    return denied('forbidden', { action: CASE_READ, unitPath: scope.unit.path, unitCode: scope.unit.code, targetType: 'report', targetId: scope.unit.code });
  }
  let levels: { level: Level; era: Era }[] | undefined;
  if (input.level) {
    levels = scope.levels.filter((r) => r.level === input.level && (!input.era || r.era === input.era)).map((r) => ({ level: r.level, era: r.era }));
    if (levels.length === 0) return fail('report_level_invalid', { level: input.level });
  }
  let segments = scope.segments;
  if (input.child) {
    const child = scope.children.find((c) => c.code === input.child && (!input.era || c.era === input.era));
    if (!child) return fail('report_child_not_found', { code: input.child });
    segments = child.segments;
  }
  const q = { segments, levels, page: input.page, pageSize: PAGE_SIZE };
  const list = {
    conferences: () => listConferencesIn(ctx, q),
    recommendations: () => listDialogueRecommendationsIn(ctx, q),
    supervision: () => listVisitsIn(ctx, q),
    critique: () => listCritiqueSessionsIn(ctx, q),
    cases: () => listCasesIn(ctx, { ...q, asOf: asOfFor(period) }),
  }[input.kind];
  const { items, total } = await list();
  return ok({ items, total, page: input.page, pageSize: PAGE_SIZE });
}
