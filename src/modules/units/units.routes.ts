// Public, stable API of administrative units: one unit, its children, search by name.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor, settle, type AppContext } from '../../platform/http.ts';
import { AppError } from '../../platform/errors.ts';
import { errors } from '../../platform/schemas.ts';
import * as service from './units.service.ts';
import { presentUnit } from './units.presenter.ts';
import { codeParams, dateQuery, remoteBody, searchQuery, unit, unitList } from './units.schemas.ts';

const tags = ['Đơn vị hành chính (units)'];

export const unitRoutes = (ctx: AppContext): FastifyPluginAsync => async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/units', {
    schema: { tags, summary: 'Tìm đơn vị theo tên hoặc mã', querystring: searchQuery, response: { 200: unitList, ...errors(400) } },
    config: { public: true },
  }, async (req) => {
    const found = await service.searchUnits(ctx, req.query.q, req.query.limit, req.query.date);
    return { items: found.map(presentUnit) };
  });

  r.get('/units/:code', {
    schema: { tags, summary: 'Một đơn vị hành chính', params: codeParams, querystring: dateQuery, response: { 200: unit, ...errors(400, 404) } },
    config: { public: true },
  }, async (req) => {
    const view = await service.getUnit(ctx, req.params.code.toUpperCase(), req.query.date);
    if (!view) throw new AppError('unit_not_found', { code: req.params.code });
    return presentUnit(view);
  });

  r.get('/units/:code/children', {
    schema: { tags, summary: 'Các đơn vị trực thuộc đang có hiệu lực', params: codeParams, querystring: dateQuery, response: { 200: unitList, ...errors(400, 404) } },
    config: { public: true },
  }, async (req) => {
    const children = await service.listChildren(ctx, req.params.code.toUpperCase(), req.query.date);
    if (!children) throw new AppError('unit_not_found', { code: req.params.code });
    return { items: children.map((u) => presentUnit({ unit: u, ancestors: [] })) };
  });

  r.put('/units/:code/remote-area', {
    schema: { tags, summary: 'Đánh dấu vùng sâu, vùng xa (quản trị viên của đơn vị hoặc cấp trên)', params: codeParams, body: remoteBody, response: { 200: unit, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const view = await settle(ctx, req, await service.setRemoteArea(ctx, requireActor(req), req.params.code.toUpperCase(), req.body.remoteArea, req.ip));
    return presentUnit(view);
  });
};
