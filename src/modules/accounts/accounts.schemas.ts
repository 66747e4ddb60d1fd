// Request and response schemas of sign-in and account management.
import { z } from 'zod';
import { ROLES } from '../../platform/access.ts';
import { id, text } from '../../platform/schemas.ts';

export const membership = z.object({
  organisationId: z.string(), organisationName: z.string(), unitCode: z.string(), unitName: z.string(),
  role: z.enum(ROLES), active: z.boolean(),
}).meta({ id: 'Membership' });

export const me = z.object({
  id: z.string(), username: z.string(), fullName: z.string(), email: z.string().nullable(),
  mustChangePassword: z.boolean(), memberships: z.array(membership),
  permissions: z.array(z.string()).meta({ description: 'Actions the user holds somewhere, to show or hide parts of the console.' }),
}).meta({ id: 'Me' });

export const account = z.object({
  id: z.string(), username: z.string(), fullName: z.string(), email: z.string().nullable(), active: z.boolean(),
  homeUnitCode: z.string(), lockedUntil: z.string().nullable(), createdAt: z.string(), lastLoginAt: z.string().nullable(),
  memberships: z.array(membership), abilities: z.object({ update: z.boolean(), deactivate: z.boolean() }),
}).meta({ id: 'Account' });

const password = z.string().min(1).max(200);
export const loginBody = z.strictObject({ username: text(60), password });
export const passwordBody = z.strictObject({ currentPassword: password, newPassword: password });
export const resetBody = z.strictObject({ newPassword: password });

const membershipInput = z.strictObject({ organisationId: id, role: z.enum(ROLES) });
export const username = z.string().trim().min(3).max(40).regex(/^[A-Za-z0-9._-]+$/, { message: 'a-z 0-9 . _ -' });
const email = z.email().max(200);

export const createBody = z.strictObject({
  username, fullName: text(120), email: email.nullable().optional(), password,
  memberships: z.array(membershipInput).min(1).max(20),
});
export const updateBody = z.strictObject({ fullName: text(120).optional(), email: email.nullable().optional() });
export const membershipsBody = z.strictObject({ memberships: z.array(membershipInput).min(1).max(20) });
export const listQuery = z.strictObject({ unit: z.string().min(1).max(16).optional(), q: text(100).optional() });
export const idParams = z.strictObject({ id });
export const accountList = z.object({ items: z.array(account) });
