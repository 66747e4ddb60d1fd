// Drizzle definition of the organisations table (see migration 0001).
import { pgTable, uuid, text, boolean, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { ltree } from '../../db/types.ts';

export const organisationsOrganisation = pgTable('organisations_organisation', {
  id: uuid('id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  unitPath: ltree('unit_path').notNull(),
  parentId: uuid('parent_id').references((): AnyPgColumn => organisationsOrganisation.id),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  nameKey: text('name_key').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
});

export type OrganisationRow = typeof organisationsOrganisation.$inferSelect;
