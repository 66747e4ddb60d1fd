// The cases of the centre's report read from the monthly roll-up (migration 0012) instead of case by case, and the
// worker that folds the roll-up's delta rows.
//
// The roll-up answers a report of the centre whose period is made of whole months, read at E the last day of a month
// (a closed period) or today (a running one). Its date columns are months, so for E in the middle of a month (today)
// the open cases whose deadline passed earlier in that month are counted from the cases themselves, by the index of
// open cases by deadline. Other reports (a province's, a commune's, a custom period cut mid-month) count the cases.
// Dates are never in the future (an acceptance, a result or a closing is recorded on or before today), which is what
// makes "on or before today" the same as "on or before the end of this month".
import { sql } from 'drizzle-orm';
import { todayVN } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/http.ts';
import { aggregateRows, readAll } from '../../platform/parallel.ts';
import { ROOT_CODE, REFORM_DAY, type ReportScope, type ScopeGroup } from '../units/index.ts';

const monthOf = (day: string) => `${day.slice(0, 8)}01`;

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const isMonthEnd = (day: string) => nextDay(day).endsWith('-01');

/** Does the roll-up answer this report: the centre, whole months, E the end of a month or today? */
export function rollupAnswers(scope: ReportScope, asOf: string): boolean {
  const c = scope.coverage;
  if (!c || scope.unit.code !== ROOT_CODE) return false;
  if (!c.from.endsWith('-01') || !isMonthEnd(c.to)) return false;
  return isMonthEnd(asOf) || asOf === todayVN();
}

export type RollupPlaceRow = ScopeGroup & { received: number; accepted: number; resolved: number; on_time: number; overdue: number };
export interface RollupRows {
  place: RollupPlaceRow[];
  channels: { channel: string; kind: string; received: number; mass: number; over_level: number }[];
  fields: { field_code: string; own: number }[];
}

/** The roll-up's rows for the months of the scope's coverage, read at E (see `rollupAnswers`). */
export async function rollupRows(ctx: AppContext, scope: ReportScope, asOf: string): Promise<RollupRows> {
  const from = monthOf(scope.coverage!.from);
  const to = monthOf(scope.coverage!.to);
  const mE = monthOf(asOf);
  const midMonth = !isMonthEnd(asOf);
  // A deadline is before E when the day after it is on or before E: for E the end of a month, when that day's month
  // is E's or earlier; in the middle of a month only the earlier months are sure (the rest is counted case by case).
  const dueBefore = midMonth ? sql`due_m < ${mE}::date` : sql`due_m <= ${mE}::date`;
  const [place, late, channels, fields] = await readAll(ctx, [
    () => aggregateRows<RollupPlaceRow>(ctx, sql`
      select month >= ${REFORM_DAY}::date as era_new, depth, nullif(province, '') as child, null::text as province,
        sum(n)::int as received,
        coalesce(sum(n) filter (where accepted_m <= ${mE}::date), 0)::int as accepted,
        coalesce(sum(n) filter (where resolved_m <= ${mE}::date), 0)::int as resolved,
        coalesce(sum(n) filter (where resolved_m <= ${mE}::date and not late), 0)::int as on_time,
        coalesce(sum(n) filter (where (resolved_m <= ${mE}::date and late) or (ended_m > ${mE}::date and ${dueBefore})), 0)::int as overdue
      from cases_rollup_place where month between ${from}::date and ${to}::date
      group by 1, 2, 3 having sum(n) <> 0`),
    // Open today, received in the period, the deadline passed this month before today.
    () => (midMonth ? ctx.database.rows<ScopeGroup & { overdue: number }>(sql`
      select received_on >= ${REFORM_DAY}::date as era_new, nlevel(receiving_unit_path) as depth,
        case when nlevel(receiving_unit_path) > 1 then subpath(receiving_unit_path, 1, 1)::text end as child, null::text as province,
        count(*)::int as overdue
      from cases_case
      where resolved_on is null and closed_at is null
        and coalesce(resolution_due_on, due_on) between ${dayBefore(mE)}::date and ${dayBefore(asOf)}::date
        and received_on between ${scope.coverage!.from}::date and ${scope.coverage!.to}::date
      group by 1, 2, 3`) : Promise.resolve([])),
    () => ctx.database.rows<RollupRows['channels'][number]>(sql`
      select channel, kind, sum(n)::int as received, sum(mass)::int as mass, sum(over_level)::int as over_level
      from cases_rollup_channel where month between ${from}::date and ${to}::date
      group by 1, 2 having sum(n) <> 0`),
    () => ctx.database.rows<RollupRows['fields'][number]>(sql`
      select field_code, sum(n)::int as own from cases_rollup_field where month between ${from}::date and ${to}::date
      group by 1 having sum(n) <> 0`),
  ] as const);
  const zero = { received: 0, accepted: 0, resolved: 0, on_time: 0 };
  return { place: [...place, ...late.map((g) => ({ ...g, ...zero }))], channels, fields };
}

/**
 * Folds the delta rows of each key into one row (keys that sum to nothing go). Run by a worker every few minutes; the
 * sums read are the same before and after, and cases written meanwhile add rows the fold leaves alone.
 */
export async function foldRollup(ctx: AppContext): Promise<{ folded: number }> {
  const tables = [
    { name: 'cases_rollup_place', keys: ['month', 'depth', 'province', 'accepted_m', 'resolved_m', 'late', 'due_m', 'ended_m'], sums: ['n'] },
    { name: 'cases_rollup_channel', keys: ['month', 'channel', 'kind'], sums: ['n', 'mass', 'over_level'] },
    { name: 'cases_rollup_field', keys: ['month', 'field_code'], sums: ['n'] },
  ];
  let folded = 0;
  for (const t of tables) {
    const keys = t.keys.join(', ');
    const on = t.keys.map((k) => `r.${k} = k.${k}`).join(' and ');
    const sums = t.sums.map((s) => `sum(${s})::int`).join(', ');
    const r = await ctx.database.rows<{ n: number }>(sql.raw(`
      with k as (select ${keys} from ${t.name} group by ${keys} having count(*) > 1),
      gone as (delete from ${t.name} r using k where ${on} returning r.*),
      kept as (insert into ${t.name} select ${keys}, ${sums} from gone group by ${keys} having sum(n) <> 0 returning 1)
      select (select count(*) from gone)::int as n`));
    folded += r[0]?.n ?? 0;
  }
  return { folded };
}
