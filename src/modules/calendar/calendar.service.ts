// Use cases of the working-day calendar: the calendar other modules count deadlines with (cached), public look-ups, and the audited adjustments.
import { can, holds, type Actor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { isIsoDay, todayVN } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { lunarOf, WorkCalendar, type AdjustmentKind, type DayOff, type DayUnit, type LunarDay } from '../../platform/calendar.ts';
import * as repo from './calendar.repository.ts';
import type { AdjustmentRow } from './calendar.tables.ts';
import { CALENDAR_MANAGE, CALENDAR_READ, NATIONAL } from './calendar.policy.ts';

/** Years the API answers for (a day to count from, a year to list). */
export const API_YEARS = { min: 2000, max: 2100 } as const;
/** The longest period the API counts: about ten years. */
export const MAX_DAYS = 3650;

// One calendar per database, kept in this process. It is reloaded at once after a change made here, and in the
// background when older than a minute (a change made by another process shows within that time). Once loaded it
// never makes a caller wait on the database: the embedded database has one connection, and a query from inside
// another module's transaction would wait for that transaction forever.
const TTL_MS = 60_000;
interface Cached { at: number; calendar: Promise<WorkCalendar>; refreshing?: boolean }
// Keyed by the database's script runner: other modules' per-transaction views of ctx copy it along.
const cache = new WeakMap<object, Cached>();
const keyOf = (ctx: AppContext): object => ctx.database.scripts;

function load(ctx: AppContext): Promise<WorkCalendar> {
  return repo.list(ctx.database.db).then((rows) => new WorkCalendar(rows.map(toAdjustment)));
}

/** The working-day calendar with the adjustments in the database; other modules count deadlines with it. */
export function calendarOf(ctx: AppContext): Promise<WorkCalendar> {
  const key = keyOf(ctx);
  const hit = cache.get(key);
  if (!hit) return refreshCalendar(ctx);
  if (Date.now() - hit.at >= TTL_MS && !hit.refreshing) {
    hit.refreshing = true;
    load(ctx).then(
      (fresh) => { if (cache.get(key) === hit) cache.set(key, { at: Date.now(), calendar: Promise.resolve(fresh) }); },
      () => { hit.refreshing = false; }, // keep the one we have; try again on a later call
    );
  }
  return hit.calendar;
}

/** Loads the calendar again now (after an adjustment changed) and keeps it. */
export function refreshCalendar(ctx: AppContext): Promise<WorkCalendar> {
  const key = keyOf(ctx);
  const calendar = load(ctx);
  const entry: Cached = { at: Date.now(), calendar };
  cache.set(key, entry);
  calendar.catch(() => { if (cache.get(key) === entry) cache.delete(key); });
  return calendar;
}

const toAdjustment = (r: AdjustmentRow) => ({ date: r.day, kind: r.kind as AdjustmentKind, name: r.name, source: r.source });

/** A day the API accepts: a real 'YYYY-MM-DD' in the years it answers for. */
export function checkDay(value: string): Outcome<string> {
  if (!isIsoDay(value)) return fail('invalid_date', { value });
  const year = +value.slice(0, 4);
  if (year < API_YEARS.min || year > API_YEARS.max) return fail('calendar_out_of_range', { value, min: API_YEARS.min, max: API_YEARS.max });
  return ok(value);
}

/** A whole number written in a query, within bounds; `field` names it in the message ("số ngày", "năm"). */
export function checkNumber(value: string, min: number, max: number, field: 'days' | 'year'): Outcome<number> {
  const n = /^[+-]?\d{1,6}$/.test(value.trim()) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) return fail('calendar_number_invalid', { field: field === 'days' ? 'Số ngày' : 'Năm', param: field, value, min, max });
  return ok(n);
}

/** The year asked for, in the years the API answers for; this year in Vietnam when none is given. */
export function yearOf(value: string | undefined): Outcome<number> {
  if (value === undefined) return ok(+todayVN().slice(0, 4));
  return checkNumber(value, API_YEARS.min, API_YEARS.max, 'year');
}

export interface HolidayView extends DayOff { lunar: LunarDay }

/** The named days off of a year and its worked rest days, each with its lunar date. */
export async function holidays(ctx: AppContext, year: number) {
  const calendar = await calendarOf(ctx);
  return {
    items: calendar.daysOff(year).map((d): HolidayView => ({ ...d, lunar: lunarOf(d.date) })),
    workdays: calendar.workdays(year).map((d) => ({ date: d.date, name: d.name, source: d.source, lunar: lunarOf(d.date) })),
  };
}

/** The day `days` working or calendar days after `from` (see WorkCalendar.add). */
export async function addDays(ctx: AppContext, from: string, days: string, unit: DayUnit): Promise<Outcome<string>> {
  const day = checkDay(from);
  if (!day.ok) return day;
  const n = checkNumber(days, -MAX_DAYS, MAX_DAYS, 'days');
  if (!n.ok) return n;
  return ok((await calendarOf(ctx)).add(day.value, n.value, unit));
}

export function lunarDate(date: string): Outcome<LunarDay> {
  const day = checkDay(date);
  return day.ok ? ok(lunarOf(day.value)) : day;
}

export async function listAdjustments(ctx: AppContext, actor: Actor, year?: number): Promise<Outcome<{ rows: AdjustmentRow[]; canManage: boolean }>> {
  if (!holds(actor, CALENDAR_READ)) return denied('forbidden', { action: CALENDAR_READ, ...NATIONAL });
  return ok({ rows: await repo.list(ctx.database.db, year), canManage: can(actor, CALENDAR_MANAGE, NATIONAL) });
}

export interface AdjustmentInput { date: string; kind: AdjustmentKind; name: string; source: string }

const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** Records a decision's change to one day; refused when the day already is what the change would make it. */
export async function createAdjustment(ctx: AppContext, actor: Actor, input: AdjustmentInput, ip?: string): Promise<Outcome<AdjustmentRow>> {
  if (!can(actor, CALENDAR_MANAGE, NATIONAL)) return denied('forbidden', { action: CALENDAR_MANAGE, ...NATIONAL });
  const day = checkDay(input.date);
  if (!day.ok) return day;
  if (await repo.findByDay(ctx.database.db, input.date)) return fail('calendar_adjustment_exists', { date: dmy(input.date) });
  // No adjustment on this day yet: the current calendar says what the day is without one.
  const off = (await calendarOf(ctx)).isDayOff(input.date);
  if (input.kind === 'off' && off) return fail('calendar_day_already_off', { date: dmy(input.date) });
  if (input.kind === 'work' && !off) return fail('calendar_day_already_working', { date: dmy(input.date) });
  try {
    const row = await ctx.database.db.transaction(async (tx) => {
      const created = await repo.insert(tx, { id: newId(), day: input.date, kind: input.kind, name: input.name, source: input.source, createdBy: actor.userId });
      await recordAudit(tx, {
        action: 'calendar.adjustment.created', actorId: actor.userId, actorName: actor.username, ...NATIONAL,
        targetType: 'calendar_adjustment', targetId: created.id, ip, detail: { date: input.date, kind: input.kind, name: input.name, source: input.source },
      });
      return created;
    });
    await refreshCalendar(ctx);
    return ok(row);
  } catch (err) {
    if (isUniqueViolation(err)) return fail('calendar_adjustment_exists', { date: dmy(input.date) });
    throw err;
  }
}

export async function deleteAdjustment(ctx: AppContext, actor: Actor, id: string, ip?: string): Promise<Outcome<AdjustmentRow>> {
  if (!can(actor, CALENDAR_MANAGE, NATIONAL)) return denied('forbidden', { action: CALENDAR_MANAGE, ...NATIONAL, targetType: 'calendar_adjustment', targetId: id });
  const row = await repo.findById(ctx.database.db, id);
  if (!row) return fail('calendar_adjustment_not_found');
  await ctx.database.db.transaction(async (tx) => {
    await repo.remove(tx, id);
    await recordAudit(tx, {
      action: 'calendar.adjustment.deleted', actorId: actor.userId, actorName: actor.username, ...NATIONAL,
      targetType: 'calendar_adjustment', targetId: id, ip, detail: { date: row.day, kind: row.kind, name: row.name, source: row.source },
    });
  });
  await refreshCalendar(ctx);
  return ok(row);
}
