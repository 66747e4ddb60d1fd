// Drizzle definitions of the dialogue module's tables (see migrations 0006 and 0009).
import { pgTable, uuid, text, date, boolean, integer, timestamp, jsonb } from 'drizzle-orm/pg-core';
import { ltree } from '../../db/types.ts';

export interface Chair { side: 'cap_uy' | 'chinh_quyen' | 'mttq'; name: string; position: string }
export interface Invited { group: 'mttq' | 'doan_the' | 'can_bo' | 'tri_thuc' | 'nguoi_dan' | 'khac'; note?: string }

export const dialogueConference = pgTable('dialogue_conference', {
  id: uuid('id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  unitPath: ltree('unit_path').notNull(),
  level: text('level').notNull(),
  organisationId: uuid('organisation_id'),
  organiserName: text('organiser_name').notNull(),
  type: text('type').notNull(),
  form: text('form').notNull().default('doi_thoai'),
  topic: text('topic').notNull(),
  heldOn: date('held_on').notNull(),
  startsAt: text('starts_at'),
  place: text('place').notNull(),
  chairs: jsonb('chairs').notNull().$type<Chair[]>().default([]),
  invited: jsonb('invited').notNull().$type<Invited[]>().default([]),
  residentsUnitCode: text('residents_unit_code'),
  status: text('status').notNull().default('planned'),
  attendance: integer('attendance'),
  notHeldReason: text('not_held_reason'),
  published: boolean('published').notNull().default(false),
  remindedAt: timestamp('reminded_at', { withTimezone: true }),
  recordedAt: timestamp('recorded_at', { withTimezone: true }),
  source: text('source').notNull().default('console'),
  importId: uuid('import_id'),
  externalRef: text('external_ref'),
  externalUnitCode: text('external_unit_code'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const dialogueRecommendation = pgTable('dialogue_recommendation', {
  id: uuid('id').primaryKey(),
  conferenceId: uuid('conference_id').notNull(),
  seq: integer('seq').notNull(),
  raisedBy: text('raised_by').notNull(),
  fieldCode: text('field_code').notNull(),
  placeUnitCode: text('place_unit_code'),
  content: text('content').notNull(),
  answer: text('answer'),
  answeredBy: text('answered_by'),
  status: text('status').notNull(),
  caseId: uuid('case_id'),
  dueOn: date('due_on'),
  resolvedOn: date('resolved_on'),
  raisedOn: date('raised_on').notNull(),
  unitPath: ltree('unit_path').notNull(),
  level: text('level').notNull(),
  importId: uuid('import_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ConferenceRow = typeof dialogueConference.$inferSelect;
export type RecommendationRow = typeof dialogueRecommendation.$inferSelect;
