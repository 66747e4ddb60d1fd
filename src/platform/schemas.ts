// Schema pieces shared by every module's routes: calendar days, ids, trimmed text, the problem+json body.
import { z } from 'zod';
import { isIsoDay } from './clock.ts';

export const isoDay = z.string().refine(isIsoDay, { message: 'YYYY-MM-DD' }).meta({ format: 'date', example: '2026-11-23' });
export const id = z.uuid();
/** Free text from a person: trimmed, bounded. NFC normalisation happens for every request before validation. */
export const text = (max: number, min = 1) => z.string().trim().min(min).max(max);

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
}).meta({ id: 'Problem', description: 'RFC 9457 problem details; `code` is stable, `detail` is in Vietnamese (or English with Accept-Language: en).' });

/** Standard error responses to list in a route's schema. */
export const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, problem]));

const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>|javascript:/i;
/** Free text that must stay plain: HTML tags and script URLs are refused with the field's 'markup' error. */
export const plain = (max: number, min = 1) => text(max, min).refine((s) => !MARKUP.test(s), { params: { reason: 'markup' } });
