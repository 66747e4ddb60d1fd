// Drizzle definitions of the portal's tables (see migration 0004).
import { pgTable, uuid, text, integer, timestamp } from 'drizzle-orm/pg-core';
import { ltree } from '../../db/types.ts';

export const portalSubmission = pgTable('portal_submission', {
  caseId: uuid('case_id').primaryKey(),
  trackingCode: text('tracking_code').notNull(),
  idempotencyKey: text('idempotency_key'),
  requestHash: text('request_hash').notNull(),
  via: text('via').notNull(),
  apiKeyId: uuid('api_key_id'),
  deviceId: text('device_id'),
  ip: text('ip'),
  contactSealed: text('contact_sealed'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type SubmissionRow = typeof portalSubmission.$inferSelect;

export const portalRating = pgTable('portal_rating', {
  caseId: uuid('case_id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  unitPath: ltree('unit_path').notNull(),
  score: integer('score').notNull(),
  comment: text('comment'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
