// The only SQL on the supervision module's tables (programmes, visits, recommendations; critique drafts, sessions, opinions).
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import {
  critiqueDraft, critiqueOpinion, critiqueSession, supervisionProgramme, supervisionRecommendation, supervisionVisit,
  type DraftInsert, type DraftRow, type OpinionInsert, type OpinionRow, type ProgrammeInsert, type ProgrammeRow, type RecommendationInsert,
  type SessionInsert, type SessionRow, type SupervisionRecommendationRow, type VisitInsert, type VisitRow,
} from './supervision.tables.ts';

/** Which records a listing covers: one unit, or its whole subtree; optionally one year. */
export interface ListFilter { unitCode: string; unitPath: string; subtree: boolean; year?: number }

/** The most rows one listing returns. */
export const LIST_LIMIT = 500;

const inUnit = (f: ListFilter, code: SQL, path: SQL): SQL => (f.subtree ? sql`${path} <@ ${f.unitPath}::ltree` : sql`${code} = ${f.unitCode}`);
const yearOf = (day: SQL, year: number): SQL => sql`${day} >= ${`${year}-01-01`}::date and ${day} <= ${`${year}-12-31`}::date`;

// ——— Programmes ———

export async function insertProgramme(tx: Executor, row: ProgrammeInsert): Promise<ProgrammeRow> {
  const [p] = await tx.insert(supervisionProgramme).values(row).returning();
  return p;
}

export async function findProgramme(ex: Executor, id: string): Promise<ProgrammeRow | undefined> {
  const [p] = await ex.select().from(supervisionProgramme).where(eq(supervisionProgramme.id, id));
  return p;
}

export async function programmesByIds(ex: Executor, ids: string[]): Promise<Map<string, ProgrammeRow>> {
  if (ids.length === 0) return new Map();
  const rows = await ex.select().from(supervisionProgramme).where(inArray(supervisionProgramme.id, [...new Set(ids)]));
  return new Map(rows.map((p) => [p.id, p]));
}

export function programmesOf(ex: Executor, f: ListFilter): Promise<ProgrammeRow[]> {
  const where = [inUnit(f, sql`${supervisionProgramme.unitCode}`, sql`${supervisionProgramme.unitPath}`)];
  if (f.year) where.push(eq(supervisionProgramme.year, f.year));
  return ex.select().from(supervisionProgramme).where(and(...where))
    .orderBy(desc(supervisionProgramme.year), asc(supervisionProgramme.title), asc(supervisionProgramme.id)).limit(LIST_LIMIT);
}

/** How many visits each programme has (cancelled ones included: they were planned in it). */
export async function visitCounts(ex: Executor, programmeIds: string[]): Promise<Map<string, number>> {
  if (programmeIds.length === 0) return new Map();
  const rows = await ex.select({ id: supervisionVisit.programmeId, n: sql<number>`count(*)::int` }).from(supervisionVisit)
    .where(inArray(supervisionVisit.programmeId, programmeIds)).groupBy(supervisionVisit.programmeId);
  return new Map(rows.map((r) => [r.id!, Number(r.n)]));
}

// ——— Visits and recommendations ———

export async function insertVisit(tx: Executor, row: VisitInsert): Promise<VisitRow> {
  const [v] = await tx.insert(supervisionVisit).values(row).returning();
  return v;
}

export async function updateVisit(tx: Executor, id: string, patch: Partial<VisitInsert>): Promise<VisitRow> {
  const [v] = await tx.update(supervisionVisit).set({ ...patch, updatedAt: new Date() }).where(eq(supervisionVisit.id, id)).returning();
  return v;
}

export async function findVisit(ex: Executor, id: string, lock = false): Promise<VisitRow | undefined> {
  const q = ex.select().from(supervisionVisit).where(eq(supervisionVisit.id, id));
  const [v] = lock ? await q.for('update') : await q;
  return v;
}

export async function visitsByIds(ex: Executor, ids: string[]): Promise<VisitRow[]> {
  if (ids.length === 0) return [];
  return ex.select().from(supervisionVisit).where(inArray(supervisionVisit.id, [...new Set(ids)]));
}

export function visitsOf(ex: Executor, f: ListFilter): Promise<VisitRow[]> {
  const where = [inUnit(f, sql`${supervisionVisit.unitCode}`, sql`${supervisionVisit.unitPath}`)];
  if (f.year) where.push(yearOf(sql`${supervisionVisit.startedOn}`, f.year));
  return ex.select().from(supervisionVisit).where(and(...where))
    .orderBy(desc(supervisionVisit.startedOn), desc(supervisionVisit.createdAt), asc(supervisionVisit.id)).limit(LIST_LIMIT);
}

export async function insertRecommendations(tx: Executor, rows: RecommendationInsert[]): Promise<SupervisionRecommendationRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(supervisionRecommendation).values(rows).returning();
}

export function recommendationsOf(ex: Executor, visitIds: string[]): Promise<SupervisionRecommendationRow[]> {
  if (visitIds.length === 0) return Promise.resolve([]);
  return ex.select().from(supervisionRecommendation).where(inArray(supervisionRecommendation.visitId, visitIds))
    .orderBy(asc(supervisionRecommendation.visitId), asc(supervisionRecommendation.seq));
}

export async function recommendationOfCase(ex: Executor, caseId: string): Promise<SupervisionRecommendationRow | undefined> {
  const [r] = await ex.select().from(supervisionRecommendation).where(eq(supervisionRecommendation.caseId, caseId));
  return r;
}

export async function updateRecommendation(tx: Executor, id: string, patch: Partial<RecommendationInsert>): Promise<void> {
  await tx.update(supervisionRecommendation).set({ ...patch, updatedAt: new Date() }).where(eq(supervisionRecommendation.id, id));
}

// ——— Critique ———

export async function insertDraft(tx: Executor, row: DraftInsert): Promise<DraftRow> {
  const [d] = await tx.insert(critiqueDraft).values(row).returning();
  return d;
}

export async function findDraft(ex: Executor, id: string, lock = false): Promise<DraftRow | undefined> {
  const q = ex.select().from(critiqueDraft).where(eq(critiqueDraft.id, id));
  const [d] = lock ? await q.for('update') : await q;
  return d;
}

/** Drafts critiqued in the unit (or its subtree), and drafts whose drafting body sits there. */
export function draftsOf(ex: Executor, f: ListFilter): Promise<DraftRow[]> {
  const where = [sql`(${inUnit(f, sql`${critiqueDraft.unitCode}`, sql`${critiqueDraft.unitPath}`)} or ${inUnit(f, sql`${critiqueDraft.draftingUnitCode}`, sql`${critiqueDraft.draftingUnitPath}`)})`];
  if (f.year) where.push(yearOf(sql`${critiqueDraft.receivedOn}`, f.year));
  return ex.select().from(critiqueDraft).where(and(...where))
    .orderBy(desc(critiqueDraft.receivedOn), desc(critiqueDraft.createdAt), asc(critiqueDraft.id)).limit(LIST_LIMIT);
}

export async function insertSession(tx: Executor, row: SessionInsert): Promise<SessionRow> {
  const [s] = await tx.insert(critiqueSession).values(row).returning();
  return s;
}

export async function findSession(ex: Executor, id: string): Promise<SessionRow | undefined> {
  const [s] = await ex.select().from(critiqueSession).where(eq(critiqueSession.id, id));
  return s;
}

export function sessionsOf(ex: Executor, draftIds: string[]): Promise<SessionRow[]> {
  if (draftIds.length === 0) return Promise.resolve([]);
  return ex.select().from(critiqueSession).where(inArray(critiqueSession.draftId, draftIds))
    .orderBy(asc(critiqueSession.heldOn), asc(critiqueSession.createdAt), asc(critiqueSession.id));
}

/** The next opinion number of a session (call under the draft's lock). */
export async function nextOpinionSeq(tx: Executor, sessionId: string): Promise<number> {
  const [row] = await tx.select({ seq: sql<number>`coalesce(max(seq), 0)::int` }).from(critiqueOpinion).where(eq(critiqueOpinion.sessionId, sessionId));
  return Number(row.seq) + 1;
}

export async function insertOpinions(tx: Executor, rows: OpinionInsert[]): Promise<OpinionRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(critiqueOpinion).values(rows).returning();
}

export function opinionsOf(ex: Executor, sessionIds: string[]): Promise<OpinionRow[]> {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return ex.select().from(critiqueOpinion).where(inArray(critiqueOpinion.sessionId, sessionIds))
    .orderBy(asc(critiqueOpinion.sessionId), asc(critiqueOpinion.seq));
}

export async function updateOpinion(tx: Executor, id: string, patch: Partial<OpinionInsert>): Promise<void> {
  await tx.update(critiqueOpinion).set({ ...patch, updatedAt: new Date() }).where(eq(critiqueOpinion.id, id));
}

export async function anyProgramme(ex: Executor): Promise<boolean> {
  const rows = await ex.select({ id: supervisionProgramme.id }).from(supervisionProgramme).limit(1);
  return rows.length > 0;
}
