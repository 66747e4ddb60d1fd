// SQL over import batches: the one standing for a file, the history within a scope, marking a batch undone.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { importsBatch, type BatchRow } from './imports.tables.ts';

/** The standing (not undone) batch of this file for this unit, if any. */
export async function findStanding(db: Executor, unitCode: string, checksum: string): Promise<BatchRow | null> {
  const [row] = await db.select().from(importsBatch)
    .where(and(eq(importsBatch.unitCode, unitCode), eq(importsBatch.checksum, checksum), isNull(importsBatch.undoneAt)));
  return row ?? null;
}

export async function findBatch(db: Executor, id: string, lock = false): Promise<BatchRow | null> {
  const q = db.select().from(importsBatch).where(eq(importsBatch.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertBatch(db: Executor, row: typeof importsBatch.$inferInsert): Promise<BatchRow> {
  const [created] = await db.insert(importsBatch).values(row).returning();
  return created;
}

/** Batches whose unit lies in one of the subtrees, newest first. */
export async function listBatches(db: Executor, scopes: string[], limit: number, offset: number): Promise<{ rows: BatchRow[]; total: number }> {
  if (scopes.length === 0) return { rows: [], total: 0 };
  const where = sql`${importsBatch.unitPath} <@ array[${sql.join(scopes.map((s) => sql`${s}::ltree`), sql`, `)}]`;
  const rows = await db.select().from(importsBatch).where(where).orderBy(desc(importsBatch.importedAt), desc(importsBatch.id)).limit(limit).offset(offset);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(importsBatch).where(where);
  return { rows, total: Number(n) };
}

export async function markUndone(db: Executor, id: string, by: string): Promise<BatchRow> {
  const [row] = await db.update(importsBatch).set({ undoneAt: new Date(), undoneByName: by }).where(eq(importsBatch.id, id)).returning();
  return row;
}
