// The fields of schedules, bookings and register entries that leave the server, listed one by one, with what the
// current official may do with each.
import { can, type Actor } from '../../platform/access.ts';
import type { Lang } from '../../platform/errors.ts';
import type { AppContext } from '../../platform/http.ts';
import { todayVN, addDays } from '../../platform/clock.ts';
import { unitNames } from '../units/index.ts';
import { organisationsByIds } from '../organisations/index.ts';
import { calendarOf } from '../calendar/index.ts';
import type { KINDS } from '../cases/index.ts';
import * as repo from './reception.repository.ts';
import { complianceWarning, frequencyText, HORIZON_DAYS, meetingDays, REFUSAL_TEXT, type LeaderKind, type RefusalGround } from './reception.rules.ts';
import type { BookingRow, ScheduleRow, VisitRow } from './reception.tables.ts';
import type { OpenSlot } from './reception.service.ts';
import { RECEPTION_MANAGE, RECEPTION_RECORD } from './reception.policy.ts';
import type { BOOKING_STATUSES, HANDLINGS, RECEPTION_TYPES } from './reception.schemas.ts';

export async function presentSchedules(ctx: AppContext, actor: Actor, rows: ScheduleRow[], lang: Lang) {
  const [names, orgs, rules, calendar] = await Promise.all([
    unitNames(ctx, rows.map((s) => s.unitCode)),
    organisationsByIds(ctx, [...new Set(rows.map((s) => s.organisationId))]),
    repo.frequencyRules(ctx.database.db),
    calendarOf(ctx),
  ]);
  const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
  const today = todayVN();
  return rows.map((s) => ({
    id: s.id,
    unit: { code: s.unitCode, name: names.get(s.unitCode) ?? s.unitCode },
    organisation: { id: s.organisationId, name: orgNames.get(s.organisationId) ?? '' },
    leaderName: s.leaderName,
    leaderTitle: s.leaderTitle,
    leaderKind: s.leaderKind as LeaderKind,
    place: s.place,
    recurrence: s.recurrence,
    startTime: s.startTime,
    endTime: s.endTime,
    slotMinutes: s.slotMinutes,
    capacity: s.capacity,
    validFrom: s.validFrom,
    validTo: s.validTo,
    active: s.active,
    frequencyText: frequencyText(s, lang),
    compliance: s.active ? complianceWarning(s.recurrence, rules.get(s.leaderKind)) : null,
    upcomingDays: s.active ? meetingDays(s, today, addDays(today, HORIZON_DAYS - 1), calendar) : [],
    abilities: { manage: can(actor, RECEPTION_MANAGE, s) },
  }));
}

export async function presentPublicSchedules(ctx: AppContext, rows: ScheduleRow[], slots: Map<string, OpenSlot[]>, lang: Lang) {
  const [names, orgs] = await Promise.all([unitNames(ctx, rows.map((s) => s.unitCode)), organisationsByIds(ctx, [...new Set(rows.map((s) => s.organisationId))])]);
  const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((s) => ({
    id: s.id,
    unit: { code: s.unitCode, name: names.get(s.unitCode) ?? s.unitCode },
    organisationName: orgNames.get(s.organisationId) ?? '',
    leaderName: s.leaderName,
    leaderTitle: s.leaderTitle,
    place: s.place,
    frequencyText: frequencyText(s, lang),
    slots: (slots.get(s.id) ?? []).map((x) => ({ start: x.start.toISOString(), end: x.end.toISOString(), remaining: x.remaining })),
  }));
}

export function presentBookings(actor: Actor, rows: BookingRow[], schedules: Map<string, ScheduleRow>) {
  return rows.map((b) => {
    const s = schedules.get(b.scheduleId);
    return {
      id: b.id,
      code: b.code,
      schedule: { id: b.scheduleId, leaderName: s?.leaderName ?? '', leaderTitle: s?.leaderTitle ?? '', place: s?.place ?? '' },
      slotStart: b.slotStart.toISOString(),
      slotEnd: b.slotEnd.toISOString(),
      name: b.name,
      phone: b.phone,
      subject: b.subject,
      status: b.status as (typeof BOOKING_STATUSES)[number],
      visitId: b.visitId,
      markedAt: b.markedAt?.toISOString() ?? null,
      abilities: { mark: b.status === 'booked' && can(actor, RECEPTION_RECORD, b) },
    };
  });
}

export function presentVisits(actor: Actor, rows: VisitRow[], names: Map<string, string>, canCreateCase: (v: VisitRow) => boolean) {
  return rows.map((v) => {
    const record = can(actor, RECEPTION_RECORD, v);
    const refused = v.handling === 'refused';
    return {
      id: v.id,
      unit: { code: v.unitCode, name: names.get(v.unitCode) ?? v.unitCode },
      number: v.number,
      year: v.year,
      visitOn: v.visitOn,
      receptionType: v.receptionType as (typeof RECEPTION_TYPES)[number],
      officialName: v.officialName,
      leaderName: v.leaderName,
      citizen: { name: v.citizenName, address: v.citizenAddress, idNumber: v.citizenIdNumber, phone: v.citizenPhone },
      headCount: v.headCount,
      representatives: v.representatives.map((r) => ({ name: r.name, ...(r.phone ? { phone: r.phone } : {}) })),
      content: v.content,
      classification: v.classification as (typeof KINDS)[number] | null,
      fieldCode: v.fieldCode,
      documents: v.documents,
      handling: v.handling as (typeof HANDLINGS)[number] | 'refused' | null,
      result: v.result,
      notes: v.notes,
      refusal: v.refusalGround
        ? { ground: v.refusalGround as RefusalGround, basis: REFUSAL_TEXT[v.refusalGround as RefusalGround], reason: v.refusalReason ?? '', notice: v.refusalNotice }
        : null,
      bookingId: v.bookingId,
      case: v.caseId ? { id: v.caseId, number: v.caseNumber ?? '' } : null,
      abilities: { edit: record, refuse: record && !refused && !v.caseId, createCase: record && !refused && canCreateCase(v) },
    };
  });
}

export async function visitNames(ctx: AppContext, rows: VisitRow[]) {
  return unitNames(ctx, rows.map((v) => v.unitCode));
}
