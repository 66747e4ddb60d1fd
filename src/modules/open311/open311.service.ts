// Open311 GeoReport v2 over the case core: services are the fields, a request is a reflection (phản ánh) sent through
// the same intake as the portal (same validation, same limits), and the public list holds what Open311 clients sent
// and the answers officials published.
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { can, type Actor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { definePolicy } from '../../platform/access.ts';
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import { foldKey } from '../../platform/text.ts';
import { PUBLIC_STATES } from '../cases/index.ts';
import { getUnit, searchUnits, type UnitRow } from '../units/index.ts';
import { pgTable, uuid, text, timestamp } from 'drizzle-orm/pg-core';

export const OPEN311_KEYS_MANAGE = 'open311.keys.manage';
definePolicy({ [OPEN311_KEYS_MANAGE]: ['admin'] });

export const open311Key = pgTable('open311_key', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull(),
  keyHint: text('key_hint').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** The id of an active key, null for none given, 'invalid' for a wrong or revoked one. */
export async function keyId(ctx: AppContext, key: string | undefined): Promise<string | null | 'invalid'> {
  if (!key) return null;
  const [row] = await ctx.database.db.select({ id: open311Key.id }).from(open311Key).where(and(eq(open311Key.keyHash, hashKey(key)), isNull(open311Key.revokedAt)));
  return row?.id ?? 'invalid';
}

// Keys are not tied to a unit: an app may send to any commune. Only central administrators issue them.
const ROOT = 'VN';

export async function listKeys(ctx: AppContext, actor: Actor) {
  if (!can(actor, OPEN311_KEYS_MANAGE, { unitPath: ROOT })) return denied('forbidden', { action: OPEN311_KEYS_MANAGE, unitPath: ROOT });
  const rows = await ctx.database.db.select({ id: open311Key.id, name: open311Key.name, hint: open311Key.keyHint, createdAt: open311Key.createdAt, revokedAt: open311Key.revokedAt })
    .from(open311Key).orderBy(desc(open311Key.createdAt));
  const counts = await ctx.database.rows<{ id: string; n: number }>(sql`select api_key_id as id, count(*)::int as n from portal_submission where api_key_id is not null group by api_key_id`);
  const byId = new Map(counts.map((c) => [c.id, Number(c.n)]));
  return ok(rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), revokedAt: r.revokedAt?.toISOString() ?? null, requests: byId.get(r.id) ?? 0 })));
}

/** Issues a key; the key itself is shown once and only its hash is kept. */
export async function issueKey(ctx: AppContext, actor: Actor, name: string, ip?: string) {
  if (!can(actor, OPEN311_KEYS_MANAGE, { unitPath: ROOT })) return denied('forbidden', { action: OPEN311_KEYS_MANAGE, unitPath: ROOT });
  const key = `o311_${randomBytes(24).toString('base64url')}`;
  const id = newId();
  await ctx.database.db.transaction(async (tx) => {
    await tx.insert(open311Key).values({ id, name, keyHash: hashKey(key), keyHint: key.slice(-4), createdBy: actor.userId });
    await recordAudit(tx, { action: 'open311.key.issued', actorId: actor.userId, actorName: actor.username, unitPath: ROOT, targetType: 'open311_key', targetId: id, ip, detail: { name } });
  });
  return ok({ id, name, key });
}

export async function revokeKey(ctx: AppContext, actor: Actor, id: string, ip?: string) {
  if (!can(actor, OPEN311_KEYS_MANAGE, { unitPath: ROOT })) return denied('forbidden', { action: OPEN311_KEYS_MANAGE, unitPath: ROOT });
  return ctx.database.db.transaction(async (tx) => {
    const done = await tx.update(open311Key).set({ revokedAt: new Date() }).where(and(eq(open311Key.id, id), isNull(open311Key.revokedAt))).returning({ id: open311Key.id });
    if (done.length === 0) return fail('open311_key_not_found');
    await recordAudit(tx, { action: 'open311.key.revoked', actorId: actor.userId, actorName: actor.username, unitPath: ROOT, targetType: 'open311_key', targetId: id, ip, detail: {} });
    return ok({ id });
  });
}

/**
 * The commune an address names: "12 Lê Lợi, Phường Phú Xuân, Thành phố Huế". Each comma-separated part is looked up
 * by name; a name shared by several communes is settled by a province or ward named elsewhere in the address.
 */
export async function unitFromAddress(ctx: AppContext, address: string): Promise<UnitRow | null> {
  const whole = ` ${foldKey(address).replace(/[^a-z0-9]+/g, ' ')} `;
  const named = (u: UnitRow) => whole.includes(` ${foldKey(u.name)} `) || whole.includes(` ${foldKey(u.shortName)} `);
  const parts = address.split(/[,;\n]/).map((s) => s.trim()).filter((s) => s.length >= 2);
  let fallback: UnitRow | null = null;
  for (const part of parts) {
    const key = foldKey(part);
    const found = (await searchUnits(ctx, part, 20)).filter((v) => foldKey(v.unit.name) === key || foldKey(v.unit.shortName) === key);
    const communes = found.filter((v) => v.unit.level === 'commune');
    const settled = communes.filter((v) => v.ancestors.some((a) => a.level !== 'central' && named(a)));
    const pick = communes.length === 1 ? communes[0] : settled.length === 1 ? settled[0] : undefined;
    if (pick) return pick.unit;
    if (!fallback && found.length === 1) fallback = found[0].unit;
  }
  return fallback;
}

export interface RequestFilter { ids?: string[]; serviceCode?: string; start?: Date; end?: Date; status?: 'open' | 'closed'; limit: number }

const CLOSED_STATES = ['answered', 'closed', 'guided', 'transferred', 'filed', 'split', 'withdrawn'];
const iso = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+07:00');

/** Public requests: those sent through Open311, and cases whose answer was published. Newest first. */
export async function publicRequests(ctx: AppContext, f: RequestFilter) {
  const where: SQL[] = [sql`(s.via = 'open311' or c.publishable)`, sql`c.kind in ('phan_anh', 'kien_nghi')`];
  if (f.ids?.length) where.push(sql`c.id in (${sql.join(f.ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
  if (f.serviceCode) where.push(sql`c.field_code = ${f.serviceCode}`);
  if (f.start) where.push(sql`c.created_at >= ${f.start.toISOString()}`);
  if (f.end) where.push(sql`c.created_at <= ${f.end.toISOString()}`);
  if (f.status) where.push(f.status === 'closed' ? sql`c.state in (${sql.join(CLOSED_STATES.map((s) => sql`${s}`), sql`, `)})` : sql`c.state not in (${sql.join(CLOSED_STATES.map((s) => sql`${s}`), sql`, `)})`);
  const rows = await ctx.database.rows<{
    id: string; state: string; field_code: string; field_name: string; title: string; content: string; via: string | null; publishable: boolean; answer: string | null;
    responsible_unit_code: string; created_at: string; updated_at: string; due_on: string | null; place_address: string | null; place_lat: number | null; place_lng: number | null;
  }>(sql`
    select c.id, c.state, c.field_code, f.name as field_name, c.title, c.content, s.via, c.publishable, c.answer, c.responsible_unit_code,
      c.created_at, c.updated_at, to_char(c.due_on, 'YYYY-MM-DD') as due_on, c.place_address, c.place_lat, c.place_lng
    from cases_case c left join portal_submission s on s.case_id = c.id join cases_field f on f.code = c.field_code
    where ${sql.join(where, sql` and `)}
    order by c.created_at desc limit ${f.limit}`);
  const names = new Map<string, string>();
  const agency = async (code: string) => {
    if (!names.has(code)) names.set(code, (await getUnit(ctx, code))?.unit.name ?? code);
    return names.get(code)!;
  };
  const out = [];
  for (const r of rows) {
    const closed = CLOSED_STATES.includes(r.state);
    const fromOpen311 = r.via === 'open311';
    out.push({
      service_request_id: r.id,
      status: closed ? 'closed' : 'open',
      status_notes: r.publishable && r.answer ? r.answer : PUBLIC_STATES[r.state as keyof typeof PUBLIC_STATES].text,
      service_name: r.field_name,
      service_code: r.field_code,
      // What an Open311 client sent is public by the standard; a portal case shows only its title.
      description: fromOpen311 ? r.content : r.title,
      agency_responsible: await agency(r.responsible_unit_code),
      service_notice: null,
      requested_datetime: iso(new Date(r.created_at)),
      updated_datetime: iso(new Date(r.updated_at)),
      expected_datetime: r.due_on && !closed ? `${r.due_on}T17:00:00+07:00` : null,
      address: fromOpen311 ? r.place_address : null,
      address_id: null,
      zipcode: null,
      lat: fromOpen311 && r.place_lat !== null ? Number(r.place_lat) : null,
      long: fromOpen311 && r.place_lng !== null ? Number(r.place_lng) : null,
      media_url: null,
    });
  }
  return out;
}
