// Drizzle definitions of the supervision module's tables (see migrations 0007 and 0011): supervision and social critique.
import { pgTable, uuid, text, date, integer, timestamp } from 'drizzle-orm/pg-core';
import { ltree } from '../../db/types.ts';

export const supervisionProgramme = pgTable('supervision_programme', {
  id: uuid('id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  unitPath: ltree('unit_path').notNull(),
  level: text('level').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  content: text('content'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const supervisionVisit = pgTable('supervision_visit', {
  id: uuid('id').primaryKey(),
  programmeId: uuid('programme_id'),
  unitCode: text('unit_code').notNull(),
  unitPath: ltree('unit_path').notNull(),
  level: text('level').notNull(),
  organisationId: uuid('organisation_id'),
  supervisorName: text('supervisor_name').notNull(),
  subjectOrganisationId: uuid('subject_organisation_id'),
  subjectName: text('subject_name').notNull(),
  form: text('form').notNull(),
  topic: text('topic').notNull(),
  startedOn: date('started_on').notNull(),
  endedOn: date('ended_on'),
  status: text('status').notNull().default('planned'),
  findings: text('findings'),
  source: text('source').notNull().default('console'),
  importId: uuid('import_id'),
  cancelReason: text('cancel_reason'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const supervisionRecommendation = pgTable('supervision_recommendation', {
  id: uuid('id').primaryKey(),
  visitId: uuid('visit_id').notNull(),
  seq: integer('seq').notNull(),
  fieldCode: text('field_code').notNull(),
  content: text('content').notNull(),
  status: text('status').notNull(),
  caseId: uuid('case_id'),
  dueOn: date('due_on'),
  answer: text('answer'),
  answeredOn: date('answered_on'),
  resolvedOn: date('resolved_on'),
  raisedOn: date('raised_on').notNull(),
  unitPath: ltree('unit_path').notNull(),
  level: text('level').notNull(),
  importId: uuid('import_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const critiqueDraft = pgTable('critique_draft', {
  id: uuid('id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  unitPath: ltree('unit_path').notNull(),
  level: text('level').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  title: text('title').notNull(),
  draftingOrganisationId: uuid('drafting_organisation_id'),
  draftingBodyName: text('drafting_body_name').notNull(),
  draftingUnitCode: text('drafting_unit_code'),
  draftingUnitPath: ltree('drafting_unit_path'),
  receivedOn: date('received_on').notNull(),
  summary: text('summary'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const critiqueSession = pgTable('critique_session', {
  id: uuid('id').primaryKey(),
  draftId: uuid('draft_id').notNull(),
  form: text('form').notNull(),
  heldOn: date('held_on').notNull(),
  place: text('place'),
  participants: integer('participants'),
  unitPath: ltree('unit_path').notNull(),
  level: text('level').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const critiqueOpinion = pgTable('critique_opinion', {
  id: uuid('id').primaryKey(),
  sessionId: uuid('session_id').notNull(),
  seq: integer('seq').notNull(),
  content: text('content').notNull(),
  response: text('response'),
  responseNote: text('response_note'),
  respondedOn: date('responded_on'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ProgrammeRow = typeof supervisionProgramme.$inferSelect;
export type ProgrammeInsert = typeof supervisionProgramme.$inferInsert;
export type VisitRow = typeof supervisionVisit.$inferSelect;
export type VisitInsert = typeof supervisionVisit.$inferInsert;
export type SupervisionRecommendationRow = typeof supervisionRecommendation.$inferSelect;
export type RecommendationInsert = typeof supervisionRecommendation.$inferInsert;
export type DraftRow = typeof critiqueDraft.$inferSelect;
export type DraftInsert = typeof critiqueDraft.$inferInsert;
export type SessionRow = typeof critiqueSession.$inferSelect;
export type SessionInsert = typeof critiqueSession.$inferInsert;
export type OpinionRow = typeof critiqueOpinion.$inferSelect;
export type OpinionInsert = typeof critiqueOpinion.$inferInsert;
