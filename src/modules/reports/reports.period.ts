// Report periods: a month, quarter, half-year, year or custom range, with the field's Vietnamese labels and the period before.
import { isIsoDay, addDays } from '../../platform/clock.ts';
import type { Period, PeriodQuery } from './reports.types.ts';

/** The longest period a report covers. */
export const MAX_YEARS = 5;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export type PeriodOutcome = { ok: true; period: Period } | { ok: false; reason: 'invalid_date' | 'report_period_invalid' | 'report_period_too_long'; vars: Record<string, string | number> };

const ROMAN = ['I', 'II', 'III', 'IV'];

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** dd/MM/yyyy, as every document writes a day. */
export function vnDay(day: string): string {
  return day.split('-').reverse().join('/');
}

/** Days from `from` to `to`, both counted. */
export function daysIn(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

function month(y: number, m: number): Period {
  return { kind: 'month', from: iso(y, m, 1), to: iso(y, m, lastDay(y, m)), label: `tháng ${m} năm ${y}` };
}
function quarter(y: number, q: number): Period {
  return { kind: 'quarter', from: iso(y, 3 * q - 2, 1), to: iso(y, 3 * q, lastDay(y, 3 * q)), label: `quý ${ROMAN[q - 1]} năm ${y}` };
}
function half(y: number, h: number): Period {
  return h === 1
    ? { kind: 'half', from: iso(y, 1, 1), to: iso(y, 6, 30), label: `6 tháng đầu năm ${y}` }
    : { kind: 'half', from: iso(y, 7, 1), to: iso(y, 12, 31), label: `6 tháng cuối năm ${y}` };
}
function year(y: number): Period {
  return { kind: 'year', from: iso(y, 1, 1), to: iso(y, 12, 31), label: `năm ${y}` };
}
function custom(from: string, to: string): Period {
  return { kind: 'custom', from, to, label: `từ ngày ${vnDay(from)} đến ngày ${vnDay(to)}` };
}

const bad = (detail: string): PeriodOutcome => ({ ok: false, reason: 'report_period_invalid', vars: { detail } });

function whole(n: number | undefined, min: number, max: number): boolean {
  return n !== undefined && Number.isInteger(n) && n >= min && n <= max;
}

/** The period a query names, or why it names none. */
export function parsePeriod(q: PeriodQuery): PeriodOutcome {
  if (q.kind === 'custom') {
    if (!q.from || !q.to) return bad('kỳ tùy chọn cần ngày bắt đầu (from) và ngày kết thúc (to)');
    for (const value of [q.from, q.to]) if (!isIsoDay(value)) return { ok: false, reason: 'invalid_date', vars: { value } };
    if (q.to < q.from) return bad(`ngày kết thúc ${vnDay(q.to)} trước ngày bắt đầu ${vnDay(q.from)}`);
    const y0 = Number(q.from.slice(0, 4));
    const y1 = Number(q.to.slice(0, 4));
    if (y0 < MIN_YEAR || y1 > MAX_YEAR) return bad(`chỉ lập báo cáo cho các năm từ ${MIN_YEAR} đến ${MAX_YEAR}`);
    // Five years at most: the end may not reach the same day five years after the start.
    const limit = iso(y0 + MAX_YEARS, Number(q.from.slice(5, 7)), Math.min(Number(q.from.slice(8, 10)), lastDay(y0 + MAX_YEARS, Number(q.from.slice(5, 7)))));
    if (q.to >= limit) return { ok: false, reason: 'report_period_too_long', vars: { max: MAX_YEARS } };
    return { ok: true, period: custom(q.from, q.to) };
  }
  if (!whole(q.year, MIN_YEAR, MAX_YEAR)) return bad(`năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}`);
  const y = q.year!;
  switch (q.kind) {
    case 'year': return { ok: true, period: year(y) };
    case 'half': return whole(q.half, 1, 2) ? { ok: true, period: half(y, q.half!) } : bad('6 tháng phải là 1 (đầu năm) hoặc 2 (cuối năm)');
    case 'quarter': return whole(q.quarter, 1, 4) ? { ok: true, period: quarter(y, q.quarter!) } : bad('quý phải từ 1 đến 4');
    case 'month': return whole(q.month, 1, 12) ? { ok: true, period: month(y, q.month!) } : bad('tháng phải từ 1 đến 12');
  }
  return bad('loại kỳ báo cáo không hợp lệ');
}

/** The period just before, of the same kind and length: the previous month, quarter, half-year or year; for a custom range, as many days just before it. */
export function previousPeriod(p: Period): Period {
  const y = Number(p.from.slice(0, 4));
  const m = Number(p.from.slice(5, 7));
  switch (p.kind) {
    case 'year': return year(y - 1);
    case 'half': return m === 1 ? half(y - 1, 2) : half(y, 1);
    case 'quarter': { const q = (m + 2) / 3; return q === 1 ? quarter(y - 1, 4) : quarter(y, q - 1); }
    case 'month': return m === 1 ? month(y - 1, 12) : month(y, m - 1);
    case 'custom': { const n = daysIn(p.from, p.to); const to = addDays(p.from, -1); return custom(addDays(to, -(n - 1)), to); }
  }
}
