// The case core's part of report v1: the cases received over a report scope, counted at their receiving unit, in one
// pass over the report index (migration 0010); and the cases behind a figure for the drill-down.
//
// The cases of a period are those received in it (received_on), at a receiving unit in the scope. Each figure reads
// them as they stood at E, the period's last day (or today while the period runs), so that a closed year's report does
// not change as its cases go on:
// - received: all of them; byChannel and byKind: by channel and by kind (its kind today, after any reclassification);
// - accepted (thụ lý): accepted for settlement on or before E (event 'accepted'; accepted_on);
// - resolved: reached their result on or before E (resolved_on): the decision or conclusion of a complaint or
//   denunciation (event 'decided', on its decision date), the answer of a recommendation or reflection (event
//   'answered'); an appeal or a reopening takes the result back. Cases guided, transferred, filed, split or withdrawn
//   are handled but not resolved;
// - resolvedOnTime: resolved on or before the deadline running just before the result (resolution_due_on, extensions
//   included; none running counts as on time);
// - overdue: resolved after that deadline, or still unresolved and not otherwise ended at E with the deadline running
//   then (due_on, or resolution_due_on for a case resolved after E) before E. resolvedOnTime + overdue counts every
//   late or punctual result; cases ended otherwise after E are taken as not overdue (their last deadline is not kept);
// - mass (đông người), overLevel (vượt cấp): flagged so;
// - resolutionRate: resolved / accepted, in per cent with one decimal; null when none was accepted.
// Fields for the most raised list count the cases not raised by a conference or a supervision (those are counted as
// recommendations by their own module).
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/http.ts';
import { aggregateRows } from '../../platform/parallel.ts';
import { inSegments, placeGroup, recordWhere, scopeKeys, unitNamesAt, type RecordQuery, type ReportScope, type ScopeGroup } from '../units/index.ts';
import type { CaseFigures, RecordItem } from '../reports/index.ts';
import { CHANNELS, KINDS, CHANNEL_NAMES, KIND_NAMES, STATE_NAMES, type Channel, type Kind, type State } from './cases.workflow.ts';
import { rollupAnswers, rollupRows } from './cases.rollup.ts';

export interface CaseChildCounts { casesReceived: number; casesResolved: number; casesOverdue: number }

export interface CaseReportFigures {
  cases: CaseFigures;
  children: Map<string, CaseChildCounts>;
  /** Cases received in the period and not raised by another activity, by field code. */
  fields: Map<string, number>;
}

const n = (v: unknown) => Number(v ?? 0);
const VN = 'Asia/Ho_Chi_Minh';

/** The conditions of the definitions above, for E (cheap per row: the end of E as an instant is computed once). */
function conditions(E: string) {
  const endOfE = new Date(`${E}T00:00:00+07:00`);
  endOfE.setUTCDate(endOfE.getUTCDate() + 1);
  const resolved = sql`resolved_on <= ${E}::date`;
  // resolution_due_on is kept only with resolved_on: for a case unresolved at E the deadline running is due_on.
  const openAtE = sql`(resolved_on is null or resolved_on > ${E}::date) and (closed_at is null or closed_at >= ${endOfE.toISOString()}::timestamptz)`;
  return {
    accepted: sql`accepted_on <= ${E}::date`,
    resolved,
    onTime: sql`${resolved} and (resolution_due_on is null or resolved_on <= resolution_due_on)`,
    overdue: sql`(${resolved} and resolved_on > resolution_due_on) or (${openAtE} and coalesce(resolution_due_on, due_on) < ${E}::date)`,
  };
}

/**
 * One pass over the period's cases (the report index alone), as two grouping sets: by tree, child and field with the
 * figures counted by condition (a few thousand groups at most), and by channel and kind.
 */
export async function caseFigures(ctx: AppContext, scope: ReportScope, period: { asOf: string }): Promise<CaseReportFigures> {
  if (rollupAnswers(scope, period.asOf)) return fromRollup(ctx, scope, period.asOf);
  return countCases(ctx, scope, period);
}

/** The figures counted case by case (exported for the tests that hold the roll-up to them). */
export async function countCases(ctx: AppContext, scope: ReportScope, period: { asOf: string }): Promise<CaseReportFigures> {
  const k = scopeKeys(scope, sql`received_on`, sql`receiving_unit_path`);
  const c = conditions(period.asOf);
  type Row = ScopeGroup & {
    by_channel: boolean; field_code: string | null; channel: string | null; kind: string | null;
    received: number; own: number; accepted: number; resolved: number; on_time: number; overdue: number; mass: number; over_level: number;
  };
  const rows = await aggregateRows<Row>(ctx, sql`
    select ${k.era} as era_new, 0 as depth, ${k.child} as child, null::text as province, field_code, channel, kind,
      grouping(channel) = 0 as by_channel,
      count(*)::int as received,
      count(*) filter (where origin_id is null)::int as own,
      count(*) filter (where ${c.accepted})::int as accepted,
      count(*) filter (where ${c.resolved})::int as resolved,
      count(*) filter (where ${c.onTime})::int as on_time,
      count(*) filter (where ${c.overdue})::int as overdue,
      count(*) filter (where mass)::int as mass,
      count(*) filter (where over_level)::int as over_level
    from cases_case
    where ${inSegments(scope.segments, sql`received_on`, sql`receiving_unit_path`)}
    group by grouping sets ((1, 3, 5), (6, 7))`);
  const { figures, children, fields } = blank(scope);
  for (const g of rows) {
    if (g.by_channel) {
      figures.byChannel[g.channel!] = (figures.byChannel[g.channel!] ?? 0) + n(g.received);
      figures.byKind[g.kind!] = (figures.byKind[g.kind!] ?? 0) + n(g.received);
      continue;
    }
    figures.received += n(g.received);
    figures.accepted += n(g.accepted); figures.resolved += n(g.resolved); figures.resolvedOnTime += n(g.on_time);
    figures.overdue += n(g.overdue); figures.mass += n(g.mass); figures.overLevel += n(g.over_level);
    if (n(g.own)) fields.set(g.field_code!, (fields.get(g.field_code!) ?? 0) + n(g.own));
    const p = placeGroup(scope, g);
    const ch = p.child ? children.get(p.child) : undefined;
    if (ch) { ch.casesReceived += n(g.received); ch.casesResolved += n(g.resolved); ch.casesOverdue += n(g.overdue); }
  }
  figures.resolutionRate = rate(figures);
  return { cases: figures, children, fields };
}

function blank(scope: ReportScope): { figures: CaseFigures; children: Map<string, CaseChildCounts>; fields: Map<string, number> } {
  return {
    figures: {
      received: 0, byChannel: Object.fromEntries(CHANNELS.map((x) => [x, 0])), byKind: Object.fromEntries(KINDS.map((x) => [x, 0])),
      accepted: 0, resolved: 0, resolvedOnTime: 0, overdue: 0, mass: 0, overLevel: 0, resolutionRate: null,
    },
    children: new Map(scope.children.map((ch) => [ch.key, { casesReceived: 0, casesResolved: 0, casesOverdue: 0 }])),
    fields: new Map(),
  };
}

const rate = (f: CaseFigures) => (f.accepted ? Math.round((f.resolved / f.accepted) * 1000) / 10 : null);

/** The same figures from the monthly roll-up (the centre's report over whole months; see cases.rollup.ts). */
async function fromRollup(ctx: AppContext, scope: ReportScope, asOf: string): Promise<CaseReportFigures> {
  const rows = await rollupRows(ctx, scope, asOf);
  const { figures, children, fields } = blank(scope);
  for (const g of rows.place) {
    figures.received += g.received; figures.accepted += g.accepted; figures.resolved += g.resolved;
    figures.resolvedOnTime += g.on_time; figures.overdue += g.overdue;
    const p = placeGroup(scope, g);
    const ch = p.child ? children.get(p.child) : undefined;
    if (ch) { ch.casesReceived += g.received; ch.casesResolved += g.resolved; ch.casesOverdue += g.overdue; }
  }
  for (const g of rows.channels) {
    figures.byChannel[g.channel] = (figures.byChannel[g.channel] ?? 0) + g.received;
    figures.byKind[g.kind] = (figures.byKind[g.kind] ?? 0) + g.received;
    figures.mass += g.mass; figures.overLevel += g.over_level;
  }
  for (const g of rows.fields) fields.set(g.field_code, (fields.get(g.field_code) ?? 0) + g.own);
  figures.resolutionRate = rate(figures);
  return { cases: figures, children, fields };
}

// ——— Drill-down ———

/** The cases behind a figure, newest first; a denunciation's title is not shown (it may name the denounced). */
export async function listCasesIn(ctx: AppContext, q: RecordQuery & { asOf: string }): Promise<{ items: RecordItem[]; total: number }> {
  const cond = recordWhere(q, sql`received_on`, sql`receiving_unit_path`);
  const c = conditions(q.asOf);
  const [{ total }] = await ctx.database.rows<{ total: number }>(sql`select count(*)::int as total from cases_case where ${cond}`);
  const rows = await ctx.database.rows<{ id: string; number: string; unit_code: string; received_on: string; title: string; kind: string; channel: string; state: string; confidential: boolean; overdue: boolean }>(sql`
    select id, number, receiving_unit_code as unit_code, received_on, title, kind, channel, state, confidential,
      coalesce(${c.overdue}, false) as overdue
    from cases_case where ${cond}
    order by received_on desc, id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const names = await unitNamesAt(ctx, rows.map((r) => ({ code: r.unit_code, day: r.received_on })));
  return {
    total,
    items: rows.map((r) => ({
      id: r.id, kind: 'cases', date: r.received_on, unit: { code: r.unit_code, name: names.get(`${r.unit_code}@${r.received_on}`) ?? r.unit_code },
      title: r.confidential ? `Vụ việc số ${r.number} (tố cáo, nội dung được bảo mật)` : `Vụ việc số ${r.number}: ${r.title}`,
      detail: `${cap(KIND_NAMES[r.kind as Kind] ?? r.kind)} — ${CHANNEL_NAMES[r.channel as Channel] ?? r.channel}`,
      status: `${cap(STATE_NAMES[r.state as State] ?? r.state)}${r.overdue ? ' (quá hạn)' : ''}`,
      link: `/cases/${r.id}`,
    })),
  };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
