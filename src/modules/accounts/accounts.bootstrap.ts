// Set-up without a signed-in actor: the first administrator of a server install, and accounts of the demo dataset.
import type { Role } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import { hashPassword, isAcceptablePassword, MIN_PASSWORD_LENGTH } from '../../platform/passwords.ts';
import { ensureOrganisation, type OrganisationRow } from '../organisations/index.ts';
import * as repo from './accounts.repository.ts';
import type { UserRow } from './accounts.tables.ts';

export interface SystemAccountInput {
  username: string;
  fullName: string;
  password: string;
  memberships: { organisation: OrganisationRow; role: Role }[];
  mustChangePassword?: boolean;
}

/** Creates an account with its memberships, no permission check; fails if the username exists. */
export async function createSystemAccount(ctx: AppContext, input: SystemAccountInput): Promise<Outcome<UserRow>> {
  const username = input.username.toLowerCase();
  if (!/^[a-z0-9._-]{3,40}$/.test(username)) return fail('validation_failed');
  if (!isAcceptablePassword(input.password, username)) return fail('weak_password', { min: MIN_PASSWORD_LENGTH });
  if (await repo.findUserByUsername(ctx.database.db, username)) return fail('username_taken', { username });
  const home = input.memberships[0].organisation;
  const passwordHash = await hashPassword(input.password);
  return ok(await ctx.database.db.transaction(async (tx) => {
    const user = await repo.insertUser(tx, {
      id: newId(), username, fullName: input.fullName, passwordHash, mustChangePassword: input.mustChangePassword ?? false,
      homeUnitCode: home.unitCode, homeUnitPath: home.unitPath,
    });
    await repo.replaceMemberships(tx, user.id, input.memberships.map((m) => ({ id: newId(), organisationId: m.organisation.id, role: m.role })));
    await recordAudit(tx, {
      action: 'account.created', actorName: 'system', unitCode: home.unitCode, unitPath: home.unitPath,
      targetType: 'account', targetId: user.id, detail: { username, roles: input.memberships.map((m) => m.role) },
    });
    return user;
  }));
}

/** The first administrator of an install: central scope, through a system administration body at the root unit. */
export async function createFirstAdmin(ctx: AppContext, input: { username: string; fullName: string; password: string }): Promise<Outcome<UserRow>> {
  const organisation = await ensureOrganisation(ctx, { unitCode: 'VN', kind: 'khac', name: 'Ban quản trị hệ thống Cầu Nối' });
  return createSystemAccount(ctx, { ...input, memberships: [{ organisation, role: 'admin' }] });
}
