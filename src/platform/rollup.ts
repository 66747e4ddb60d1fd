// Monthly roll-ups for reports: tables of delta rows that a record's own writes add to (a trigger adds -1 under the
// record's old key and 1 under its new one), read by summing the rows of a key, and folded now and then into one row
// per key. Nothing is updated in place, so writers never wait on one another for a shared row.
import { sql } from 'drizzle-orm';
import type { AppContext } from './http.ts';
import { addDays } from './clock.ts';

export interface RollupTable { name: string; keys: string[]; sums: string[] }

/**
 * Folds the delta rows of each key into one row; keys whose first sum comes to nothing go. The sums read are the same
 * before and after, and rows added meanwhile (not visible to the statement) are left alone. Returns the rows folded.
 */
export async function foldDeltas(ctx: AppContext, tables: RollupTable[]): Promise<number> {
  let folded = 0;
  for (const t of tables) {
    const keys = t.keys.join(', ');
    const on = t.keys.map((k) => `r.${k} = k.${k}`).join(' and ');
    const sums = t.sums.map((s) => `sum(${s})::int`).join(', ');
    const r = await ctx.database.rows<{ n: number }>(sql.raw(`
      with k as (select ${keys} from ${t.name} group by ${keys} having count(*) > 1),
      gone as (delete from ${t.name} r using k where ${on} returning r.*),
      kept as (insert into ${t.name} select ${keys}, ${sums} from gone group by ${keys} having sum(${t.sums[0]}) <> 0 returning 1)
      select (select count(*) from gone)::int as n`));
    folded += r[0]?.n ?? 0;
  }
  return folded;
}

/** The first day of a day's month. */
export const monthOf = (day: string) => `${day.slice(0, 8)}01`;

export const isMonthEnd = (day: string) => addDays(day, 1).endsWith('-01');
