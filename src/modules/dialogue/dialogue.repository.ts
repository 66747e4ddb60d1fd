// The only SQL on the dialogue module's tables.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { dialogueConference as conf, dialogueRecommendation as rec, type ConferenceRow, type RecommendationRow } from './dialogue.tables.ts';

export type ConferenceInsert = typeof conf.$inferInsert;
export type RecommendationInsert = typeof rec.$inferInsert;

export async function insertConference(tx: Executor, row: ConferenceInsert): Promise<ConferenceRow> {
  const [c] = await tx.insert(conf).values(row).returning();
  return c;
}

export async function updateConference(tx: Executor, id: string, patch: Partial<ConferenceInsert>): Promise<ConferenceRow> {
  const [c] = await tx.update(conf).set({ ...patch, updatedAt: new Date() }).where(eq(conf.id, id)).returning();
  return c;
}

export async function findConference(ex: Executor, id: string, lock = false): Promise<ConferenceRow | undefined> {
  const q = ex.select().from(conf).where(eq(conf.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function anyConference(ex: Executor): Promise<boolean> {
  return (await ex.select({ id: conf.id }).from(conf).limit(1)).length > 0;
}

const ltreeArray = (paths: string[]) => sql`array[${sql.join(paths.map((p) => sql`${p}::ltree`), sql`, `)}]`;

export interface ListFilter { scopes: string[]; unitPath?: string; from?: string; to?: string; status?: string; limit: number; offset: number }

/** One page of conferences in the scopes, latest first. */
export async function listConferences(ex: Executor, f: ListFilter): Promise<{ rows: ConferenceRow[]; total: number }> {
  if (f.scopes.length === 0) return { rows: [], total: 0 };
  const where: SQL[] = [sql`unit_path <@ ${ltreeArray(f.scopes)}`];
  if (f.unitPath) where.push(sql`unit_path <@ ${f.unitPath}::ltree`);
  if (f.from) where.push(sql`held_on >= ${f.from}::date`);
  if (f.to) where.push(sql`held_on <= ${f.to}::date`);
  if (f.status) where.push(eq(conf.status, f.status));
  const cond = sql.join(where, sql` and `);
  const rows = await ex.select().from(conf).where(cond).orderBy(sql`held_on desc`, sql`id desc`).limit(f.limit).offset(f.offset);
  const [{ n }] = (await ex.execute(sql`select count(*)::int as n from dialogue_conference where ${cond}`) as unknown as { rows: { n: number }[] }).rows;
  return { rows, total: Number(n) };
}

export interface Counts { raised: number; answered: number; inProgress: number; resolved: number }

/** How many recommendations each conference has, by status. */
export async function countsOf(ex: Executor, conferenceIds: string[]): Promise<Map<string, Counts>> {
  if (conferenceIds.length === 0) return new Map();
  const rows = await ex.select({ id: rec.conferenceId, status: rec.status, n: sql<number>`count(*)::int` })
    .from(rec).where(inArray(rec.conferenceId, conferenceIds)).groupBy(rec.conferenceId, rec.status);
  const out = new Map<string, Counts>();
  for (const r of rows) {
    const c = out.get(r.id) ?? { raised: 0, answered: 0, inProgress: 0, resolved: 0 };
    const n = Number(r.n);
    c.raised += n;
    if (r.status === 'answered') c.answered += n;
    if (r.status === 'in_progress') c.inProgress += n;
    if (r.status === 'resolved') c.resolved += n;
    out.set(r.id, c);
  }
  return out;
}

export function recommendationsOf(ex: Executor, conferenceId: string): Promise<RecommendationRow[]> {
  return ex.select().from(rec).where(eq(rec.conferenceId, conferenceId)).orderBy(asc(rec.seq));
}

export async function insertRecommendation(tx: Executor, row: RecommendationInsert): Promise<RecommendationRow> {
  const [r] = await tx.insert(rec).values(row).returning();
  return r;
}

export async function recommendationByCase(ex: Executor, caseId: string): Promise<RecommendationRow | undefined> {
  const [r] = await ex.select().from(rec).where(eq(rec.caseId, caseId)).for('update');
  return r;
}

export async function updateRecommendation(tx: Executor, id: string, patch: Partial<RecommendationInsert>): Promise<RecommendationRow> {
  const [r] = await tx.update(rec).set({ ...patch, updatedAt: new Date() }).where(eq(rec.id, id)).returning();
  return r;
}

/** Recommendations with their conference's topic and date (how a case names where it came from). */
export function originsOf(ex: Executor, recommendationIds: string[]) {
  if (recommendationIds.length === 0) return Promise.resolve([]);
  return ex.select({ id: rec.id, conferenceId: conf.id, topic: conf.topic, heldOn: conf.heldOn })
    .from(rec).innerJoin(conf, eq(conf.id, rec.conferenceId)).where(inArray(rec.id, recommendationIds));
}

/** Planned conferences between two days whose organisers have not been reminded yet. */
export function dueForReminder(ex: Executor, from: string, until: string): Promise<ConferenceRow[]> {
  return ex.select().from(conf).where(and(
    eq(conf.status, 'planned'), sql`reminded_at is null`, sql`organisation_id is not null`,
    sql`held_on between ${from}::date and ${until}::date`,
  )).orderBy(asc(conf.heldOn), asc(conf.id));
}

/** Marks a reminder sent, only if no one else has (true when this call did). */
export async function markReminded(tx: Executor, id: string): Promise<boolean> {
  const r = await tx.update(conf).set({ remindedAt: new Date() }).where(and(eq(conf.id, id), sql`reminded_at is null`)).returning({ id: conf.id });
  return r.length === 1;
}

/** Published conferences, planned or held, of a unit's subtree and the units above it (or everywhere), by date. */
export function publicConferences(ex: Executor, f: { unitPath?: string; from: string; to: string; limit: number }): Promise<ConferenceRow[]> {
  const where: SQL[] = [sql`published`, sql`status in ('planned', 'held')`, sql`held_on between ${f.from}::date and ${f.to}::date`];
  if (f.unitPath) where.push(sql`(unit_path <@ ${f.unitPath}::ltree or unit_path @> ${f.unitPath}::ltree)`);
  return ex.select().from(conf).where(sql.join(where, sql` and `)).orderBy(asc(conf.heldOn), asc(conf.startsAt), asc(conf.id)).limit(f.limit);
}
