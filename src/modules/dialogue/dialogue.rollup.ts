// The recommendations of the centre's report read from their monthly roll-up (migration 0013), and the worker that
// folds its delta rows. As for the cases' roll-up: whole months, E the last day of a month or today; for today in the
// middle of a month, the recommendations in progress that fell due earlier in the month are counted one by one (the
// roll-up knows their due month only). A recommendation is resolved on or before today, never later.
import { sql } from 'drizzle-orm';
import { addDays } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/http.ts';
import { aggregateRows, readAll } from '../../platform/parallel.ts';
import { foldDeltas, isMonthEnd, monthOf } from '../../platform/rollup.ts';
import { REFORM_DAY, type ReportScope } from '../units/index.ts';
import type { RecGroup } from './dialogue.figures.ts';

/** Rows shaped as the one-by-one count's: per (tree, province) with the figures, and per field with the raised. */
export async function recommendationRollup(ctx: AppContext, scope: ReportScope, E: string): Promise<{ rows: RecGroup[]; fields: Pick<RecGroup, 'field_code' | 'raised'>[] }> {
  const from = monthOf(scope.coverage!.from);
  const to = monthOf(scope.coverage!.to);
  const mE = monthOf(E);
  const midMonth = !isMonthEnd(E);
  const inProgress = sql`(status = 'in_progress' or (status = 'resolved' and resolved_m > ${mE}::date))`;
  const dueBefore = midMonth ? sql`due_m < ${mE}::date` : sql`due_m <= ${mE}::date`;
  const [rows, late, fields] = await readAll(ctx, [
    () => aggregateRows<RecGroup>(ctx, sql`
      select month >= ${REFORM_DAY}::date as era_new, 0 as depth, nullif(province, '') as child, null::text as province, '' as field_code,
        sum(n)::int as raised,
        coalesce(sum(n) filter (where status = 'answered'), 0)::int as on_spot,
        coalesce(sum(n) filter (where status = 'resolved' and resolved_m <= ${mE}::date), 0)::int as resolved,
        coalesce(sum(n) filter (where ${inProgress}), 0)::int as in_progress,
        coalesce(sum(n) filter (where ${inProgress} and ${dueBefore}), 0)::int as overdue
      from dialogue_rollup_recommendation where month between ${from}::date and ${to}::date
      group by 1, 2, 3 having sum(n) <> 0`),
    // In progress today, raised in the period, fallen due this month before today.
    () => (midMonth ? ctx.database.rows<RecGroup>(sql`
      select raised_on >= ${REFORM_DAY}::date as era_new, 0 as depth,
        case when nlevel(unit_path) > 1 then subpath(unit_path, 1, 1)::text end as child, null::text as province, '' as field_code,
        0 as raised, 0 as on_spot, 0 as resolved, 0 as in_progress, count(*)::int as overdue
      from dialogue_recommendation
      where status = 'in_progress' and due_on between ${addDays(mE, -1)}::date and ${addDays(E, -1)}::date
        and raised_on between ${scope.coverage!.from}::date and ${scope.coverage!.to}::date
      group by 1, 2, 3`) : Promise.resolve([])),
    () => ctx.database.rows<Pick<RecGroup, 'field_code' | 'raised'>>(sql`
      select field_code, sum(n)::int as raised from dialogue_rollup_field where month between ${from}::date and ${to}::date
      group by 1 having sum(n) <> 0`),
  ] as const);
  return { rows: [...rows, ...late], fields };
}

/** Folds the roll-up's delta rows (see platform/rollup.ts); run by the dialogue module's worker. */
export async function foldDialogueRollup(ctx: AppContext): Promise<{ folded: number }> {
  return {
    folded: await foldDeltas(ctx, [
      { name: 'dialogue_rollup_recommendation', keys: ['month', 'province', 'status', 'resolved_m', 'due_m'], sums: ['n'] },
      { name: 'dialogue_rollup_field', keys: ['month', 'field_code'], sums: ['n'] },
    ]),
  };
}
