// HTTP routes of the case core: validate → check access (in the service) → service → present.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { can, scopesFor } from '../../platform/access.ts';
import { AppError } from '../../platform/errors.ts';
import { requireActor, settle, type AppContext } from '../../platform/http.ts';
import { errors } from '../../platform/schemas.ts';
import { getUnit } from '../units/index.ts';
import { officialsHolding } from '../accounts/index.ts';
import * as service from './cases.service.ts';
import * as admin from './cases.admin.ts';
import * as repo from './cases.repository.ts';
import { addAttachment, readAttachment } from './cases.attachments.ts';
import { caseLetter } from './cases.letters.ts';
import { presentDetail, presentSummaries } from './cases.presenter.ts';
import { CASE_ASSIGN, CASE_READ } from './cases.policy.ts';
import {
  attachmentParams, bulkAssignBody, documentParams, caseDetail, caseList, createBody, eventBody, field, fieldBody, fieldList, fieldPatch, identity,
  idParams, listQuery, ruleList, rule, rulePatch, suggestions, unsealBody,
} from './cases.schemas.ts';

const tags = ['Vụ việc (cases)'];
const adminTags = ['Vụ việc — quản trị (cases admin)'];

export const caseRoutes = (ctx: AppContext): FastifyPluginAsync => async (app) => {
  await app.register(multipart, { limits: { fileSize: ctx.config.ATTACHMENT_MAX_BYTES, files: 1, fields: 4, fieldSize: 1000 } });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/cases', {
    schema: { tags, summary: 'Hộp việc: vụ việc trong phạm vi, khẩn nhất trước', querystring: listQuery, response: { 200: caseList, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    const { rows, total } = await settle(ctx, req, await service.listCases(ctx, actor, req.query));
    return { items: await presentSummaries(ctx, rows), total, limit: req.query.limit, offset: req.query.offset };
  });

  r.post('/cases', {
    schema: { tags, summary: 'Ghi nhận vụ việc nhận qua tiếp công dân, bưu chính, đường dây nóng hoặc chuyển đến', body: createBody, response: { 201: caseDetail, ...errors(400, 401, 403, 404, 503) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const row = await settle(ctx, req, await service.createCase(ctx, actor, req.body, req.ip));
    return reply.code(201).send(await presentDetail(ctx, actor, row));
  });

  r.get('/cases/:id', {
    schema: { tags, summary: 'Một vụ việc với diễn biến, tệp, vụ việc liên quan và các thao tác được phép', params: idParams, response: { 200: caseDetail, ...errors(400, 401, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    return presentDetail(ctx, actor, await settle(ctx, req, await service.getCase(ctx, actor, req.params.id)));
  });

  r.post('/cases/:id/events', {
    schema: { tags, summary: 'Thêm một bước xử lý (phân loại, thụ lý, chuyển, gia hạn, quyết định, trả lời…)', params: idParams, body: eventBody, response: { 200: caseDetail, ...errors(400, 401, 403, 404, 409, 503) } },
  }, async (req) => {
    const actor = requireActor(req);
    const row = await settle(ctx, req, await service.addEvent(ctx, actor, req.params.id, req.body, req.ip));
    return presentDetail(ctx, actor, row);
  });

  r.get('/cases/:id/suggestions', {
    schema: { tags, summary: 'Gợi ý khi phân loại: đơn vị có thẩm quyền, vượt cấp, đơn trùng', params: idParams, response: { 200: suggestions, ...errors(400, 401, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    return settle(ctx, req, await service.suggestionsFor(ctx, actor, req.params.id));
  });

  r.post('/cases/:id/identity', {
    schema: { tags, summary: 'Mở niêm phong danh tính người tố cáo (chỉ cán bộ xử lý của đơn vị chịu trách nhiệm; có ghi nhật ký)', params: idParams, body: unsealBody, response: { 200: identity, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    const p = await settle(ctx, req, await service.unsealIdentity(ctx, actor, req.params.id, req.body.reason, req.ip));
    return { name: p.name ?? null, address: p.address ?? null, phone: p.phone ?? null, email: p.email ?? null, idNumber: p.idNumber ?? null };
  });

  r.post('/cases/assign', {
    schema: { tags, summary: 'Giao nhiều vụ việc cho một cán bộ xử lý', body: bulkAssignBody, response: { 200: z.object({ results: z.array(z.object({ id: z.string(), ok: z.boolean(), code: z.string().optional() })) }), ...errors(400, 401, 403) } },
  }, async (req) => {
    const actor = requireActor(req);
    if (scopesFor(actor, CASE_ASSIGN).length === 0) throw new AppError('forbidden');
    return { results: await service.bulkAssign(ctx, actor, req.body.caseIds, req.body.handlerId, req.ip) };
  });

  r.get('/cases/handlers', {
    schema: { tags, summary: 'Cán bộ xử lý có thể giao việc tại một đơn vị', querystring: z.strictObject({ unit: z.string().min(1).max(16) }), response: { 200: z.object({ items: z.array(z.object({ id: z.string(), fullName: z.string(), unitCode: z.string() })) }), ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    const view = await getUnit(ctx, req.query.unit.toUpperCase());
    if (!view) throw new AppError('unit_not_found', { code: req.query.unit });
    if (!can(actor, CASE_ASSIGN, { unitPath: view.unit.path })) {
      await settle(ctx, req, { ok: false, reason: 'forbidden', denied: { action: CASE_ASSIGN, unitPath: view.unit.path, unitCode: view.unit.code } });
    }
    const items = await officialsHolding(ctx, 'handler', view.unit.path);
    return { items: items.map((h) => ({ id: h.id, fullName: h.fullName, unitCode: h.unitCode })) };
  });

  r.post('/cases/:id/attachments', {
    schema: { tags, summary: 'Đính kèm tệp (ảnh JPEG/PNG/WebP, PDF, Word); loại tệp được kiểm tra theo nội dung', params: idParams, consumes: ['multipart/form-data'], response: { 201: z.object({ id: z.string() }), ...errors(400, 401, 403, 404, 413, 415) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (!req.isMultipart()) throw new AppError('attachment_missing');
    let file: Awaited<ReturnType<typeof req.file>>;
    let bytes: Buffer;
    try {
      file = await req.file();
      if (!file) throw new AppError('attachment_missing');
      bytes = await file.toBuffer();
    } catch (err) {
      if (err instanceof AppError) throw err;
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('attachment_too_large', { limit: `${Math.round(ctx.config.ATTACHMENT_MAX_BYTES / 1_048_576)} MB` });
      // A cut-off or malformed upload is the client's, not ours.
      req.log.info({ err }, 'malformed multipart upload');
      throw new AppError('validation_failed');
    }
    const flag = file.fields.identity as { value?: unknown } | undefined;
    const out = await settle(ctx, req, await addAttachment(ctx, actor, req.params.id, { name: file.filename.normalize('NFC').slice(0, 200), bytes, identity: flag?.value === 'true' }, req.ip));
    return reply.code(201).send(out);
  });

  r.get('/cases/:id/attachments/:attachmentId', {
    schema: { tags, summary: 'Tải tệp đính kèm', params: attachmentParams, response: { ...errors(400, 401, 403, 404) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const a = await settle(ctx, req, await readAttachment(ctx, actor, req.params.id, req.params.attachmentId, req.ip));
    return reply.type(a.mediaType).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.name)}`).send(a.bytes as never);
  });

  r.get('/cases/:id/documents/:document', {
    schema: { tags, summary: 'Giấy biên nhận, phiếu chuyển đơn, văn bản hướng dẫn, văn bản trả lời (.docx theo Nghị định 30/2020)', params: documentParams, response: { ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const doc = await settle(ctx, req, await caseLetter(ctx, actor, req.params.id, req.params.document, req.ip));
    return reply.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="${doc.name}"`).header('cache-control', 'no-store').send(doc.file as never);
  });

  // The field list is public: the portal's form needs it.
  r.get('/case-fields', {
    schema: { tags: adminTags, summary: 'Danh mục lĩnh vực', response: { 200: fieldList } },
  }, async () => ({ items: (await repo.fields(ctx.database.db)).map((f) => ({ code: f.code, name: f.name, level: f.level as 'commune' | 'province', active: f.active })) }));

  r.post('/case-fields', {
    schema: { tags: adminTags, summary: 'Thêm lĩnh vực', body: fieldBody, response: { 201: field, ...errors(400, 401, 403, 409) } },
  }, async (req, reply) => {
    const f = await settle(ctx, req, await admin.createField(ctx, requireActor(req), req.body, req.ip));
    return reply.code(201).send({ code: f.code, name: f.name, level: f.level as 'commune' | 'province', active: f.active });
  });

  r.patch('/case-fields/:code', {
    schema: { tags: adminTags, summary: 'Sửa, ngừng hoặc dùng lại một lĩnh vực', params: z.strictObject({ code: z.string().min(1).max(40) }), body: fieldPatch, response: { 200: field, ...errors(400, 401, 403) } },
  }, async (req) => {
    const f = await settle(ctx, req, await admin.updateField(ctx, requireActor(req), req.params.code, req.body, req.ip));
    return { code: f.code, name: f.name, level: f.level as 'commune' | 'province', active: f.active };
  });

  r.get('/case-rules', {
    schema: { tags: adminTags, summary: 'Các quy định thời hạn và căn cứ pháp lý', response: { 200: ruleList, ...errors(401) } },
  }, async (req) => {
    requireActor(req);
    return { items: (await repo.rules(ctx.database.db)).map((x) => ({ id: x.id, days: x.days, unit: x.unit as 'working' | 'calendar', basis: x.basis })) };
  });

  r.put('/case-rules/:id', {
    schema: { tags: adminTags, summary: 'Sửa một quy định thời hạn', params: z.strictObject({ id: z.string().min(1).max(60) }), body: rulePatch, response: { 200: rule, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const x = await settle(ctx, req, await admin.updateRule(ctx, requireActor(req), req.params.id, req.body, req.ip));
    return { id: x.id, days: x.days, unit: x.unit as 'working' | 'calendar', basis: x.basis };
  });

  const keyList = z.object({ items: z.array(z.object({ id: z.string(), active: z.boolean(), createdAt: z.string(), retiredAt: z.string().nullable() })) });
  const unitParams = z.strictObject({ unitCode: z.string().min(1).max(16) });
  r.get('/case-keys/:unitCode', {
    schema: { tags: adminTags, summary: 'Khóa niêm phong của một đơn vị (không bao giờ trả khóa bí mật)', params: unitParams, response: { 200: keyList, ...errors(400, 401, 403, 404) } },
  }, async (req) => ({ items: await settle(ctx, req, await admin.listKeys(ctx, requireActor(req), req.params.unitCode.toUpperCase())) }));

  r.post('/case-keys/:unitCode/rotate', {
    schema: { tags: adminTags, summary: 'Tạo hoặc thay khóa niêm phong; mọi danh tính đã niêm phong được chuyển sang khóa mới', params: unitParams, response: { 200: z.object({ keyId: z.string(), resealed: z.number() }), ...errors(400, 401, 403, 404) } },
  }, async (req) => settle(ctx, req, await admin.rotateKey(ctx, requireActor(req), req.params.unitCode.toUpperCase(), req.ip)));

  const notification = z.object({ id: z.string(), caseId: z.string().nullable(), kind: z.string(), title: z.string(), createdAt: z.string(), read: z.boolean() });
  r.get('/notifications', {
    schema: { tags, summary: 'Thông báo của tôi (hạn sắp đến, quá hạn)', response: { 200: z.object({ items: z.array(notification), unread: z.number() }), ...errors(401) } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await repo.notificationsOf(ctx.database.db, actor.userId, 100);
    // A case the official can no longer read is not announced to them.
    const readableIds = new Set((await repo.findCases(ctx.database.db, rows.flatMap((n) => (n.caseId ? [n.caseId] : []))))
      .filter((c) => can(actor, CASE_READ, { unitPath: c.responsibleUnitPath }) || can(actor, CASE_READ, { unitPath: c.receivingUnitPath })).map((c) => c.id));
    const items = rows.filter((n) => !n.caseId || readableIds.has(n.caseId))
      .map((n) => ({ id: n.id, caseId: n.caseId, kind: n.kind, title: n.title, createdAt: n.createdAt.toISOString(), read: n.readAt !== null }));
    return { items, unread: items.filter((n) => !n.read).length };
  });

  r.post('/notifications/read', {
    schema: { tags, summary: 'Đánh dấu đã đọc', body: z.strictObject({ ids: z.array(z.uuid()).min(1).max(200) }), response: { 204: z.null(), ...errors(400, 401) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await ctx.database.db.transaction((tx) => repo.markRead(tx, actor.userId, req.body.ids));
    return reply.code(204).send(null);
  });
};
