// Denouncer identity: sealed at intake with the responsible unit's public key; opened only for a handler of that unit.
// Sealing needs only the public key, so the intake path cannot read back what it stored.
import type { Executor } from '../../db/database.ts';
import type { AppContext } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import { generateKeyPair, seal, unseal, unwrapKey, wrapKey, blindIndex } from '../../platform/seal.ts';
import { masterKey } from '../../platform/secrets.ts';
import { foldKey } from '../../platform/text.ts';
import * as repo from './cases.repository.ts';
import type { PetitionerData } from './cases.tables.ts';

/** Thrown when a unit has no key and keys are not made automatically (server mode): an administrator must create one. */
export class MissingKey extends Error {
  readonly unitCode: string;
  constructor(unitCode: string) { super(`no sealing key for unit ${unitCode}`); this.unitCode = unitCode; }
}

const keyLabel = (keyId: string, unitCode: string) => `unit-key:${keyId}:${unitCode}`;
const identityContext = (caseId: string) => `case-identity:${caseId}`;
const attachmentContext = (attachmentId: string) => `case-attachment:${attachmentId}`;

/** Creates a unit's key pair (the private half wrapped with the master key) and makes it the active one. */
export async function createUnitKey(ctx: AppContext, tx: Executor, unitCode: string) {
  const pair = generateKeyPair();
  const id = newId();
  return repo.insertKey(tx, {
    id, unitCode, publicKey: pair.publicKeyPem, privateKeyWrapped: wrapKey(masterKey(ctx.config), pair.privateKeyDer, keyLabel(id, unitCode)),
  });
}

/** The active key of a unit; on the embedded database one is made on first need. */
export async function publicKeyFor(ctx: AppContext, tx: Executor, unitCode: string): Promise<{ id: string; publicKey: string }> {
  const found = await repo.activeKey(tx, unitCode);
  if (found) return found;
  if (ctx.database.kind !== 'embedded') throw new MissingKey(unitCode);
  return createUnitKey(ctx, tx, unitCode);
}

export async function sealIdentity(ctx: AppContext, tx: Executor, caseId: string, unitCode: string, p: PetitionerData): Promise<void> {
  const key = await publicKeyFor(ctx, tx, unitCode);
  await repo.putIdentity(tx, caseId, key.id, seal(key.publicKey, Buffer.from(JSON.stringify(p)), identityContext(caseId)));
}

async function privateKey(ctx: AppContext, ex: Executor, keyId: string): Promise<Buffer> {
  const k = await repo.keyById(ex, keyId);
  if (!k) throw new Error(`unknown key ${keyId}`);
  return unwrapKey(masterKey(ctx.config), k.privateKeyWrapped, keyLabel(k.id, k.unitCode));
}

/** Opens a case's sealed identity (callers check the permission and write the audit row). */
export async function openIdentity(ctx: AppContext, ex: Executor, caseId: string): Promise<PetitionerData | null> {
  const row = await repo.identityOf(ex, caseId);
  if (!row) return null;
  return JSON.parse(unseal(await privateKey(ctx, ex, row.keyId), row.sealed, identityContext(caseId)).toString()) as PetitionerData;
}

export async function sealAttachment(ctx: AppContext, tx: Executor, attachmentId: string, unitCode: string, content: Buffer) {
  const key = await publicKeyFor(ctx, tx, unitCode);
  return { keyId: key.id, content: Buffer.from(seal(key.publicKey, content, attachmentContext(attachmentId))) };
}

export async function openAttachment(ctx: AppContext, ex: Executor, attachmentId: string, keyId: string, content: Buffer): Promise<Buffer> {
  return unseal(await privateKey(ctx, ex, keyId), Buffer.from(content).toString(), attachmentContext(attachmentId));
}

/** Moves a case's sealed identity and sealed attachments to another unit's key (transfer, rotation). */
export async function resealCase(ctx: AppContext, tx: Executor, caseId: string, toUnitCode: string): Promise<void> {
  const p = await openIdentity(ctx, tx, caseId);
  if (p) await sealIdentity(ctx, tx, caseId, toUnitCode, p);
}

/**
 * Rotation: a new key for the unit, every identity and sealed attachment under the old keys re-sealed with it,
 * the old keys retired. Returns how many secrets moved.
 */
export async function rotateUnitKey(ctx: AppContext, tx: Executor, unitCode: string): Promise<{ keyId: string; resealed: number }> {
  const old = await repo.keysOf(tx, unitCode);
  for (const k of old.filter((k) => k.active)) await repo.retireKey(tx, k.id);
  const fresh = await createUnitKey(ctx, tx, unitCode);
  let resealed = 0;
  for (const k of old) {
    const priv = await privateKey(ctx, tx, k.id);
    for (const i of await repo.identitiesUnderKey(tx, k.id)) {
      const plain = unseal(priv, i.sealed, identityContext(i.caseId));
      await repo.putIdentity(tx, i.caseId, fresh.id, seal(fresh.publicKey, plain, identityContext(i.caseId)));
      resealed++;
    }
    for (const a of await repo.sealedAttachmentsUnderKey(tx, k.id)) {
      const plain = unseal(priv, Buffer.from(a.content).toString(), attachmentContext(a.id));
      await repo.resealAttachment(tx, a.id, fresh.id, Buffer.from(seal(fresh.publicKey, plain, attachmentContext(a.id))));
      resealed++;
    }
  }
  return { keyId: fresh.id, resealed };
}

/** Keyed hashes of what identifies a person, so the same person's cases can be found without reading identities. */
export function personKeys(ctx: AppContext, p: PetitionerData): string[] {
  const m = masterKey(ctx.config);
  const keys: string[] = [];
  if (p.phone) keys.push(blindIndex(m, 'phone', p.phone.replace(/^\+84/, '0')));
  if (p.idNumber) keys.push(blindIndex(m, 'id', p.idNumber));
  if (p.email) keys.push(blindIndex(m, 'email', p.email.toLowerCase()));
  if (p.name && p.address) keys.push(blindIndex(m, 'name-address', `${foldKey(p.name)}|${foldKey(p.address)}`));
  return keys;
}
