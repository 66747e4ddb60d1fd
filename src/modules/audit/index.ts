// The audit module: reading and exporting the security audit log within one's scope (writing lives in platform/audit).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { stringify } from 'csv-stringify/sync';
import { definePolicy, homeOf, scopesFor } from '../../platform/access.ts';
import { listAudit, type AuditRow } from '../../platform/audit.ts';
import { denied, requireActor, settle, type AppContext, type ModuleManifest } from '../../platform/http.ts';
import { errors, id, isoDay } from '../../platform/schemas.ts';

export const AUDIT_READ = 'audit.read';
definePolicy({ [AUDIT_READ]: ['admin', 'auditor'] });

const entry = z.object({
  id: z.string(), at: z.string(), action: z.string(), outcome: z.enum(['success', 'failure', 'denied']),
  actorId: z.string().nullable(), actorName: z.string().nullable(), unitCode: z.string().nullable(),
  targetType: z.string().nullable(), targetId: z.string().nullable(), ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
}).meta({ id: 'AuditEntry' });

const query = z.strictObject({
  from: isoDay.optional(), to: isoDay.optional(),
  action: z.string().max(60).regex(/^[a-z_.]+$/).optional(),
  before: id.optional().meta({ description: 'Cursor: the id of the last entry of the previous page.' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const present = (e: AuditRow) => ({
  id: e.id, at: e.at.toISOString(), action: e.action, outcome: e.outcome as 'success' | 'failure' | 'denied',
  actorId: e.actorId, actorName: e.actorName, unitCode: e.unitCode, targetType: e.targetType, targetId: e.targetId, ip: e.ip,
  detail: e.detail,
});

const vnInstant = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'medium' });
// The CSV export is bounded; a longer period is exported in several files.
const CSV_MAX_ROWS = 50_000;

const routes = (ctx: AppContext): FastifyPluginAsync => async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const scopesOrDeny = async (req: Parameters<typeof requireActor>[0]) => {
    const actor = requireActor(req);
    const scopes = scopesFor(actor, AUDIT_READ);
    if (scopes.length === 0) await settle(ctx, req, denied('forbidden', { action: AUDIT_READ, ...homeOf(actor), targetType: 'audit' }));
    return scopes;
  };

  r.get('/audit', {
    schema: { tags: ['Nhật ký (audit)'], summary: 'Nhật ký an ninh trong phạm vi', querystring: query, response: { 200: z.object({ items: z.array(entry), nextBefore: z.string().nullable() }), ...errors(400, 401, 403) } },
  }, async (req) => {
    const scopes = await scopesOrDeny(req);
    const rows = await listAudit(ctx.database.db, { scopes, ...req.query });
    return { items: rows.map(present), nextBefore: rows.length === req.query.limit ? rows[rows.length - 1].id : null };
  });

  r.get('/audit.csv', {
    schema: { tags: ['Nhật ký (audit)'], summary: 'Xuất nhật ký (CSV, UTF-8)', querystring: query.omit({ limit: true, before: true }), response: errors(400, 401, 403) },
  }, async (req, reply) => {
    const scopes = await scopesOrDeny(req);
    const rows = await listAudit(ctx.database.db, { scopes, ...req.query, limit: CSV_MAX_ROWS });
    const csv = stringify(rows.map((e) => [
      vnInstant.format(e.at), e.action, e.outcome, e.actorName ?? '', e.unitCode ?? '', e.targetType ?? '', e.targetId ?? '', e.ip ?? '', JSON.stringify(e.detail),
    ]), { header: true, columns: ['thoi_gian', 'hanh_dong', 'ket_qua', 'nguoi_thuc_hien', 'ma_don_vi', 'loai_doi_tuong', 'ma_doi_tuong', 'dia_chi_ip', 'chi_tiet'] });
    // The byte-order mark lets Excel open the UTF-8 file with its Vietnamese intact.
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="nhat-ky-${req.query.from ?? 'dau'}-${req.query.to ?? 'nay'}.csv"`)
      .send(`\uFEFF${csv}` as never);
  });
};

export const auditModule: ModuleManifest = { name: 'audit', routes };
