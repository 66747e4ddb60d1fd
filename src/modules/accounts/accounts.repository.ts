// SQL over officials' accounts, their memberships and their sessions.
import { and, asc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { accountsMembership as membership, accountsSession as session, accountsUser as user, type MembershipRow, type UserRow } from './accounts.tables.ts';

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | null> {
  const [row] = await db.select().from(user).where(eq(user.username, username.toLowerCase())).limit(1);
  return row ?? null;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(user).where(eq(user.id, id)).limit(1);
  return row ?? null;
}

export async function insertUser(db: Executor, row: typeof user.$inferInsert): Promise<UserRow> {
  const [created] = await db.insert(user).values(row).returning();
  return created;
}

export async function updateUser(db: Executor, id: string, set: Partial<typeof user.$inferInsert>): Promise<UserRow> {
  const [row] = await db.update(user).set({ ...set, updatedAt: new Date() }).where(eq(user.id, id)).returning();
  return row;
}

/** Counts one more failure; locks the account when the count reaches `max`, and starts counting again. */
export async function recordFailedLogin(db: Executor, id: string, max: number, lockMinutes: number): Promise<UserRow> {
  const [row] = await db.update(user).set({
    failedLogins: sql`case when ${user.failedLogins} + 1 >= ${max} then 0 else ${user.failedLogins} + 1 end`,
    lockedUntil: sql`case when ${user.failedLogins} + 1 >= ${max} then now() + make_interval(mins => ${lockMinutes}) else ${user.lockedUntil} end`,
  }).where(eq(user.id, id)).returning();
  return row;
}

export async function membershipsOf(db: Executor, userIds: string[]): Promise<MembershipRow[]> {
  if (userIds.length === 0) return [];
  return db.select().from(membership).where(inArray(membership.userId, userIds)).orderBy(asc(membership.createdAt));
}

export async function replaceMemberships(db: Executor, userId: string, rows: Omit<typeof membership.$inferInsert, 'userId'>[]): Promise<void> {
  await db.delete(membership).where(eq(membership.userId, userId));
  if (rows.length) await db.insert(membership).values(rows.map((r) => ({ ...r, userId })));
}

export interface UserFilter { scopes: string[]; key?: string; limit: number }

const within = (paths: string[]): SQL => sql`${user.homeUnitPath} <@ array[${sql.join(paths.map((p) => sql`${p}`), sql`, `)}]::ltree[]`;

export async function listUsers(db: Executor, f: UserFilter): Promise<UserRow[]> {
  if (f.scopes.length === 0) return [];
  const where: SQL[] = [within(f.scopes)];
  if (f.key) {
    const like = `%${f.key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // Full names are matched without diacritics: the same folding as in platform/text.
    where.push(or(sql`${user.username} like ${like}`, sql`translate(lower(${user.fullName}), ${FOLD_FROM}, ${FOLD_TO}) like ${like}`)!);
  }
  return db.select().from(user).where(and(...where)).orderBy(asc(user.username)).limit(f.limit);
}

// Vietnamese letters with diacritics (lower case) and their bases, for diacritics-free matching in SQL.
const FOLD_FROM = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
const FOLD_TO = 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd';

export async function insertSession(db: Executor, row: typeof session.$inferInsert): Promise<void> {
  await db.insert(session).values(row);
}

export async function findLiveSession(db: Executor, tokenHash: string, idleMinutes: number) {
  const [row] = await db.select({ session, user }).from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .where(and(
      eq(session.tokenHash, tokenHash),
      gt(session.expiresAt, sql`now()`),
      gt(session.lastSeenAt, sql`now() - make_interval(mins => ${idleMinutes})`),
      eq(user.active, true),
    )).limit(1);
  return row ?? null;
}

export async function touchSession(db: Executor, tokenHash: string): Promise<void> {
  await db.update(session).set({ lastSeenAt: sql`now()` }).where(eq(session.tokenHash, tokenHash));
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(session).where(eq(session.tokenHash, tokenHash));
}

/** Ends every session of a user, or every one but the current. */
export async function deleteSessionsOf(db: Executor, userId: string, except?: string): Promise<void> {
  await db.delete(session).where(and(eq(session.userId, userId), except ? sql`${session.tokenHash} <> ${except}` : undefined));
}

export async function deleteExpiredSessions(db: Executor): Promise<void> {
  await db.delete(session).where(lt(session.expiresAt, sql`now()`));
}

/** Active users holding `role` through one of these organisations. */
export async function holdersOf(db: Executor, role: string, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return db.selectDistinct({ id: user.id, fullName: user.fullName, username: user.username, organisationId: membership.organisationId })
    .from(membership).innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.role, role), inArray(membership.organisationId, organisationIds), eq(user.active, true)));
}

/** Active members of an organisation (any role) who have an email address. */
export async function emailsOf(db: Executor, organisationId: string) {
  return db.selectDistinct({ id: user.id, fullName: user.fullName, email: user.email })
    .from(membership).innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.organisationId, organisationId), eq(user.active, true), sql`${user.email} is not null and ${user.email} <> ''`));
}
