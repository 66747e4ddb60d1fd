// SQL over organisations.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { organisationsOrganisation as org, type OrganisationRow } from './organisations.tables.ts';

export async function findById(db: Executor, id: string): Promise<OrganisationRow | null> {
  const [row] = await db.select().from(org).where(eq(org.id, id)).limit(1);
  return row ?? null;
}

export async function findByIds(db: Executor, ids: string[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(org).where(inArray(org.id, ids));
}

const within = (paths: string[]): SQL => sql`${org.unitPath} <@ array[${sql.join(paths.map((p) => sql`${p}`), sql`, `)}]::ltree[]`;

export interface ListFilter { unitCode?: string; scopes: string[]; includeInactive: boolean }

export async function list(db: Executor, f: ListFilter): Promise<OrganisationRow[]> {
  const where: SQL[] = [within(f.scopes)];
  if (f.unitCode) where.push(eq(org.unitCode, f.unitCode));
  if (!f.includeInactive) where.push(eq(org.active, true));
  return db.select().from(org).where(and(...where)).orderBy(asc(org.unitPath), asc(org.createdAt)).limit(2000);
}

export async function insert(db: Executor, row: typeof org.$inferInsert): Promise<OrganisationRow> {
  const [created] = await db.insert(org).values(row).returning();
  return created;
}

export async function update(db: Executor, id: string, set: Partial<typeof org.$inferInsert>): Promise<OrganisationRow> {
  const [row] = await db.update(org).set({ ...set, updatedAt: new Date() }).where(eq(org.id, id)).returning();
  return row;
}

export async function countActiveChildren(db: Executor, id: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(org).where(and(eq(org.parentId, id), eq(org.active, true)));
  return r.n;
}

/** Active organisations whose unit is `path` or one of its ancestors (those whose members' roles reach it). */
export async function covering(db: Executor, path: string): Promise<OrganisationRow[]> {
  return db.select().from(org).where(and(sql`${org.unitPath} @> ${path}::ltree`, eq(org.active, true)));
}

/** Active organisations whose unit is `path` or lies below it. */
export async function inSubtree(db: Executor, path: string): Promise<OrganisationRow[]> {
  return db.select().from(org).where(and(sql`${org.unitPath} <@ ${path}::ltree`, eq(org.active, true)));
}

/** The distinct units that have at least one active organisation. */
export async function unitsWithOrganisations(db: Executor): Promise<{ code: string; path: string }[]> {
  return db.selectDistinct({ code: org.unitCode, path: org.unitPath }).from(org).where(eq(org.active, true));
}
