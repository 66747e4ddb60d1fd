// Use cases of the units module: look a unit up at a date, list its children, search by name.
import type { AppContext } from '../../platform/http.ts';
import { todayVN } from '../../platform/clock.ts';
import { foldKey } from '../../platform/text.ts';
import * as repo from './units.repository.ts';
import type { UnitRow } from './units.tables.ts';

export interface UnitView { unit: UnitRow; ancestors: UnitRow[] }

/**
 * The version of a code in force on the day asked for. Without a day: today's version, or, for a code no
 * longer in force (a pre-reform district), its last version, so that old records still find their unit.
 */
export async function getUnit(ctx: AppContext, code: string, day?: string): Promise<UnitView | null> {
  const db = ctx.database.db;
  const unit = day ? await repo.findInForce(db, code, day) : (await repo.findInForce(db, code, todayVN())) ?? (await repo.findLatest(db, code));
  if (!unit) return null;
  const asOf = day ?? (unit.validTo && unit.validTo < todayVN() ? unit.validTo : todayVN());
  return { unit, ancestors: (await withAncestors(ctx, [unit], asOf))[0].ancestors };
}

export async function listChildren(ctx: AppContext, code: string, day?: string): Promise<UnitRow[] | null> {
  const view = await getUnit(ctx, code, day);
  if (!view) return null;
  const asOf = day ?? (view.unit.validTo ?? todayVN());
  return repo.findChildren(ctx.database.db, code, asOf);
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

/** Names of many units (today's version, or the last one for codes no longer in force), in one query. */
export async function unitNames(ctx: AppContext, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  const rows = await repo.findManyInForce(ctx.database.db, unique, todayVN());
  const names = new Map(rows.map((u) => [u.code, u.name]));
  for (const code of unique.filter((c) => !names.has(c))) {
    const last = await repo.findLatest(ctx.database.db, code);
    if (last) names.set(code, last.name);
  }
  return names;
}
