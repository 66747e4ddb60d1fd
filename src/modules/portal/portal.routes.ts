// Public routes of the residents' side (no sign-in): send, track, rate, published answers; and the satisfaction figures for officials.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { AppError } from '../../platform/errors.ts';
import { requireActor, settle, type AppContext } from '../../platform/http.ts';
import { errors } from '../../platform/schemas.ts';
import { zodFieldErrors } from '../../platform/validation.ts';
import { publicAnswers } from '../cases/index.ts';
import * as service from './portal.service.ts';
import { answerList, answersQuery, rateBody, receipt, satisfaction, satisfactionQuery, submitBody, trackBody, trackView, type SubmitBody } from './portal.schemas.ts';

const tags = ['Người dân (public)'];
const KEY = /^[A-Za-z0-9_-]{8,100}$/;
const DEVICE = /^[A-Za-z0-9_-]{8,100}$/;

const header = (req: FastifyRequest, name: string) => {
  const v = req.headers[name];
  return typeof v === 'string' ? v.trim() : undefined;
};

/** Parses and validates the JSON body of a multipart submission the way a JSON one is (same field errors). */
function parseSubmission(raw: unknown, lang: 'vi' | 'en'): SubmitBody {
  const parsed = submitBody.safeParse(raw);
  if (!parsed.success) throw new AppError('validation_failed', {}, zodFieldErrors(parsed.error.issues, lang));
  return parsed.data;
}

export const portalRoutes = (ctx: AppContext): FastifyPluginAsync => async (app) => {
  await app.register(multipart, {
    limits: { fileSize: ctx.config.ATTACHMENT_MAX_BYTES, files: ctx.config.PORTAL_PUBLIC_FILES + 1, fields: 4, fieldSize: 64 * 1024, parts: ctx.config.PORTAL_PUBLIC_FILES + 2 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/public/cases', {
    config: { public: true },
    schema: {
      tags, summary: 'Người dân gửi kiến nghị, phản ánh, khiếu nại, tố cáo (JSON, hoặc multipart: trường "data" là JSON, các tệp ở trường "files")',
      description: 'Tiêu đề Idempotency-Key (bắt buộc) chống tạo đơn trùng khi gửi lại; X-Device-Id (tùy chọn) để giới hạn theo thiết bị. Gửi lại cùng khóa và cùng nội dung trả về biên nhận cũ (200).',
      consumes: ['application/json', 'multipart/form-data'],
      response: { 200: receipt, 201: receipt, ...errors(400, 404, 409, 413, 415, 429, 503) },
    },
  }, async (req, reply) => {
    const idempotencyKey = header(req, 'idempotency-key');
    if (!idempotencyKey || !KEY.test(idempotencyKey)) throw new AppError('idempotency_key_required');
    const deviceId = header(req, 'x-device-id');
    let body: SubmitBody;
    const files: service.Upload[] = [];
    if (req.isMultipart()) {
      let raw: unknown;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'field') {
            if (part.fieldname !== 'data') continue;
            try { raw = JSON.parse(String(part.value)); } catch { throw new AppError('invalid_json'); }
          } else {
            if (part.fieldname !== 'files') { await part.toBuffer(); continue; }
            if (files.length >= ctx.config.PORTAL_PUBLIC_FILES) throw new AppError('too_many_files', { max: ctx.config.PORTAL_PUBLIC_FILES });
            files.push({ name: part.filename.normalize('NFC').slice(0, 200), bytes: await part.toBuffer() });
          }
        }
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('attachment_too_large', { limit: `${Math.round(ctx.config.ATTACHMENT_MAX_BYTES / 1_048_576)} MB` });
        if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') throw new AppError('too_many_files', { max: ctx.config.PORTAL_PUBLIC_FILES });
        // Anything else here is the body itself being malformed (a cut-off upload, too many fields).
        if (!(err instanceof AppError)) {
          req.log.info({ err }, 'malformed multipart submission');
          throw new AppError('validation_failed');
        }
        throw err;
      }
      body = parseSubmission(raw, req.lang);
    } else {
      body = parseSubmission(req.body, req.lang);
    }
    const out = await settle(ctx, req, await service.submit(ctx, body, {
      via: 'portal', ip: req.ip, deviceId: deviceId && DEVICE.test(deviceId) ? deviceId : null, idempotencyKey, files, lang: req.lang,
    }));
    return reply.code(out.replayed ? 200 : 201).send(out.receipt);
  });

  r.post('/public/track', {
    config: { public: true },
    schema: { tags, summary: 'Theo dõi đơn bằng mã tra cứu và mã bí mật', body: trackBody, response: { 200: trackView, ...errors(400, 404, 429) } },
  }, async (req) => settle(ctx, req, await service.track(ctx, req.body.code, req.body.secret, req.ip, req.lang)));

  r.post('/public/track/rating', {
    config: { public: true },
    schema: { tags, summary: 'Đánh giá mức độ hài lòng sau khi đơn được trả lời', body: rateBody, response: { 200: trackView, ...errors(400, 404, 409, 429) } },
  }, async (req) => settle(ctx, req, await service.rate(ctx, req.body, req.ip, req.lang)));

  r.get('/public/answers', {
    config: { public: true },
    schema: { tags, summary: 'Các câu trả lời được công khai (tìm không dấu, lọc theo lĩnh vực và địa bàn); không có thông tin cá nhân', querystring: answersQuery, response: { 200: answerList, ...errors(400) } },
  }, async (req, reply) => {
    reply.header('cache-control', 'public, max-age=60');
    return publicAnswers(ctx, req.query);
  });

  r.get('/satisfaction', {
    schema: { tags: ['Vụ việc (cases)'], summary: 'Mức độ hài lòng của người dân với việc giải quyết của một đơn vị (và cấp dưới)', querystring: satisfactionQuery, response: { 200: satisfaction, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    return settle(ctx, req, await service.satisfactionOf(ctx, actor, req.query));
  });
};
