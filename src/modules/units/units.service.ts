// Use cases of the units module: look a unit up at a date, list its children, search by name.
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { can, type Actor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { UNIT_MANAGE } from './units.policy.ts';
import { todayVN } from '../../platform/clock.ts';
import { foldKey } from '../../platform/text.ts';
import * as repo from './units.repository.ts';
import type { UnitRow } from './units.tables.ts';

export interface UnitView { unit: UnitRow; ancestors: UnitRow[] }

/**
 * The version of a code to show, and the day to look at the tree from. With a day: the version in force then.
 * Without: today's version, or, for a code no longer in force (a pre-reform district), its last version as it
 * stood on its last day, so that old records still find their unit.
 */
async function resolve(ctx: AppContext, code: string, day?: string): Promise<{ unit: UnitRow; asOf: string } | null> {
  const db = ctx.database.db;
  if (day) {
    const unit = await repo.findInForce(db, code, day);
    return unit && { unit, asOf: day };
  }
  const today = todayVN();
  const [unit] = await repo.findCurrentOrLatest(db, [code], today);
  if (!unit) return null;
  return { unit, asOf: unit.validTo && unit.validTo < today ? unit.validTo : today };
}

export async function getUnit(ctx: AppContext, code: string, day?: string): Promise<UnitView | null> {
  const found = await resolve(ctx, code, day);
  if (!found) return null;
  return (await withAncestors(ctx, [found.unit], found.asOf))[0];
}

export async function listChildren(ctx: AppContext, code: string, day?: string): Promise<UnitRow[] | null> {
  const found = await resolve(ctx, code, day);
  return found && repo.findChildren(ctx.database.db, code, found.asOf);
}

export async function searchUnits(ctx: AppContext, text: string, limit: number, day?: string): Promise<UnitView[]> {
  const key = foldKey(text);
  if (!key) return [];
  const asOf = day ?? todayVN();
  return withAncestors(ctx, await repo.search(ctx.database.db, key, asOf, limit), asOf);
}

/** Attaches to each unit the units above it, root first, as they stood on the day; one query for all. */
async function withAncestors(ctx: AppContext, units: UnitRow[], day: string): Promise<UnitView[]> {
  const above = (u: UnitRow) => u.path.split('.').slice(0, -1);
  const rows = await repo.findManyInForce(ctx.database.db, [...new Set(units.flatMap(above))], day);
  const byCode = new Map(rows.map((u) => [u.code, u]));
  return units.map((unit) => ({ unit, ancestors: above(unit).map((c) => byCode.get(c)).filter((u): u is UnitRow => !!u) }));
}

/** Where a unit in force today sits in the tree, for records that attach to it (organisations, cases). */
export async function unitInForce(ctx: AppContext, code: string, day: string = todayVN()): Promise<UnitRow | null> {
  return repo.findInForce(ctx.database.db, code, day);
}

/** Every version of many codes (each with its validity dates), in one query: for records dated in the past. */
export async function unitVersions(ctx: AppContext, codes: string[]): Promise<UnitRow[]> {
  return repo.findAllVersions(ctx.database.db, [...new Set(codes)]);
}

/** Names of many units (today's version, or the last one for codes no longer in force), in one query. */
export async function unitNames(ctx: AppContext, codes: string[]): Promise<Map<string, string>> {
  const rows = await repo.findCurrentOrLatest(ctx.database.db, [...new Set(codes)], todayVN());
  return new Map(rows.map((u) => [u.code, u.name]));
}

/** Marks a unit in force as remote (vùng sâu, vùng xa) or not; administrators of the unit or above; audited. */
export async function setRemoteArea(ctx: AppContext, actor: Actor, code: string, remoteArea: boolean, ip?: string): Promise<Outcome<UnitView>> {
  const view = await getUnit(ctx, code);
  if (!view) return fail('unit_not_found', { code });
  if (!can(actor, UNIT_MANAGE, { unitPath: view.unit.path })) {
    return denied('forbidden', { action: UNIT_MANAGE, unitPath: view.unit.path, unitCode: code, targetType: 'unit', targetId: code });
  }
  await ctx.database.db.transaction(async (tx) => {
    await repo.setRemoteArea(tx, view.unit.id, remoteArea);
    await recordAudit(tx, { action: 'unit.remote_area.set', actorId: actor.userId, actorName: actor.username, unitCode: code, unitPath: view.unit.path, targetType: 'unit', targetId: code, ip, detail: { remoteArea } });
  });
  return ok((await getUnit(ctx, code))!);
}
