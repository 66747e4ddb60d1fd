// The provinces of the three-level tree and the province of the two-level tree each became part of on 1 July 2025
// (Nghị quyết 202/2025/QH15; ./data/province-succession-2025.csv). Whole provinces were joined, so a record of an old
// province, district or commune belongs, at the provincial level, to the new province given here.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { ROOT_CODE } from './units.import.ts';

let successors: Map<string, string> | null = null;

function table(): Map<string, string> {
  if (!successors) {
    const rows = parse(readFileSync(new URL('./data/province-succession-2025.csv', import.meta.url), 'utf8'), { columns: true, skip_empty_lines: true }) as { old_code: string; new_code: string }[];
    successors = new Map(rows.map((r) => [r.old_code, r.new_code]));
  }
  return successors;
}

/** The province of the two-level tree an old (pre-July 2025) province became part of; undefined for an unknown code. */
export function successorProvince(oldProvinceCode: string): string | undefined {
  return table().get(oldProvinceCode);
}

/** The provinces of the three-level tree that became this province of the two-level tree, sorted. */
export function predecessorProvinces(newProvinceCode: string): string[] {
  return [...table()].filter(([, next]) => next === newProvinceCode).map(([old]) => old).sort();
}

/**
 * Where a unit of the three-level tree sits under today's provinces: its path with the old province replaced by its
 * successor (VN.49.503.20335 → VN.48.503.20335). Scope checks compare it with today's units: an official of the new
 * province, or above, reaches the old records; an official of a new commune does not (no commune succession is shipped).
 */
export function successorPath(oldPath: string): string {
  const labels = oldPath.split('.');
  if (labels[0] !== ROOT_CODE || labels.length < 2) return oldPath;
  const next = successorProvince(labels[1]);
  return next ? [ROOT_CODE, next, ...labels.slice(2)].join('.') : oldPath;
}
