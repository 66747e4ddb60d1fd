// Transactions for use cases: a context bound to the transaction, and named failures that roll everything back.
import type { Db, Executor } from '../db/database.ts';
import type { AppContext, Outcome } from './http.ts';

/** The context seen inside a transaction: every module function called with it runs on the transaction's connection. */
export function within(ctx: AppContext, tx: Executor): AppContext {
  return { ...ctx, database: { ...ctx.database, db: tx as Db, rows: (q, ex = tx) => ctx.database.rows(q, ex) } };
}

class Rollback extends Error {
  readonly outcome: Outcome<unknown>;
  constructor(outcome: Outcome<unknown>) { super('rollback'); this.outcome = outcome; }
}

/**
 * Runs fn in a transaction with a context bound to it (the embedded database has one connection: a query outside
 * the transaction would wait for it forever). A named failure rolls back; `translate` may turn a thrown error into one.
 */
export async function inTx<T>(
  ctx: AppContext, fn: (tx: Executor, ctx: AppContext) => Promise<Outcome<T>>, translate?: (err: unknown) => Outcome<never> | null,
): Promise<Outcome<T>> {
  try {
    return await ctx.database.db.transaction(async (tx) => {
      const out = await fn(tx, within(ctx, tx));
      if (!out.ok) throw new Rollback(out);
      return out;
    });
  } catch (err) {
    if (err instanceof Rollback) return err.outcome as Outcome<T>;
    const named = translate?.(err);
    if (named) return named;
    throw err;
  }
}
