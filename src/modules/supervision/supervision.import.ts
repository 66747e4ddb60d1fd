// Past years' supervision visits, loaded from a unit's spreadsheet by the imports module: written as history (source
// 'import', the batch's id), with their recommendations as counted rows, never turned into cases, and removable as a
// batch while nobody has touched them since.
import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import { SUPERVISION_FORM_NAMES, SUPERVISION_FORMS, type SupervisionForm } from './supervision.rules.ts';
import { supervisionRecommendation, supervisionVisit } from './supervision.tables.ts';

/** The five forms of supervision (Nghị quyết liên tịch 403/2017) by the names a spreadsheet may give them. */
export const IMPORT_FORMS: { code: SupervisionForm; name: string; aliases: string[] }[] = SUPERVISION_FORMS.map((code) => ({
  code,
  name: SUPERVISION_FORM_NAMES[code],
  aliases: {
    nghien_cuu_van_ban: ['Nghiên cứu văn bản', 'Xem xét văn bản', 'Nghiên cứu, xem xét văn bản báo cáo'],
    doan_giam_sat: ['Thông qua đoàn giám sát', 'Thành lập đoàn giám sát'],
    ban_ttnd: ['Thanh tra nhân dân', 'Thông qua Ban Thanh tra nhân dân'],
    ban_gsdtccd: ['Giám sát đầu tư của cộng đồng', 'Thông qua Ban Giám sát đầu tư của cộng đồng'],
    lay_y_kien: ['Lấy ý kiến', 'Tổ chức lấy ý kiến'],
  }[code],
}));

/** The field given to the counted recommendations of an imported visit (the template does not carry one per recommendation). */
export const IMPORTED_RECOMMENDATION_FIELD = 'khac';

export interface ImportedVisit {
  id: string;
  unitCode: string;
  unitPath: string;
  level: string;
  supervisorName: string;
  subjectName: string;
  form: SupervisionForm;
  topic: string;
  startedOn: string;
  endedOn: string;
  findings: string | null;
  /** How many recommendations the visit made, and how many of them were resolved. */
  recommendations: number;
  resolved: number;
}

const CHUNK = 500;

/**
 * Writes a batch's visits (inside the import's transaction: pass its bound context). Each visit's recommendations
 * become that many rows with a generic content naming the visit; the first `resolved` of them are resolved, on the day
 * the visit ended (the template has no resolution date), the others stay in progress. The findings keep the details.
 */
export async function writeImportedVisits(
  ctx: AppContext, batch: { importId: string; createdBy: string | null }, visits: ImportedVisit[],
): Promise<{ visits: number; recommendations: number }> {
  const db = ctx.database.db;
  const now = new Date();
  for (let i = 0; i < visits.length; i += CHUNK) {
    await db.insert(supervisionVisit).values(visits.slice(i, i + CHUNK).map((v) => ({
      id: v.id, programmeId: null, unitCode: v.unitCode, unitPath: v.unitPath, level: v.level, organisationId: null,
      supervisorName: v.supervisorName, subjectOrganisationId: null, subjectName: v.subjectName, form: v.form, topic: v.topic,
      startedOn: v.startedOn, endedOn: v.endedOn, status: 'done', findings: v.findings, source: 'import', importId: batch.importId,
      createdBy: batch.createdBy, createdAt: now, updatedAt: now,
    })));
  }
  const recs = visits.flatMap((v) => Array.from({ length: v.recommendations }, (_, i) => ({
    id: newId(), visitId: v.id, seq: i + 1, fieldCode: IMPORTED_RECOMMENDATION_FIELD,
    content: `Kiến nghị ${i + 1}/${v.recommendations} của cuộc giám sát "${v.topic}" (nhập từ số liệu các năm trước; nội dung chi tiết ở phần kết quả giám sát).`,
    status: i < v.resolved ? 'resolved' : 'in_progress', caseId: null, dueOn: null, answer: null, answeredOn: null,
    resolvedOn: i < v.resolved ? v.endedOn : null, raisedOn: v.endedOn, unitPath: v.unitPath, level: v.level,
    importId: batch.importId, createdAt: now, updatedAt: now,
  })));
  for (let i = 0; i < recs.length; i += CHUNK) await db.insert(supervisionRecommendation).values(recs.slice(i, i + CHUNK));
  return { visits: visits.length, recommendations: recs.length };
}

/** How many records of a batch changed since it was imported (edited, turned into a case, or given recommendations from elsewhere). */
export async function importedSupervisionChanged(ctx: AppContext, importId: string): Promise<number> {
  const db = ctx.database.db;
  const [v] = await db.select({ n: sql<number>`count(*)::int` }).from(supervisionVisit)
    .where(and(eq(supervisionVisit.importId, importId), ne(supervisionVisit.updatedAt, supervisionVisit.createdAt)));
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(supervisionRecommendation)
    .where(and(eq(supervisionRecommendation.importId, importId), or(ne(supervisionRecommendation.updatedAt, supervisionRecommendation.createdAt), sql`${supervisionRecommendation.caseId} is not null`)));
  const ids = db.select({ id: supervisionVisit.id }).from(supervisionVisit).where(eq(supervisionVisit.importId, importId));
  const [added] = await db.select({ n: sql<number>`count(*)::int` }).from(supervisionRecommendation)
    .where(and(inArray(supervisionRecommendation.visitId, ids), sql`${supervisionRecommendation.importId} is distinct from ${importId}`));
  return Number(v.n) + Number(r.n) + Number(added.n);
}

/** Deletes a batch's recommendations and visits (inside the undo's transaction). */
export async function deleteImportedSupervision(ctx: AppContext, importId: string): Promise<{ visits: number; recommendations: number }> {
  const db = ctx.database.db;
  const recs = await db.delete(supervisionRecommendation).where(eq(supervisionRecommendation.importId, importId)).returning({ id: supervisionRecommendation.id });
  const visits = await db.delete(supervisionVisit).where(eq(supervisionVisit.importId, importId)).returning({ id: supervisionVisit.id });
  return { visits: visits.length, recommendations: recs.length };
}
