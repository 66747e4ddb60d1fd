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

const BULK = 2000;

/**
 * Writes a batch's visits (inside the import's transaction: pass its bound context); created and updated times are the
 * transaction's, equal until someone changes a record. Each visit's recommendations
 * become that many rows with a generic content naming the visit; the first `resolved` of them are resolved, on the day
 * the visit ended (the template has no resolution date), the others stay in progress. The findings keep the details.
 */
export async function writeImportedVisits(
  ctx: AppContext, batch: { importId: string; createdBy: string | null }, visits: ImportedVisit[],
): Promise<{ visits: number; recommendations: number }> {
  const db = ctx.database.db;
  // Rows go in as one JSON document per statement: building thousands of bound parameters costs more than the insert.
  for (let i = 0; i < visits.length; i += BULK) {
    const rows = visits.slice(i, i + BULK).map((v) => ({
      id: v.id, unit_code: v.unitCode, unit_path: v.unitPath, level: v.level, supervisor_name: v.supervisorName, subject_name: v.subjectName,
      form: v.form, topic: v.topic, started_on: v.startedOn, ended_on: v.endedOn, findings: v.findings,
    }));
    await db.execute(sql`
      insert into supervision_visit (id, unit_code, unit_path, level, supervisor_name, subject_name, form, topic, started_on, ended_on, status, findings, source, import_id, created_by)
      select id, unit_code, unit_path, level, supervisor_name, subject_name, form, topic, started_on, ended_on, 'done', findings, 'import', ${batch.importId}::uuid, ${batch.createdBy}::uuid
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, unit_code text, unit_path ltree, level text, supervisor_name text, subject_name text,
        form text, topic text, started_on date, ended_on date, findings text)`);
  }
  const recs = visits.flatMap((v) => Array.from({ length: v.recommendations }, (_, i) => ({
    id: newId(), visit_id: v.id, seq: i + 1,
    content: `Kiến nghị ${i + 1}/${v.recommendations} của cuộc giám sát "${v.topic}" (nhập từ số liệu các năm trước; nội dung chi tiết ở phần kết quả giám sát).`,
    status: i < v.resolved ? 'resolved' : 'in_progress', resolved_on: i < v.resolved ? v.endedOn : null, raised_on: v.endedOn, unit_path: v.unitPath, level: v.level,
  })));
  for (let i = 0; i < recs.length; i += BULK) {
    await db.execute(sql`
      insert into supervision_recommendation (id, visit_id, seq, field_code, content, status, resolved_on, raised_on, unit_path, level, import_id)
      select id, visit_id, seq, ${IMPORTED_RECOMMENDATION_FIELD}, content, status, resolved_on, raised_on, unit_path, level, ${batch.importId}::uuid
      from jsonb_to_recordset(${JSON.stringify(recs.slice(i, i + BULK))}::jsonb) as x(id uuid, visit_id uuid, seq integer, content text, status text,
        resolved_on date, raised_on date, unit_path ltree, level text)`);
  }
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
