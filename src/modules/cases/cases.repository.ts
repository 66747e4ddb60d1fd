// The only SQL on the cases module's tables.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import {
  casesAttachment, casesCase, casesDeadlineRule, casesEvent, casesField, casesIdentity, casesLink, casesNotification, casesUnitKey,
  type CaseInsert, type CaseRow, type EventRow,
} from './cases.tables.ts';

export async function nextNumber(tx: Executor, unitCode: string, year: number): Promise<number> {
  const r = await tx.execute(sql`
    insert into cases_counter (unit_code, year, last) values (${unitCode}, ${year}, 1)
    on conflict (unit_code, year) do update set last = cases_counter.last + 1
    returning last`);
  return Number((r as unknown as { rows: { last: number }[] }).rows[0].last);
}

export async function insertCase(tx: Executor, row: CaseInsert): Promise<CaseRow> {
  const [c] = await tx.insert(casesCase).values(row).returning();
  return c;
}

export async function findCase(ex: Executor, id: string, lock = false): Promise<CaseRow | undefined> {
  const q = ex.select().from(casesCase).where(eq(casesCase.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function findCases(ex: Executor, ids: string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  return ex.select().from(casesCase).where(inArray(casesCase.id, ids));
}

export async function updateCase(tx: Executor, id: string, patch: Partial<CaseInsert>): Promise<CaseRow> {
  const [row] = await tx.update(casesCase).set({ ...patch, updatedAt: new Date() }).where(eq(casesCase.id, id)).returning();
  return row;
}

export async function appendEvent(tx: Executor, e: Omit<EventRow, 'at' | 'seq'>): Promise<EventRow> {
  const [row] = await tx.insert(casesEvent).values({
    ...e,
    seq: sql`(select coalesce(max(seq), 0) + 1 from cases_event where case_id = ${e.caseId})`,
  }).returning();
  return row;
}

export function eventsOf(ex: Executor, caseId: string): Promise<EventRow[]> {
  return ex.select().from(casesEvent).where(eq(casesEvent.caseId, caseId)).orderBy(asc(casesEvent.seq));
}

export interface ListFilter {
  scopes: string[];
  states?: string[]; kinds?: string[]; channels?: string[]; fields?: string[];
  unitPath?: string;
  due?: 'soon' | 'overdue'; today: string; soonUntil: string;
  flags?: string[];
  handlerId?: string | null;
  open: 'true' | 'false' | 'all';
  q?: string;
  limit: number; offset: number;
}

const ltreeArray = (paths: string[]) => sql`array[${sql.join(paths.map((p) => sql`${p}::ltree`), sql`, `)}]`;

/**
 * Where a case may be read from: its responsible or receiving unit lies in one of the scopes. The provinces of the
 * scopes narrow it first through the (provinces, text) index; a central scope reads everything.
 */
export function inScopes(scopes: string[]): SQL {
  if (scopes.length === 0) return sql`false`;
  const arr = ltreeArray(scopes);
  const provinces = [...new Set(scopes.map((p) => p.split('.')[1]))];
  const narrow = provinces.every(Boolean) ? sql`search_provinces && array[${sql.join(provinces.map((p) => sql`${p}`), sql`, `)}]::text[] and ` : sql``;
  return sql`(${narrow}(responsible_unit_path <@ ${arr} or receiving_unit_path <@ ${arr}))`;
}

// Each listing's order has an index behind it: open cases by due date, closed ones by closing, all by last change.
const ORDER: Record<ListFilter['open'], SQL[]> = {
  true: [sql`due_on asc nulls last`, sql`id`],
  false: [sql`closed_at desc`, sql`id`],
  all: [sql`updated_at desc`, sql`id`],
};

/** One page of cases, most urgent first: open cases by due date (overdue first), then the rest by last change. */
export async function list(ex: Executor, f: ListFilter, foldedQuery?: string): Promise<{ rows: CaseRow[]; total: number }> {
  const where: SQL[] = [inScopes(f.scopes)];
  if (f.states?.length) where.push(inArray(casesCase.state, f.states));
  if (f.kinds?.length) where.push(inArray(casesCase.kind, f.kinds));
  if (f.channels?.length) where.push(inArray(casesCase.channel, f.channels));
  if (f.fields?.length) where.push(inArray(casesCase.fieldCode, f.fields));
  if (f.unitPath) where.push(sql`(responsible_unit_path <@ ${f.unitPath}::ltree)`);
  if (f.open !== 'all') where.push(f.open === 'true' ? sql`closed_at is null` : sql`closed_at is not null`);
  if (f.due === 'overdue') where.push(sql`closed_at is null and due_on < ${f.today}::date`);
  if (f.due === 'soon') where.push(sql`closed_at is null and due_on between ${f.today}::date and ${f.soonUntil}::date`);
  for (const flag of f.flags ?? []) {
    if (flag === 'mass') where.push(sql`mass`);
    if (flag === 'over_level') where.push(sql`over_level`);
    if (flag === 'duplicate') where.push(sql`duplicate_of is not null`);
    if (flag === 'confidential') where.push(sql`confidential`);
  }
  if (f.handlerId !== undefined) where.push(f.handlerId === null ? sql`handler_id is null` : eq(casesCase.handlerId, f.handlerId));
  if (foldedQuery) {
    // Trigram-indexed substring match on the folded number, title and content (narrowed to provinces by inScopes).
    where.push(sql`search_key like ${`%${foldedQuery.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  }
  const cond = sql.join(where, sql` and `);
  const rows = await ex.select().from(casesCase).where(cond)
    .orderBy(...ORDER[f.open])
    .limit(f.limit).offset(f.offset);
  const [{ n }] = (await ex.execute(sql`select count(*)::int as n from (select 1 from cases_case where ${cond} limit 10000) t`) as unknown as { rows: { n: number }[] }).rows;
  return { rows, total: n };
}

/** Open cases of the same person (any shared key) whose folded content is similar. */
export async function similarOpenCases(ex: Executor, c: CaseRow, scopes: string[]): Promise<{ id: string; number: string; title: string; state: string; similarity: number }[]> {
  if (c.petitionerKeys.length === 0) return [];
  const keys = sql`array[${sql.join(c.petitionerKeys.map((k) => sql`${k}`), sql`, `)}]::text[]`;
  const r = await ex.execute(sql`
    select id, number, title, state, similarity(search_key, ${c.searchKey}) as similarity
    from cases_case
    where id <> ${c.id} and petitioner_keys && ${keys} and state not in ('filed', 'split', 'withdrawn')
      and ${inScopes(scopes)} and similarity(search_key, ${c.searchKey}) > 0.25
    order by similarity desc limit 5`);
  return (r as unknown as { rows: { id: string; number: string; title: string; state: string; similarity: number }[] }).rows
    .map((x) => ({ ...x, similarity: Number(x.similarity) }));
}

export async function linksOf(ex: Executor, caseId: string) {
  return ex.select({ id: casesCase.id, number: casesCase.number, title: casesCase.title, state: casesCase.state, kind: casesLink.kind })
    .from(casesLink).innerJoin(casesCase, eq(casesCase.id, casesLink.otherId)).where(eq(casesLink.caseId, caseId));
}

export async function link(tx: Executor, a: string, b: string, kind: string, back: string): Promise<void> {
  await tx.insert(casesLink).values([{ caseId: a, otherId: b, kind }, { caseId: b, otherId: a, kind: back }]).onConflictDoNothing();
}

export const fields = (ex: Executor) => ex.select().from(casesField).orderBy(asc(casesField.sort), asc(casesField.name));
export async function field(ex: Executor, code: string) {
  const [f] = await ex.select().from(casesField).where(eq(casesField.code, code));
  return f;
}
export async function insertField(tx: Executor, f: typeof casesField.$inferInsert) {
  const [row] = await tx.insert(casesField).values(f).returning();
  return row;
}
export async function updateField(tx: Executor, code: string, patch: Partial<typeof casesField.$inferInsert>) {
  const [row] = await tx.update(casesField).set(patch).where(eq(casesField.code, code)).returning();
  return row;
}

export const rules = (ex: Executor) => ex.select().from(casesDeadlineRule).orderBy(asc(casesDeadlineRule.id));
export async function updateRule(tx: Executor, id: string, patch: { days: number; unit: string; basis: string }) {
  const [row] = await tx.update(casesDeadlineRule).set({ ...patch, updatedAt: new Date() }).where(eq(casesDeadlineRule.id, id)).returning();
  return row;
}

export async function activeKey(ex: Executor, unitCode: string) {
  const [k] = await ex.select().from(casesUnitKey).where(and(eq(casesUnitKey.unitCode, unitCode), eq(casesUnitKey.active, true)));
  return k;
}
export async function keyById(ex: Executor, id: string) {
  const [k] = await ex.select().from(casesUnitKey).where(eq(casesUnitKey.id, id));
  return k;
}
export async function insertKey(tx: Executor, k: typeof casesUnitKey.$inferInsert) {
  const [row] = await tx.insert(casesUnitKey).values(k).returning();
  return row;
}
export async function retireKey(tx: Executor, id: string) {
  await tx.update(casesUnitKey).set({ active: false, retiredAt: new Date() }).where(eq(casesUnitKey.id, id));
}
export const keysOf = (ex: Executor, unitCode: string) => ex.select({ id: casesUnitKey.id, active: casesUnitKey.active, createdAt: casesUnitKey.createdAt, retiredAt: casesUnitKey.retiredAt })
  .from(casesUnitKey).where(eq(casesUnitKey.unitCode, unitCode)).orderBy(asc(casesUnitKey.createdAt));

export async function identityOf(ex: Executor, caseId: string) {
  const [i] = await ex.select().from(casesIdentity).where(eq(casesIdentity.caseId, caseId));
  return i;
}
export async function putIdentity(tx: Executor, caseId: string, keyId: string, sealed: string) {
  await tx.insert(casesIdentity).values({ caseId, keyId, sealed })
    .onConflictDoUpdate({ target: casesIdentity.caseId, set: { keyId, sealed, sealedAt: new Date() } });
}
export const identitiesUnderKey = (ex: Executor, keyId: string) => ex.select().from(casesIdentity).where(eq(casesIdentity.keyId, keyId));
export const sealedAttachmentsUnderKey = (ex: Executor, keyId: string) => ex.select().from(casesAttachment).where(eq(casesAttachment.keyId, keyId));

export async function insertAttachment(tx: Executor, a: typeof casesAttachment.$inferInsert) {
  const [row] = await tx.insert(casesAttachment).values(a).returning({ id: casesAttachment.id });
  return row;
}
export const attachmentsOf = (ex: Executor, caseId: string) => ex.select({
  id: casesAttachment.id, name: casesAttachment.name, mediaType: casesAttachment.mediaType, size: casesAttachment.size,
  identity: casesAttachment.identity, uploadedAt: casesAttachment.uploadedAt,
}).from(casesAttachment).where(eq(casesAttachment.caseId, caseId)).orderBy(asc(casesAttachment.uploadedAt));
export async function attachment(ex: Executor, caseId: string, id: string) {
  const [a] = await ex.select().from(casesAttachment).where(and(eq(casesAttachment.caseId, caseId), eq(casesAttachment.id, id)));
  return a;
}
export async function resealAttachment(tx: Executor, id: string, keyId: string, content: Buffer) {
  await tx.update(casesAttachment).set({ keyId, content }).where(eq(casesAttachment.id, id));
}

/** Open cases whose deadline falls on or before `until`, for the daily reminder. */
export async function dueBy(ex: Executor, until: string) {
  return ex.select({ id: casesCase.id, number: casesCase.number, dueOn: casesCase.dueOn, handlerId: casesCase.handlerId,
    responsibleUnitCode: casesCase.responsibleUnitCode, responsibleUnitPath: casesCase.responsibleUnitPath })
    .from(casesCase).where(sql`closed_at is null and due_on <= ${until}::date`);
}

export async function insertNotifications(tx: Executor, rows: (typeof casesNotification.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await tx.insert(casesNotification).values(rows).onConflictDoNothing().returning({ id: casesNotification.id });
  return r.length;
}
export const notificationsOf = (ex: Executor, userId: string, limit: number) => ex.select().from(casesNotification)
  .where(eq(casesNotification.userId, userId)).orderBy(sql`created_at desc`).limit(limit);
export async function markRead(tx: Executor, userId: string, ids: string[]) {
  if (ids.length === 0) return;
  await tx.update(casesNotification).set({ readAt: new Date() }).where(and(eq(casesNotification.userId, userId), inArray(casesNotification.id, ids)));
}
