// Drizzle definition of the imports module's table (see migration 0009): one row per imported file.
import { pgTable, uuid, text, integer, timestamp, jsonb } from 'drizzle-orm/pg-core';
import { ltree } from '../../db/types.ts';

export interface ImportCounts { conferences: number; recommendations: number; visits: number; supervisionRecommendations: number }

export const importsBatch = pgTable('imports_batch', {
  id: uuid('id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  unitPath: ltree('unit_path').notNull(),
  kind: text('kind').notNull(),
  filename: text('filename').notNull(),
  checksum: text('checksum').notNull(),
  size: integer('size').notNull(),
  counts: jsonb('counts').notNull().$type<ImportCounts>(),
  importedBy: uuid('imported_by'),
  importedByName: text('imported_by_name').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  undoneAt: timestamp('undone_at', { withTimezone: true }),
  undoneByName: text('undone_by_name'),
});

export type BatchRow = typeof importsBatch.$inferSelect;
