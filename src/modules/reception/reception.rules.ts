// The rules of periodic reception, with no database: when a schedule meets, its slots, whether it meets the legal
// minimum frequency, how its frequency reads, and the refusal grounds of Luật Tiếp công dân 2013, Điều 9.
//
// Decisions where the law is silent:
// - A weekly schedule skips a day off (its other weeks still meet); a monthly one (a day of the month, or the n-th
//   weekday) moves to the next working day of the same month, as provincial schedules commonly announce ("nếu trùng
//   ngày nghỉ thì thực hiện vào ngày làm việc tiếp theo"); a 31st in a shorter month is the month's last day.
// - Times are Vietnam's clock (UTC+7, no daylight saving), so a slot is one fixed offset from UTC.
// - Compliance looks at one schedule: a weekly schedule counts its Monday–Friday days per week, a monthly one 1 day per month.
import type { WorkCalendar } from '../../platform/calendar.ts';
import type { Lang } from '../../platform/errors.ts';

export const LEADER_KINDS = ['commune_chair', 'province_chair', 'agency_head', 'other'] as const;
export type LeaderKind = (typeof LEADER_KINDS)[number];

export type Recurrence =
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  | { kind: 'weekly'; weekdays: number[] }
  | { kind: 'monthly_day'; day: number }
  /** nth 1–4, or -1 for the last such weekday of the month. */
  | { kind: 'monthly_nth'; nth: 1 | 2 | 3 | 4 | -1; weekday: number };

export type Period = 'week' | 'month';
export interface FrequencyRule { leaderKind: LeaderKind; minDays: number; period: Period; basis: string }

export interface ScheduleTimes {
  recurrence: Recurrence;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  validFrom: string;
  validTo: string | null;
}

/** How many days ahead residents see and book slots. */
export const HORIZON_DAYS = 30;
const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

const dayIndex = (day: string) => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / DAY_MS;
const dayOf = (index: number) => new Date(index * DAY_MS).toISOString().slice(0, 10);
/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: string) => ((new Date(dayIndex(day) * DAY_MS).getUTCDay() + 6) % 7) + 1;
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');
const minutesOf = (hhmm: string) => +hhmm.slice(0, 2) * 60 + +hhmm.slice(3, 5);

/** The instant of a Vietnam wall-clock time on a day. */
export function vnInstant(day: string, hhmm: string): Date {
  return new Date(dayIndex(day) * DAY_MS + minutesOf(hhmm) * 60_000 - VN_OFFSET_MS);
}

/** The Vietnam calendar day of an instant. */
export function vnDay(instant: Date): string {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Vietnam wall-clock time (HH:MM) of an instant. */
export function vnTime(instant: Date): string {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(11, 16);
}

/** The nominal day of a monthly recurrence in a month, before days off are considered. */
function nominalDay(r: Exclude<Recurrence, { kind: 'weekly' }>, year: number, month: number): string {
  const last = daysInMonth(year, month);
  if (r.kind === 'monthly_day') return `${year}-${pad(month)}-${pad(Math.min(r.day, last))}`;
  if (r.nth === -1) {
    const lastDay = `${year}-${pad(month)}-${pad(last)}`;
    return dayOf(dayIndex(lastDay) - ((isoWeekday(lastDay) - r.weekday + 7) % 7));
  }
  const first = `${year}-${pad(month)}-01`;
  return dayOf(dayIndex(first) + ((r.weekday - isoWeekday(first) + 7) % 7) + (r.nth - 1) * 7);
}

/** A monthly meeting that falls on a day off moves to the next working day of that month; none left: the last one before. */
function shiftToWorking(day: string, calendar: WorkCalendar): string | null {
  const month = day.slice(0, 7);
  for (let i = dayIndex(day); dayOf(i).slice(0, 7) === month; i++) if (!calendar.isDayOff(dayOf(i))) return dayOf(i);
  for (let i = dayIndex(day) - 1; dayOf(i).slice(0, 7) === month; i--) if (!calendar.isDayOff(dayOf(i))) return dayOf(i);
  return null;
}

/** The days in [from, to] on which a schedule meets: within its validity, never on a day off. */
export function meetingDays(s: Pick<ScheduleTimes, 'recurrence' | 'validFrom' | 'validTo'>, from: string, to: string, calendar: WorkCalendar): string[] {
  const lo = from > s.validFrom ? from : s.validFrom;
  const hi = s.validTo && s.validTo < to ? s.validTo : to;
  if (lo > hi) return [];
  const out: string[] = [];
  const r = s.recurrence;
  if (r.kind === 'weekly') {
    for (let i = dayIndex(lo); i <= dayIndex(hi); i++) {
      const d = dayOf(i);
      if (r.weekdays.includes(isoWeekday(d)) && !calendar.isDayOff(d)) out.push(d);
    }
    return out;
  }
  let year = +lo.slice(0, 4);
  let month = +lo.slice(5, 7);
  while (`${year}-${pad(month)}` <= hi.slice(0, 7)) {
    const d = shiftToWorking(nominalDay(r, year, month), calendar);
    if (d && d >= lo && d <= hi) out.push(d);
    month++;
    if (month > 12) { month = 1; year++; }
  }
  return out;
}

export interface Slot { start: Date; end: Date }

/** The slots of one meeting day: from the start time, one every slotMinutes, each ending by the end time. */
export function slotsOn(s: Pick<ScheduleTimes, 'startTime' | 'endTime' | 'slotMinutes'>, day: string): Slot[] {
  const out: Slot[] = [];
  const end = minutesOf(s.endTime);
  for (let m = minutesOf(s.startTime); m + s.slotMinutes <= end; m += s.slotMinutes) {
    const start = vnInstant(day, `${pad(Math.floor(m / 60))}:${pad(m % 60)}`);
    out.push({ start, end: new Date(start.getTime() + s.slotMinutes * 60_000) });
  }
  return out;
}

/** Every slot of a schedule that starts after `now` and within the horizon (today and the next HORIZON_DAYS − 1 days). */
export function upcomingSlots(s: ScheduleTimes, now: Date, calendar: WorkCalendar): Slot[] {
  const today = vnDay(now);
  const last = dayOf(dayIndex(today) + HORIZON_DAYS - 1);
  return meetingDays(s, today, last, calendar).flatMap((d) => slotsOn(s, d)).filter((x) => x.start.getTime() > now.getTime());
}

/** The slot of a schedule that starts at this instant, if there is one (in any period, past or future). */
export function slotAt(s: ScheduleTimes, start: Date, calendar: WorkCalendar): Slot | null {
  const day = vnDay(start);
  if (meetingDays(s, day, day, calendar).length === 0) return null;
  return slotsOn(s, day).find((x) => x.start.getTime() === start.getTime()) ?? null;
}

/** How often a schedule meets, in the unit its recurrence speaks: working days per week, or days per month. */
export function actualFrequency(r: Recurrence): { days: number; period: Period } {
  if (r.kind === 'weekly') return { days: new Set(r.weekdays.filter((w) => w >= 1 && w <= 5)).size, period: 'week' };
  return { days: 1, period: 'month' };
}

export interface Compliance { required: { days: number; period: Period }; actual: { days: number; period: Period }; basis: string }

/** A warning when the schedule meets less often than the law asks of this leader; null when it meets it (or no rule applies). */
export function complianceWarning(r: Recurrence, rule: FrequencyRule | undefined): Compliance | null {
  if (!rule) return null;
  const actual = actualFrequency(r);
  // Four weeks make the smallest month: a weekly day is at least four a month.
  const perMonth = actual.period === 'week' ? actual.days * 4 : actual.days;
  const enough = rule.period === 'week' ? actual.period === 'week' && actual.days >= rule.minDays : perMonth >= rule.minDays;
  return enough ? null : { required: { days: rule.minDays, period: rule.period }, actual, basis: rule.basis };
}

const WEEKDAYS: Record<Lang, string[]> = {
  vi: ['', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'],
  en: ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const NTH: Record<Lang, Record<number, string>> = {
  vi: { 1: 'tuần thứ nhất', 2: 'tuần thứ hai', 3: 'tuần thứ ba', 4: 'tuần thứ tư', [-1]: 'tuần cuối' },
  en: { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' },
};

/** "Thứ Ba, Thứ Năm hằng tuần, 07:30–11:30": a schedule's frequency as residents read it. */
export function frequencyText(s: Pick<ScheduleTimes, 'recurrence' | 'startTime' | 'endTime'>, lang: Lang): string {
  const r = s.recurrence;
  const names = WEEKDAYS[lang];
  const hours = `${s.startTime}–${s.endTime}`;
  if (r.kind === 'weekly') {
    const days = [...new Set(r.weekdays)].sort((a, b) => a - b).map((w) => names[w]).join(', ');
    return lang === 'vi' ? `${days} hằng tuần, ${hours}` : `Every ${days}, ${hours}`;
  }
  const moved = lang === 'vi' ? ' (trùng ngày nghỉ thì tiếp vào ngày làm việc kế tiếp)' : ' (moved to the next working day when it falls on a day off)';
  if (r.kind === 'monthly_day') {
    return lang === 'vi' ? `Ngày ${r.day} hằng tháng, ${hours}${moved}` : `Day ${r.day} of every month, ${hours}${moved}`;
  }
  return lang === 'vi'
    ? `${names[r.weekday]} ${NTH.vi[r.nth]} hằng tháng, ${hours}${moved}`
    : `The ${NTH.en[r.nth]} ${names[r.weekday]} of every month, ${hours}${moved}`;
}

/** Grounds on which the receiving official may refuse to receive a person (Luật Tiếp công dân 2013, Điều 9). */
export const REFUSAL_GROUNDS = ['incapacitated', 'disorderly', 'already_resolved', 'other_legal'] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

export const REFUSAL_TEXT: Record<RefusalGround, string> = {
  incapacitated: 'Người trong tình trạng say do dùng chất kích thích, người mắc bệnh tâm thần hoặc một bệnh khác làm mất khả năng nhận thức hoặc khả năng điều khiển hành vi của mình (Luật Tiếp công dân 2013, Điều 9 khoản 1)',
  disorderly: 'Người có hành vi đe dọa, xúc phạm cơ quan, tổ chức, đơn vị, người tiếp công dân, người thi hành công vụ hoặc có hành vi khác vi phạm nội quy nơi tiếp công dân (Luật Tiếp công dân 2013, Điều 9 khoản 2)',
  already_resolved: 'Người khiếu nại, tố cáo về vụ việc đã giải quyết đúng chính sách, pháp luật, được cơ quan nhà nước có thẩm quyền kiểm tra, rà soát, thông báo bằng văn bản và đã được tiếp, giải thích, hướng dẫn nhưng vẫn cố tình khiếu nại, tố cáo kéo dài (Luật Tiếp công dân 2013, Điều 9 khoản 3)',
  other_legal: 'Những trường hợp khác theo quy định của pháp luật (Luật Tiếp công dân 2013, Điều 9 khoản 4)',
};

/** Ground 3 needs the head's written refusal notice (Thông tư 04/2021/TT-TTCP); its number is recorded. */
export const NOTICE_REQUIRED: readonly RefusalGround[] = ['already_resolved'];

/** Group visits (đông người): 5–10 people send 1–2 representatives, more than 10 at most 5 (Nghị định 124/2020/NĐ-CP, Điều 7). */
export function representativesAllowed(headCount: number): [number, number] | null {
  if (headCount < 5) return null;
  return headCount <= 10 ? [1, 2] : [1, 5];
}
