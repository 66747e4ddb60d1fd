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
import { addDays, todayVN } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/http.ts';
import { aggregateRows, readAll } from '../../platform/parallel.ts';
import { foldDeltas, isMonthEnd, monthOf } from '../../platform/rollup.ts';
import { REFORM_DAY, centreOverWholeMonths, type ReportScope, type ScopeGroup } from '../units/index.ts';

/** Does the roll-up answer this report: the centre, whole months, E the end of a month or today? */
export function rollupAnswers(scope: ReportScope, asOf: string): boolean {
  return centreOverWholeMonths(scope, asOf, todayVN());
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
        and coalesce(resolution_due_on, due_on) between ${addDays(mE, -1)}::date and ${addDays(asOf, -1)}::date
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

/** Folds the roll-up's delta rows (see platform/rollup.ts); run by the cases module's worker. */
export async function foldRollup(ctx: AppContext): Promise<{ folded: number }> {
  return { folded: await foldDeltas(ctx, ROLLUP_TABLES) };
}

const ROLLUP_TABLES = [
  { name: 'cases_rollup_place', keys: ['month', 'depth', 'province', 'accepted_m', 'resolved_m', 'late', 'due_m', 'ended_m'], sums: ['n'] },
  { name: 'cases_rollup_channel', keys: ['month', 'channel', 'kind'], sums: ['n', 'mass', 'over_level'] },
  { name: 'cases_rollup_field', keys: ['month', 'field_code'], sums: ['n'] },
];
