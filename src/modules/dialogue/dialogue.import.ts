// Past years' conferences and their recommendations, loaded from a unit's spreadsheet by the imports module: written as
// history (source 'import', the batch's id, the unit's own reference), never turned into cases, and removable as a
// batch while nobody has touched them since.
import { and, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import { dialogueConference, dialogueRecommendation, type Chair } from './dialogue.tables.ts';

export interface ImportedConference {
  id: string;
  /** The unit's own reference (mã hội nghị), unique among the references of the importing unit. */
  ref: string;
  unitCode: string;
  unitPath: string;
  level: string;
  organiserName: string;
  type: 'dinh_ky' | 'dot_xuat';
  form: 'tiep_xuc' | 'doi_thoai';
  topic: string;
  heldOn: string;
  place: string;
  chairs: Chair[];
  attendance: number | null;
  status: 'held' | 'not_held';
  notHeldReason: string | null;
}

export interface ImportedRecommendation {
  conferenceId: string;
  raisedBy: string;
  fieldCode: string;
  content: string;
  answer: string | null;
  status: 'answered' | 'resolved' | 'in_progress';
  resolvedOn: string | null;
  /** Copied from the conference, as for every recommendation. */
  raisedOn: string;
  unitPath: string;
  level: string;
}

/** A conference loaded by an earlier import, as a later file's recommendations need it. */
export interface KnownConference { id: string; ref: string; heldOn: string; status: string; unitPath: string; level: string; importId: string | null }

const CHUNK = 500;

/** The conferences the importing unit already gave these references to (in any earlier import still standing). */
export async function importedConferences(ctx: AppContext, importUnitCode: string, refs: string[]): Promise<Map<string, KnownConference>> {
  const out = new Map<string, KnownConference>();
  const unique = [...new Set(refs)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await ctx.database.db.select({
      id: dialogueConference.id, ref: dialogueConference.externalRef, heldOn: dialogueConference.heldOn, status: dialogueConference.status,
      unitPath: dialogueConference.unitPath, level: dialogueConference.level, importId: dialogueConference.importId,
    }).from(dialogueConference)
      .where(and(eq(dialogueConference.externalUnitCode, importUnitCode), inArray(dialogueConference.externalRef, unique.slice(i, i + CHUNK))));
    for (const r of rows) out.set(r.ref!, { ...r, ref: r.ref! });
  }
  return out;
}

/**
 * Writes a batch's conferences and recommendations (inside the import's transaction: pass its bound context).
 * Recommendations added to a conference of an earlier import are numbered after the ones it has.
 */
export async function writeImportedDialogue(
  ctx: AppContext, batch: { importId: string; importUnitCode: string; createdBy: string | null },
  conferences: ImportedConference[], recommendations: ImportedRecommendation[],
): Promise<{ conferences: number; recommendations: number }> {
  const db = ctx.database.db;
  const now = new Date();
  for (let i = 0; i < conferences.length; i += CHUNK) {
    await db.insert(dialogueConference).values(conferences.slice(i, i + CHUNK).map((c) => ({
      id: c.id, unitCode: c.unitCode, unitPath: c.unitPath, level: c.level, organisationId: null, organiserName: c.organiserName,
      type: c.type, form: c.form, topic: c.topic, heldOn: c.heldOn, place: c.place, chairs: c.chairs, invited: [],
      status: c.status, attendance: c.attendance, notHeldReason: c.notHeldReason, published: false,
      recordedAt: c.status === 'held' ? now : null, source: 'import', importId: batch.importId,
      externalRef: c.ref, externalUnitCode: batch.importUnitCode, createdBy: batch.createdBy, createdAt: now, updatedAt: now,
    })));
  }
  // Numbering continues after the recommendations a conference already has (one from an earlier file).
  const targets = [...new Set(recommendations.map((r) => r.conferenceId))];
  const next = new Map<string, number>();
  for (let i = 0; i < targets.length; i += CHUNK) {
    const rows = await db.select({ id: dialogueRecommendation.conferenceId, max: sql<number>`max(${dialogueRecommendation.seq})::int` })
      .from(dialogueRecommendation).where(inArray(dialogueRecommendation.conferenceId, targets.slice(i, i + CHUNK)))
      .groupBy(dialogueRecommendation.conferenceId);
    for (const r of rows) next.set(r.id, Number(r.max));
  }
  const values = recommendations.map((r) => {
    const seq = (next.get(r.conferenceId) ?? 0) + 1;
    next.set(r.conferenceId, seq);
    return {
      id: newId(), conferenceId: r.conferenceId, seq, raisedBy: r.raisedBy, fieldCode: r.fieldCode, placeUnitCode: null,
      content: r.content, answer: r.answer, answeredBy: null, status: r.status, caseId: null, dueOn: null, resolvedOn: r.resolvedOn,
      raisedOn: r.raisedOn, unitPath: r.unitPath, level: r.level, importId: batch.importId, createdAt: now, updatedAt: now,
    };
  });
  for (let i = 0; i < values.length; i += CHUNK) await db.insert(dialogueRecommendation).values(values.slice(i, i + CHUNK));
  return { conferences: conferences.length, recommendations: values.length };
}

/**
 * How many records of a batch changed since it was imported: edited (updated after their creation), turned into a
 * case, or given recommendations from elsewhere (the console or a later file). Undoing such a batch would lose work.
 */
export async function importedDialogueChanged(ctx: AppContext, importId: string): Promise<number> {
  const db = ctx.database.db;
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(dialogueConference)
    .where(and(eq(dialogueConference.importId, importId), ne(dialogueConference.updatedAt, dialogueConference.createdAt)));
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(dialogueRecommendation)
    .where(and(eq(dialogueRecommendation.importId, importId), or(ne(dialogueRecommendation.updatedAt, dialogueRecommendation.createdAt), isNotNull(dialogueRecommendation.caseId))));
  const [added] = await db.select({ n: sql<number>`count(*)::int` }).from(dialogueRecommendation)
    .innerJoin(dialogueConference, eq(dialogueConference.id, dialogueRecommendation.conferenceId))
    .where(and(eq(dialogueConference.importId, importId), sql`${dialogueRecommendation.importId} is distinct from ${importId}`));
  return Number(c.n) + Number(r.n) + Number(added.n);
}

/** Deletes a batch's recommendations and conferences (inside the undo's transaction). */
export async function deleteImportedDialogue(ctx: AppContext, importId: string): Promise<{ conferences: number; recommendations: number }> {
  const db = ctx.database.db;
  const recs = await db.delete(dialogueRecommendation).where(eq(dialogueRecommendation.importId, importId)).returning({ id: dialogueRecommendation.id });
  const confs = await db.delete(dialogueConference).where(eq(dialogueConference.importId, importId)).returning({ id: dialogueConference.id });
  return { conferences: confs.length, recommendations: recs.length };
}
