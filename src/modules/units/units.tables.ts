// Drizzle definitions of the units module's tables (see migration 0001).
import { pgTable, uuid, text, date, boolean, integer, timestamp } from 'drizzle-orm/pg-core';
import { ltree } from '../../db/types.ts';

export const unitsUnit = pgTable('units_unit', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  type: text('type').notNull(),
  level: text('level').notNull(),
  parentCode: text('parent_code'),
  path: ltree('path').notNull(),
  searchKey: text('search_key').notNull(),
  shortKey: text('short_key').notNull(),
  remoteArea: boolean('remote_area').notNull().default(false),
  source: text('source').notNull(),
});

export const unitsImport = pgTable('units_import', {
  step: text('step').primaryKey(),
  checksum: text('checksum').notNull(),
  rows: integer('rows').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

export type UnitRow = typeof unitsUnit.$inferSelect;
