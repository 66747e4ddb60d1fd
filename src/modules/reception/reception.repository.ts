// The only SQL on the reception module's tables.
import { and, asc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import {
  receptionBooking, receptionFrequencyRule, receptionSchedule, receptionVisit,
  type BookingInsert, type BookingRow, type ScheduleInsert, type ScheduleRow, type VisitInsert, type VisitRow,
} from './reception.tables.ts';
import type { FrequencyRule, LeaderKind, Period } from './reception.rules.ts';

export async function frequencyRules(ex: Executor): Promise<Map<string, FrequencyRule>> {
  const rows = await ex.select().from(receptionFrequencyRule);
  return new Map(rows.map((r) => [r.leaderKind, { leaderKind: r.leaderKind as LeaderKind, minDays: r.minDays, period: r.period as Period, basis: r.basis }]));
}

export async function insertSchedule(tx: Executor, row: ScheduleInsert): Promise<ScheduleRow> {
  const [s] = await tx.insert(receptionSchedule).values(row).returning();
  return s;
}

export async function updateSchedule(tx: Executor, id: string, patch: Partial<ScheduleInsert>): Promise<ScheduleRow> {
  const [s] = await tx.update(receptionSchedule).set({ ...patch, updatedAt: new Date() }).where(eq(receptionSchedule.id, id)).returning();
  return s;
}

export async function findSchedule(ex: Executor, id: string, lock = false): Promise<ScheduleRow | undefined> {
  const q = ex.select().from(receptionSchedule).where(eq(receptionSchedule.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** The schedules of one unit, active first, then by leader. */
export function schedulesOfUnit(ex: Executor, unitCode: string, includeInactive: boolean): Promise<ScheduleRow[]> {
  const where = includeInactive ? eq(receptionSchedule.unitCode, unitCode) : and(eq(receptionSchedule.unitCode, unitCode), eq(receptionSchedule.active, true));
  return ex.select().from(receptionSchedule).where(where).orderBy(sql`active desc`, asc(receptionSchedule.leaderName), asc(receptionSchedule.id));
}

/** Active schedules of these units still valid on `day`. */
export function activeSchedulesOf(ex: Executor, unitCodes: string[], day: string): Promise<ScheduleRow[]> {
  if (unitCodes.length === 0) return Promise.resolve([]);
  return ex.select().from(receptionSchedule)
    .where(and(inArray(receptionSchedule.unitCode, unitCodes), eq(receptionSchedule.active, true), sql`(valid_to is null or valid_to >= ${day}::date)`))
    .orderBy(sql`nlevel(unit_path) desc`, asc(receptionSchedule.leaderName), asc(receptionSchedule.id));
}

export async function anySchedule(ex: Executor): Promise<boolean> {
  const rows = await ex.select({ id: receptionSchedule.id }).from(receptionSchedule).limit(1);
  return rows.length > 0;
}

/** Places taken per slot (key: schedule id + slot start in ms) between two instants. */
export async function takenPlaces(ex: Executor, scheduleIds: string[], from: Date, to: Date): Promise<Map<string, number>> {
  if (scheduleIds.length === 0) return new Map();
  const rows = await ex.select({ scheduleId: receptionBooking.scheduleId, slotStart: receptionBooking.slotStart, n: sql<number>`count(*)::int` })
    .from(receptionBooking)
    .where(and(inArray(receptionBooking.scheduleId, scheduleIds), gte(receptionBooking.slotStart, from), lt(receptionBooking.slotStart, to)))
    .groupBy(receptionBooking.scheduleId, receptionBooking.slotStart);
  return new Map(rows.map((r) => [slotKey(r.scheduleId, r.slotStart), Number(r.n)]));
}

export const slotKey = (scheduleId: string, start: Date) => `${scheduleId}|${start.getTime()}`;

/** The next place number of a slot (call with the schedule row locked). */
export async function nextSeat(tx: Executor, scheduleId: string, slotStart: Date): Promise<number> {
  const [row] = await tx.select({ seat: sql<number>`coalesce(max(seat), 0)::int` }).from(receptionBooking)
    .where(and(eq(receptionBooking.scheduleId, scheduleId), eq(receptionBooking.slotStart, slotStart)));
  return Number(row.seat) + 1;
}

export async function insertBooking(tx: Executor, row: BookingInsert): Promise<BookingRow> {
  const [b] = await tx.insert(receptionBooking).values(row).returning();
  return b;
}

export async function findBooking(ex: Executor, id: string, lock = false): Promise<BookingRow | undefined> {
  const q = ex.select().from(receptionBooking).where(eq(receptionBooking.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function updateBooking(tx: Executor, id: string, patch: Partial<BookingInsert>): Promise<BookingRow> {
  const [b] = await tx.update(receptionBooking).set(patch).where(eq(receptionBooking.id, id)).returning();
  return b;
}

/** A unit's bookings whose slot starts between two instants, in slot order. */
export function bookingsBetween(ex: Executor, unitCode: string, from: Date, to: Date): Promise<BookingRow[]> {
  return ex.select().from(receptionBooking)
    .where(and(eq(receptionBooking.unitCode, unitCode), gte(receptionBooking.slotStart, from), lt(receptionBooking.slotStart, to)))
    .orderBy(asc(receptionBooking.slotStart), asc(receptionBooking.seat));
}

export async function schedulesByIds(ex: Executor, ids: string[]): Promise<Map<string, ScheduleRow>> {
  if (ids.length === 0) return new Map();
  const rows = await ex.select().from(receptionSchedule).where(inArray(receptionSchedule.id, [...new Set(ids)]));
  return new Map(rows.map((s) => [s.id, s]));
}

export async function nextVisitNumber(tx: Executor, unitCode: string, year: number): Promise<number> {
  const r = await tx.execute(sql`
    insert into reception_counter (unit_code, year, last) values (${unitCode}, ${year}, 1)
    on conflict (unit_code, year) do update set last = reception_counter.last + 1
    returning last`);
  return Number((r as unknown as { rows: { last: number }[] }).rows[0].last);
}

export async function insertVisit(tx: Executor, row: VisitInsert): Promise<VisitRow> {
  const [v] = await tx.insert(receptionVisit).values(row).returning();
  return v;
}

export async function updateVisit(tx: Executor, id: string, patch: Partial<VisitInsert>): Promise<VisitRow> {
  const [v] = await tx.update(receptionVisit).set({ ...patch, updatedAt: new Date() }).where(eq(receptionVisit.id, id)).returning();
  return v;
}

export async function findVisit(ex: Executor, id: string, lock = false): Promise<VisitRow | undefined> {
  const q = ex.select().from(receptionVisit).where(eq(receptionVisit.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** A unit's register between two days (inclusive), in register order. */
export function visitsBetween(ex: Executor, unitCode: string, from: string, to: string): Promise<VisitRow[]> {
  return ex.select().from(receptionVisit)
    .where(and(eq(receptionVisit.unitCode, unitCode), gte(receptionVisit.visitOn, from), lte(receptionVisit.visitOn, to)))
    .orderBy(asc(receptionVisit.visitOn), asc(receptionVisit.year), asc(receptionVisit.number));
}

