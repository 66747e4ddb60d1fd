// HTTP routes for organisations: validate → check access → service → present.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor, settle, type AppContext } from '../../platform/http.ts';
import { errors } from '../../platform/schemas.ts';
import { unitNames } from '../units/index.ts';
import * as service from './organisations.service.ts';
import { presentOrganisation } from './organisations.presenter.ts';
import { createBody, idParams, listQuery, organisation, organisationList, renameBody } from './organisations.schemas.ts';
import type { OrganisationRow } from './organisations.tables.ts';

const tags = ['Tổ chức (organisations)'];

export const organisationRoutes = (ctx: AppContext): FastifyPluginAsync => async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const present = async (rows: OrganisationRow[], actor: ReturnType<typeof requireActor>) => {
    const names = await unitNames(ctx, rows.map((o) => o.unitCode));
    return rows.map((o) => presentOrganisation(o, names, actor));
  };

  r.get('/organisations', {
    schema: { tags, summary: 'Danh sách tổ chức của một đơn vị', querystring: listQuery, response: { 200: organisationList, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await settle(ctx, req, await service.listOrganisations(ctx, actor, { unitCode: req.query.unit?.toUpperCase(), subtree: req.query.subtree, includeInactive: req.query.includeInactive }));
    return { items: await present(rows, actor) };
  });

  r.get('/organisations/:id', {
    schema: { tags, summary: 'Một tổ chức', params: idParams, response: { 200: organisation, ...errors(400, 401, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    const row = await settle(ctx, req, await service.getOrganisation(ctx, actor, req.params.id));
    return (await present([row], actor))[0];
  });

  r.post('/organisations', {
    schema: { tags, summary: 'Tạo tổ chức', body: createBody, response: { 201: organisation, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const row = await settle(ctx, req, await service.createOrganisation(ctx, actor, { ...req.body, unitCode: req.body.unitCode.toUpperCase() }, req.ip));
    return reply.code(201).send((await present([row], actor))[0]);
  });

  r.patch('/organisations/:id', {
    schema: { tags, summary: 'Đổi tên tổ chức', params: idParams, body: renameBody, response: { 200: organisation, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => {
    const actor = requireActor(req);
    const row = await settle(ctx, req, await service.renameOrganisation(ctx, actor, req.params.id, req.body.name, req.ip));
    return (await present([row], actor))[0];
  });

  for (const [path, active, summary] of [['deactivate', false, 'Cho ngừng hoạt động'], ['activate', true, 'Cho hoạt động trở lại']] as const) {
    r.post(`/organisations/:id/${path}`, {
      schema: { tags, summary, params: idParams, response: { 200: organisation, ...errors(400, 401, 403, 404, 409) } },
    }, async (req) => {
      const actor = requireActor(req);
      const row = await settle(ctx, req, await service.setOrganisationActive(ctx, actor, req.params.id, active, req.ip));
      return (await present([row], actor))[0];
    });
  }
};
