// HTTP routes of the report's files: the .docx in the issuing body's official layout and the .xlsx of figures, for the
// same unit and period as GET /api/reports/summary; every export is audited.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopesFor, type Actor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { requireActor, settle, type AppContext } from '../../platform/http.ts';
import { errors } from '../../platform/schemas.ts';
import { REPORT_READ } from './reports.policy.ts';
import { periodOf, reportQuery } from './reports.schemas.ts';
import { buildReport } from './reports.service.ts';
import { reportDocx, reportFileBase, reportXlsx } from './reports.exports.ts';
import { resolveIssuer } from './reports.issuer.ts';
import type { ChildRow, Report } from './reports.types.ts';

const tags = ['Báo cáo tổng kết (reports)'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const docxQuery = reportQuery.extend({
  issuer: z.uuid().optional().meta({ description: 'Tổ chức ban hành (thể thức Đảng hay Nhà nước theo loại tổ chức); mặc định là tổ chức đầu tiên của người đọc.' }),
});

/** Content-Disposition with the Vietnamese name (RFC 6266/5987) and a plain ASCII fallback for old clients. */
export function attachment(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The children's figures in the previous period (in the unit tree in force then), computed in the report's own pass. */
const priorChildren = (report: Report): ChildRow[] | undefined => (report.empty ? undefined : report.priorChildren);

export const reportExportRoutes = (ctx: AppContext): FastifyPluginAsync => async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const audit = (actor: Actor, report: Report, format: 'docx' | 'xlsx', ip: string, issuer?: string) => recordAudit(ctx.database.db, {
    action: 'report.exported', actorId: actor.userId, actorName: actor.username, unitCode: report.unit.code, unitPath: report.unit.path,
    targetType: 'unit', targetId: report.unit.code, ip, detail: { format, period: report.period.label, from: report.period.from, to: report.period.to, ...(issuer ? { issuer } : {}) },
  });

  r.get('/reports/summary.docx', {
    schema: {
      tags, summary: 'Báo cáo tổng kết dạng .docx theo thể thức văn bản của cơ quan ban hành (Nhà nước: NĐ 30/2020; Đảng: HD 36-HD/VPTW), để trống số và chữ ký',
      querystring: docxQuery, response: { ...errors(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const q = req.query;
    const report = await settle(ctx, req, await buildReport(ctx, actor, { unitCode: q.unit, period: periodOf(q), withPriorChildren: true }));
    const issuer = await settle(ctx, req, await resolveIssuer(ctx, actor, q.issuer, scopesFor(actor, REPORT_READ)));
    const file = await reportDocx(report, issuer, { priorChildren: priorChildren(report) });
    await audit(actor, report, 'docx', req.ip, issuer.name);
    return reply.type(DOCX).header('content-disposition', attachment(`${reportFileBase(report)}.docx`)).header('cache-control', 'no-store').send(file as never);
  });

  r.get('/reports/summary.xlsx', {
    schema: {
      tags, summary: 'Số liệu báo cáo tổng kết dạng .xlsx: theo đơn vị trực thuộc, theo cấp, so với kỳ trước',
      querystring: reportQuery, response: { ...errors(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const q = req.query;
    const report = await settle(ctx, req, await buildReport(ctx, actor, { unitCode: q.unit, period: periodOf(q), withPriorChildren: true }));
    const file = await reportXlsx(report, { priorChildren: priorChildren(report) });
    await audit(actor, report, 'xlsx', req.ip);
    return reply.type(XLSX).header('content-disposition', attachment(`${reportFileBase(report)}.xlsx`)).header('cache-control', 'no-store').send(file as never);
  });
};
