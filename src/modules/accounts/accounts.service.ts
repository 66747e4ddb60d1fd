// Use cases for managing officials' accounts: list in scope, create, edit, memberships, deactivate, reset a password.
import { can, homeOf, isWithin, scopesFor, ROLES, type Actor, type Role } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import { hashPassword, isAcceptablePassword, MIN_PASSWORD_LENGTH } from '../../platform/passwords.ts';
import { foldKey } from '../../platform/text.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { getUnit } from '../units/index.ts';
import { organisationsByIds, type OrganisationRow } from '../organisations/index.ts';
import * as repo from './accounts.repository.ts';
import type { MembershipRow, UserRow } from './accounts.tables.ts';
import { ACCOUNT_MANAGE, ACCOUNT_READ } from './accounts.policy.ts';

export interface MembershipInput { organisationId: string; role: Role }
export interface AccountView { user: UserRow; memberships: MembershipRow[]; organisations: Map<string, OrganisationRow> }

/** Loads memberships and their organisations for many users in two queries. */
export async function viewsOf(ctx: AppContext, users: UserRow[]): Promise<AccountView[]> {
  const memberships = await repo.membershipsOf(ctx.database.db, users.map((u) => u.id));
  const organisations = new Map((await organisationsByIds(ctx, [...new Set(memberships.map((m) => m.organisationId))])).map((o) => [o.id, o]));
  return users.map((user) => ({ user, memberships: memberships.filter((m) => m.userId === user.id), organisations }));
}

export async function listAccounts(ctx: AppContext, actor: Actor, input: { unitCode?: string; q?: string }): Promise<Outcome<AccountView[]>> {
  const scopes = scopesFor(actor, ACCOUNT_READ);
  if (scopes.length === 0) return denied('forbidden', { action: ACCOUNT_READ, ...homeOf(actor), targetType: 'account' });
  let underPath: string | undefined;
  if (input.unitCode) {
    const view = await getUnit(ctx, input.unitCode);
    if (!view) return fail('unit_not_found', { code: input.unitCode });
    underPath = view.unit.path;
    if (!scopes.some((s) => isWithin(underPath!, s))) {
      return denied('forbidden', { action: ACCOUNT_READ, unitPath: underPath, unitCode: input.unitCode, targetType: 'unit', targetId: input.unitCode });
    }
  }
  const users = await repo.listUsers(ctx.database.db, { scopes: underPath ? [underPath] : scopes, key: input.q ? foldKey(input.q) : undefined, limit: 500 });
  return ok(await viewsOf(ctx, users));
}

async function readable(ctx: AppContext, actor: Actor, id: string): Promise<Outcome<UserRow>> {
  const user = await repo.findUserById(ctx.database.db, id);
  if (!user) return fail('account_not_found');
  if (!can(actor, ACCOUNT_READ, { unitPath: user.homeUnitPath }) && actor.userId !== id) {
    return denied('account_not_found', { action: ACCOUNT_READ, unitPath: user.homeUnitPath, unitCode: user.homeUnitCode, targetType: 'account', targetId: id });
  }
  return ok(user);
}

export async function getAccount(ctx: AppContext, actor: Actor, id: string): Promise<Outcome<AccountView>> {
  const found = await readable(ctx, actor, id);
  return found.ok ? ok((await viewsOf(ctx, [found.value]))[0]) : found;
}

/** The account, if the actor may manage it: its home unit and every organisation it belongs to lie in the actor's scope. */
async function manageable(ctx: AppContext, actor: Actor, id: string): Promise<Outcome<AccountView>> {
  const found = await readable(ctx, actor, id);
  if (!found.ok) return found;
  const view = (await viewsOf(ctx, [found.value]))[0];
  const paths = [found.value.homeUnitPath, ...view.memberships.map((m) => view.organisations.get(m.organisationId)?.unitPath ?? 'VN')];
  const outside = paths.find((p) => !can(actor, ACCOUNT_MANAGE, { unitPath: p }));
  if (outside) return denied('forbidden', { action: ACCOUNT_MANAGE, unitPath: outside, targetType: 'account', targetId: id });
  return ok(view);
}

/** Checks requested memberships: organisations exist, are active, lie in the actor's scope; roles are known. */
async function checkMemberships(ctx: AppContext, actor: Actor, list: MembershipInput[]): Promise<Outcome<OrganisationRow[]>> {
  if (list.length === 0) return fail('membership_required');
  const orgs = new Map((await organisationsByIds(ctx, list.map((m) => m.organisationId))).map((o) => [o.id, o]));
  for (const m of list) {
    const o = orgs.get(m.organisationId);
    if (!o) return fail('organisation_not_found');
    if (!can(actor, ACCOUNT_MANAGE, o)) {
      return denied('forbidden', { action: ACCOUNT_MANAGE, unitPath: o.unitPath, unitCode: o.unitCode, targetType: 'organisation', targetId: o.id });
    }
    if (!o.active) return fail('organisation_inactive');
    if (!ROLES.includes(m.role)) return fail('validation_failed');
  }
  return ok(list.map((m) => orgs.get(m.organisationId)!));
}

const dedupe = (list: MembershipInput[]) => [...new Map(list.map((m) => [`${m.organisationId}/${m.role}`, m])).values()];

export interface CreateInput { username: string; fullName: string; email?: string | null; password: string; memberships: MembershipInput[] }

export async function createAccount(ctx: AppContext, actor: Actor, input: CreateInput, ip?: string): Promise<Outcome<AccountView>> {
  const memberships = dedupe(input.memberships);
  const checked = await checkMemberships(ctx, actor, memberships);
  if (!checked.ok) return checked;
  const created = await insertAccount(ctx, {
    ...input, mustChangePassword: true,
    memberships: memberships.map((m, i) => ({ organisation: checked.value[i], role: m.role })),
  }, { actorId: actor.userId, actorName: actor.username, ip });
  return created.ok ? ok((await viewsOf(ctx, [created.value]))[0]) : created;
}

export interface NewAccount {
  username: string;
  fullName: string;
  email?: string | null;
  password: string;
  mustChangePassword: boolean;
  /** The first one's unit becomes the account's home unit. */
  memberships: { organisation: OrganisationRow; role: Role }[];
}

/**
 * Inserts an account, its memberships and its audit row in one transaction, after the password rule and the
 * username check. No permission check: callers do that (createAccount) or run as the system (set-up).
 */
export async function insertAccount(ctx: AppContext, input: NewAccount, by: { actorId?: string; actorName: string; ip?: string }): Promise<Outcome<UserRow>> {
  const username = input.username.toLowerCase();
  if (!isAcceptablePassword(input.password, username)) return fail('weak_password', { min: MIN_PASSWORD_LENGTH });
  if (await repo.findUserByUsername(ctx.database.db, username)) return fail('username_taken', { username });
  const home = input.memberships[0].organisation;
  const passwordHash = await hashPassword(input.password);
  try {
    return ok(await ctx.database.db.transaction(async (tx) => {
      const u = await repo.insertUser(tx, {
        id: newId(), username, fullName: input.fullName, email: input.email ?? null, passwordHash,
        mustChangePassword: input.mustChangePassword, homeUnitCode: home.unitCode, homeUnitPath: home.unitPath,
      });
      const memberships = input.memberships.map((m) => ({ organisationId: m.organisation.id, role: m.role }));
      await repo.replaceMemberships(tx, u.id, memberships.map((m) => ({ id: newId(), ...m })));
      await recordAudit(tx, {
        action: 'account.created', actorId: by.actorId, actorName: by.actorName, unitCode: home.unitCode, unitPath: home.unitPath,
        targetType: 'account', targetId: u.id, ip: by.ip, detail: { username, memberships },
      });
      return u;
    }));
  } catch (err) {
    // Two requests for one new username at once: the second meets the unique index.
    if (isUniqueViolation(err)) return fail('username_taken', { username });
    throw err;
  }
}

export async function updateAccount(ctx: AppContext, actor: Actor, id: string, input: { fullName?: string; email?: string | null }, ip?: string): Promise<Outcome<AccountView>> {
  const found = await manageable(ctx, actor, id);
  if (!found.ok) return found;
  const before = found.value.user;
  const user = await ctx.database.db.transaction(async (tx) => {
    const u = await repo.updateUser(tx, id, input);
    await recordAudit(tx, {
      action: 'account.updated', actorId: actor.userId, actorName: actor.username, unitCode: u.homeUnitCode, unitPath: u.homeUnitPath,
      targetType: 'account', targetId: id, ip,
      detail: { from: { fullName: before.fullName, email: before.email }, to: { fullName: u.fullName, email: u.email } },
    });
    return u;
  });
  return ok((await viewsOf(ctx, [user]))[0]);
}

export async function setMemberships(ctx: AppContext, actor: Actor, id: string, list: MembershipInput[], ip?: string): Promise<Outcome<AccountView>> {
  if (id === actor.userId) return fail('cannot_change_self');
  const found = await manageable(ctx, actor, id);
  if (!found.ok) return found;
  const memberships = dedupe(list);
  const checked = await checkMemberships(ctx, actor, memberships);
  if (!checked.ok) return checked;
  const before = found.value.memberships.map((m) => ({ organisationId: m.organisationId, role: m.role }));
  await ctx.database.db.transaction(async (tx) => {
    await repo.replaceMemberships(tx, id, memberships.map((m) => ({ id: newId(), organisationId: m.organisationId, role: m.role })));
    await recordAudit(tx, {
      action: 'account.memberships_changed', actorId: actor.userId, actorName: actor.username,
      unitCode: found.value.user.homeUnitCode, unitPath: found.value.user.homeUnitPath,
      targetType: 'account', targetId: id, ip, detail: { from: before, to: memberships },
    });
  });
  return getAccount(ctx, actor, id);
}

export async function setAccountActive(ctx: AppContext, actor: Actor, id: string, active: boolean, ip?: string): Promise<Outcome<AccountView>> {
  if (id === actor.userId) return fail('cannot_change_self');
  const found = await manageable(ctx, actor, id);
  if (!found.ok) return found;
  if (found.value.user.active === active) return found;
  const user = await ctx.database.db.transaction(async (tx) => {
    const u = await repo.updateUser(tx, id, { active, failedLogins: 0, lockedUntil: null });
    if (!active) await repo.deleteSessionsOf(tx, id);
    await recordAudit(tx, {
      action: active ? 'account.activated' : 'account.deactivated', actorId: actor.userId, actorName: actor.username,
      unitCode: u.homeUnitCode, unitPath: u.homeUnitPath, targetType: 'account', targetId: id, ip, detail: { username: u.username },
    });
    return u;
  });
  return ok((await viewsOf(ctx, [user]))[0]);
}

/** An administrator sets a new password; the official must change it at next sign-in, and is signed out everywhere. */
export async function resetPassword(ctx: AppContext, actor: Actor, id: string, password: string, ip?: string): Promise<Outcome<AccountView>> {
  const found = await manageable(ctx, actor, id);
  if (!found.ok) return found;
  const target = found.value.user;
  if (!isAcceptablePassword(password, target.username)) return fail('weak_password', { min: MIN_PASSWORD_LENGTH });
  const passwordHash = await hashPassword(password);
  const user = await ctx.database.db.transaction(async (tx) => {
    const u = await repo.updateUser(tx, id, { passwordHash, mustChangePassword: id !== actor.userId, failedLogins: 0, lockedUntil: null });
    await repo.deleteSessionsOf(tx, id, id === actor.userId ? actor.sessionId : undefined);
    await recordAudit(tx, {
      action: 'account.password_reset', actorId: actor.userId, actorName: actor.username,
      unitCode: u.homeUnitCode, unitPath: u.homeUnitPath, targetType: 'account', targetId: id, ip,
    });
    return u;
  });
  return ok((await viewsOf(ctx, [user]))[0]);
}
