// The residents' use cases: send a concern (portal or Open311), follow it with code and secret, rate the answer.
import { createHash } from 'node:crypto';
import { and, desc, eq, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { can, type Actor } from '../../platform/access.ts';
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { enforce, exceeded, hit, rateLimited, type Limit } from '../../platform/ratelimit.ts';
import { masterKey } from '../../platform/secrets.ts';
import type { Lang } from '../../platform/errors.ts';
import {
  attachPublicFiles, attachmentCount, caseNumbers, inspectAttachment, lunarText, publicCase, receivePublicCase, KIND_NAMES, type CaseRow, type PublicCaseView,
} from '../cases/index.ts';
import { getUnit } from '../units/index.ts';
import { portalRating, portalSubmission, type SubmissionRow } from './portal.tables.ts';
import { newTrackingCode, parseTrackingCode, secretFor, secretMatches } from './portal.tracking.ts';
import { openContact, queueReceipt, sealContact } from './portal.messages.ts';
import type { SubmitBody } from './portal.schemas.ts';

export interface Upload { name: string; bytes: Buffer }
export interface SubmitMeta {
  via: 'portal' | 'open311'; ip: string; deviceId?: string | null; idempotencyKey?: string | null; apiKeyId?: string | null;
  files: Upload[]; lang: Lang;
}

export interface Receipt {
  trackingCode: string; secret: string; caseNumber: string; kind: CaseRow['kind'] & keyof typeof KIND_NAMES; kindName: string; title: string;
  receivedOn: string; receivingUnit: { code: string; name: string }; dueOn: string | null; dueOnLunar: string | null; emailQueued: boolean; attachments: number;
}

const HOUR = 3600;
const vnDayOf = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** A stable fingerprint of what was sent: the same retry has the same one, whatever the key order. */
function fingerprint(body: unknown, files: Upload[]): string {
  const canonical = (v: unknown): unknown => Array.isArray(v) ? v.map(canonical)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;
  const h = createHash('sha256').update(JSON.stringify(canonical(body)));
  for (const f of files) h.update(createHash('sha256').update(f.bytes).digest());
  return h.digest('hex');
}

async function receiptOf(ctx: AppContext, sub: SubmissionRow): Promise<Receipt> {
  const c = (await publicCase(ctx, sub.caseId))!.row;
  const unit = (await getUnit(ctx, c.receivingUnitCode))?.unit.name ?? c.receivingUnitCode;
  const contact = openContact(ctx, c.id, sub.contactSealed);
  // The intake deadline while the case waits for it; once it has moved on, that deadline no longer applies.
  const dueOn = c.state === 'received' ? c.dueOn : null;
  return {
    trackingCode: sub.trackingCode, secret: secretFor(masterKey(ctx.config), c.id), caseNumber: c.number, kind: c.kind as Receipt['kind'],
    kindName: KIND_NAMES[c.kind as keyof typeof KIND_NAMES], title: c.title, receivedOn: c.receivedOn, receivingUnit: { code: c.receivingUnitCode, name: unit },
    dueOn, dueOnLunar: lunarText(dueOn), emailQueued: Boolean(contact.email), attachments: await attachmentCount(ctx, c.id),
  };
}

async function byKey(ctx: AppContext, key: string): Promise<SubmissionRow | undefined> {
  const [row] = await ctx.database.db.select().from(portalSubmission).where(eq(portalSubmission.idempotencyKey, key));
  return row;
}

const isUniqueViolation = (err: unknown) => {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code === '23505') return true;
  return false;
};

/**
 * Receives a concern from a resident. A retry with the same idempotency key and the same content returns the first
 * receipt (replayed); the same key with other content is refused. Limits per address and per device hold back abuse.
 */
export async function submit(ctx: AppContext, body: SubmitBody, meta: SubmitMeta): Promise<Outcome<{ receipt: Receipt; replayed: boolean; caseId: string }>> {
  const hash = fingerprint(body, meta.files);
  const key = meta.idempotencyKey ? `${meta.via}:${meta.idempotencyKey}` : null;
  if (key) {
    const seen = await byKey(ctx, key);
    if (seen) return seen.requestHash === hash ? ok({ receipt: await receiptOf(ctx, seen), replayed: true, caseId: seen.caseId }) : fail('idempotency_conflict');
  }
  if (!body.consent) return fail('consent_required');
  if (meta.files.length > ctx.config.PORTAL_PUBLIC_FILES) return fail('too_many_files', { max: ctx.config.PORTAL_PUBLIC_FILES });
  const files: { name: string; bytes: Buffer; mime: string }[] = [];
  for (const f of meta.files) {
    if (f.bytes.length === 0) return fail('attachment_missing');
    const mime = await inspectAttachment(f.name, f.bytes);
    if (!mime.ok) return mime;
    files.push({ ...f, mime: mime.value });
  }
  const limits: Limit[] = [{ bucket: `${meta.via}.submit.ip`, key: meta.ip, max: ctx.config.PORTAL_SUBMISSIONS_PER_HOUR_IP, windowSeconds: HOUR }];
  if (meta.deviceId) limits.push({ bucket: `${meta.via}.submit.device`, key: meta.deviceId, max: ctx.config.PORTAL_SUBMISSIONS_PER_HOUR_DEVICE, windowSeconds: HOUR });
  await enforce(ctx.database.db, limits, meta.lang);

  const p = body.petitioner;
  const trackingCode = newTrackingCode();
  let emailQueued = false;
  let receivingName = '';
  try {
    const created = await receivePublicCase(ctx, { kind: body.kind, fieldCode: body.fieldCode, title: body.title, content: body.content, place: body.place, petitioner: p },
      { via: meta.via, ip: meta.ip, source: meta.apiKeyId ?? null },
      async (ctx, tx, c) => {
        const contact = { ...(p.email ? { email: p.email } : {}), ...(p.phone ? { phone: p.phone } : {}) };
        await tx.insert(portalSubmission).values({
          caseId: c.id, trackingCode, idempotencyKey: key, requestHash: hash, via: meta.via, apiKeyId: meta.apiKeyId ?? null,
          deviceId: meta.deviceId ?? null, ip: meta.ip, contactSealed: sealContact(ctx, c.id, contact),
        });
        await attachPublicFiles(ctx, tx, c, files);
        receivingName = (await getUnit(ctx, c.receivingUnitCode))?.unit.name ?? c.receivingUnitCode;
        emailQueued = await queueReceipt(ctx, tx, c, contact, { trackingCode, secret: secretFor(masterKey(ctx.config), c.id), receivingUnit: receivingName, dueOn: c.dueOn });
      });
    if (!created.ok) return created;
    const c = created.value;
    // Built from what was just written; a replay reads it back (receiptOf).
    const receipt: Receipt = {
      trackingCode, secret: secretFor(masterKey(ctx.config), c.id), caseNumber: c.number, kind: c.kind as Receipt['kind'],
      kindName: KIND_NAMES[c.kind as keyof typeof KIND_NAMES], title: c.title, receivedOn: c.receivedOn,
      receivingUnit: { code: c.receivingUnitCode, name: receivingName }, dueOn: c.dueOn, dueOnLunar: lunarText(c.dueOn), emailQueued, attachments: files.length,
    };
    return ok({ receipt, replayed: false, caseId: c.id });
  } catch (err) {
    // Two copies of one retry raced: the first one's receipt is the answer.
    if (key && isUniqueViolation(err)) {
      const seen = await byKey(ctx, key);
      if (seen) return seen.requestHash === hash ? ok({ receipt: await receiptOf(ctx, seen), replayed: true, caseId: seen.caseId }) : fail('idempotency_conflict');
    }
    throw err;
  }
}

const FIFTEEN_MIN = 900;

/**
 * The submission behind a code and secret. Failures are counted per address and per code: past the limit, even the
 * right pair waits, so guessing is as slow as the limit makes it. A wrong code and a wrong secret look the same.
 */
async function findTracked(ctx: AppContext, code: string, secret: string, ip: string, lang: Lang): Promise<Outcome<SubmissionRow>> {
  const canonical = parseTrackingCode(code);
  const limits: Limit[] = [{ bucket: 'track.fail.ip', key: ip, max: ctx.config.TRACK_FAILURES_PER_15MIN, windowSeconds: FIFTEEN_MIN }];
  if (canonical) limits.push({ bucket: 'track.fail.code', key: canonical, max: ctx.config.TRACK_FAILURES_PER_15MIN, windowSeconds: FIFTEEN_MIN });
  let wait = 0;
  for (const l of limits) wait = Math.max(wait, await exceeded(ctx.database.db, l));
  if (wait > 0) throw rateLimited(wait, lang);
  const [sub] = canonical ? await ctx.database.db.select().from(portalSubmission).where(eq(portalSubmission.trackingCode, canonical)) : [];
  if (sub && secretMatches(masterKey(ctx.config), sub.caseId, secret)) return ok(sub);
  for (const l of limits) await hit(ctx.database.db, l);
  return fail('tracking_not_found');
}

export type TrackView = PublicCaseView & {
  trackingCode: string; canRate: boolean; rating: { score: number; comment: string | null; on: string } | null;
};

async function trackViewOf(ctx: AppContext, sub: SubmissionRow): Promise<TrackView> {
  const found = (await publicCase(ctx, sub.caseId))!;
  const [r] = await ctx.database.db.select().from(portalRating).where(eq(portalRating.caseId, sub.caseId));
  const rating = r ? { score: r.score, comment: r.comment, on: vnDayOf(r.createdAt) } : null;
  return { ...found.view, trackingCode: sub.trackingCode, canRate: !rating && rateable(found.row), rating };
}

const rateable = (c: CaseRow) => Boolean(c.answer) && (c.state === 'answered' || c.state === 'closed');

export async function track(ctx: AppContext, code: string, secret: string, ip: string, lang: Lang): Promise<Outcome<TrackView>> {
  const sub = await findTracked(ctx, code, secret, ip, lang);
  if (!sub.ok) return sub;
  return ok(await trackViewOf(ctx, sub.value));
}

export async function rate(ctx: AppContext, input: { code: string; secret: string; score: number; comment?: string }, ip: string, lang: Lang): Promise<Outcome<TrackView>> {
  const sub = await findTracked(ctx, input.code, input.secret, ip, lang);
  if (!sub.ok) return sub;
  const found = (await publicCase(ctx, sub.value.caseId))!;
  if (!rateable(found.row)) return fail('rating_not_open');
  const inserted = await ctx.database.db.insert(portalRating).values({
    caseId: found.row.id, unitCode: found.row.responsibleUnitCode, unitPath: found.row.responsibleUnitPath, score: input.score, comment: input.comment ?? null,
  }).onConflictDoNothing().returning({ caseId: portalRating.caseId });
  if (inserted.length === 0) return fail('rating_exists');
  return ok(await trackViewOf(ctx, sub.value));
}

/** Residents' satisfaction with the answers of a unit and its subtree, for the officials who read its cases. */
export async function satisfactionOf(ctx: AppContext, actor: Actor, q: { unit: string; from?: string; to?: string }) {
  const view = await getUnit(ctx, q.unit);
  if (!view) return fail('unit_not_found', { code: q.unit });
  const path = view.unit.path;
  if (!can(actor, 'case.read', { unitPath: path })) {
    return denied('forbidden', { action: 'case.read', unitPath: path, unitCode: view.unit.code, targetType: 'unit', targetId: view.unit.code });
  }
  const where: SQL[] = [sql`${portalRating.unitPath} <@ ${path}::ltree`];
  if (q.from) where.push(gte(portalRating.createdAt, new Date(`${q.from}T00:00:00+07:00`)));
  if (q.to) where.push(lte(portalRating.createdAt, new Date(`${q.to}T23:59:59.999+07:00`)));
  const cond = and(...where)!;
  const dist = await ctx.database.rows<{ score: number; n: number }>(sql`select score, count(*)::int as n from portal_rating where ${cond} group by score`);
  const distribution = [1, 2, 3, 4, 5].map((s) => Number(dist.find((d) => Number(d.score) === s)?.n ?? 0));
  const count = distribution.reduce((a, b) => a + b, 0);
  const average = count ? Math.round((distribution.reduce((a, n, i) => a + n * (i + 1), 0) / count) * 100) / 100 : null;
  const comments = await ctx.database.db.select({ caseId: portalRating.caseId, score: portalRating.score, comment: portalRating.comment, at: portalRating.createdAt })
    .from(portalRating).where(and(cond, isNotNull(portalRating.comment))).orderBy(desc(portalRating.createdAt)).limit(20);
  const numbers = await caseNumbers(ctx, comments.map((c) => c.caseId));
  return ok({
    unit: { code: view.unit.code, name: view.unit.name }, count, average, distribution,
    comments: comments.map((c) => ({ score: c.score, comment: c.comment!, on: vnDayOf(c.at), caseNumber: numbers.get(c.caseId) ?? '' })),
  });
}

/** Cases sent through one channel, newest first (Open311's public list starts from them). */
export async function casesSentVia(ctx: AppContext, via: 'portal' | 'open311', f: { ids?: string[]; start?: Date; end?: Date; limit: number }): Promise<string[]> {
  const where: SQL[] = [eq(portalSubmission.via, via)];
  if (f.ids?.length) where.push(inArray(portalSubmission.caseId, f.ids));
  if (f.start) where.push(gte(portalSubmission.createdAt, f.start));
  if (f.end) where.push(lte(portalSubmission.createdAt, f.end));
  const rows = await ctx.database.db.select({ id: portalSubmission.caseId }).from(portalSubmission).where(and(...where))
    .orderBy(desc(portalSubmission.createdAt)).limit(f.limit);
  return rows.map((r) => r.id);
}

/** How many submissions each integration key sent. */
export async function submissionsPerApiKey(ctx: AppContext): Promise<Map<string, number>> {
  const rows = await ctx.database.db.select({ id: portalSubmission.apiKeyId, n: sql<number>`count(*)::int` }).from(portalSubmission)
    .where(isNotNull(portalSubmission.apiKeyId)).groupBy(portalSubmission.apiKeyId);
  return new Map(rows.map((r) => [r.id!, Number(r.n)]));
}
