// HTTP routes of supervision and social critique: validate → check access (in the service) → service → present.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor, settle, type AppContext } from '../../platform/http.ts';
import { errors } from '../../platform/schemas.ts';
import * as service from './supervision.service.ts';
import * as critique from './supervision.critique.ts';
import * as repo from './supervision.repository.ts';
import { presentDrafts, presentProgrammes, presentVisits } from './supervision.presenter.ts';
import {
  cancelBody, draft, draftBody, draftList, idParams, listQuery, opinionsBody, programme, programmeBody, programmeList, recordBody,
  responsesBody, sessionBody, visit, visitBody, visitList,
} from './supervision.schemas.ts';
import type { Actor } from '../../platform/access.ts';

const tags = ['Giám sát, phản biện xã hội (supervision)'];

export const supervisionRoutes = (ctx: AppContext): FastifyPluginAsync => async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const oneVisit = async (actor: Actor, id: string) => (await presentVisits(ctx, actor, [(await repo.findVisit(ctx.database.db, id))!]))[0];
  const oneDraft = async (actor: Actor, id: string) => (await presentDrafts(ctx, actor, [(await repo.findDraft(ctx.database.db, id))!]))[0];

  // ——— Programmes ———

  r.get('/supervision/programmes', {
    schema: { tags, summary: 'Chương trình giám sát hằng năm của Mặt trận và các tổ chức chính trị - xã hội của một đơn vị', querystring: listQuery, response: { 200: programmeList, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await settle(ctx, req, await service.listProgrammes(ctx, actor, req.query));
    return { items: await presentProgrammes(ctx, actor, rows) };
  });

  r.post('/supervision/programmes', {
    schema: { tags, summary: 'Thêm chương trình giám sát của một năm', body: programmeBody, response: { 201: programme, ...errors(400, 401, 403, 404) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const p = await settle(ctx, req, await service.createProgramme(ctx, actor, req.body, req.ip));
    return reply.code(201).send((await presentProgrammes(ctx, actor, [p]))[0]);
  });

  // ——— Supervisions ———

  r.get('/supervision/visits', {
    schema: { tags, summary: 'Các cuộc giám sát của một đơn vị, với kiến nghị, số vụ việc và tình trạng trả lời', querystring: listQuery, response: { 200: visitList, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await settle(ctx, req, await service.listVisits(ctx, actor, req.query));
    return { items: await presentVisits(ctx, actor, rows) };
  });

  r.get('/supervision/visits/:id', {
    schema: { tags, summary: 'Một cuộc giám sát (vụ việc từ kiến nghị giám sát dẫn về đây)', params: idParams, response: { 200: visit, ...errors(401, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    const v = await settle(ctx, req, await service.getVisit(ctx, actor, req.params.id));
    return (await presentVisits(ctx, actor, [v]))[0];
  });

  r.post('/supervision/visits', {
    schema: { tags, summary: 'Lập kế hoạch một cuộc giám sát', body: visitBody, response: { 201: visit, ...errors(400, 401, 403, 404) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const v = await settle(ctx, req, await service.planVisit(ctx, actor, req.body, req.ip));
    return reply.code(201).send(await oneVisit(actor, v.id));
  });

  r.post('/supervision/visits/:id/record', {
    schema: {
      tags, summary: 'Ghi kết quả giám sát: ngày, nội dung phát hiện và các kiến nghị (mỗi kiến nghị thành một vụ việc giao cơ quan chịu giám sát trả lời)',
      params: idParams, body: recordBody, response: { 200: visit, ...errors(400, 401, 403, 404, 409, 503) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    await settle(ctx, req, await service.recordVisit(ctx, actor, req.params.id, req.body, req.ip));
    return oneVisit(actor, req.params.id);
  });

  r.post('/supervision/visits/:id/cancel', {
    schema: { tags, summary: 'Ghi nhận cuộc giám sát không diễn ra, với lý do', params: idParams, body: cancelBody, response: { 200: visit, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => {
    const actor = requireActor(req);
    await settle(ctx, req, await service.cancelVisit(ctx, actor, req.params.id, req.body, req.ip));
    return oneVisit(actor, req.params.id);
  });

  // ——— Social critique ———

  r.get('/critique/drafts', {
    schema: { tags, summary: 'Dự thảo được phản biện ở một đơn vị (hoặc do cơ quan của đơn vị soạn thảo), với các buổi phản biện, ý kiến và việc tiếp thu, giải trình', querystring: listQuery, response: { 200: draftList, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await settle(ctx, req, await critique.listDrafts(ctx, actor, req.query));
    return { items: await presentDrafts(ctx, actor, rows) };
  });

  r.post('/critique/drafts', {
    schema: { tags, summary: 'Ghi nhận một dự thảo được gửi lấy ý kiến phản biện', body: draftBody, response: { 201: draft, ...errors(400, 401, 403, 404) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const d = await settle(ctx, req, await critique.createDraft(ctx, actor, req.body, req.ip));
    return reply.code(201).send(await oneDraft(actor, d.id));
  });

  r.post('/critique/drafts/:id/sessions', {
    schema: { tags, summary: 'Ghi một buổi phản biện (hội nghị, văn bản, đối thoại) với các ý kiến nêu ra', params: idParams, body: sessionBody, response: { 201: draft, ...errors(400, 401, 403, 404) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await settle(ctx, req, await critique.addSession(ctx, actor, req.params.id, req.body, req.ip));
    return reply.code(201).send(await oneDraft(actor, req.params.id));
  });

  r.post('/critique/sessions/:id/opinions', {
    schema: { tags, summary: 'Bổ sung ý kiến phản biện vào một buổi phản biện', params: idParams, body: opinionsBody, response: { 201: draft, ...errors(400, 401, 403, 404) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await settle(ctx, req, await critique.addOpinions(ctx, actor, req.params.id, req.body, req.ip));
    const session = (await repo.findSession(ctx.database.db, req.params.id))!;
    return reply.code(201).send(await oneDraft(actor, session.draftId));
  });

  r.post('/critique/drafts/:id/responses', {
    schema: { tags, summary: 'Cơ quan soạn thảo tiếp thu, tiếp thu một phần hoặc giải trình từng ý kiến phản biện', params: idParams, body: responsesBody, response: { 200: draft, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    await settle(ctx, req, await critique.respond(ctx, actor, req.params.id, req.body, req.ip));
    return oneDraft(actor, req.params.id);
  });
};
