// Drizzle definitions of the cases module's tables (see migration 0003).
import { pgTable, uuid, text, date, boolean, integer, timestamp, jsonb, doublePrecision, customType } from 'drizzle-orm/pg-core';
import { ltree } from '../../db/types.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export interface PetitionerData { name?: string; address?: string; phone?: string; email?: string; idNumber?: string }
export interface Representative { name: string; phone?: string }

export const casesCase = pgTable('cases_case', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  year: integer('year').notNull(),
  kind: text('kind').notNull(),
  channel: text('channel').notNull(),
  fieldCode: text('field_code').notNull(),
  title: text('title').notNull(),
  content: text('content').notNull(),
  state: text('state').notNull(),
  round: integer('round').notNull().default(1),
  complex: boolean('complex').notNull().default(false),
  remote: boolean('remote').notNull().default(false),
  placeUnitCode: text('place_unit_code').notNull(),
  placeAddress: text('place_address'),
  placeLat: doublePrecision('place_lat'),
  placeLng: doublePrecision('place_lng'),
  receivingUnitCode: text('receiving_unit_code').notNull(),
  receivingUnitPath: ltree('receiving_unit_path').notNull(),
  responsibleUnitCode: text('responsible_unit_code').notNull(),
  responsibleUnitPath: ltree('responsible_unit_path').notNull(),
  handlerId: uuid('handler_id'),
  handlerName: text('handler_name'),
  receivedOn: date('received_on').notNull(),
  dueOn: date('due_on'),
  dueRule: text('due_rule'),
  extensions: integer('extensions').notNull().default(0),
  mass: boolean('mass').notNull().default(false),
  headCount: integer('head_count'),
  representatives: jsonb('representatives').notNull().$type<Representative[]>().default([]),
  overLevel: boolean('over_level').notNull().default(false),
  duplicateOf: uuid('duplicate_of'),
  confidential: boolean('confidential').notNull().default(false),
  petitioner: jsonb('petitioner').$type<PetitionerData | null>(),
  petitionerKeys: text('petitioner_keys').array().notNull().default([]),
  outcome: text('outcome'),
  answer: text('answer'),
  publishable: boolean('publishable').notNull().default(false),
  answeredOn: date('answered_on'),
  publicKey: text('public_key'),
  searchKey: text('search_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  // What raised the case, when another activity did (see migration 0008).
  originType: text('origin_type'),
  originId: uuid('origin_id'),
});
export type CaseRow = typeof casesCase.$inferSelect;
export type CaseInsert = typeof casesCase.$inferInsert;

export const casesEvent = pgTable('cases_event', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  seq: integer('seq').notNull(),
  type: text('type').notNull(),
  stateAfter: text('state_after').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
  reason: text('reason'),
  data: jsonb('data').notNull().$type<Record<string, unknown>>().default({}),
});
export type EventRow = typeof casesEvent.$inferSelect;

export const casesField = pgTable('cases_field', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameKey: text('name_key').notNull(),
  level: text('level').notNull(),
  active: boolean('active').notNull().default(true),
  sort: integer('sort').notNull().default(100),
});
export type FieldRow = typeof casesField.$inferSelect;

export const casesDeadlineRule = pgTable('cases_deadline_rule', {
  id: text('id').primaryKey(),
  days: integer('days').notNull(),
  unit: text('unit').notNull(),
  basis: text('basis').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type RuleRow = typeof casesDeadlineRule.$inferSelect;

export const casesLink = pgTable('cases_link', {
  caseId: uuid('case_id').notNull(),
  otherId: uuid('other_id').notNull(),
  kind: text('kind').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const casesUnitKey = pgTable('cases_unit_key', {
  id: uuid('id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  publicKey: text('public_key').notNull(),
  privateKeyWrapped: text('private_key_wrapped').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});
export type UnitKeyRow = typeof casesUnitKey.$inferSelect;

export const casesIdentity = pgTable('cases_identity', {
  caseId: uuid('case_id').primaryKey(),
  keyId: uuid('key_id').notNull(),
  sealed: text('sealed').notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
});

export const casesAttachment = pgTable('cases_attachment', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  name: text('name').notNull(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  identity: boolean('identity').notNull().default(false),
  keyId: uuid('key_id'),
  content: bytea('content').notNull(),
  uploadedBy: uuid('uploaded_by'),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

export const casesNotification = pgTable('cases_notification', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  caseId: uuid('case_id'),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  day: date('day').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  readAt: timestamp('read_at', { withTimezone: true }),
});
