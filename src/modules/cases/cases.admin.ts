// Administration of the case core: the field list, the deadline rules, and the units' sealing keys. Every change audited.
import { can, type Actor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { foldKey } from '../../platform/text.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { getUnit } from '../units/index.ts';
import * as repo from './cases.repository.ts';
import { forgetRules } from './cases.deadlines.ts';
import { createUnitKey, rotateUnitKey } from './cases.identity.ts';
import { CASE_FIELDS_MANAGE, CASE_KEYS_MANAGE } from './cases.policy.ts';

const ROOT = { unitPath: 'VN', unitCode: 'VN' };
const refuse = (action: string) => denied('forbidden', { action, ...ROOT });

export async function createField(ctx: AppContext, actor: Actor, input: { code: string; name: string; level: string }, ip?: string) {
  if (!can(actor, CASE_FIELDS_MANAGE, ROOT)) return refuse(CASE_FIELDS_MANAGE);
  try {
    return ok(await ctx.database.db.transaction(async (tx) => {
      const row = await repo.insertField(tx, { ...input, nameKey: foldKey(input.name) });
      await recordAudit(tx, { action: 'case.field.created', actorId: actor.userId, actorName: actor.username, ...ROOT, targetType: 'case_field', targetId: input.code, ip, detail: input });
      return row;
    }));
  } catch (err) {
    if (isUniqueViolation(err)) return fail('field_code_taken', { code: input.code });
    throw err;
  }
}

export async function updateField(ctx: AppContext, actor: Actor, code: string, patch: { name?: string; level?: string; active?: boolean }, ip?: string) {
  if (!can(actor, CASE_FIELDS_MANAGE, ROOT)) return refuse(CASE_FIELDS_MANAGE);
  if (!(await repo.field(ctx.database.db, code))) return fail('field_not_found', { code });
  return ok(await ctx.database.db.transaction(async (tx) => {
    const row = await repo.updateField(tx, code, { ...patch, ...(patch.name ? { nameKey: foldKey(patch.name) } : {}) });
    await recordAudit(tx, { action: 'case.field.updated', actorId: actor.userId, actorName: actor.username, ...ROOT, targetType: 'case_field', targetId: code, ip, detail: patch });
    return row;
  }));
}

export async function updateRule(ctx: AppContext, actor: Actor, id: string, patch: { days: number; unit: string; basis: string }, ip?: string) {
  if (!can(actor, CASE_FIELDS_MANAGE, ROOT)) return refuse(CASE_FIELDS_MANAGE);
  const before = (await repo.rules(ctx.database.db)).find((r) => r.id === id);
  if (!before) return fail('rule_not_found', { id });
  const row = await ctx.database.db.transaction(async (tx) => {
    const r = await repo.updateRule(tx, id, patch);
    await recordAudit(tx, { action: 'case.rule.updated', actorId: actor.userId, actorName: actor.username, ...ROOT, targetType: 'case_rule', targetId: id, ip, detail: { from: { days: before.days, unit: before.unit }, to: patch } });
    return r;
  });
  forgetRules();
  return ok(row);
}

async function keyUnit(ctx: AppContext, actor: Actor, code: string): Promise<Outcome<{ code: string; path: string }>> {
  const view = await getUnit(ctx, code);
  if (!view) return fail('unit_not_found', { code });
  if (!can(actor, CASE_KEYS_MANAGE, { unitPath: view.unit.path })) {
    return denied('forbidden', { action: CASE_KEYS_MANAGE, unitPath: view.unit.path, unitCode: code, targetType: 'unit', targetId: code });
  }
  return ok({ code: view.unit.code, path: view.unit.path });
}

export async function listKeys(ctx: AppContext, actor: Actor, code: string) {
  const u = await keyUnit(ctx, actor, code);
  if (!u.ok) return u;
  return ok((await repo.keysOf(ctx.database.db, u.value.code)).map((k) => ({ id: k.id, active: k.active, createdAt: k.createdAt.toISOString(), retiredAt: k.retiredAt?.toISOString() ?? null })));
}

/** Creates the unit's first key, or rotates: a new key, every sealed secret moved to it, the old one retired. */
export async function rotateKey(ctx: AppContext, actor: Actor, code: string, ip?: string) {
  const u = await keyUnit(ctx, actor, code);
  if (!u.ok) return u;
  const out = await ctx.database.db.transaction(async (tx) => {
    const r = await rotateUnitKey(ctx, tx, u.value.code);
    await recordAudit(tx, { action: 'case.key.rotated', actorId: actor.userId, actorName: actor.username, unitCode: u.value.code, unitPath: u.value.path, targetType: 'unit', targetId: u.value.code, ip, detail: r });
    return r;
  });
  return ok(out);
}

/** For start-up on the embedded database: a key for every unit that has an organisation and no key yet. */
export async function ensureKeys(ctx: AppContext, units: { code: string; path: string }[]): Promise<number> {
  let made = 0;
  for (const u of units) {
    await ctx.database.db.transaction(async (tx) => {
      if (await repo.activeKey(tx, u.code)) return;
      await createUnitKey(ctx, tx, u.code);
      await recordAudit(tx, { action: 'case.key.created', actorName: 'system', unitCode: u.code, unitPath: u.path, targetType: 'unit', targetId: u.code, detail: {} });
      made++;
    });
  }
  return made;
}
