// HTTP routes of the import: templates, check or import a file (multipart), the history, undo. Validate → authorise
// (in the service) → service → present.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { AppError, problemBody } from '../../platform/errors.ts';
import { requireActor, settle, type AppContext } from '../../platform/http.ts';
import { errors } from '../../platform/schemas.ts';
import * as service from './imports.service.ts';
import { presentBatches } from './imports.presenter.ts';
import { batch, batchList, idParams, listQuery, rejected, report, templateParams } from './imports.schemas.ts';

const tags = ['Nhập dữ liệu các năm trước (imports)'];
/** The largest file accepted: a few thousand rows of a unit's registers fit well below it. */
export const IMPORT_MAX_BYTES = 5 * 1_048_576;

export const importRoutes = (ctx: AppContext): FastifyPluginAsync => async (app) => {
  await app.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 4, fieldSize: 1000, parts: 5 } });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/imports/templates/:name', {
    schema: { tags, summary: 'Tải tệp mẫu: bảng tính .xlsx (Hội nghị, Kiến nghị, Giám sát, hướng dẫn, danh mục) hoặc một tệp .csv UTF-8 cho mỗi trang', params: templateParams, response: { ...errors(400, 401) } },
  }, async (req, reply) => {
    requireActor(req);
    const t = await service.template(ctx, req.params.name);
    return reply.type(t.type).header('content-disposition', `attachment; filename="${t.name}"`).header('cache-control', 'no-store').send(t.bytes as never);
  });

  r.post('/imports', {
    schema: {
      tags,
      summary: 'Kiểm tra (dryRun=true) hoặc nhập một tệp .xlsx/.csv vào một đơn vị: kiểm tra mọi dòng; có dòng lỗi thì không ghi gì',
      description: 'multipart/form-data: trường "unit" (mã đơn vị nhập vào), "dryRun" ("true" để chỉ kiểm tra), rồi tệp ở trường "file". Loại tệp được nhận biết theo nội dung. Trả về báo cáo: 200 khi kiểm tra, 201 khi đã nhập, 422 (kèm báo cáo) khi có dòng bị từ chối.',
      consumes: ['multipart/form-data'],
      response: { 200: report, 201: report, 422: rejected, ...errors(400, 401, 403, 404, 409, 413, 415) },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (!req.isMultipart()) throw new AppError('import_file_missing');
    const fields: Record<string, string> = {};
    let file: { name: string; bytes: Buffer } | null = null;
    try {
      for await (const part of req.parts()) {
        if (part.type === 'field') fields[part.fieldname] = String(part.value);
        else if (part.fieldname === 'file' && !file) file = { name: part.filename.normalize('NFC').slice(0, 200) || 'tep-nhap', bytes: await part.toBuffer() };
        else await part.toBuffer();
      }
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('import_file_too_large', { limit: `${IMPORT_MAX_BYTES / 1_048_576} MB` });
      if (err instanceof AppError) throw err;
      // A cut-off or malformed upload (or more parts than one file and its fields) is the client's.
      req.log.info({ err }, 'malformed import upload');
      throw new AppError('validation_failed');
    }
    const unit = z.string().trim().min(1).max(16).safeParse(fields.unit);
    if (!unit.success) throw new AppError('validation_failed', {}, [{ field: 'unit', code: 'required', message: req.lang === 'vi' ? 'Cần chọn đơn vị nhập dữ liệu.' : 'Choose the unit to import into.' }]);
    if (!file || file.bytes.length === 0) throw new AppError('import_file_missing');
    const dryRun = fields.dryRun === 'true' || fields.dryRun === '1';
    const out = await settle(ctx, req, await service.importFile(ctx, actor, { unitCode: unit.data.toUpperCase(), dryRun, name: file.name, bytes: file.bytes }, req.lang, req.ip));
    if (dryRun) return reply.code(200).send(out);
    if (!out.ok) {
      return reply.code(422).type('application/problem+json; charset=utf-8')
        .send({ ...problemBody('import_rows_rejected', req.lang, { count: out.issueCount }), report: out });
    }
    return reply.code(201).send(out);
  });

  r.get('/imports', {
    schema: { tags, summary: 'Các lần nhập dữ liệu trong phạm vi, mới nhất trước', querystring: listQuery, response: { 200: batchList, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    const { rows, total } = await settle(ctx, req, await service.listImports(ctx, actor, req.query));
    return { items: await presentBatches(ctx, actor, rows), total, limit: req.query.limit, offset: req.query.offset };
  });

  r.post('/imports/:id/undo', {
    schema: { tags, summary: 'Hoàn tác một lần nhập: xóa các bản ghi đã nhập, nếu chưa bản ghi nào bị sửa hay có dữ liệu mới gắn vào', params: idParams, response: { 200: batch, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => {
    const actor = requireActor(req);
    const row = await settle(ctx, req, await service.undoImport(ctx, actor, req.params.id, req.ip));
    return (await presentBatches(ctx, actor, [row]))[0];
  });
};
