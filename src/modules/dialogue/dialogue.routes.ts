// HTTP routes of dialogue conferences: validate → check access (in the service) → service → present.
// Officials work under /api/dialogue; residents read the calendar and results under /api/public/conferences.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor, settle, type AppContext } from '../../platform/http.ts';
import { errors } from '../../platform/schemas.ts';
import { unitNames } from '../units/index.ts';
import type { OrganisationRow } from '../organisations/index.ts';
import * as service from './dialogue.service.ts';
import { publicCalendar, publicConference } from './dialogue.public.ts';
import { presentDetail, presentPublic, presentPublicDetail, presentSummaries } from './dialogue.presenter.ts';
import {
  conferenceDetail, conferenceList, idParams, listQuery, notHeldBody, organisationChoices, organisationsQuery, planBody, planPatch,
  publicConferenceDetail, publicConferenceList, publicListQuery, publishBody, recordBody,
} from './dialogue.schemas.ts';

const tags = ['Hội nghị tiếp xúc, đối thoại (dialogue)'];
const publicTags = ['Hội nghị tiếp xúc, đối thoại — người dân (public dialogue)'];

export const dialogueRoutes = (ctx: AppContext): FastifyPluginAsync => async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ——— Residents ———

  r.get('/public/conferences', {
    schema: { tags: publicTags, summary: 'Lịch hội nghị tiếp xúc, đối thoại đã công bố (sắp tới và đã tổ chức) của một đơn vị, cấp dưới và cấp trên', querystring: publicListQuery, response: { 200: publicConferenceList, ...errors(400, 404) } },
    config: { public: true },
  }, async (req) => ({ items: await presentPublic(ctx, await settle(ctx, req, await publicCalendar(ctx, req.query))) }));

  r.get('/public/conferences/:id', {
    schema: { tags: publicTags, summary: 'Kết quả một hội nghị: kiến nghị đã nêu (theo nhóm, không nêu tên cá nhân), đã trả lời tại hội nghị, đang giải quyết và hạn, đã giải quyết', params: idParams, response: { 200: publicConferenceDetail, ...errors(400, 404) } },
    config: { public: true },
  }, async (req) => presentPublicDetail(ctx, await settle(ctx, req, await publicConference(ctx, req.params.id))));

  // ——— Officials ———

  r.get('/dialogue/conferences', {
    schema: { tags, summary: 'Các hội nghị trong phạm vi, mới nhất trước', querystring: listQuery, response: { 200: conferenceList, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    const { rows, total } = await settle(ctx, req, await service.listConferences(ctx, actor, req.query));
    return { items: await presentSummaries(ctx, rows), total, limit: req.query.limit, offset: req.query.offset };
  });

  r.post('/dialogue/conferences', {
    schema: { tags, summary: 'Lập kế hoạch một hội nghị tiếp xúc, đối thoại', body: planBody, response: { 201: conferenceDetail, ...errors(400, 401, 403, 404) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const c = await settle(ctx, req, await service.planConference(ctx, actor, req.body, req.ip));
    return reply.code(201).send(await presentDetail(ctx, actor, c));
  });

  r.get('/dialogue/conferences/:id', {
    schema: { tags, summary: 'Một hội nghị với các kiến nghị và vụ việc theo dõi', params: idParams, response: { 200: conferenceDetail, ...errors(400, 401, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    return presentDetail(ctx, actor, await settle(ctx, req, await service.getConference(ctx, actor, req.params.id)));
  });

  r.patch('/dialogue/conferences/:id', {
    schema: { tags, summary: 'Sửa kế hoạch (khi chưa ghi kết quả)', params: idParams, body: planPatch, response: { 200: conferenceDetail, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => {
    const actor = requireActor(req);
    return presentDetail(ctx, actor, await settle(ctx, req, await service.updatePlan(ctx, actor, req.params.id, req.body, req.ip)));
  });

  r.post('/dialogue/conferences/:id/publish', {
    schema: { tags, summary: 'Đăng hoặc gỡ hội nghị khỏi lịch và trang kết quả của cổng thông tin', params: idParams, body: publishBody, response: { 200: conferenceDetail, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    return presentDetail(ctx, actor, await settle(ctx, req, await service.setPublished(ctx, actor, req.params.id, req.body.published, req.ip)));
  });

  r.post('/dialogue/conferences/:id/record', {
    schema: {
      tags, summary: 'Ghi kết quả hội nghị đã tổ chức: số người dự, các kiến nghị (trả lời tại hội nghị, hoặc chuyển thành vụ việc có cơ quan giải quyết và hạn)',
      params: idParams, body: recordBody, response: { 200: conferenceDetail, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    return presentDetail(ctx, actor, await settle(ctx, req, await service.recordHeld(ctx, actor, req.params.id, req.body, req.ip)));
  });

  r.post('/dialogue/conferences/:id/not-held', {
    schema: { tags, summary: 'Ghi nhận hội nghị không tổ chức được, với lý do', params: idParams, body: notHeldBody, response: { 200: conferenceDetail, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => {
    const actor = requireActor(req);
    return presentDetail(ctx, actor, await settle(ctx, req, await service.recordNotHeld(ctx, actor, req.params.id, req.body.reason, req.ip)));
  });

  r.get('/dialogue/organisations', {
    schema: { tags, summary: 'Cơ quan có thể chủ trì hội nghị của một đơn vị, và cơ quan có thể được giao giải quyết kiến nghị', querystring: organisationsQuery, response: { 200: organisationChoices, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    const out = await settle(ctx, req, await service.organisationChoices(ctx, actor, req.query.unit));
    const names = await unitNames(ctx, [...out.owners, ...out.organisers].map((o) => o.unitCode));
    const present = (o: OrganisationRow) => ({ id: o.id, name: o.name, kind: o.kind, unit: { code: o.unitCode, name: names.get(o.unitCode) ?? o.unitCode } });
    return { organisers: out.organisers.map(present), owners: out.owners.map(present) };
  });
};
