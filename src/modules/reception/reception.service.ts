// Use cases of reception schedules and bookings: the console's schedules with their compliance, the public slots,
// a resident's booking (one place per seat, under the schedule's lock), and the officer marking a booking.
import { randomInt } from 'node:crypto';
import { can, type Actor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { todayVN } from '../../platform/clock.ts';
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Executor } from '../../db/database.ts';
import { getUnit, unitInForce, unitNames, type UnitRow } from '../units/index.ts';
import { organisationsByIds } from '../organisations/index.ts';
import { calendarOf } from '../calendar/index.ts';
import * as repo from './reception.repository.ts';
import { HORIZON_DAYS, slotAt, upcomingSlots, vnDay, vnInstant } from './reception.rules.ts';
import type { BookingBody, ScheduleBody, SchedulePatch } from './reception.schemas.ts';
import type { BookingRow, ScheduleRow, VisitRow } from './reception.tables.ts';
import { RECEPTION_MANAGE, RECEPTION_READ, RECEPTION_RECORD } from './reception.policy.ts';
import { insertVisitRow } from './reception.register.ts';
import { audit, inTx, listedUnit, unitFor } from './reception.common.ts';

// ——— Schedules ———

export async function listSchedules(ctx: AppContext, actor: Actor, unitCode: string, includeInactive: boolean): Promise<Outcome<ScheduleRow[]>> {
  const unit = await listedUnit(ctx, actor, [RECEPTION_READ, RECEPTION_MANAGE], unitCode);
  if (!unit.ok) return unit;
  return ok(await repo.schedulesOfUnit(ctx.database.db, unit.value.code, includeInactive));
}

const minutes = (hhmm: string) => +hhmm.slice(0, 2) * 60 + +hhmm.slice(3, 5);

/** Checks what the schema alone cannot: the organisation, the leader's level, the times and the validity. */
async function checkSchedule(ctx: AppContext, unit: UnitRow, s: Pick<ScheduleRow, 'organisationId' | 'leaderKind' | 'startTime' | 'endTime' | 'slotMinutes' | 'validFrom' | 'validTo'>): Promise<Outcome<true>> {
  const [org] = await organisationsByIds(ctx, [s.organisationId]);
  if (!org || !org.active || org.unitCode !== unit.code) return fail('reception_organisation_invalid');
  if ((s.leaderKind === 'commune_chair' && unit.level !== 'commune') || (s.leaderKind === 'province_chair' && unit.level !== 'province')) {
    return fail('reception_leader_level');
  }
  if (minutes(s.endTime) - minutes(s.startTime) < s.slotMinutes) return fail('reception_times_invalid', { minutes: s.slotMinutes });
  if (s.validTo && s.validTo < s.validFrom) return fail('reception_validity_invalid');
  return ok(true);
}

export async function createSchedule(ctx: AppContext, actor: Actor, body: ScheduleBody, ip?: string): Promise<Outcome<ScheduleRow>> {
  const unit = await unitFor(ctx, actor, RECEPTION_MANAGE, body.unitCode);
  if (!unit.ok) return unit;
  const { unitCode: _u, ...fields } = body;
  const row = { ...fields, validFrom: body.validFrom ?? todayVN(), validTo: body.validTo ?? null };
  const checked = await checkSchedule(ctx, unit.value, row);
  if (!checked.ok) return checked;
  return inTx(ctx, async (tx) => {
    const s = await repo.insertSchedule(tx, { id: newId(), unitCode: unit.value.code, unitPath: unit.value.path, ...row, active: true });
    await recordAudit(tx, audit(actor, s, 'reception.schedule.created', 'reception_schedule', s.id, ip, { leaderName: s.leaderName, leaderKind: s.leaderKind, recurrence: s.recurrence }));
    return ok(s);
  });
}

/** A schedule the actor may see (read or manage); any other is reported as not found. */
async function visibleSchedule(ctx: AppContext, actor: Actor, id: string, ex: Executor = ctx.database.db, lock = false): Promise<Outcome<ScheduleRow>> {
  const s = await repo.findSchedule(ex, id, lock);
  if (!s) return fail('reception_schedule_not_found');
  if (!can(actor, RECEPTION_READ, s) && !can(actor, RECEPTION_MANAGE, s)) {
    return denied('reception_schedule_not_found', { action: RECEPTION_MANAGE, unitPath: s.unitPath, unitCode: s.unitCode, targetType: 'reception_schedule', targetId: id });
  }
  if (!can(actor, RECEPTION_MANAGE, s)) return denied('forbidden', { action: RECEPTION_MANAGE, unitPath: s.unitPath, unitCode: s.unitCode, targetType: 'reception_schedule', targetId: id });
  return ok(s);
}

export async function updateSchedule(ctx: AppContext, actor: Actor, id: string, patch: SchedulePatch, ip?: string): Promise<Outcome<ScheduleRow>> {
  const found = await visibleSchedule(ctx, actor, id);
  if (!found.ok) return found;
  const unit = await unitInForce(ctx, found.value.unitCode);
  if (!unit) return fail('unit_not_in_force', { code: found.value.unitCode });
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as SchedulePatch;
  const checked = await checkSchedule(ctx, unit, { ...found.value, ...changes });
  if (!checked.ok) return checked;
  return inTx(ctx, async (tx) => {
    const s = await repo.updateSchedule(tx, id, changes);
    await recordAudit(tx, audit(actor, s, 'reception.schedule.updated', 'reception_schedule', id, ip, { changed: Object.keys(changes) }));
    return ok(s);
  });
}

export async function setScheduleActive(ctx: AppContext, actor: Actor, id: string, active: boolean, ip?: string): Promise<Outcome<ScheduleRow>> {
  const found = await visibleSchedule(ctx, actor, id);
  if (!found.ok) return found;
  return inTx(ctx, async (tx) => {
    const s = await repo.updateSchedule(tx, id, { active });
    await recordAudit(tx, audit(actor, s, active ? 'reception.schedule.activated' : 'reception.schedule.deactivated', 'reception_schedule', id, ip, {}));
    return ok(s);
  });
}

// ——— Public slots and bookings ———

export interface OpenSlot { start: Date; end: Date; remaining: number }

/** Each schedule's upcoming slots with the places left (full slots stay listed with 0). */
export async function openSlots(ctx: AppContext, schedules: ScheduleRow[], now = new Date()): Promise<Map<string, OpenSlot[]>> {
  const calendar = await calendarOf(ctx);
  const today = vnDay(now);
  const horizonEnd = vnInstant(today, '00:00');
  horizonEnd.setUTCDate(horizonEnd.getUTCDate() + HORIZON_DAYS);
  const taken = await repo.takenPlaces(ctx.database.db, schedules.map((s) => s.id), now, horizonEnd);
  return new Map(schedules.map((s) => [s.id, upcomingSlots(s, now, calendar).map((x) => ({
    start: x.start, end: x.end, remaining: Math.max(0, s.capacity - (taken.get(repo.slotKey(s.id, x.start)) ?? 0)),
  }))]));
}

/** The active schedules of a unit and of the units above it (a resident of a commune may also go to the province). */
export async function publicSchedules(ctx: AppContext, unitCode: string): Promise<Outcome<{ schedules: ScheduleRow[]; slots: Map<string, OpenSlot[]> }>> {
  const view = await getUnit(ctx, unitCode);
  if (!view) return fail('unit_not_found', { code: unitCode });
  const codes = [...view.ancestors, view.unit].map((u) => u.code);
  const schedules = await repo.activeSchedulesOf(ctx.database.db, codes, todayVN());
  return ok({ schedules, slots: await openSlots(ctx, schedules) });
}

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** "TCD-7K4M-Q2PX": a booking code read out over the phone (no 0/O, 1/I/L). */
export function bookingCode(): string {
  const part = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `TCD-${part()}-${part()}`;
}

const constraintOf = (err: unknown) => {
  const e = err as { constraint?: string; cause?: { constraint?: string } } | null;
  return e?.constraint ?? e?.cause?.constraint ?? '';
};

/**
 * A resident books a place in one slot. The slot must be one of the schedule's, still ahead and within the booking
 * horizon. The schedule row is locked while the places are counted, and the (slot, seat) key is unique: two
 * requests racing for the last place cannot both succeed.
 */
export async function book(ctx: AppContext, input: BookingBody, meta: { ip?: string; deviceId?: string }, now = new Date()): Promise<Outcome<{ booking: BookingRow; schedule: ScheduleRow }>> {
  const s = await repo.findSchedule(ctx.database.db, input.scheduleId);
  if (!s || !s.active) return fail('reception_schedule_not_found');
  const start = new Date(input.slotStart);
  if (start.getTime() <= now.getTime()) return fail('slot_in_past');
  const lastDay = vnDay(new Date(vnInstant(vnDay(now), '00:00').getTime() + (HORIZON_DAYS - 1) * 86_400_000));
  const slot = slotAt(s, start, await calendarOf(ctx));
  if (!slot || vnDay(start) > lastDay) return fail('slot_unknown');
  for (let attempt = 0; ; attempt++) {
    try {
      return await inTx(ctx, async (tx) => {
        const locked = await repo.findSchedule(tx, s.id, true);
        if (!locked || !locked.active) return fail('reception_schedule_not_found');
        const seat = await repo.nextSeat(tx, s.id, slot.start);
        if (seat > locked.capacity) return fail('slot_full');
        const b = await repo.insertBooking(tx, {
          id: newId(), code: bookingCode(), scheduleId: s.id, unitCode: s.unitCode, unitPath: s.unitPath, slotStart: slot.start, slotEnd: slot.end, seat,
          name: input.name, phone: input.phone, subject: input.subject, deviceId: meta.deviceId ?? null, ip: meta.ip ?? null, status: 'booked',
        });
        // No personal data in the audit detail: the booking row holds it, under the module's access rules.
        await recordAudit(tx, audit(null, s, 'reception.booking.created', 'reception_booking', b.id, meta.ip, { code: b.code, scheduleId: s.id, slotStart: slot.start.toISOString() }));
        return ok({ booking: b, schedule: locked });
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // The seat key: another process took the place in between (only possible without the lock). The code: draw again.
      if (!constraintOf(err).includes('code') || attempt >= 3) return fail('slot_full');
    }
  }
}

// ——— Bookings in the console ———

export async function listBookings(ctx: AppContext, actor: Actor, unitCode: string, day: string): Promise<Outcome<BookingRow[]>> {
  const unit = await listedUnit(ctx, actor, [RECEPTION_READ], unitCode);
  if (!unit.ok) return unit;
  const from = vnInstant(day, '00:00');
  return ok(await repo.bookingsBetween(ctx.database.db, unit.value.code, from, new Date(from.getTime() + 86_400_000)));
}

/** A booking the actor may mark: hidden (404) from those who may not read it, refused (403) to readers who may not record. */
async function markableBooking(ctx: AppContext, actor: Actor, id: string): Promise<Outcome<BookingRow>> {
  const b = await repo.findBooking(ctx.database.db, id);
  if (!b) return fail('reception_booking_not_found');
  const d = { unitPath: b.unitPath, unitCode: b.unitCode, targetType: 'reception_booking', targetId: id };
  if (!can(actor, RECEPTION_READ, b)) return denied('reception_booking_not_found', { action: RECEPTION_RECORD, ...d });
  if (!can(actor, RECEPTION_RECORD, b)) return denied('forbidden', { action: RECEPTION_RECORD, ...d });
  return ok(b);
}

/** The citizen came: the booking is closed and a register entry is opened, prefilled from it. */
export async function markAttended(ctx: AppContext, actor: Actor, id: string, ip?: string): Promise<Outcome<{ booking: BookingRow; visit: VisitRow }>> {
  const found = await markableBooking(ctx, actor, id);
  if (!found.ok) return found;
  return inTx(ctx, async (tx, ctx) => {
    const b = (await repo.findBooking(tx, id, true))!;
    if (b.status !== 'booked') return fail('booking_already_marked');
    const s = (await repo.findSchedule(tx, b.scheduleId))!;
    const unit = await unitInForce(ctx, b.unitCode);
    if (!unit) return fail('unit_not_in_force', { code: b.unitCode });
    const visit = await insertVisitRow(tx, actor, unit, {
      visitOn: todayVN(), receptionType: 'periodic', officialName: actor.fullName, leaderName: s.leaderName,
      citizenName: b.name, citizenPhone: b.phone, content: b.subject, bookingId: b.id,
    });
    const booking = await repo.updateBooking(tx, id, { status: 'attended', visitId: visit.id, markedAt: new Date(), markedBy: actor.userId });
    await recordAudit(tx, audit(actor, b, 'reception.booking.attended', 'reception_booking', id, ip, { code: b.code, visitId: visit.id }));
    return ok({ booking, visit });
  });
}

/** The citizen did not come (only once the slot has started). */
export async function markNoShow(ctx: AppContext, actor: Actor, id: string, ip?: string, now = new Date()): Promise<Outcome<BookingRow>> {
  const found = await markableBooking(ctx, actor, id);
  if (!found.ok) return found;
  if (found.value.slotStart.getTime() > now.getTime()) return fail('booking_not_started');
  return inTx(ctx, async (tx) => {
    const b = (await repo.findBooking(tx, id, true))!;
    if (b.status !== 'booked') return fail('booking_already_marked');
    const booking = await repo.updateBooking(tx, id, { status: 'no_show', markedAt: new Date(), markedBy: actor.userId });
    await recordAudit(tx, audit(actor, b, 'reception.booking.no_show', 'reception_booking', id, ip, { code: b.code }));
    return ok(booking);
  });
}

/** For presenters: schedules by id and unit names. */
export async function lookups(ctx: AppContext, scheduleIds: string[], unitCodes: string[]) {
  const [schedules, names] = await Promise.all([repo.schedulesByIds(ctx.database.db, scheduleIds), unitNames(ctx, unitCodes)]);
  return { schedules, names };
}

