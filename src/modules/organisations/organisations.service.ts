// Use cases for organisations: list within scope, create, rename, deactivate, reactivate. Every change is audited in its transaction.
import type { Actor } from '../../platform/access.ts';
import { can, scopesFor, isWithin } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import { foldKey } from '../../platform/text.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { unitInForce, getUnit, type UnitRow } from '../units/index.ts';
import * as repo from './organisations.repository.ts';
import type { OrganisationRow } from './organisations.tables.ts';
import { ORGANISATION_MANAGE, ORGANISATION_READ } from './organisations.policy.ts';

export const KINDS = [
  'cap_uy', 'ban_dan_van', 'hdnd', 'ubnd', 'co_quan_chuyen_mon', 'mttq', 'hoi_lhpn', 'doan_tn',
  'hoi_nong_dan', 'hoi_ccb', 'cong_doan', 'don_vi_su_nghiep', 'doanh_nghiep', 'khac',
] as const;
export type Kind = (typeof KINDS)[number];

export interface ListInput { unitCode?: string; subtree: boolean; includeInactive: boolean }

export async function listOrganisations(ctx: AppContext, actor: Actor, input: ListInput): Promise<Outcome<OrganisationRow[]>> {
  const scopes = scopesFor(actor, ORGANISATION_READ);
  if (!input.unitCode) return ok(await repo.list(ctx.database.db, { scopes, includeInactive: input.includeInactive }));
  const view = await getUnit(ctx, input.unitCode);
  if (!view) return fail('unit_not_found', { code: input.unitCode });
  const path = view.unit.path;
  // The unit asked for must lie in the caller's scope; its subtree then does too.
  if (!scopes.some((s) => isWithin(path, s))) {
    return denied('forbidden', { action: ORGANISATION_READ, unitPath: path, unitCode: view.unit.code, targetType: 'unit', targetId: view.unit.code });
  }
  return ok(await repo.list(ctx.database.db, {
    scopes: [path], includeInactive: input.includeInactive,
    ...(input.subtree ? {} : { unitCode: view.unit.code }),
  }));
}

/** Loads an organisation the actor may read; others are reported as not found. */
export async function getOrganisation(ctx: AppContext, actor: Actor, id: string): Promise<Outcome<OrganisationRow>> {
  const row = await repo.findById(ctx.database.db, id);
  if (!row) return fail('organisation_not_found');
  if (!can(actor, ORGANISATION_READ, row)) {
    return denied('organisation_not_found', { action: ORGANISATION_READ, unitPath: row.unitPath, unitCode: row.unitCode, targetType: 'organisation', targetId: id });
  }
  return ok(row);
}

export interface CreateInput { unitCode: string; kind: Kind; name: string; parentId?: string | null }

export async function createOrganisation(ctx: AppContext, actor: Actor, input: CreateInput, ip?: string): Promise<Outcome<OrganisationRow>> {
  const unit = await unitInForce(ctx, input.unitCode);
  if (!unit) {
    return (await getUnit(ctx, input.unitCode)) ? fail('unit_not_in_force', { code: input.unitCode }) : fail('unit_not_found', { code: input.unitCode });
  }
  if (!can(actor, ORGANISATION_MANAGE, { unitPath: unit.path })) {
    return denied('forbidden', { action: ORGANISATION_MANAGE, unitPath: unit.path, unitCode: unit.code, targetType: 'unit', targetId: unit.code });
  }
  if (input.parentId) {
    const parent = await repo.findById(ctx.database.db, input.parentId);
    if (!parent || !parent.active || parent.unitCode !== unit.code) return fail('organisation_parent_invalid');
  }
  try {
    return ok(await insertAudited(ctx, unit, input, { actorId: actor.userId, actorName: actor.username, ip }));
  } catch (err) {
    if (isUniqueViolation(err)) return fail('organisation_name_taken');
    throw err;
  }
}

/** Inserts an organisation and its audit row in one transaction. */
function insertAudited(ctx: AppContext, unit: UnitRow, input: CreateInput, by: { actorId?: string; actorName: string; ip?: string }): Promise<OrganisationRow> {
  return ctx.database.db.transaction(async (tx) => {
    const row = await repo.insert(tx, {
      id: newId(), unitCode: unit.code, unitPath: unit.path, parentId: input.parentId ?? null,
      kind: input.kind, name: input.name, nameKey: foldKey(input.name),
    });
    await recordAudit(tx, {
      action: 'organisation.created', actorId: by.actorId, actorName: by.actorName, unitCode: unit.code, unitPath: unit.path,
      targetType: 'organisation', targetId: row.id, ip: by.ip, detail: { name: row.name, kind: row.kind, parentId: row.parentId },
    });
    return row;
  });
}

async function manageable(ctx: AppContext, actor: Actor, id: string): Promise<Outcome<OrganisationRow>> {
  const found = await getOrganisation(ctx, actor, id);
  if (!found.ok) return found;
  if (!can(actor, ORGANISATION_MANAGE, found.value)) {
    return denied('forbidden', { action: ORGANISATION_MANAGE, unitPath: found.value.unitPath, unitCode: found.value.unitCode, targetType: 'organisation', targetId: id });
  }
  return found;
}

export async function renameOrganisation(ctx: AppContext, actor: Actor, id: string, name: string, ip?: string): Promise<Outcome<OrganisationRow>> {
  const found = await manageable(ctx, actor, id);
  if (!found.ok) return found;
  const before = found.value;
  if (before.name === name) return ok(before);
  try {
    return ok(await ctx.database.db.transaction(async (tx) => {
      const row = await repo.update(tx, id, { name, nameKey: foldKey(name) });
      await recordAudit(tx, {
        action: 'organisation.renamed', actorId: actor.userId, actorName: actor.username, unitCode: row.unitCode, unitPath: row.unitPath,
        targetType: 'organisation', targetId: id, ip, detail: { from: before.name, to: name },
      });
      return row;
    }));
  } catch (err) {
    if (isUniqueViolation(err)) return fail('organisation_name_taken');
    throw err;
  }
}

export async function setOrganisationActive(ctx: AppContext, actor: Actor, id: string, active: boolean, ip?: string): Promise<Outcome<OrganisationRow>> {
  const found = await manageable(ctx, actor, id);
  if (!found.ok) return found;
  const before = found.value;
  if (before.active === active) return ok(before);
  if (!active && (await repo.countActiveChildren(ctx.database.db, id)) > 0) return fail('organisation_has_active_children');
  if (active && before.parentId) {
    const parent = await repo.findById(ctx.database.db, before.parentId);
    if (!parent?.active) return fail('organisation_parent_invalid');
  }
  try {
    return ok(await ctx.database.db.transaction(async (tx) => {
      const row = await repo.update(tx, id, { active, deactivatedAt: active ? null : new Date() });
      await recordAudit(tx, {
        action: active ? 'organisation.activated' : 'organisation.deactivated', actorId: actor.userId, actorName: actor.username,
        unitCode: row.unitCode, unitPath: row.unitPath, targetType: 'organisation', targetId: id, ip, detail: { name: row.name },
      });
      return row;
    }));
  } catch (err) {
    // Reactivating next to an active namesake.
    if (isUniqueViolation(err)) return fail('organisation_name_taken');
    throw err;
  }
}

/** For other modules: organisations by id, whatever the actor (used to resolve memberships). */
export async function organisationsByIds(ctx: AppContext, ids: string[]): Promise<OrganisationRow[]> {
  return repo.findByIds(ctx.database.db, ids);
}

/**
 * For set-up code (first administrator, demo data), not for requests: the active organisation with this
 * name in this place, created if missing. Audited as done by the system.
 */
export async function ensureOrganisation(ctx: AppContext, input: CreateInput): Promise<OrganisationRow> {
  const unit = await unitInForce(ctx, input.unitCode);
  if (!unit) throw new Error(`Unit ${input.unitCode} is not in force`);
  const existing = (await repo.list(ctx.database.db, { scopes: [unit.path], unitCode: unit.code, includeInactive: false }))
    .find((o) => o.nameKey === foldKey(input.name) && (o.parentId ?? null) === (input.parentId ?? null));
  if (existing) return existing;
  return insertAudited(ctx, unit, input, { actorName: 'system' });
}

/** For other modules: active organisations in the unit at `path` or above it. */
export async function organisationsCovering(ctx: AppContext, path: string): Promise<OrganisationRow[]> {
  return repo.covering(ctx.database.db, path);
}

/** For other modules: active organisations in the unit at `path` or below it. */
export async function organisationsWithin(ctx: AppContext, path: string): Promise<OrganisationRow[]> {
  return repo.inSubtree(ctx.database.db, path);
}

/** For other modules' set-up: every unit that has an active organisation. */
export function organisationUnits(ctx: AppContext): Promise<{ code: string; path: string }[]> {
  return repo.unitsWithOrganisations(ctx.database.db);
}
