// Attachments: the type is read from the content, never trusted from the name; a denouncer's handwriting is sealed like the identity.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { can, type Actor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import * as repo from './cases.repository.ts';
import { getCase } from './cases.service.ts';
import { MissingKey, openAttachment, sealAttachment } from './cases.identity.ts';
import { CASE_CREATE, CASE_PROCESS, CASE_UNSEAL } from './cases.workflow.ts';
import type { Executor } from '../../db/database.ts';
import type { CaseRow } from './cases.tables.ts';

/** Accepted types and the name endings each may carry. */
export const ALLOWED: Record<string, string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
};

const LABELS: Record<string, string> = {
  'image/jpeg': 'ảnh JPEG', 'image/png': 'ảnh PNG', 'image/webp': 'ảnh WebP', 'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
};

export interface Upload { name: string; bytes: Buffer; identity: boolean }

/** Checks an upload by its bytes: an allowed type, and a name whose ending agrees with it. */
export async function inspect(name: string, bytes: Buffer): Promise<Outcome<string>> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !ALLOWED[detected.mime]) return fail('attachment_type_not_allowed', { name });
  const ext = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  if (!ALLOWED[detected.mime].includes(ext)) return fail('attachment_type_mismatch', { name, actual: LABELS[detected.mime] });
  return ok(detected.mime);
}

export async function addAttachment(ctx: AppContext, actor: Actor, caseId: string, up: Upload, ip?: string): Promise<Outcome<{ id: string }>> {
  const found = await getCase(ctx, actor, caseId);
  if (!found.ok) return found;
  const c = found.value;
  if (!can(actor, CASE_PROCESS, { unitPath: c.responsibleUnitPath }) && !can(actor, CASE_CREATE, { unitPath: c.receivingUnitPath })) {
    return denied('forbidden', { action: CASE_PROCESS, unitPath: c.responsibleUnitPath, unitCode: c.responsibleUnitCode, targetType: 'case', targetId: caseId });
  }
  if (up.bytes.length === 0) return fail('attachment_missing');
  const mime = await inspect(up.name, up.bytes);
  if (!mime.ok) return mime;
  const identity = up.identity && c.confidential;
  const id = newId();
  try {
    return ok(await ctx.database.db.transaction(async (tx) => {
      // The case row lock orders this log entry after any workflow event being written at the same moment.
      await repo.findCase(tx, caseId, true);
      const sealed = identity ? await sealAttachment(ctx, tx, id, c.responsibleUnitCode, up.bytes) : null;
      await repo.insertAttachment(tx, {
        id, caseId, name: up.name, mediaType: mime.value, size: up.bytes.length, sha256: createHash('sha256').update(up.bytes).digest('hex'),
        identity, keyId: sealed?.keyId ?? null, content: sealed?.content ?? up.bytes, uploadedBy: actor.userId,
      });
      await repo.appendEvent(tx, {
        id: newId(), caseId, type: 'attachment_added', stateAfter: c.state, actorId: actor.userId, actorName: actor.fullName, reason: null,
        // A sealed attachment's name may itself identify the denouncer: the log keeps only that there is one.
        data: identity ? { attachmentId: id, identity: true } : { attachmentId: id, name: up.name, mediaType: mime.value },
      });
      return { id };
    }));
  } catch (err) {
    if (err instanceof MissingKey) return fail('seal_key_missing', { code: err.unitCode });
    throw err;
  }
}

export async function readAttachment(ctx: AppContext, actor: Actor, caseId: string, attachmentId: string, ip?: string): Promise<Outcome<{ name: string; mediaType: string; bytes: Buffer }>> {
  const found = await getCase(ctx, actor, caseId);
  if (!found.ok) return found;
  const c = found.value;
  const a = await repo.attachment(ctx.database.db, caseId, attachmentId);
  if (!a) return fail('attachment_not_found');
  // The embedded driver returns a Uint8Array, the server driver a Buffer.
  if (!a.identity) return ok({ name: a.name, mediaType: a.mediaType, bytes: Buffer.from(a.content) });
  const handlerHere = actor.grants.some((g) => g.role === 'handler' && g.unitPath === c.responsibleUnitPath);
  if (!handlerHere || !can(actor, CASE_UNSEAL, { unitPath: c.responsibleUnitPath })) {
    return denied('forbidden', { action: CASE_UNSEAL, unitPath: c.responsibleUnitPath, unitCode: c.responsibleUnitCode, targetType: 'case_attachment', targetId: attachmentId });
  }
  const bytes = await openAttachment(ctx, ctx.database.db, a.id, a.keyId!, a.content);
  await recordAudit(ctx.database.db, {
    action: 'case.identity.unsealed', actorId: actor.userId, actorName: actor.username, unitCode: c.responsibleUnitCode, unitPath: c.responsibleUnitPath,
    targetType: 'case_attachment', targetId: a.id, ip, detail: { number: c.number, caseId },
  });
  return ok({ name: a.name, mediaType: a.mediaType, bytes });
}

/**
 * Stores files sent with a public submission, inside its transaction (already inspected). A denunciation's files are
 * all sealed: a resident's photo or scan may show who they are.
 */
export async function attachPublicFiles(ctx: AppContext, tx: Executor, c: CaseRow, files: { name: string; bytes: Buffer; mime: string }[]): Promise<void> {
  for (const f of files) {
    const id = newId();
    const identity = c.confidential;
    const sealed = identity ? await sealAttachment(ctx, tx, id, c.responsibleUnitCode, f.bytes) : null;
    await repo.insertAttachment(tx, {
      id, caseId: c.id, name: f.name, mediaType: f.mime, size: f.bytes.length, sha256: createHash('sha256').update(f.bytes).digest('hex'),
      identity, keyId: sealed?.keyId ?? null, content: sealed?.content ?? f.bytes, uploadedBy: null,
    });
    await repo.appendEvent(tx, {
      id: newId(), caseId: c.id, type: 'attachment_added', stateAfter: c.state, actorId: null, actorName: 'Người gửi đơn', reason: null,
      data: identity ? { attachmentId: id, identity: true } : { attachmentId: id, name: f.name, mediaType: f.mime },
    });
  }
}
