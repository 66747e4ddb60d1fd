// Drizzle definition of the calendar adjustments table (see migration 0002).
import { pgTable, uuid, text, date, timestamp } from 'drizzle-orm/pg-core';

export const calendarAdjustment = pgTable('calendar_adjustment', {
  id: uuid('id').primaryKey(),
  day: date('day').notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  source: text('source').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
});

export type AdjustmentRow = typeof calendarAdjustment.$inferSelect;
