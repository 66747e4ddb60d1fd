// Read-only roll-up queries (reports): independent ones at once on a server's connection pool, one after another on
// the embedded database (it has one connection); each aggregate query with the planner settings that suit it.
import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { AppContext } from './http.ts';

/** Runs independent tasks: concurrently on a server, in order on the embedded database. */
export async function readAll<T extends readonly (() => Promise<unknown>)[]>(ctx: AppContext, tasks: T): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  if (ctx.database.kind === 'server') return Promise.all(tasks.map((t) => t())) as never;
  const out: unknown[] = [];
  for (const t of tasks) out.push(await t());
  return out as never;
}

/**
 * Rows of one aggregate query over many rows. On a server it runs in a transaction of its own without JIT compilation
 * (which costs more than it saves on a query of a few hundred milliseconds) and with room to hash its groups in memory.
 */
export async function aggregateRows<T>(ctx: AppContext, query: SQL): Promise<T[]> {
  if (ctx.database.kind !== 'server') return ctx.database.rows<T>(query);
  return ctx.database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`);
    return ctx.database.rows<T>(query, tx);
  });
}
