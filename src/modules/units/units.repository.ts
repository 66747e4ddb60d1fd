// SQL over the administrative units: one version of a code at a date, children, ancestors, name search.
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { unitsUnit, type UnitRow } from './units.tables.ts';

/** Versions in force on a calendar day. */
export function inForce(day: string): SQL {
  return and(lte(unitsUnit.validFrom, day), or(isNull(unitsUnit.validTo), gte(unitsUnit.validTo, day)))!;
}

const LEVEL_ORDER = sql`case ${unitsUnit.level} when 'central' then 0 when 'province' then 1 when 'district' then 2 else 3 end`;

export async function findInForce(db: Executor, code: string, day: string): Promise<UnitRow | null> {
  const [row] = await db.select().from(unitsUnit).where(and(eq(unitsUnit.code, code), inForce(day))).limit(1);
  return row ?? null;
}

/**
 * For each code, its version in force on the day, or else its most recent version (a code no longer in
 * force, such as a pre-reform district). One query for any number of codes.
 */
export async function findCurrentOrLatest(db: Executor, codes: string[], day: string): Promise<UnitRow[]> {
  if (codes.length === 0) return [];
  return db.selectDistinctOn([unitsUnit.code]).from(unitsUnit)
    .where(inArray(unitsUnit.code, codes))
    .orderBy(asc(unitsUnit.code), desc(sql`${inForce(day)}`), desc(unitsUnit.validFrom));
}

export async function findChildren(db: Executor, code: string, day: string): Promise<UnitRow[]> {
  return db.select().from(unitsUnit)
    .where(and(eq(unitsUnit.parentCode, code), inForce(day)))
    .orderBy(asc(unitsUnit.code));
}

/** Every version of the codes, whatever its validity, oldest first. */
export async function findAllVersions(db: Executor, codes: string[]): Promise<UnitRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(unitsUnit).where(inArray(unitsUnit.code, codes)).orderBy(asc(unitsUnit.code), asc(unitsUnit.validFrom));
}

export async function findManyInForce(db: Executor, codes: string[], day: string): Promise<UnitRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(unitsUnit).where(and(inArray(unitsUnit.code, codes), inForce(day)));
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Name search on the folded key: every word typed must appear; exact names first, then names that start
 * with the text, then higher levels, then closeness. `key` is already folded (no diacritics, lower case).
 */
export async function search(db: Executor, key: string, day: string, limit: number): Promise<UnitRow[]> {
  const words = key.split(' ').filter(Boolean);
  const like = words.map((w) => sql`${unitsUnit.searchKey} like ${`%${escapeLike(w)}%`}`);
  return db.select().from(unitsUnit)
    .where(and(inForce(day), or(eq(unitsUnit.code, key), and(...like))))
    .orderBy(
      desc(sql`${unitsUnit.code} = ${key}`),
      desc(sql`${unitsUnit.shortKey} = ${key} or ${unitsUnit.searchKey} = ${key}`),
      desc(sql`${unitsUnit.shortKey} like ${`${escapeLike(key)}%`} or ${unitsUnit.searchKey} like ${`${escapeLike(key)}%`}`),
      asc(LEVEL_ORDER),
      desc(sql`similarity(${unitsUnit.searchKey}, ${key})`),
      asc(unitsUnit.code),
    )
    .limit(limit);
}

export async function setRemoteArea(db: Executor, id: string, remoteArea: boolean): Promise<void> {
  await db.update(unitsUnit).set({ remoteArea }).where(eq(unitsUnit.id, id));
}
