// Drizzle definitions of the accounts module's tables: users, memberships, sessions (see migration 0001).
import { pgTable, uuid, text, boolean, integer, timestamp } from 'drizzle-orm/pg-core';
import { ltree } from '../../db/types.ts';

export const accountsUser = pgTable('accounts_user', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull(),
  fullName: text('full_name').notNull(),
  email: text('email'),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  homeUnitCode: text('home_unit_code').notNull(),
  homeUnitPath: ltree('home_unit_path').notNull(),
  active: boolean('active').notNull().default(true),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const accountsMembership = pgTable('accounts_membership', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  role: text('role').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const accountsSession = pgTable('accounts_session', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
});

export type UserRow = typeof accountsUser.$inferSelect;
export type MembershipRow = typeof accountsMembership.$inferSelect;
