// Open311 GeoReport v2 over the case core: services are the fields, a request is a reflection (phản ánh) sent through
// the same intake as the portal (same validation, same limits), and the public list holds what Open311 clients sent
// and the answers officials published.
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { can, type Actor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { definePolicy } from '../../platform/access.ts';
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import { foldKey } from '../../platform/text.ts';
import { CLOSED_FOR_PUBLIC, PUBLIC_STATES, publicRequestCases } from '../cases/index.ts';
import { casesSentVia, submissionsPerApiKey } from '../portal/index.ts';
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
  const byId = await submissionsPerApiKey(ctx);
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

const iso = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+07:00');

/** Public requests: those sent through Open311, and cases whose answer was published. Newest first. */
export async function publicRequests(ctx: AppContext, f: RequestFilter) {
  const sent = await casesSentVia(ctx, 'open311', { ids: f.ids, start: f.start, end: f.end, limit: f.limit });
  const rows = await publicRequestCases(ctx, { include: sent, ids: f.ids, fieldCode: f.serviceCode, start: f.start, end: f.end, status: f.status, limit: f.limit });
  const fromOpen311 = new Set(sent);
  const names = new Map<string, string>();
  const agency = async (code: string) => {
    if (!names.has(code)) names.set(code, (await getUnit(ctx, code))?.unit.name ?? code);
    return names.get(code)!;
  };
  const out = [];
  for (const r of rows) {
    const closed = CLOSED_FOR_PUBLIC.includes(r.state);
    const open311 = fromOpen311.has(r.id);
    out.push({
      service_request_id: r.id,
      status: closed ? 'closed' : 'open',
      status_notes: r.publishable && r.answer ? r.answer : PUBLIC_STATES[r.state as keyof typeof PUBLIC_STATES].text,
      service_name: r.fieldName,
      service_code: r.fieldCode,
      // What an Open311 client sent is public by the standard; a portal case shows only its title.
      description: open311 ? r.content : r.title,
      agency_responsible: await agency(r.responsibleUnitCode),
      service_notice: null,
      requested_datetime: iso(r.createdAt),
      updated_datetime: iso(r.updatedAt),
      expected_datetime: r.dueOn && !closed ? `${r.dueOn}T17:00:00+07:00` : null,
      address: open311 ? r.placeAddress : null,
      address_id: null,
      zipcode: null,
      lat: open311 && r.placeLat !== null ? Number(r.placeLat) : null,
      long: open311 && r.placeLng !== null ? Number(r.placeLng) : null,
      media_url: null,
    });
  }
  return out;
}
