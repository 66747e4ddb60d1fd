// Signing in and out: password check with lockout, database sessions behind an opaque cookie, the actor of a request.
import { createHash, randomBytes } from 'node:crypto';
import { homeOf, type Actor, type Grant, type Role } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { hashPassword, isAcceptablePassword, MIN_PASSWORD_LENGTH, verifyNothing, verifyPassword } from '../../platform/passwords.ts';
import { organisationsByIds, organisationsCovering } from '../organisations/index.ts';
import * as repo from './accounts.repository.ts';
import type { UserRow } from './accounts.tables.ts';

export const SESSION_COOKIE = 'cn_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const vnTime = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });

export interface LoginInput { username: string; password: string; ip?: string; userAgent?: string }
export interface LoginResult { token: string; expiresAt: Date; user: UserRow }

export async function login(ctx: AppContext, input: LoginInput): Promise<Outcome<LoginResult>> {
  const { db } = ctx.database;
  const cfg = ctx.config;
  const user = await repo.findUserByUsername(db, input.username);
  const failure = (reason: string, u: UserRow | null) => recordAudit(db, {
    action: 'auth.login_failed', outcome: 'failure', actorId: u?.id ?? null, actorName: u?.username ?? null,
    unitCode: u?.homeUnitCode ?? null, unitPath: u?.homeUnitPath ?? null, ip: input.ip,
    detail: { username: input.username.slice(0, 100), reason },
  });
  if (!user) {
    await verifyNothing(input.password);
    await failure('unknown_user', null);
    return fail('invalid_credentials');
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await failure('locked', user);
    return fail('account_locked', { until: vnTime.format(user.lockedUntil) });
  }
  const good = await verifyPassword(input.password, user.passwordHash);
  if (!good || !user.active) {
    await failure(user.active ? 'wrong_password' : 'inactive', user);
    if (!user.active) return fail('invalid_credentials');
    const after = await repo.recordFailedLogin(db, user.id, cfg.LOGIN_MAX_FAILURES, cfg.LOGIN_LOCK_MINUTES);
    if (after.lockedUntil && after.lockedUntil > new Date()) {
      await recordAudit(db, {
        action: 'auth.locked', outcome: 'failure', actorId: user.id, actorName: user.username,
        unitCode: user.homeUnitCode, unitPath: user.homeUnitPath, ip: input.ip, detail: { minutes: cfg.LOGIN_LOCK_MINUTES },
      });
      return fail('account_locked', { until: vnTime.format(after.lockedUntil) });
    }
    return fail('invalid_credentials');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + cfg.SESSION_TTL_HOURS * 3_600_000);
  const signedIn = await db.transaction(async (tx) => {
    const u = await repo.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() });
    await repo.insertSession(tx, { tokenHash: hashToken(token), userId: user.id, expiresAt, ip: input.ip ?? null, userAgent: input.userAgent?.slice(0, 300) ?? null });
    await recordAudit(tx, { action: 'auth.login', actorId: user.id, actorName: user.username, unitCode: user.homeUnitCode, unitPath: user.homeUnitPath, ip: input.ip });
    return u;
  });
  // Expired sessions are swept now and then, off the request's path.
  if (Math.random() < 0.05) void repo.deleteExpiredSessions(db).catch(() => {});
  return ok({ token, expiresAt, user: signedIn });
}

export async function logout(ctx: AppContext, actor: Actor, ip?: string): Promise<void> {
  if (!actor.sessionId) return;
  await ctx.database.db.transaction(async (tx) => {
    await repo.deleteSession(tx, actor.sessionId!);
    await recordAudit(tx, { action: 'auth.logout', actorId: actor.userId, actorName: actor.username, ...homeOf(actor), ip });
  });
}

/** The roles a user holds through active organisations, each reaching that organisation's unit subtree. */
export async function grantsOf(ctx: AppContext, userId: string): Promise<Grant[]> {
  const memberships = await repo.membershipsOf(ctx.database.db, [userId]);
  const orgs = new Map((await organisationsByIds(ctx, memberships.map((m) => m.organisationId))).map((o) => [o.id, o]));
  return memberships.flatMap((m) => {
    const o = orgs.get(m.organisationId);
    return o?.active ? [{ role: m.role as Role, organisationId: o.id, unitCode: o.unitCode, unitPath: o.unitPath }] : [];
  });
}

// How often a session's last-seen time is written: not on every request.
const TOUCH_EVERY_MS = 60_000;

/** The actor behind a session cookie, or null when the session is unknown, expired, idle too long, or the account inactive. */
export async function actorFromToken(ctx: AppContext, token: string | undefined): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const tokenHash = hashToken(token);
  const found = await repo.findLiveSession(ctx.database.db, tokenHash, ctx.config.SESSION_IDLE_MINUTES);
  if (!found) return null;
  if (Date.now() - found.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await repo.touchSession(ctx.database.db, tokenHash);
  return {
    userId: found.user.id, username: found.user.username, fullName: found.user.fullName,
    grants: await grantsOf(ctx, found.user.id), sessionId: tokenHash,
  };
}

export async function changePassword(ctx: AppContext, actor: Actor, current: string, next: string, ip?: string): Promise<Outcome<void>> {
  const { db } = ctx.database;
  const user = await repo.findUserById(db, actor.userId);
  if (!user) return fail('unauthenticated');
  if (!(await verifyPassword(current, user.passwordHash))) return fail('wrong_password');
  if (!isAcceptablePassword(next, user.username) || next === current) return fail('weak_password', { min: MIN_PASSWORD_LENGTH });
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { passwordHash, mustChangePassword: false });
    // Other devices signed in with the old password are signed out.
    await repo.deleteSessionsOf(tx, user.id, actor.sessionId);
    await recordAudit(tx, { action: 'auth.password_changed', actorId: user.id, actorName: user.username, unitCode: user.homeUnitCode, unitPath: user.homeUnitPath, ip });
  });
  return ok(undefined);
}

export interface Holder { id: string; fullName: string; username: string; unitCode: string; unitPath: string }

/**
 * For other modules: active officials holding `role` whose reach covers the unit at `path`
 * (through an organisation of that unit or above it); `exact` keeps only those of the unit itself.
 */
export async function officialsHolding(ctx: AppContext, role: Role, path: string, exact = false): Promise<Holder[]> {
  const orgs = (await organisationsCovering(ctx, path)).filter((o) => !exact || o.unitPath === path);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const seen = new Map<string, Holder>();
  for (const h of await repo.holdersOf(ctx.database.db, role, orgs.map((o) => o.id))) {
    const o = byId.get(h.organisationId)!;
    // The nearest organisation names where the official sits.
    const prev = seen.get(h.id);
    if (!prev || prev.unitPath.length < o.unitPath.length) seen.set(h.id, { id: h.id, fullName: h.fullName, username: h.username, unitCode: o.unitCode, unitPath: o.unitPath });
  }
  return [...seen.values()];
}

/** For other modules' reminders: the active officials of an organisation who have an email address. */
export async function organisationEmails(ctx: AppContext, organisationId: string): Promise<{ id: string; fullName: string; email: string }[]> {
  return (await repo.emailsOf(ctx.database.db, organisationId)).map((u) => ({ id: u.id, fullName: u.fullName, email: u.email! }));
}
