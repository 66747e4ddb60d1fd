// The working-day calendar: days off of a year, deadlines, lunar dates (public), and the administrators' adjustments.
import { currentLang, hasKey, translate } from '../i18n/translate.ts';
import type { Lang } from '../i18n/translate.ts';
import { get, post, queryString, request } from './client.ts';

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

export type DayOffKind = 'holiday' | 'compensatory' | 'adjustment';

export interface DayOff {
  date: string;
  name: string;
  kind: DayOffKind;
  source: string;
  lunar: LunarDate;
}

export interface Workday {
  date: string;
  name: string;
  source: string;
  lunar: LunarDate;
}

export interface Holidays {
  year: number;
  items: DayOff[];
  workdays: Workday[];
}

export type AdjustmentKind = 'off' | 'work';

export interface Adjustment {
  id: string;
  date: string;
  kind: AdjustmentKind;
  name: string;
  source: string;
  createdAt: string;
  createdBy: string | null;
}

export interface Adjustments {
  canManage: boolean;
  items: Adjustment[];
}

export interface NewAdjustment {
  date: string;
  kind: AdjustmentKind;
  name: string;
  source: string;
}

export const getHolidays = (year: number, signal?: AbortSignal) => get<Holidays>(`/api/calendar/holidays${queryString({ year })}`, signal);

/** The day `days` working or calendar days after `from` (counting starts the day after). */
export const addDays = (from: string, days: number, unit: 'working' | 'calendar', signal?: AbortSignal) =>
  get<{ date: string }>(`/api/calendar/add${queryString({ from, days, unit })}`, signal).then((r) => r.date);

export const getLunar = (date: string, signal?: AbortSignal) => get<LunarDate>(`/api/calendar/lunar${queryString({ date })}`, signal);

export const listAdjustments = (year: number, signal?: AbortSignal) => get<Adjustments>(`/api/calendar/adjustments${queryString({ year })}`, signal);

export const createAdjustment = (input: NewAdjustment) => post<Adjustment>('/api/calendar/adjustments', input);

export const deleteAdjustment = (id: string) => request<void>('DELETE', `/api/calendar/adjustments/${encodeURIComponent(id)}`);

/** "mùng 1 tháng Giêng", "14 tháng 6 nhuận" (Vietnamese); "1/1 (lunar)" (English). */
export function formatLunar(lunar: LunarDate, lang: Lang = currentLang()): string {
  const monthKey = `calendar.lunarMonths.${lunar.month}`;
  const month = hasKey(monthKey, lang) ? translate(lang, monthKey) : String(lunar.month);
  const label = translate(lang, lunar.day <= 10 ? 'calendar.lunarDayEarly' : 'calendar.lunarDay', { day: String(lunar.day), month });
  return lunar.leap ? translate(lang, 'calendar.lunarLeap', { label }) : label;
}

const labels = new Map<string, Promise<LunarDate | null>>();

/**
 * The lunar date of a YYYY-MM-DD day as a label in the current language (e.g. beside a due date), or '' when the
 * server cannot say. Each day is asked once per page load.
 */
export async function lunarLabel(date: string): Promise<string> {
  let pending = labels.get(date);
  if (!pending) {
    pending = getLunar(date).catch(() => {
      labels.delete(date);
      return null;
    });
    labels.set(date, pending);
  }
  const lunar = await pending;
  return lunar ? formatLunar(lunar) : '';
}
