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
const BULK = 2000;

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
 * Writes a batch's conferences and recommendations (inside the import's transaction: pass its bound context). Created and
 * updated times are the transaction's, equal until someone changes a record. Recommendations added to a conference of an
 * earlier import are numbered after the ones it has.
 */
export async function writeImportedDialogue(
  ctx: AppContext, batch: { importId: string; importUnitCode: string; createdBy: string | null },
  conferences: ImportedConference[], recommendations: ImportedRecommendation[],
): Promise<{ conferences: number; recommendations: number }> {
  const db = ctx.database.db;
  // Rows go in as one JSON document per statement: building thousands of bound parameters costs more than the insert.
  for (let i = 0; i < conferences.length; i += BULK) {
    const rows = conferences.slice(i, i + BULK).map((c) => ({
      id: c.id, unit_code: c.unitCode, unit_path: c.unitPath, level: c.level, organiser_name: c.organiserName, type: c.type, form: c.form,
      topic: c.topic, held_on: c.heldOn, place: c.place, chairs: c.chairs, status: c.status, attendance: c.attendance, not_held_reason: c.notHeldReason,
      recorded: c.status === 'held', external_ref: c.ref,
    }));
    await db.execute(sql`
      insert into dialogue_conference (id, unit_code, unit_path, level, organisation_id, organiser_name, type, form, topic, held_on, place, chairs, invited,
        status, attendance, not_held_reason, published, recorded_at, source, import_id, external_ref, external_unit_code, created_by)
      select id, unit_code, unit_path, level, null, organiser_name, type, form, topic, held_on, place, chairs, '[]'::jsonb,
        status, attendance, not_held_reason, false, case when recorded then now() end, 'import', ${batch.importId}::uuid, external_ref, ${batch.importUnitCode}, ${batch.createdBy}::uuid
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, unit_code text, unit_path ltree, level text, organiser_name text, type text, form text,
        topic text, held_on date, place text, chairs jsonb, status text, attendance integer, not_held_reason text, recorded boolean, external_ref text)`);
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
      id: newId(), conference_id: r.conferenceId, seq, raised_by: r.raisedBy, field_code: r.fieldCode, content: r.content, answer: r.answer,
      status: r.status, resolved_on: r.resolvedOn, raised_on: r.raisedOn, unit_path: r.unitPath, level: r.level,
    };
  });
  for (let i = 0; i < values.length; i += BULK) {
    await db.execute(sql`
      insert into dialogue_recommendation (id, conference_id, seq, raised_by, field_code, content, answer, status, resolved_on, raised_on, unit_path, level, import_id)
      select id, conference_id, seq, raised_by, field_code, content, answer, status, resolved_on, raised_on, unit_path, level, ${batch.importId}::uuid
      from jsonb_to_recordset(${JSON.stringify(values.slice(i, i + BULK))}::jsonb) as x(id uuid, conference_id uuid, seq integer, raised_by text,
        field_code text, content text, answer text, status text, resolved_on date, raised_on date, unit_path ltree, level text)`);
  }
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
