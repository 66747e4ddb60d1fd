// SQL over calendar adjustments.
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { calendarAdjustment as adj, type AdjustmentRow } from './calendar.tables.ts';

/** Every adjustment (a few rows a year), or those of one year; by day. */
export async function list(db: Executor, year?: number): Promise<AdjustmentRow[]> {
  const where = year === undefined ? undefined : and(gte(adj.day, `${year}-01-01`), lte(adj.day, `${year}-12-31`));
  return db.select().from(adj).where(where).orderBy(asc(adj.day));
}

export async function findById(db: Executor, id: string): Promise<AdjustmentRow | null> {
  const [row] = await db.select().from(adj).where(eq(adj.id, id)).limit(1);
  return row ?? null;
}

export async function findByDay(db: Executor, day: string): Promise<AdjustmentRow | null> {
  const [row] = await db.select().from(adj).where(eq(adj.day, day)).limit(1);
  return row ?? null;
}

export async function insert(db: Executor, row: typeof adj.$inferInsert): Promise<AdjustmentRow> {
  const [created] = await db.insert(adj).values(row).returning();
  return created;
}

export async function remove(db: Executor, id: string): Promise<void> {
  await db.delete(adj).where(eq(adj.id, id));
}
