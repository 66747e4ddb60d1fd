// A report's reach in the unit tree in force during its period: which subtrees count for which days, the levels below
// the unit with how many units each has, and the units one level down for the drill-down. Records carry the path of
// their unit as in force on their date: VN.<province>.<district>.<commune> before 1 July 2025, VN.<province>.<commune> from then.
import { sql, type SQL } from 'drizzle-orm';
import { isWithin } from '../../platform/access.ts';
import type { AppContext } from '../../platform/http.ts';
import { readAll } from '../../platform/parallel.ts';
import { isMonthEnd } from '../../platform/rollup.ts';
import { LIST_2025, ROOT_CODE } from './units.import.ts';
import { predecessorProvinces, successorPath, successorProvince } from './units.succession.ts';

export type ScopeLevel = 'central' | 'province' | 'district' | 'commune';
/** The three-level tree (before 1 July 2025) or the two-level one (from then). */
export type Era = 'truoc_2025' | 'tu_2025';

/** The first day of the two-level tree, and the last of the three-level one. */
export const REFORM_DAY = LIST_2025.from;
export const LAST_OLD_DAY = '2025-06-30';

/**
 * The field's plural phrase for the units of a level in each tree. The 2024 list is the only three-level list shipped,
 * so it stands for every day before the reform.
 */
export const UNITS_LABEL: Record<Era, Record<ScopeLevel, string>> = {
  truoc_2025: { central: 'Trung ương', province: 'tỉnh, thành phố trực thuộc Trung ương', district: 'quận, huyện, thị xã, thành phố thuộc tỉnh', commune: 'xã, phường, thị trấn' },
  tu_2025: { central: 'Trung ương', province: 'tỉnh, thành phố', district: 'quận, huyện, thị xã, thành phố thuộc tỉnh', commune: 'xã, phường, đặc khu' },
};

/** The era of a record's date. */
export const eraOf = (day: string): Era => (day < REFORM_DAY ? 'truoc_2025' : 'tu_2025');

/** A record's level, from the depth of its unit's path and the tree in force on its date. */
export function levelOf(depth: number, era: Era): ScopeLevel {
  if (depth <= 1) return 'central';
  if (depth === 2) return 'province';
  if (depth === 3) return era === 'truoc_2025' ? 'district' : 'commune';
  return 'commune';
}

/** A record's level from its path (labels: 'VN', 2-digit province, 3-digit district, 5-digit commune) and date. */
export function recordLevel(path: string, day: string): ScopeLevel {
  return levelOf(path.split('.').length, eraOf(day));
}

// ——— The scope ———

/** Subtrees (paths in the era's tree) whose records count for the days from..to. */
export interface ScopeSegment { era: Era; from: string; to: string; paths: string[] }

/** One level row: the units of the level under the report's unit that are in force in the period. */
export interface ScopeLevelRow {
  level: ScopeLevel;
  era: Era;
  unitsLabel: string;
  unitsTotal: number;
  /** The row is the report's unit itself (a commune's own report, a province's own level): sentences name it. */
  own: boolean;
}

/** A unit one level down, with the subtrees whose records count for it (an old province's records for its successor). */
export interface ScopeChild { key: string; code: string; name: string; level: ScopeLevel; era: Era; segments: ScopeSegment[] }

export interface ReportScope {
  unit: { code: string; name: string; level: ScopeLevel; path: string; era: Era };
  /** The requested period. */
  period: { from: string; to: string };
  /** Where and when records count; empty when the unit is not in force at all in the period. */
  segments: ScopeSegment[];
  /** The days the segments cover (null when none). */
  coverage: { from: string; to: string } | null;
  levels: ScopeLevelRow[];
  children: ScopeChild[];
  /** Index of the label that names a record's child in its path (the unit's depth). */
  childIndex: number;
  /** At the province level, records of the old provinces count for their 2025 successor (a period reaching 1 July 2025). */
  provincesMerged: boolean;
}

interface UnitVersion { code: string; name: string; level: ScopeLevel; path: string; validFrom: string; validTo: string | null }

const eraOfVersion = (u: { code: string; validFrom: string }): Era => (u.code !== ROOT_CODE && u.validFrom < REFORM_DAY ? 'truoc_2025' : 'tu_2025');
const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);
const depthOf = (path: string) => path.split('.').length;

/**
 * The unit lists change only when they are imported, at start: what scopes read of them is kept per database (the
 * `scripts` runner is the database's identity, shared by its transaction-bound contexts), at most a few hundred answers.
 */
const kept = new WeakMap<object, Map<string, Promise<unknown>>>();
function remembered<T>(ctx: AppContext, key: string, load: () => Promise<T>): Promise<T> {
  let answers = kept.get(ctx.database.scripts);
  if (!answers) kept.set(ctx.database.scripts, (answers = new Map()));
  let answer = answers.get(key) as Promise<T> | undefined;
  if (!answer) {
    if (answers.size >= 500) answers.clear();
    answer = load();
    answers.set(key, answer);
    answer.catch(() => answers.delete(key));
  }
  return answer;
}

async function versionsOf(ctx: AppContext, code: string): Promise<UnitVersion[]> {
  return remembered(ctx, `versions:${code}`, () => ctx.database.rows<UnitVersion>(sql`
    select code, name, level, path::text as path, valid_from as "validFrom", valid_to as "validTo"
    from units_unit where code = ${code} order by valid_from`));
}

/**
 * The version a report of this code speaks of: the one in force at the end of the period, the old list counting as in
 * force for every day before the reform (a code reused by the 2025 tree means the old unit for a period before it).
 */
function chooseVersion(versions: UnitVersion[], to: string): UnitVersion {
  const effectiveFrom = (u: UnitVersion) => (eraOfVersion(u) === 'truoc_2025' ? '0000-01-01' : u.validFrom);
  const started = versions.filter((u) => effectiveFrom(u) <= to);
  return started.length ? started.reduce((a, b) => (effectiveFrom(b) >= effectiveFrom(a) ? b : a)) : versions[0];
}

const pathsSql = (paths: string[]) => sql`array[${sql.join(paths.map((p) => sql`${p}`), sql`, `)}]::ltree[]`;

/** Units of each level under the paths, in force in the segment (distinct codes: amended versions count once). */
async function countUnits(ctx: AppContext, s: ScopeSegment): Promise<Map<ScopeLevel, number>> {
  return remembered(ctx, `count:${s.era}:${s.from}:${s.to}:${s.paths.join(',')}`, () => countUnitsNow(ctx, s));
}

async function countUnitsNow(ctx: AppContext, s: ScopeSegment): Promise<Map<ScopeLevel, number>> {
  const under = s.paths.includes(ROOT_CODE) ? sql`true` : sql`path <@ ${pathsSql(s.paths)}`;
  const era = s.era === 'truoc_2025'
    ? sql`valid_from < ${REFORM_DAY}::date`
    : sql`valid_from >= ${REFORM_DAY}::date and valid_from <= ${s.to}::date and (valid_to is null or valid_to >= ${s.from}::date)`;
  const rows = await ctx.database.rows<{ level: ScopeLevel; n: number }>(sql`
    select level, count(distinct code)::int as n from units_unit where code <> ${ROOT_CODE} and ${era} and ${under} group by level`);
  return new Map(rows.map((r) => [r.level, r.n]));
}

/** Units at one depth under the paths, in force in the segment, with the name of their last version in it. */
async function unitsAt(ctx: AppContext, s: ScopeSegment, depth: number): Promise<{ code: string; name: string; path: string }[]> {
  return remembered(ctx, `at:${depth}:${s.era}:${s.from}:${s.to}:${s.paths.join(',')}`, () => unitsAtNow(ctx, s, depth));
}

async function unitsAtNow(ctx: AppContext, s: ScopeSegment, depth: number): Promise<{ code: string; name: string; path: string }[]> {
  const under = s.paths.includes(ROOT_CODE) ? sql`true` : sql`path <@ ${pathsSql(s.paths)}`;
  const era = s.era === 'truoc_2025'
    ? sql`valid_from < ${REFORM_DAY}::date`
    : sql`valid_from >= ${REFORM_DAY}::date and valid_from <= ${s.to}::date and (valid_to is null or valid_to >= ${s.from}::date)`;
  return ctx.database.rows(sql`
    select distinct on (code) code, name, path::text as path from units_unit
    where code <> ${ROOT_CODE} and nlevel(path) = ${depth} and ${era} and ${under}
    order by code, valid_from desc`);
}

export type ScopeOutcome = { ok: true; scope: ReportScope } | { ok: false; reason: 'unit_not_found'; vars: { code: string } };

/**
 * The scope of a report of unit `code` over from..to.
 *
 * Which unit: the version of the code in force at the end of the period, the 2024 list standing for every day before
 * the reform (a code the 2025 tree reused names the old unit for a period ending before 1 July 2025); `opts.era` keeps
 * the unit of another period's report (the period before a 2025 province's year is still that province's).
 *
 * Where records count:
 * - the centre (VN): everything;
 * - a 2025 province: its subtree from 1 July 2025, and before it the subtrees of the old provinces that became it;
 * - a 2025 commune: its subtree from 1 July 2025 (no commune succession is shipped); before, nothing;
 * - an old (2024) province, district or commune: its subtree, up to 30 June 2025.
 * The days outside the unit's validity are cut off (`coverage`); a unit with none in the period has no segments.
 *
 * A period reaching across 1 July 2025 is shown in both trees, level by level:
 * - the centre and province row: one row in the 2025 tree ("x/34 tỉnh, thành phố"), the old provinces' own records
 *   counted for the 2025 province they became part of; a period that ends before the reform has the old row (x/63);
 * - the district row: the old districts, for the days before 1 July 2025 (the 2025 tree has none);
 * - the commune level twice: "xã, phường, thị trấn" of the old tree for the days before, "xã, phường, đặc khu" of the
 *   new one from then, each with the units of its own tree;
 * - the children: for the centre the 34 provinces (each with its predecessors' records); for a 2025 province its
 *   districts of the old tree (its predecessors') for the days before and its communes from 1 July 2025.
 */
export async function reportScope(ctx: AppContext, code: string, period: { from: string; to: string }, opts: { era?: Era } = {}): Promise<ScopeOutcome> {
  const versions = await versionsOf(ctx, code);
  if (versions.length === 0) return { ok: false, reason: 'unit_not_found', vars: { code } };
  const pinned = opts.era ? versions.filter((u) => eraOfVersion(u) === opts.era) : [];
  const v = chooseVersion(pinned.length ? pinned : versions, period.to);
  const era = eraOfVersion(v);
  const level = v.level;
  const isRoot = v.code === ROOT_CODE;
  const oldPart = period.from < REFORM_DAY ? { from: period.from, to: min(period.to, LAST_OLD_DAY) } : null;
  // The 2025 unit's own validity: from its first version of the new tree to the end of its last.
  const mine = versions.filter((u) => eraOfVersion(u) === 'tu_2025');
  const lastTo = mine.some((u) => u.validTo === null) ? '9999-12-31' : mine.reduce((a, u) => max(a, u.validTo!), '0000-01-01');
  const newFrom = isRoot ? REFORM_DAY : mine.reduce((a, u) => min(a, u.validFrom), '9999-12-31');
  const newPart = period.to >= REFORM_DAY && mine.length ? { from: max(period.from, max(REFORM_DAY, newFrom)), to: min(period.to, lastTo) } : null;

  const segments: ScopeSegment[] = [];
  if (isRoot) {
    if (oldPart) segments.push({ era: 'truoc_2025', ...oldPart, paths: [ROOT_CODE] });
    if (newPart) segments.push({ era: 'tu_2025', ...newPart, paths: [ROOT_CODE] });
  } else if (era === 'tu_2025') {
    if (level === 'province' && oldPart) {
      const preds = predecessorProvinces(v.code);
      if (preds.length) segments.push({ era: 'truoc_2025', ...oldPart, paths: preds.map((p) => `${ROOT_CODE}.${p}`) });
    }
    if (newPart && newPart.from <= newPart.to) segments.push({ era: 'tu_2025', ...newPart, paths: [v.path] });
  } else if (oldPart) {
    segments.push({ era: 'truoc_2025', ...oldPart, paths: [v.path] });
  }

  const oldSeg = segments.find((s) => s.era === 'truoc_2025');
  const newSeg = segments.find((s) => s.era === 'tu_2025');
  const provincesMerged = Boolean(newSeg) && (isRoot || level === 'province');
  const childIndex = depthOf(v.path);
  const centreMerged = isRoot && Boolean(newSeg);
  // Units per level in each tree, and the units one level down, read at once (a server runs them side by side).
  const childTasks = level === 'commune' ? [] : centreMerged ? [() => unitsAt(ctx, newSeg!, 2)] : segments.map((s) => () => unitsAt(ctx, s, childIndex + 1));
  const [[oldCounts, newCounts], childLists] = await readAll(ctx, [
    () => readAll(ctx, [
      () => (oldSeg ? countUnits(ctx, oldSeg) : Promise.resolve(new Map<ScopeLevel, number>())),
      () => (newSeg ? countUnits(ctx, newSeg) : Promise.resolve(new Map<ScopeLevel, number>())),
    ] as const),
    () => readAll(ctx, childTasks),
  ] as const);

  // Level rows at and below the unit's level, for the trees the period touches.
  const levels: ScopeLevelRow[] = [];
  const row = (l: ScopeLevel, e: Era, total: number, own: boolean) => levels.push({ level: l, era: e, unitsLabel: UNITS_LABEL[e][l], unitsTotal: total, own });
  if (segments.length) {
    if (isRoot) row('central', newSeg ? 'tu_2025' : 'truoc_2025', 1, true);
    if (isRoot || level === 'province') {
      if (provincesMerged) row('province', 'tu_2025', isRoot ? newCounts.get('province') ?? 0 : 1, !isRoot);
      else row('province', 'truoc_2025', isRoot || era === 'tu_2025' ? oldCounts.get('province') ?? 0 : 1, !isRoot && era === 'truoc_2025');
    }
    if (oldSeg && (isRoot || level === 'province' || level === 'district')) row('district', 'truoc_2025', level === 'district' ? 1 : oldCounts.get('district') ?? 0, level === 'district');
    if (oldSeg) row('commune', 'truoc_2025', level === 'commune' ? 1 : oldCounts.get('commune') ?? 0, level === 'commune');
    if (newSeg) row('commune', 'tu_2025', level === 'commune' ? 1 : newCounts.get('commune') ?? 0, level === 'commune');
  }

  // Children: one level down in each tree; for the centre over a period reaching 1 July 2025, the 34 provinces, each
  // with the old provinces that became it.
  const children: ScopeChild[] = [];
  if (centreMerged) {
    for (const p of childLists[0] ?? []) {
      const segs: ScopeSegment[] = [];
      const preds = predecessorProvinces(p.code);
      if (oldSeg && preds.length) segs.push({ era: 'truoc_2025', from: oldSeg.from, to: oldSeg.to, paths: preds.map((c) => `${ROOT_CODE}.${c}`) });
      segs.push({ era: 'tu_2025', from: newSeg!.from, to: newSeg!.to, paths: [p.path] });
      children.push({ key: childKey('tu_2025', p.code), code: p.code, name: p.name, level: 'province', era: 'tu_2025', segments: segs });
    }
  } else {
    childLists.forEach((list, i) => {
      const s = segments[i];
      for (const u of list) {
        children.push({ key: childKey(s.era, u.code), code: u.code, name: u.name, level: levelOf(childIndex + 1, s.era), era: s.era, segments: [{ era: s.era, from: s.from, to: s.to, paths: [u.path] }] });
      }
    });
  }
  const coverage = segments.length ? { from: segments.reduce((a, s) => min(a, s.from), '9999-12-31'), to: segments.reduce((a, s) => max(a, s.to), '0000-01-01') } : null;
  return {
    ok: true,
    scope: {
      unit: { code: v.code, name: v.name, level, path: v.path, era }, period: { from: period.from, to: period.to },
      segments, coverage, levels, children, childIndex, provincesMerged,
    },
  };
}

const childKey = (era: Era, code: string) => `${era}:${code}`;

// ——— Folding grouped records into level rows and children ———

/** Which level row a record of this era and depth counts in (index into scope.levels), or -1. */
export function levelRowOf(scope: ReportScope, era: Era, depth: number): number {
  const level = levelOf(depth, era);
  return scope.levels.findIndex((r) => r.level === level && (level !== 'commune' || r.era === era));
}

/** The key of the child a record counts for, from its era and the label of its path at `scope.childIndex`, or null. */
export function childOf(scope: ReportScope, era: Era, label: string | null): string | null {
  if (!label) return null;
  if (scope.provincesMerged && scope.unit.code === ROOT_CODE) {
    const code = era === 'truoc_2025' ? successorProvince(label) : label;
    return code ? childKey('tu_2025', code) : null;
  }
  return childKey(era, label);
}

/** The code a province-level record's unit counts as: its successor when the old provinces are merged. */
export function provinceKey(scope: ReportScope, era: Era, code: string): string {
  return scope.provincesMerged && era === 'truoc_2025' ? successorProvince(code) ?? code : code;
}

// ——— SQL for the modules that count records in a scope ———

/**
 * The province part of a path ('VN' for the centre itself): the report indexes (migration 0010) lead with it, so that a
 * province's records are read as a few ranges of the index rather than the nation's rows of the period.
 */
export function provinceOfPath(path: SQL): SQL {
  return sql`subpath(${path}, 0, least(nlevel(${path}), 2))`;
}

/** True for records dated `date` with unit path `path` inside the segments (or none when there are none). */
export function inSegments(segments: ScopeSegment[], date: SQL, path: SQL): SQL {
  if (segments.length === 0) return sql`false`;
  const from = segments.reduce((a, s) => min(a, s.from), '9999-12-31');
  const to = segments.reduce((a, s) => max(a, s.to), '0000-01-01');
  // The centre over both trees: one date range, no path test, so the date index alone narrows the rows.
  if (segments.every((s) => s.paths.length === 1 && s.paths[0] === ROOT_CODE)) return sql`(${date} between ${from}::date and ${to}::date)`;
  // Elsewhere: the provinces and the whole date range first (index conditions), then each segment's own days and subtrees.
  const provinces = [...new Set(segments.flatMap((s) => s.paths.map((p) => p.split('.').slice(0, 2).join('.'))))];
  const each = segments.map((s) => sql`(${date} between ${s.from}::date and ${s.to}::date and ${path} <@ ${pathsSql(s.paths)})`);
  return sql`(${provinceOfPath(path)} = any(${pathsSql(provinces)}) and ${date} between ${from}::date and ${to}::date and (${sql.join(each, sql` or `)}))`;
}

/** The grouping keys every figure query returns: era, depth, the child label and, for province-level records, the province. */
export function scopeKeys(scope: ReportScope, date: SQL, path: SQL): { era: SQL; depth: SQL; child: SQL; province: SQL } {
  const i = scope.childIndex;
  return {
    era: sql`(${date} >= ${REFORM_DAY}::date)`,
    depth: sql`nlevel(${path})`,
    child: scope.children.length ? sql`case when nlevel(${path}) > ${i} then subpath(${path}, ${i}, 1)::text end` : sql`null::text`,
    province: sql`case when nlevel(${path}) = 2 then subpath(${path}, 1, 1)::text end`,
  };
}

/** A grouped row as the figure queries return it: the keys of `scopeKeys`. */
export interface ScopeGroup { era_new: boolean; depth: number; child: string | null; province: string | null }

/** Records of one level row (drill-down): depth and era of the row. */
export function levelCondition(row: { level: ScopeLevel; era: Era }, date: SQL, path: SQL): SQL {
  switch (row.level) {
    case 'central': return sql`nlevel(${path}) = 1`;
    case 'province': return sql`nlevel(${path}) = 2`;
    case 'district': return sql`(nlevel(${path}) = 3 and ${date} < ${REFORM_DAY}::date)`;
    case 'commune': return row.era === 'truoc_2025' ? sql`(nlevel(${path}) = 4 and ${date} < ${REFORM_DAY}::date)` : sql`(nlevel(${path}) = 3 and ${date} >= ${REFORM_DAY}::date)`;
  }
}

/**
 * Is this the centre's report over whole months, read at E the last day of a month or today? The monthly roll-ups of
 * the record modules answer it (their dates are months; E in the middle of a month is only today, when nothing is yet
 * dated after E).
 */
export function centreOverWholeMonths(scope: ReportScope, asOf: string, today: string): boolean {
  const c = scope.coverage;
  if (!c || scope.unit.code !== ROOT_CODE) return false;
  if (!c.from.endsWith('-01') || !isMonthEnd(c.to)) return false;
  return isMonthEnd(asOf) || asOf === today;
}

// ——— Who may read a unit's report ———

/**
 * Does one of these scopes (paths of the reader's grants, in the tree of today) cover the report's unit? A 2025 province
 * covers the old provinces that became it, with their districts and communes; a 2025 commune covers only itself.
 */
export function scopeCovers(grantPaths: string[], unit: { path: string; era: Era }): boolean {
  return grantPaths.some((g) => isWithin(unit.path, g) || (unit.era === 'truoc_2025' && isWithin(successorPath(unit.path), g)));
}

/** Where a grouped row counts: its level row (index or -1), its child (key or null) and, at the province level, its province. */
export function placeGroup(scope: ReportScope, g: ScopeGroup): { era: Era; level: number; child: string | null; province: string | null } {
  const era: Era = g.era_new ? 'tu_2025' : 'truoc_2025';
  return {
    era,
    level: levelRowOf(scope, era, Number(g.depth)),
    child: childOf(scope, era, g.child),
    province: g.province ? provinceKey(scope, era, g.province) : null,
  };
}

/**
 * Names of units as they stood on given days (a record's unit on its date: a code reused by the 2025 tree names the old
 * unit for a day before the reform). Keys are `${code}@${day}`; one query for all.
 */
export async function unitNamesAt(ctx: AppContext, items: { code: string; day: string }[]): Promise<Map<string, string>> {
  const codes = [...new Set(items.map((i) => i.code))];
  if (codes.length === 0) return new Map();
  const versions = await ctx.database.rows<UnitVersion>(sql`
    select code, name, level, path::text as path, valid_from as "validFrom", valid_to as "validTo"
    from units_unit where code in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)}) order by code, valid_from`);
  const byCode = new Map<string, UnitVersion[]>();
  for (const v of versions) byCode.set(v.code, [...(byCode.get(v.code) ?? []), v]);
  const out = new Map<string, string>();
  for (const { code, day } of items) {
    const vs = byCode.get(code);
    if (vs) out.set(`${code}@${day}`, chooseVersion(vs, day).name);
  }
  return out;
}

/** The records behind a figure: the segments (the report's, or one child's) and, optionally, level rows; one page. */
export interface RecordQuery { segments: ScopeSegment[]; levels?: { level: ScopeLevel; era: Era }[]; page: number; pageSize: number }

/** The condition of a drill-down query on a table whose records are dated `date` at unit path `path`. */
export function recordWhere(q: RecordQuery, date: SQL, path: SQL): SQL {
  const inside = inSegments(q.segments, date, path);
  if (!q.levels?.length) return inside;
  return sql`${inside} and (${sql.join(q.levels.map((l) => levelCondition(l, date, path)), sql` or `)})`;
}
