// Rate limits shared by every app process: fixed-window counters in the database, one upsert per check.
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { AppError, type Lang } from './errors.ts';

export interface Limit { bucket: string; key: string; max: number; windowSeconds: number }

/** Counts one hit; returns the seconds to wait when the limit is exceeded, 0 otherwise. */
export async function hit(ex: Executor, l: Limit): Promise<number> {
  const nowMs = Date.now();
  const startMs = Math.floor(nowMs / (l.windowSeconds * 1000)) * l.windowSeconds * 1000;
  const result = await ex.execute(sql`
    INSERT INTO rate_counter (bucket, key, window_start, hits) VALUES (${l.bucket}, ${l.key}, ${new Date(startMs).toISOString()}, 1)
    ON CONFLICT (bucket, key, window_start) DO UPDATE SET hits = rate_counter.hits + 1
    RETURNING hits`);
  const hits = Number((result.rows[0] as { hits: number }).hits);
  if (hits <= l.max) return 0;
  return Math.max(1, Math.ceil((startMs + l.windowSeconds * 1000 - nowMs) / 1000));
}

/** Reads a counter without counting (for limits on failures only: count with hit() when the attempt fails). */
export async function exceeded(ex: Executor, l: Limit): Promise<number> {
  const nowMs = Date.now();
  const startMs = Math.floor(nowMs / (l.windowSeconds * 1000)) * l.windowSeconds * 1000;
  const result = await ex.execute(sql`
    SELECT hits FROM rate_counter WHERE bucket = ${l.bucket} AND key = ${l.key} AND window_start = ${new Date(startMs).toISOString()}`);
  const hits = Number((result.rows[0] as { hits: number } | undefined)?.hits ?? 0);
  if (hits < l.max) return 0;
  return Math.max(1, Math.ceil((startMs + l.windowSeconds * 1000 - nowMs) / 1000));
}

/** Checks every limit (each counts a hit) and throws rate_limited with the longest wait when any is exceeded. */
export async function enforce(ex: Executor, limits: Limit[], lang: Lang = 'vi'): Promise<void> {
  let wait = 0;
  for (const l of limits) wait = Math.max(wait, await hit(ex, l));
  if (wait > 0) throw rateLimited(wait, lang);
}

export function rateLimited(seconds: number, lang: Lang = 'vi'): AppError {
  const minutes = Math.ceil(seconds / 60);
  const after = seconds < 90 ? (lang === 'vi' ? `${seconds} giây` : `${seconds} s`) : (lang === 'vi' ? `${minutes} phút` : `${minutes} min`);
  const err = new AppError('rate_limited', { after });
  (err as AppError & { retryAfter?: number }).retryAfter = seconds;
  return err;
}

/** Removes windows that ended more than a day ago (run daily). */
export async function sweep(ex: Executor): Promise<void> {
  await ex.execute(sql`DELETE FROM rate_counter WHERE window_start < now() - interval '1 day'`);
}
