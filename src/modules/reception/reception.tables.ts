// Drizzle definitions of the reception module's tables (see migration 0005).
import { pgTable, uuid, text, date, boolean, integer, timestamp, jsonb } from 'drizzle-orm/pg-core';
import { ltree } from '../../db/types.ts';
import type { Recurrence } from './reception.rules.ts';

export const receptionFrequencyRule = pgTable('reception_frequency_rule', {
  leaderKind: text('leader_kind').primaryKey(),
  minDays: integer('min_days').notNull(),
  period: text('period').notNull(),
  basis: text('basis').notNull(),
});

export const receptionSchedule = pgTable('reception_schedule', {
  id: uuid('id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  unitPath: ltree('unit_path').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  leaderName: text('leader_name').notNull(),
  leaderTitle: text('leader_title').notNull(),
  leaderKind: text('leader_kind').notNull(),
  place: text('place').notNull(),
  recurrence: jsonb('recurrence').notNull().$type<Recurrence>(),
  startTime: text('start_time').notNull(),
  endTime: text('end_time').notNull(),
  slotMinutes: integer('slot_minutes').notNull(),
  capacity: integer('capacity').notNull(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type ScheduleRow = typeof receptionSchedule.$inferSelect;
export type ScheduleInsert = typeof receptionSchedule.$inferInsert;

export const receptionBooking = pgTable('reception_booking', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  scheduleId: uuid('schedule_id').notNull(),
  unitCode: text('unit_code').notNull(),
  unitPath: ltree('unit_path').notNull(),
  slotStart: timestamp('slot_start', { withTimezone: true }).notNull(),
  slotEnd: timestamp('slot_end', { withTimezone: true }).notNull(),
  seat: integer('seat').notNull(),
  name: text('name').notNull(),
  phone: text('phone').notNull(),
  subject: text('subject').notNull(),
  deviceId: text('device_id'),
  ip: text('ip'),
  status: text('status').notNull().default('booked'),
  visitId: uuid('visit_id'),
  markedAt: timestamp('marked_at', { withTimezone: true }),
  markedBy: uuid('marked_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type BookingRow = typeof receptionBooking.$inferSelect;
export type BookingInsert = typeof receptionBooking.$inferInsert;

export interface Representative { name: string; phone?: string }

export const receptionVisit = pgTable('reception_visit', {
  id: uuid('id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  unitPath: ltree('unit_path').notNull(),
  number: integer('number').notNull(),
  year: integer('year').notNull(),
  visitOn: date('visit_on').notNull(),
  receptionType: text('reception_type').notNull(),
  officialName: text('official_name').notNull(),
  leaderName: text('leader_name'),
  citizenName: text('citizen_name').notNull(),
  citizenAddress: text('citizen_address'),
  citizenIdNumber: text('citizen_id_number'),
  citizenPhone: text('citizen_phone'),
  headCount: integer('head_count').notNull().default(1),
  representatives: jsonb('representatives').notNull().$type<Representative[]>().default([]),
  content: text('content').notNull(),
  classification: text('classification'),
  fieldCode: text('field_code'),
  documents: text('documents'),
  handling: text('handling'),
  result: text('result'),
  notes: text('notes'),
  refusalGround: text('refusal_ground'),
  refusalReason: text('refusal_reason'),
  refusalNotice: text('refusal_notice'),
  bookingId: uuid('booking_id'),
  caseId: uuid('case_id'),
  caseNumber: text('case_number'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type VisitRow = typeof receptionVisit.$inferSelect;
export type VisitInsert = typeof receptionVisit.$inferInsert;
