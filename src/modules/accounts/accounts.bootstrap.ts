// Set-up without a signed-in actor: the first administrator of a server install, and accounts of the demo dataset.
import type { Role } from '../../platform/access.ts';
import { fail, type AppContext, type Outcome } from '../../platform/http.ts';
import { ensureOrganisation, type OrganisationRow } from '../organisations/index.ts';
import type { UserRow } from './accounts.tables.ts';
import { insertAccount } from './accounts.service.ts';

export interface SystemAccountInput {
  username: string;
  fullName: string;
  password: string;
  memberships: { organisation: OrganisationRow; role: Role }[];
  mustChangePassword?: boolean;
}

/** Creates an account with its memberships, no permission check; fails if the username exists. */
export async function createSystemAccount(ctx: AppContext, input: SystemAccountInput): Promise<Outcome<UserRow>> {
  if (!/^[a-z0-9._-]{3,40}$/i.test(input.username)) return fail('validation_failed');
  return insertAccount(ctx, { ...input, mustChangePassword: input.mustChangePassword ?? false }, { actorName: 'system' });
}

/** The first administrator of an install: central scope, through a system administration body at the root unit. */
export async function createFirstAdmin(ctx: AppContext, input: { username: string; fullName: string; password: string }): Promise<Outcome<UserRow>> {
  const organisation = await ensureOrganisation(ctx, { unitCode: 'VN', kind: 'khac', name: 'Ban quản trị hệ thống Cầu Nối' });
  return createSystemAccount(ctx, { ...input, memberships: [{ organisation, role: 'admin' }] });
}
