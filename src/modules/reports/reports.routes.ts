// HTTP routes of report v1: the report of a unit over a period, and the records behind one of its figures.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor, settle, type AppContext } from '../../platform/http.ts';
import { errors } from '../../platform/schemas.ts';
import * as service from './reports.service.ts';
import { periodOf, recordsPage, recordsQuery, report, reportQuery } from './reports.schemas.ts';

const tags = ['Báo cáo tổng kết (reports)'];

export const reportRoutes = (ctx: AppContext): FastifyPluginAsync => async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/reports/summary', {
    schema: {
      tags, summary: 'Báo cáo tổng kết của một đơn vị trong một kỳ, theo cây đơn vị hành chính có hiệu lực trong kỳ, kèm kỳ trước',
      querystring: reportQuery, response: { 200: report, ...errors(400, 401, 403, 404) },
    },
  }, async (req) => {
    const q = req.query;
    return settle(ctx, req, await service.buildReport(ctx, requireActor(req), { unitCode: q.unit, period: periodOf(q) }));
  });

  r.get('/reports/records', {
    schema: {
      tags, summary: 'Các bản ghi sau một số liệu của báo cáo (theo cấp, theo đơn vị trực thuộc), từng trang 50 bản ghi',
      querystring: recordsQuery, response: { 200: recordsPage, ...errors(400, 401, 403, 404) },
    },
  }, async (req) => {
    const q = req.query;
    return settle(ctx, req, await service.listRecords(ctx, requireActor(req), {
      unitCode: q.unit, period: periodOf(q), kind: q.kind, level: q.level, era: q.era, child: q.child?.toUpperCase(), page: q.page,
    }));
  });
};
