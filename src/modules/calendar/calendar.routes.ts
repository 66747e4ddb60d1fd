// HTTP routes of the working-day calendar: public look-ups (days off, deadlines, lunar dates) and the administrators' adjustments. validate → check access → service → present.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, settle, type AppContext } from '../../platform/http.ts';
import { errors } from '../../platform/schemas.ts';
import * as service from './calendar.service.ts';
import { presentAdjustment } from './calendar.presenter.ts';
import {
  addQuery, addResult, adjustment, adjustmentBody, adjustmentList, adjustmentQuery, holidayList, holidayQuery, idParams, lunar, lunarQuery,
} from './calendar.schemas.ts';

const tags = ['Lịch làm việc (calendar)'];

export const calendarRoutes = (ctx: AppContext): FastifyPluginAsync => async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Loaded before the first request, so that no caller ever waits for it inside a transaction. A failure here
  // (tables not migrated) is left to the first use to report.
  await service.calendarOf(ctx).catch(() => undefined);

  r.get('/calendar/holidays', {
    schema: { tags, summary: 'Các ngày nghỉ lễ, Tết, nghỉ bù trong năm', querystring: holidayQuery, response: { 200: holidayList, ...errors(400) } },
    config: { public: true },
  }, async (req) => {
    const year = await settle(ctx, req, service.yearOf(req.query.year));
    return { year, ...(await service.holidays(ctx, year)) };
  });

  r.get('/calendar/add', {
    schema: { tags, summary: 'Ngày kết thúc của một thời hạn (ngày làm việc hoặc ngày theo lịch)', querystring: addQuery, response: { 200: addResult, ...errors(400) } },
    config: { public: true },
  }, async (req) => ({ date: await settle(ctx, req, await service.addDays(ctx, req.query.from, req.query.days, req.query.unit)) }));

  r.get('/calendar/lunar', {
    schema: { tags, summary: 'Ngày âm lịch của một ngày dương lịch', querystring: lunarQuery, response: { 200: lunar, ...errors(400) } },
    config: { public: true },
  }, async (req) => settle(ctx, req, service.lunarDate(req.query.date)));

  r.get('/calendar/adjustments', {
    schema: { tags, summary: 'Các điều chỉnh lịch theo quyết định hằng năm', querystring: adjustmentQuery, response: { 200: adjustmentList, ...errors(400, 401, 403) } },
  }, async (req) => {
    const actor = requireActor(req);
    const year = req.query.year === undefined ? undefined : await settle(ctx, req, service.yearOf(req.query.year));
    const { rows, canManage } = await settle(ctx, req, await service.listAdjustments(ctx, actor, year));
    return { canManage, items: rows.map(presentAdjustment) };
  });

  r.post('/calendar/adjustments', {
    schema: { tags, summary: 'Thêm một điều chỉnh (quản trị viên trung ương)', body: adjustmentBody, response: { 201: adjustment, ...errors(400, 401, 403, 409) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const row = await settle(ctx, req, await service.createAdjustment(ctx, actor, req.body, req.ip));
    return reply.code(201).send(presentAdjustment(row));
  });

  r.delete('/calendar/adjustments/:id', {
    schema: { tags, summary: 'Xóa một điều chỉnh (quản trị viên trung ương)', params: idParams, response: { 204: z.null(), ...errors(400, 401, 403, 404) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await settle(ctx, req, await service.deleteAdjustment(ctx, actor, req.params.id, req.ip));
    return reply.code(204).send(null);
  });
};
