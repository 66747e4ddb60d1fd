// Independent read queries: at once on a server's connection pool, one after another on the embedded database (it has one connection).
import type { AppContext } from './http.ts';

export async function readAll<T extends readonly (() => Promise<unknown>)[]>(ctx: AppContext, tasks: T): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  if (ctx.database.kind === 'server') return Promise.all(tasks.map((t) => t())) as never;
  const out: unknown[] = [];
  for (const t of tasks) out.push(await t());
  return out as never;
}
