// Open311 GeoReport v2 at /open311/v2/ in XML (the standard's default) and JSON: discovery, services, requests;
// errors in the standard's shape.
// Console routes under /api/open311/keys issue and revoke the keys that tell integrating apps apart.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import formbody from '@fastify/formbody';
import { z } from 'zod';
import { AppError, problemBody, type Lang } from '../../platform/errors.ts';
import { requireActor, settle, type AppContext } from '../../platform/http.ts';
import { errors, plain } from '../../platform/schemas.ts';
import { zodFieldErrors } from '../../platform/validation.ts';
import { unitInForce } from '../units/index.ts';
import { listFields } from '../cases/index.ts';
import { submit, submitBody } from '../portal/index.ts';
import { issueKey, keyId, listKeys, publicRequests, revokeKey, unitFromAddress } from './open311.service.ts';

const SPEC = 'http://wiki.open311.org/GeoReport_v2';
const BAD_FORMAT = 'Định dạng không được hỗ trợ: dùng đường dẫn kết thúc bằng .xml hoặc .json.';

type Format = 'json' | 'xml';
/** The format a request asked for by its path's ending (.xml is the standard's default, .json the alternative). */
const formatOf = (req: FastifyRequest): Format => (/\.xml$/.test(req.url.split('?')[0]) ? 'xml' : 'json');

// Where a list nests in XML, each element is named in the singular.
const SINGULAR: Record<string, string> = { endpoints: 'endpoint', formats: 'format', attributes: 'attribute', values: 'value' };
const escapeXml = (s: string) => s.replace(/[<>&'"\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? '');
function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => element(SINGULAR[name] ?? 'item', v)).join('')}</${name}>`;
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** Sends a GeoReport answer in the asked format: JSON as is; XML as <root><item>…</item></root> (or <root>…</root> for one object). */
function respond(req: FastifyRequest, reply: FastifyReply, status: number, root: string, item: string | null, data: unknown) {
  reply.code(status);
  if (formatOf(req) === 'json') return reply.type('application/json; charset=utf-8').send(data);
  const body = item ? `<${root}>${(data as unknown[]).map((d) => element(item, d)).join('')}</${root}>` : element(root, data);
  return reply.type('text/xml; charset=utf-8').send(`<?xml version="1.0" encoding="utf-8"?>\n${body}`);
}

/** An Open311 error response: a list of { code, description } (XML: <errors><error>…</error></errors>). */
function open311Error(req: FastifyRequest, reply: FastifyReply, status: number, descriptions: string[]) {
  return respond(req, reply, status, 'errors', 'error', descriptions.map((description) => ({ code: status, description })));
}

function describe(err: AppError, lang: Lang): string[] {
  const body = problemBody(err.code, lang, err.vars, err.fields);
  if (err.fields?.length) return err.fields.map((f) => `${f.field}: ${f.message}`);
  return [body.detail];
}

const str = (max: number) => z.string().trim().max(max).optional().transform((s) => s || undefined);
const num = z.union([z.string(), z.number()]).optional().transform((v, c) => {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) { c.addIssue({ code: 'custom', message: 'number' }); return z.NEVER; }
  return n;
});

// The standard's fields for a new request; attribute[...] and unknown fields are ignored, as clients send extras.
const requestForm = z.object({
  api_key: str(200),
  jurisdiction_id: str(16),
  service_code: z.string().trim().min(1).max(40),
  lat: num, long: num,
  address_string: str(500),
  address_id: str(100),
  email: z.email().max(254).optional().or(z.literal('').transform(() => undefined)),
  device_id: str(100),
  account_id: str(100),
  first_name: str(100), last_name: str(100),
  phone: str(20),
  description: z.string().trim().min(10).max(20_000),
  media_url: z.url().max(1000).optional().or(z.literal('').transform(() => undefined)),
});

const listQuery = z.object({
  service_request_id: z.string().max(4000).optional(),
  service_code: z.string().max(40).optional(),
  start_date: z.iso.datetime({ offset: true }).optional(),
  end_date: z.iso.datetime({ offset: true }).optional(),
  status: z.string().max(20).optional(),
  jurisdiction_id: z.string().max(16).optional(),
});

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const open311Routes = (ctx: AppContext): FastifyPluginAsync => async (root) => root.register(async (app) => {
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  // Every error under /open311 speaks the standard's shape.
  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    if (err instanceof AppError) {
      const retryAfter = (err as AppError & { retryAfter?: number }).retryAfter;
      if (retryAfter) reply.header('retry-after', String(retryAfter));
      return open311Error(req, reply, err.status, describe(err, req.lang ?? 'vi'));
    }
    if (err.statusCode && err.statusCode < 500) return open311Error(req, reply, err.statusCode, ['Yêu cầu không hợp lệ.']);
    req.log.error({ err }, 'open311 error');
    return open311Error(req, reply, 500, ['Đã có lỗi hệ thống. Vui lòng thử lại sau.']);
  });
  app.setNotFoundHandler((req, reply) => open311Error(req, reply, 404, ['Không có đường dẫn này trong Open311 GeoReport v2 của Cầu Nối.']));

  const base = '';
  const hide = { schema: { hide: true } };
  const stem = (file: string) => (/\.(json|xml)$/.test(file) ? file.replace(/\.(json|xml)$/, '') : null);

  for (const ext of ['json', 'xml']) {
    app.get(`${base}/discovery.${ext}`, hide, async (req, reply) => respond(req, reply, 200, 'discovery', null, {
      changeset: '2026-11-23T00:00:00+07:00',
      contact: 'Cầu Nối — Cổng tiếp nhận phản ánh, kiến nghị',
      key_service: `${ctx.config.PUBLIC_URL.replace(/\/$/, '')}/console/`,
      endpoints: [{ specification: SPEC, url: `${ctx.config.PUBLIC_URL.replace(/\/$/, '')}/open311/v2`, changeset: '2026-11-23T00:00:00+07:00', type: 'production', formats: ['text/xml', 'application/json'] }],
    }));

    app.get(`${base}/services.${ext}`, hide, async (req, reply) => respond(req, reply, 200, 'services', 'service', (await listFields(ctx)).filter((f) => f.active).map((f) => ({
      service_code: f.code,
      service_name: f.name,
      description: `Phản ánh, kiến nghị về lĩnh vực ${f.name.toLowerCase()}.`,
      metadata: false,
      type: 'realtime',
      keywords: f.name.toLowerCase(),
      group: f.level === 'province' ? 'Cấp tỉnh' : 'Cấp xã',
    }))));
  }

  app.get(`${base}/services/:file`, hide, async (req, reply) => {
    const code = stem((req.params as { file: string }).file);
    if (code === null) return open311Error(req, reply, 400, [BAD_FORMAT]);
    const field = (await listFields(ctx)).find((f) => f.code === code && f.active);
    if (!field) return open311Error(req, reply, 404, [`Không có dịch vụ "${code}".`]);
    return respond(req, reply, 200, 'service_definition', null, { service_code: field.code, attributes: [] });
  });

  const create = async (req: FastifyRequest, reply: FastifyReply) => {
    const parsed = requestForm.safeParse(req.body ?? {});
    if (!parsed.success) throw new AppError('validation_failed', {}, zodFieldErrors(parsed.error.issues, req.lang));
    const f = parsed.data;
    const apiKey = await keyId(ctx, f.api_key);
    if (apiKey === 'invalid') return open311Error(req, reply, 403, ['api_key không hợp lệ hoặc đã bị thu hồi.']);
    if ((f.lat === undefined) !== (f.long === undefined)) return open311Error(req, reply, 400, ['Cần gửi cả lat và long.']);
    if (f.lat === undefined && !f.address_string && !f.address_id) return open311Error(req, reply, 400, ['Cần vị trí: lat và long, hoặc address_string.']);
    let unitCode: string | undefined;
    if (f.jurisdiction_id) {
      const unit = await unitInForce(ctx, f.jurisdiction_id);
      if (!unit) return open311Error(req, reply, 404, [`Không có đơn vị hành chính (jurisdiction_id) "${f.jurisdiction_id}".`]);
      unitCode = unit.code;
    } else if (f.address_string) {
      unitCode = (await unitFromAddress(ctx, f.address_string))?.code;
    }
    if (!unitCode) {
      return open311Error(req, reply, 400, ['Không xác định được xã, phường: gửi jurisdiction_id (mã đơn vị hành chính) hoặc ghi tên xã, phường và tỉnh, thành phố trong address_string.']);
    }
    const firstLine = f.description.split('\n')[0].trim();
    const title = firstLine.length > 120 ? `${firstLine.slice(0, 117).trimEnd()}…` : firstLine.length >= 5 ? firstLine : f.description.slice(0, 120);
    const content = f.media_url ? `${f.description}\n\nẢnh: ${f.media_url}` : f.description;
    const name = [f.last_name, f.first_name].filter(Boolean).join(' ') || undefined;
    const body = {
      kind: 'phan_anh' as const, fieldCode: f.service_code, title, content,
      place: { unitCode, ...(f.address_string ? { address: f.address_string } : {}), ...(f.lat !== undefined ? { lat: f.lat, lng: f.long } : {}) },
      petitioner: { ...(name ? { name } : {}), ...(f.email ? { email: f.email } : {}), ...(f.phone ? { phone: f.phone } : {}) },
      consent: true,
    };
    // The portal's checks apply: lengths, phone format, the place's bounds.
    const checked = submitBody.safeParse(body);
    if (!checked.success) throw new AppError('validation_failed', {}, zodFieldErrors(checked.error.issues, req.lang));
    const idem = req.headers['idempotency-key'];
    const out = await settle(ctx, req, await submit(ctx, checked.data, {
      via: 'open311', ip: req.ip, deviceId: f.device_id ?? null, idempotencyKey: typeof idem === 'string' && /^[A-Za-z0-9_-]{8,100}$/.test(idem) ? idem : null,
      apiKeyId: apiKey, files: [], lang: req.lang,
    }));
    const r = out.receipt;
    return respond(req, reply, 200, 'service_requests', 'request', [{
      service_request_id: out.caseId,
      service_notice: `Đã nhận, số ${r.caseNumber}. Mã tra cứu ${r.trackingCode}, mã bí mật ${r.secret}; theo dõi tại ${ctx.config.PUBLIC_URL.replace(/\/$/, '')}/theo-doi`,
      account_id: null,
    }]);
  };

  const list = async (req: FastifyRequest, reply: FastifyReply) => {
    const parsed = listQuery.safeParse(req.query ?? {});
    if (!parsed.success) throw new AppError('validation_failed', {}, zodFieldErrors(parsed.error.issues, req.lang));
    const q = parsed.data;
    const ids = q.service_request_id?.split(',').map((s) => s.trim()).filter(Boolean);
    if (ids?.some((id) => !uuid.test(id))) return open311Error(req, reply, 400, ['service_request_id không hợp lệ.']);
    if (q.status && q.status !== 'open' && q.status !== 'closed') return open311Error(req, reply, 400, ['status chỉ nhận open hoặc closed.']);
    // Without a range: the last 90 days, at most 1000 requests (the standard's defaults).
    const end = q.end_date ? new Date(q.end_date) : undefined;
    const start = q.start_date ? new Date(q.start_date) : ids?.length ? undefined : new Date((end ?? new Date()).getTime() - 90 * 86_400_000);
    if (start && end && start > end) return open311Error(req, reply, 400, ['start_date phải trước end_date.']);
    return respond(req, reply, 200, 'service_requests', 'request',
      await publicRequests(ctx, { ids, serviceCode: q.service_code, start, end, status: q.status as 'open' | 'closed' | undefined, limit: 1000 }));
  };
  for (const ext of ['json', 'xml']) {
    app.post(`${base}/requests.${ext}`, hide, create);
    app.get(`${base}/requests.${ext}`, hide, list);
  }

  app.get(`${base}/requests/:file`, hide, async (req, reply) => {
    const id = stem((req.params as { file: string }).file);
    if (id === null) return open311Error(req, reply, 400, [BAD_FORMAT]);
    if (!uuid.test(id)) return open311Error(req, reply, 404, ['Không tìm thấy yêu cầu.']);
    const found = await publicRequests(ctx, { ids: [id], limit: 1 });
    if (found.length === 0) return open311Error(req, reply, 404, ['Không tìm thấy yêu cầu.']);
    return respond(req, reply, 200, 'service_requests', 'request', found);
  });

}, { prefix: '/open311/v2' });

const keyTags = ['Open311 — khóa ứng dụng'];
const keyList = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), hint: z.string(), createdAt: z.string(), revokedAt: z.string().nullable(), requests: z.int() })) });

/** Console: keys for integrating apps (central administrators). */
export const open311KeyRoutes = (ctx: AppContext): FastifyPluginAsync => async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/open311/keys', { schema: { tags: keyTags, summary: 'Các khóa Open311 đã cấp và số yêu cầu gửi bằng mỗi khóa', response: { 200: keyList, ...errors(401, 403) } } },
    async (req) => ({ items: await settle(ctx, req, await listKeys(ctx, requireActor(req))) }));
  r.post('/open311/keys', {
    schema: { tags: keyTags, summary: 'Cấp khóa cho một ứng dụng (khóa chỉ hiện một lần)', body: z.strictObject({ name: plain(120, 2) }), response: { 201: z.object({ id: z.string(), name: z.string(), key: z.string() }), ...errors(400, 401, 403) } },
  }, async (req, reply) => reply.code(201).send(await settle(ctx, req, await issueKey(ctx, requireActor(req), req.body.name, req.ip))));
  r.delete('/open311/keys/:id', {
    schema: { tags: keyTags, summary: 'Thu hồi khóa', params: z.object({ id: z.uuid() }), response: { 200: z.object({ id: z.string() }), ...errors(400, 401, 403, 404) } },
  }, async (req) => settle(ctx, req, await revokeKey(ctx, requireActor(req), req.params.id, req.ip)));
};
