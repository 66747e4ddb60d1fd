// The working-day calendar: Vietnam's lunar calendar (UTC+7), the statutory days off (Labour Code 2019, Art 112) and deadline arithmetic, with no database.
//
// Every day is a 'YYYY-MM-DD' string; arithmetic runs on day numbers in UTC, so no time zone can shift a day.
// Rules (domain-rules §0, §8):
// - Rest days are Saturday and Sunday (state bodies).
// - Days off by law, per year: 1/1; Tết 5 days (default: the last day of the lunar year and 1–4 tháng Giêng);
//   Giỗ Tổ Hùng Vương 10/3 lunar; 30/4; 1/5; 2/9 and one adjacent day (from 2021). A holiday on a Saturday or
//   Sunday gives a compensatory day off on the next working day (Art 112(3)).
// - The government's yearly decisions are adjustments: 'off' adds a day off, 'work' makes a day a working day
//   (a swapped Saturday, or a default day off the decision moved elsewhere).
// - Counting starts the day after `from`; working days skip rest days and days off; a calendar-day period whose
//   last day is a day off ends on the next working day (Civil Code 2015, Arts 147–148).
import { getLunarDate, getSolarDate } from '@dqcai/vn-lunar';
import { isIsoDay } from './clock.ts';

/** Years the lunar tables cover for solar days (the library: lunar years 1200–2199). */
export const CALENDAR_YEARS = { min: 1900, max: 2199 } as const;

export interface LunarDay { day: number; month: number; year: number; leap: boolean }

export type StatutoryKind = 'holiday' | 'compensatory';
export interface StatutoryDayOff { date: string; name: string; kind: StatutoryKind; basis: string }

export type AdjustmentKind = 'off' | 'work';
export interface Adjustment { date: string; kind: AdjustmentKind; name: string; source: string }

export type DayOffKind = StatutoryKind | 'adjustment';
export interface DayOff { date: string; name: string; kind: DayOffKind; source: string }

export type DayUnit = 'working' | 'calendar';

const DAY_MS = 86_400_000;
const BASIS = 'Bộ luật Lao động 2019, Điều 112 khoản 1';
const BASIS_2012 = 'Bộ luật Lao động 2012, Điều 115 khoản 1';
const BASIS_COMPENSATORY = 'Bộ luật Lao động 2019, Điều 112 khoản 3';
const LUNAR_MONTH_NAMES: Record<number, string> = { 1: 'Giêng', 11: 'Mười một', 12: 'Chạp' };

/** Day number (days since 1970-01-01) of an ISO day; RangeError for anything else or outside the covered years. */
function toIndex(day: string): number {
  if (typeof day !== 'string' || !isIsoDay(day)) throw new RangeError(`Not a calendar day (YYYY-MM-DD): "${day}"`);
  const year = +day.slice(0, 4);
  checkYear(year);
  return Date.UTC(year, +day.slice(5, 7) - 1, +day.slice(8, 10)) / DAY_MS;
}

function toDay(index: number): string {
  return new Date(index * DAY_MS).toISOString().slice(0, 10);
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max) {
    throw new RangeError(`Year outside ${CALENDAR_YEARS.min}–${CALENDAR_YEARS.max}: ${year}`);
  }
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(index: number): number {
  return (((index + 4) % 7) + 7) % 7;
}
const isWeekend = (index: number) => { const w = weekday(index); return w === 0 || w === 6; };

/** The day `n` calendar days after (or before, n < 0) `day`. */
export function plusDays(day: string, n: number): string {
  return toDay(toIndex(day) + n);
}

/** The Vietnamese lunar date of a solar day (computed for UTC+7). */
export function lunarOf(day: string): LunarDay {
  toIndex(day);
  const l = getLunarDate(+day.slice(8, 10), +day.slice(5, 7), +day.slice(0, 4));
  return { day: l.day, month: l.month, year: l.year, leap: l.leap };
}

/** The solar day of a Vietnamese lunar date; RangeError when that date does not exist (30 of a short month, a leap month the year lacks). */
export function solarOfLunar(year: number, month: number, day: number, leap = false): string {
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new RangeError(`No lunar date ${day}/${month}/${year}${leap ? ' (nhuận)' : ''}`);
  }
  const s = getSolarDate(day, month, year, leap);
  const out = `${String(s.year).padStart(4, '0')}-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`;
  // The library does not validate: it overflows into the next month. The round trip tells.
  const back = s.year > 0 && isIsoDay(out) ? getLunarDate(s.day, s.month, s.year) : null;
  if (!back || back.day !== day || back.month !== month || back.year !== year || back.leap !== leap) {
    throw new RangeError(`No lunar date ${day}/${month}/${year}${leap ? ' (nhuận)' : ''}`);
  }
  return out;
}

/** "mùng 1 tháng Giêng", "10 tháng 3", "15 tháng 6 nhuận": the usual way of writing a lunar date in Vietnamese. */
export function lunarLabelVi(l: LunarDay): string {
  const day = l.day <= 10 ? `mùng ${l.day}` : String(l.day);
  return `${day} tháng ${LUNAR_MONTH_NAMES[l.month] ?? l.month}${l.leap ? ' nhuận' : ''}`;
}

/**
 * The day adjacent to 2/9 when no decision names it: 1/9, except when 2/9 falls on a Sunday or a Monday (1/9 is
 * then a rest day) or on a Thursday (3/9, a Friday, joins the weekend) — then 3/9. This reproduces the decisions
 * for 2021–2025 (3/9, 1/9, 1/9, 3/9, 1/9); a different decision is entered as adjustments.
 */
export function nationalDayAdjacent(year: number): string {
  const w = weekday(toIndex(`${year}-09-02`));
  return w === 0 || w === 1 || w === 4 ? `${year}-09-03` : `${year}-09-01`;
}

/**
 * The days off the Labour Code gives in a year, with compensatory days, sorted. Labour Code 2019 from 2021;
 * before, the 2012 Code's list (no day adjacent to 2/9); older rules (4 Tết days before 2013) are not modelled.
 */
export function statutoryDaysOff(year: number): StatutoryDayOff[] {
  checkYear(year);
  const basis = year >= 2021 ? BASIS : BASIS_2012;
  const holidays: { index: number; name: string }[] = [];
  const add = (day: string, name: string) => holidays.push({ index: toIndex(day), name });

  add(`${year}-01-01`, 'Tết Dương lịch');
  const tet = toIndex(solarOfLunar(year, 1, 1));
  const eve = toDay(tet - 1);
  add(eve, `Tết Nguyên đán (${lunarOf(eve).day} tháng Chạp)`);
  for (let k = 0; k < 4; k++) add(toDay(tet + k), `Tết Nguyên đán (mùng ${k + 1} tháng Giêng)`);
  add(solarOfLunar(year, 3, 10), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)');
  add(`${year}-04-30`, 'Ngày Chiến thắng');
  add(`${year}-05-01`, 'Ngày Quốc tế Lao động');
  add(`${year}-09-02`, 'Quốc khánh');
  if (year >= 2021) add(nationalDayAdjacent(year), 'Quốc khánh (ngày liền kề)');
  holidays.sort((a, b) => a.index - b.index);

  const taken = new Set(holidays.map((h) => h.index));
  const out: StatutoryDayOff[] = holidays.map((h) => ({ date: toDay(h.index), name: h.name, kind: 'holiday', basis }));
  for (const h of holidays) {
    if (!isWeekend(h.index)) continue;
    let d = h.index + 1;
    while (isWeekend(d) || taken.has(d)) d++;
    taken.add(d);
    out.push({ date: toDay(d), name: `Nghỉ bù ${h.name}`, kind: 'compensatory', basis: BASIS_COMPENSATORY });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Working days and deadlines over the statutory days off and the yearly adjustments. */
export class WorkCalendar {
  private readonly adjustments = new Map<number, Adjustment>();
  private readonly statutory = new Map<number, Map<number, StatutoryDayOff>>();

  constructor(adjustments: readonly Adjustment[] = []) {
    for (const a of adjustments) {
      if (a.kind !== 'off' && a.kind !== 'work') throw new RangeError(`Unknown adjustment kind "${a.kind}"`);
      const i = toIndex(a.date);
      if (this.adjustments.has(i)) throw new RangeError(`Two adjustments for ${a.date}`);
      this.adjustments.set(i, a);
    }
  }

  private statutoryOf(year: number): Map<number, StatutoryDayOff> {
    let days = this.statutory.get(year);
    if (!days) {
      days = new Map(statutoryDaysOff(year).map((d) => [toIndex(d.date), d]));
      this.statutory.set(year, days);
    }
    return days;
  }

  private offAt(index: number): boolean {
    const adj = this.adjustments.get(index);
    if (adj) return adj.kind === 'off';
    return isWeekend(index) || this.statutoryOf(new Date(index * DAY_MS).getUTCFullYear()).has(index);
  }

  /** A rest day or a day off (after adjustments). */
  isDayOff(day: string): boolean {
    return this.offAt(toIndex(day));
  }

  /** The named days off of a year (ordinary weekends left out), adjustments applied, sorted. */
  daysOff(year: number): DayOff[] {
    const out: DayOff[] = [];
    for (const [i, d] of this.statutoryOf(year)) {
      if (this.adjustments.get(i)?.kind === 'work') continue;
      const adj = this.adjustments.get(i);
      out.push(adj ? { date: d.date, name: adj.name, kind: 'adjustment', source: adj.source } : { date: d.date, name: d.name, kind: d.kind, source: d.basis });
    }
    for (const [i, a] of this.adjustments) {
      if (a.kind === 'off' && +a.date.slice(0, 4) === year && !this.statutoryOf(year).has(i)) out.push({ date: a.date, name: a.name, kind: 'adjustment', source: a.source });
    }
    return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  /** The year's 'work' adjustments: Saturdays or Sundays worked, default days off moved elsewhere. */
  workdays(year: number): Adjustment[] {
    return [...this.adjustments.values()].filter((a) => a.kind === 'work' && +a.date.slice(0, 4) === year).sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  /**
   * The day `n` days after `from`, counting from the day after. Working days skip rest days and days off; with
   * calendar days, a last day that is a day off moves to the next working day. n = 0 gives `from`. A negative n
   * counts back (working days: the n-th working day before; calendar days: plain subtraction, nothing moved).
   */
  add(from: string, n: number, unit: DayUnit): string {
    let d = toIndex(from);
    if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
    if (unit === 'calendar') {
      d += n;
      if (n > 0) while (this.offAt(d)) d++;
      return toDay(d);
    }
    if (unit !== 'working') throw new RangeError(`Unknown unit "${unit}"`);
    const step = Math.sign(n);
    for (let left = Math.abs(n); left > 0;) {
      d += step;
      if (!this.offAt(d)) left--;
    }
    return toDay(d);
  }

  /**
   * Working days from `from` to `to`: those in (from, to] when to is later, minus those in (to, from] when it is
   * earlier. So workingDaysBetween(x, add(x, n, 'working')) = n, and "days left" to a due day is
   * workingDaysBetween(today, due): 0 on the day itself, negative once past.
   */
  workingDaysBetween(from: string, to: string): number {
    const a = toIndex(from);
    const b = toIndex(to);
    const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let n = 0;
    for (let d = lo + 1; d <= hi; d++) if (!this.offAt(d)) n++;
    return sign * n;
  }
}
