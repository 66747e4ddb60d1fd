// Use cases of the import: check a file (dry run) or import it whole into a unit in one transaction, list the imports
// an official may see, and undo an import whose records nobody has touched since.
import { createHash } from 'node:crypto';
import { can, scopesFor, type Actor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { todayVN } from '../../platform/clock.ts';
import type { Lang } from '../../platform/errors.ts';
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import { inTx } from '../../platform/transaction.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { getUnit, LIST_2024, successorPath, unitInForce, unitVersions, type UnitRow } from '../units/index.ts';
import { listFields } from '../cases/index.ts';
import { deleteImportedDialogue, importedConferences, importedDialogueChanged, writeImportedDialogue } from '../dialogue/index.ts';
import { deleteImportedSupervision, IMPORT_FORMS, importedSupervisionChanged, writeImportedVisits } from '../supervision/index.ts';
import { checkFile, conferenceRefs, unitCodes, type SheetSummary } from './imports.check.ts';
import { sheetDefs, type SheetDef } from './imports.columns.ts';
import { readImportFile } from './imports.files.ts';
import type { Issue } from './imports.issues.ts';
import { IMPORT_READ, IMPORT_RUN } from './imports.policy.ts';
import * as repo from './imports.repository.ts';
import type { BatchRow, ImportCounts } from './imports.tables.ts';
import { buildTemplate, type Template, type TemplateName } from './imports.templates.ts';

/** At most this many data rows in one file, and this many rejected rows listed in a report. */
export const MAX_ROWS = 20_000;
export const MAX_LISTED = 1_000;

export function templateSheets(): SheetDef[] {
  return sheetDefs(IMPORT_FORMS.map((f) => ({ code: f.code, name: f.name, aliases: f.aliases })));
}

export async function template(ctx: AppContext, name: TemplateName): Promise<Template> {
  const fields = (await listFields(ctx)).filter((f) => f.active).map((f) => ({ code: f.code, name: f.name }));
  return buildTemplate(name, templateSheets(), fields);
}

export interface ImportReport {
  dryRun: boolean;
  /** True when no row was rejected: the file is (or would be) imported whole. */
  ok: boolean;
  unit: { code: string; name: string };
  file: { name: string; kind: 'xlsx' | 'csv'; size: number; checksum: string };
  sheets: SheetSummary[];
  counts: ImportCounts;
  issues: Issue[];
  /** Every rejected cell, even beyond the ones listed. */
  issueCount: number;
  batchId: string | null;
}

export interface Upload { unitCode: string; dryRun: boolean; name: string; bytes: Buffer }

/** The unit imported into: in force today, and within the actor's scope for importing. */
async function targetUnit(ctx: AppContext, actor: Actor, code: string): Promise<Outcome<UnitRow>> {
  const unit = await unitInForce(ctx, code);
  if (!unit) return (await getUnit(ctx, code)) ? fail('unit_not_in_force', { code }) : fail('unit_not_found', { code });
  if (!can(actor, IMPORT_RUN, { unitPath: unit.path })) {
    return denied('forbidden', { action: IMPORT_RUN, unitPath: unit.path, unitCode: unit.code, targetType: 'unit', targetId: unit.code });
  }
  return ok(unit);
}

const dmyTime = (d: Date) => new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);

/** Checks a file row by row; unless it is a dry run and when no row is rejected, imports it all in one transaction. */
export async function importFile(ctx: AppContext, actor: Actor, up: Upload, lang: Lang, ip?: string): Promise<Outcome<ImportReport>> {
  const target = await targetUnit(ctx, actor, up.unitCode);
  if (!target.ok) return target;
  const unit = target.value;
  const checksum = createHash('sha256').update(up.bytes).digest('hex');
  const earlier = await repo.findStanding(ctx.database.db, unit.code, checksum);
  if (earlier) return fail('import_duplicate', { name: earlier.filename, at: dmyTime(earlier.importedAt), by: earlier.importedByName, id: earlier.id });

  const defs = templateSheets();
  const parsed = await readImportFile(up.name, up.bytes, defs);
  if (!parsed.ok) return parsed;
  const file = parsed.value;
  const rows = file.sheets.reduce((n, s) => n + s.rows.length, 0);
  if (rows > MAX_ROWS) return fail('import_too_many_rows', { max: MAX_ROWS.toLocaleString('vi-VN'), rows: rows.toLocaleString('vi-VN') });
  if (rows === 0 && file.sheets.every((s) => s.missing.length === 0)) return fail('import_file_empty', { name: up.name });

  const versions = new Map<string, UnitRow[]>();
  for (const v of await unitVersions(ctx, unitCodes(file))) versions.set(v.code, [...(versions.get(v.code) ?? []), v]);
  const checked = checkFile(file, {
    today: todayVN(), scope: { code: unit.code, path: unit.path, name: unit.name }, versions, oldest: { from: LIST_2024.from, to: LIST_2024.to },
    successorPath, fields: (await listFields(ctx)).map((f) => ({ code: f.code, name: f.name })),
    known: await importedConferences(ctx, unit.code, conferenceRefs(file)),
  }, lang);

  const counts: ImportCounts = {
    conferences: checked.conferences.length, recommendations: checked.recommendations.length, visits: checked.visits.length,
    supervisionRecommendations: checked.visits.reduce((n, v) => n + v.recommendations, 0),
  };
  const report: ImportReport = {
    dryRun: up.dryRun, ok: checked.issues.length === 0, unit: { code: unit.code, name: unit.name },
    file: { name: up.name, kind: file.kind, size: up.bytes.length, checksum }, sheets: checked.sheets, counts,
    issues: checked.issues.slice(0, MAX_LISTED), issueCount: checked.issues.length, batchId: null,
  };
  if (up.dryRun || !report.ok) return ok(report);

  const batchId = newId();
  return inTx(ctx, async (tx, c) => {
    await repo.insertBatch(tx, {
      id: batchId, unitCode: unit.code, unitPath: unit.path, kind: file.kind, filename: up.name, checksum, size: up.bytes.length, counts,
      importedBy: actor.userId, importedByName: actor.fullName,
    });
    await writeImportedDialogue(c, { importId: batchId, importUnitCode: unit.code, createdBy: actor.userId }, checked.conferences, checked.recommendations);
    await writeImportedVisits(c, { importId: batchId, createdBy: actor.userId }, checked.visits);
    await recordAudit(tx, {
      action: 'import.batch.imported', actorId: actor.userId, actorName: actor.username, unitCode: unit.code, unitPath: unit.path,
      targetType: 'import', targetId: batchId, ip: ip ?? null, detail: { filename: up.name, kind: file.kind, checksum, counts },
    });
    return ok({ ...report, batchId });
  // Another import of the same file, or of the same conference codes, finished first.
  }, (err) => (isUniqueViolation(err) ? fail('import_conflict') : null));
}

export async function listImports(ctx: AppContext, actor: Actor, query: { unit?: string; limit: number; offset: number }): Promise<Outcome<{ rows: BatchRow[]; total: number }>> {
  let scopes = scopesFor(actor, IMPORT_READ);
  if (scopes.length === 0) return denied('forbidden', { action: IMPORT_READ, unitPath: 'VN' });
  if (query.unit) {
    const view = await getUnit(ctx, query.unit);
    if (!view) return fail('unit_not_found', { code: query.unit });
    if (!can(actor, IMPORT_READ, { unitPath: view.unit.path })) {
      return denied('forbidden', { action: IMPORT_READ, unitPath: view.unit.path, unitCode: view.unit.code, targetType: 'unit', targetId: view.unit.code });
    }
    scopes = [view.unit.path];
  }
  return ok(await repo.listBatches(ctx.database.db, scopes, query.limit, query.offset));
}

const FOREIGN_KEY_VIOLATION = '23503';
const isForeignKeyViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === FOREIGN_KEY_VIOLATION || e?.cause?.code === FOREIGN_KEY_VIOLATION;
};

/** Deletes an import's records, if none of them changed since (edited, turned into a case, or added to); the batch stays as history. */
export async function undoImport(ctx: AppContext, actor: Actor, id: string, ip?: string): Promise<Outcome<BatchRow>> {
  const batch = await repo.findBatch(ctx.database.db, id);
  if (!batch || !can(actor, IMPORT_READ, { unitPath: batch.unitPath })) return fail('import_not_found');
  if (!can(actor, IMPORT_RUN, { unitPath: batch.unitPath })) {
    return denied('forbidden', { action: IMPORT_RUN, unitPath: batch.unitPath, unitCode: batch.unitCode, targetType: 'import', targetId: id });
  }
  return inTx(ctx, async (tx, c) => {
    const locked = (await repo.findBatch(tx, id, true))!;
    if (locked.undoneAt) return fail('import_already_undone');
    const changed = await importedDialogueChanged(c, id) + await importedSupervisionChanged(c, id);
    if (changed > 0) return fail('import_changed', { count: changed });
    const dialogue = await deleteImportedDialogue(c, id);
    const supervision = await deleteImportedSupervision(c, id);
    const row = await repo.markUndone(tx, id, actor.fullName);
    await recordAudit(tx, {
      action: 'import.batch.undone', actorId: actor.userId, actorName: actor.username, unitCode: batch.unitCode, unitPath: batch.unitPath,
      targetType: 'import', targetId: id, ip: ip ?? null, detail: { deleted: { ...dialogue, visits: supervision.visits, supervisionRecommendations: supervision.recommendations } },
    });
    return ok(row);
  // Something else now points at one of the records (a table this check does not know of): the records stay.
  }, (err) => (isForeignKeyViolation(err) ? fail('import_changed', { count: 1 }) : null));
}
