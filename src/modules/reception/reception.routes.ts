// HTTP routes of citizen reception: validate → check access (in the service) → service → present.
// Residents read schedules and book under /api/public/reception; officials work under /api/reception.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { can } from '../../platform/access.ts';
import { requireActor, settle, type AppContext } from '../../platform/http.ts';
import { enforce } from '../../platform/ratelimit.ts';
import { errors } from '../../platform/schemas.ts';
import { unitNames } from '../units/index.ts';
import * as service from './reception.service.ts';
import * as register from './reception.register.ts';
import { exportRegister } from './reception.export.ts';
import { presentBookings, presentPublicSchedules, presentSchedules, presentVisits, visitNames } from './reception.presenter.ts';
import { NOTICE_REQUIRED, REFUSAL_GROUNDS, REFUSAL_TEXT } from './reception.rules.ts';
import type { VisitRow } from './reception.tables.ts';
import type { Actor } from '../../platform/access.ts';
import {
  attended, booking, bookingBody, bookingCreated, bookingList, bookingQuery, caseBody, caseLink, deviceHeader, idParams, publicScheduleQuery,
  publicSchedules, refusalBody, refusalGrounds, schedule, scheduleBody, scheduleList, scheduleListQuery, schedulePatch, visit, visitBody,
  visitList, visitPatch, visitRangeQuery,
} from './reception.schemas.ts';

const tags = ['Tiếp công dân (reception)'];
const publicTags = ['Tiếp công dân — người dân (public reception)'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const receptionRoutes = (ctx: AppContext): FastifyPluginAsync => async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const visitsOut = async (actor: Actor, rows: VisitRow[]) =>
    presentVisits(actor, rows, await visitNames(ctx, rows), (v) => !v.caseId && can(actor, register.CASE_CREATE, v));

  // ——— Residents ———

  r.get('/public/reception/schedules', {
    schema: { tags: publicTags, summary: 'Lịch tiếp công dân của một đơn vị và các cấp trên, với các lượt còn chỗ trong 30 ngày tới', querystring: publicScheduleQuery, response: { 200: publicSchedules, ...errors(400, 404) } },
    config: { public: true },
  }, async (req) => {
    const { schedules, slots } = await settle(ctx, req, await service.publicSchedules(ctx, req.query.unit));
    return { items: await presentPublicSchedules(ctx, schedules, slots, req.lang) };
  });

  r.post('/public/reception/bookings', {
    schema: {
      tags: publicTags, summary: 'Đặt lịch gặp lãnh đạo trong một lượt tiếp (giới hạn số lần đặt mỗi giờ theo địa chỉ IP và thiết bị)',
      headers: deviceHeader, body: bookingBody, response: { 201: bookingCreated, ...errors(400, 404, 409, 429) },
    },
    config: { public: true },
  }, async (req, reply) => {
    const deviceId = req.headers['x-device-id'] as string | undefined;
    const max = ctx.config.BOOKING_PER_HOUR;
    await enforce(ctx.database.db, [
      { bucket: 'reception.booking.ip', key: req.ip, max, windowSeconds: 3600 },
      ...(deviceId ? [{ bucket: 'reception.booking.device', key: deviceId, max, windowSeconds: 3600 }] : []),
    ], req.lang);
    const { booking: b, schedule: s } = await settle(ctx, req, await service.book(ctx, req.body, { ip: req.ip, deviceId }));
    const names = await unitNames(ctx, [s.unitCode]);
    return reply.code(201).send({
      code: b.code, slotStart: b.slotStart.toISOString(), slotEnd: b.slotEnd.toISOString(), place: s.place,
      leaderName: s.leaderName, leaderTitle: s.leaderTitle, unit: { code: s.unitCode, name: names.get(s.unitCode) ?? s.unitCode },
    });
  });

  // ——— Schedules ———

  r.get('/reception/schedules', {
    schema: { tags, summary: 'Lịch tiếp công dân của một đơn vị, với cảnh báo khi thấp hơn tần suất luật định', querystring: scheduleListQuery, response: { 200: scheduleList, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await settle(ctx, req, await service.listSchedules(ctx, actor, req.query.unit, req.query.includeInactive));
    return { items: await presentSchedules(ctx, actor, rows, req.lang) };
  });

  r.post('/reception/schedules', {
    schema: { tags, summary: 'Thêm lịch tiếp công dân định kỳ', body: scheduleBody, response: { 201: schedule, ...errors(400, 401, 403, 404) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const s = await settle(ctx, req, await service.createSchedule(ctx, actor, req.body, req.ip));
    return reply.code(201).send((await presentSchedules(ctx, actor, [s], req.lang))[0]);
  });

  r.patch('/reception/schedules/:id', {
    schema: { tags, summary: 'Sửa lịch tiếp công dân', params: idParams, body: schedulePatch, response: { 200: schedule, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = await settle(ctx, req, await service.updateSchedule(ctx, actor, req.params.id, req.body, req.ip));
    return (await presentSchedules(ctx, actor, [s], req.lang))[0];
  });

  for (const [path, active] of [['deactivate', false], ['activate', true]] as const) {
    r.post(`/reception/schedules/:id/${path}`, {
      schema: { tags, summary: active ? 'Dùng lại lịch tiếp đã ngừng' : 'Ngừng lịch tiếp (các lượt đã đặt vẫn giữ)', params: idParams, response: { 200: schedule, ...errors(400, 401, 403, 404) } },
    }, async (req) => {
      const actor = requireActor(req);
      const s = await settle(ctx, req, await service.setScheduleActive(ctx, actor, req.params.id, active, req.ip));
      return (await presentSchedules(ctx, actor, [s], req.lang))[0];
    });
  }

  // ——— Bookings ———

  r.get('/reception/bookings', {
    schema: { tags, summary: 'Lịch hẹn của một đơn vị trong một ngày', querystring: bookingQuery, response: { 200: bookingList, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await settle(ctx, req, await service.listBookings(ctx, actor, req.query.unit, req.query.day));
    const { schedules } = await service.lookups(ctx, rows.map((b) => b.scheduleId), []);
    return { items: presentBookings(actor, rows, schedules) };
  });

  r.post('/reception/bookings/:id/attended', {
    schema: { tags, summary: 'Công dân đến: mở một lượt tiếp trong sổ, điền sẵn từ lịch hẹn', params: idParams, response: { 201: attended, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const out = await settle(ctx, req, await service.markAttended(ctx, actor, req.params.id, req.ip));
    const { schedules } = await service.lookups(ctx, [out.booking.scheduleId], []);
    return reply.code(201).send({ booking: presentBookings(actor, [out.booking], schedules)[0], visit: (await visitsOut(actor, [out.visit]))[0] });
  });

  r.post('/reception/bookings/:id/no-show', {
    schema: { tags, summary: 'Công dân không đến (sau giờ hẹn)', params: idParams, response: { 200: booking, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => {
    const actor = requireActor(req);
    const b = await settle(ctx, req, await service.markNoShow(ctx, actor, req.params.id, req.ip));
    const { schedules } = await service.lookups(ctx, [b.scheduleId], []);
    return presentBookings(actor, [b], schedules)[0];
  });

  // ——— Register ———

  r.get('/reception/visits', {
    schema: { tags, summary: 'Sổ tiếp công dân của một đơn vị trong một khoảng ngày', querystring: visitRangeQuery, response: { 200: visitList, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    const { rows } = await settle(ctx, req, await register.listVisits(ctx, actor, req.query.unit, req.query.from, req.query.to));
    return { items: await visitsOut(actor, rows) };
  });

  r.get('/reception/visits.xlsx', {
    schema: { tags, summary: 'Xuất sổ tiếp công dân (.xlsx) của một đơn vị trong một khoảng ngày', querystring: visitRangeQuery, response: { ...errors(400, 401, 403, 404) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const out = await settle(ctx, req, await exportRegister(ctx, actor, req.query.unit, req.query.from, req.query.to, req.ip));
    return reply.type(XLSX).header('content-disposition', `attachment; filename="${out.name}"`).header('cache-control', 'no-store').send(out.file as never);
  });

  r.post('/reception/visits', {
    schema: { tags, summary: 'Ghi một lượt tiếp vào sổ', body: visitBody, response: { 201: visit, ...errors(400, 401, 403, 404) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const v = await settle(ctx, req, await register.createVisit(ctx, actor, req.body, req.ip));
    return reply.code(201).send((await visitsOut(actor, [v]))[0]);
  });

  r.patch('/reception/visits/:id', {
    schema: { tags, summary: 'Sửa, bổ sung một lượt tiếp (địa chỉ, giấy tờ, phân loại, hướng xử lý, kết quả…)', params: idParams, body: visitPatch, response: { 200: visit, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    const v = await settle(ctx, req, await register.updateVisit(ctx, actor, req.params.id, req.body, req.ip));
    return (await visitsOut(actor, [v]))[0];
  });

  r.post('/reception/visits/:id/refusal', {
    schema: { tags, summary: 'Từ chối tiếp, với căn cứ của Điều 9 Luật Tiếp công dân 2013', params: idParams, body: refusalBody, response: { 200: visit, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => {
    const actor = requireActor(req);
    const v = await settle(ctx, req, await register.refuseVisit(ctx, actor, req.params.id, req.body, req.ip));
    return (await visitsOut(actor, [v]))[0];
  });

  r.post('/reception/visits/:id/case', {
    schema: {
      tags, summary: 'Tạo vụ việc (kênh tiếp công dân) từ một lượt tiếp; gọi lại trả về vụ việc đã tạo', params: idParams, body: caseBody.nullish(),
      response: { 200: caseLink, 201: caseLink, ...errors(400, 401, 403, 404, 409, 503) },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const out = await settle(ctx, req, await register.visitToCase(ctx, actor, req.params.id, req.body ?? {}, req.ip));
    return reply.code(out.created ? 201 : 200).send(out);
  });

  r.get('/reception/refusal-grounds', {
    schema: { tags, summary: 'Các trường hợp được từ chối tiếp (Luật Tiếp công dân 2013, Điều 9)', response: { 200: refusalGrounds, ...errors(401) } },
  }, async (req) => {
    requireActor(req);
    return { items: REFUSAL_GROUNDS.map((code) => ({ code, basis: REFUSAL_TEXT[code], noticeRequired: NOTICE_REQUIRED.includes(code) })) };
  });
};
