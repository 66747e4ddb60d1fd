// HTTP routes for signing in and out and for managing officials' accounts.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../platform/access.ts';
import { requireActor, settle, type AppContext } from '../../platform/http.ts';
import { errors } from '../../platform/schemas.ts';
import { unitNames } from '../units/index.ts';
import * as auth from './accounts.auth.ts';
import * as service from './accounts.service.ts';
import { presentAccount, presentMe } from './accounts.presenter.ts';
import { account, accountList, createBody, idParams, listQuery, loginBody, me, membershipsBody, passwordBody, resetBody, updateBody } from './accounts.schemas.ts';

const authTags = ['Đăng nhập (auth)'];
const tags = ['Tài khoản (accounts)'];

export const accountRoutes = (ctx: AppContext): FastifyPluginAsync => async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const namesFor = (views: service.AccountView[]) =>
    unitNames(ctx, views.flatMap((v) => [...v.organisations.values()].map((o) => o.unitCode)));
  const presentMany = async (views: service.AccountView[], actor: Actor) => {
    const names = await namesFor(views);
    return views.map((v) => presentAccount(v, names, actor));
  };
  const presentOne = async (view: service.AccountView, actor: Actor) => (await presentMany([view], actor))[0];
  const meOf = async (req: FastifyRequest, actor: Actor) => {
    const view = await settle(ctx, req, await service.getAccount(ctx, actor, actor.userId));
    return presentMe(view, await namesFor([view]), actor);
  };

  r.post('/auth/login', {
    schema: { tags: authTags, summary: 'Đăng nhập', body: loginBody, response: { 200: me, ...errors(400, 401, 429) } },
    config: { public: true, rateLimit: { max: ctx.config.LOGIN_RATE_PER_MINUTE, timeWindow: 60_000 } },
  }, async (req, reply) => {
    const result = await settle(ctx, req, await auth.login(ctx, {
      username: req.body.username, password: req.body.password, ip: req.ip, userAgent: req.headers['user-agent'],
    }));
    reply.setCookie(auth.SESSION_COOKIE, result.token, {
      httpOnly: true, secure: ctx.config.COOKIE_SECURE, sameSite: 'lax', path: '/', expires: result.expiresAt,
    });
    const actor: Actor = { userId: result.user.id, username: result.user.username, fullName: result.user.fullName, grants: await auth.grantsOf(ctx, result.user.id) };
    return meOf(req, actor);
  });

  r.post('/auth/logout', {
    schema: { tags: authTags, summary: 'Đăng xuất', response: { 204: z.null(), ...errors(401) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await auth.logout(ctx, actor, req.ip);
    reply.clearCookie(auth.SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  r.get('/auth/me', {
    schema: { tags: authTags, summary: 'Người dùng hiện tại', response: { 200: me, ...errors(401) } },
  }, async (req) => meOf(req, requireActor(req)));

  r.post('/auth/password', {
    schema: { tags: authTags, summary: 'Đổi mật khẩu', body: passwordBody, response: { 204: z.null(), ...errors(400, 401) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await settle(ctx, req, await auth.changePassword(ctx, actor, req.body.currentPassword, req.body.newPassword, req.ip));
    return reply.code(204).send(null);
  });

  r.get('/accounts', {
    schema: { tags, summary: 'Danh sách tài khoản trong phạm vi', querystring: listQuery, response: { 200: accountList, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    const views = await settle(ctx, req, await service.listAccounts(ctx, actor, { unitCode: req.query.unit?.toUpperCase(), q: req.query.q }));
    return { items: await presentMany(views, actor) };
  });

  r.get('/accounts/:id', {
    schema: { tags, summary: 'Một tài khoản', params: idParams, response: { 200: account, ...errors(400, 401, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    return presentOne(await settle(ctx, req, await service.getAccount(ctx, actor, req.params.id)), actor);
  });

  r.post('/accounts', {
    schema: { tags, summary: 'Tạo tài khoản', body: createBody, response: { 201: account, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const view = await settle(ctx, req, await service.createAccount(ctx, actor, req.body, req.ip));
    return reply.code(201).send(await presentOne(view, actor));
  });

  r.patch('/accounts/:id', {
    schema: { tags, summary: 'Sửa thông tin tài khoản', params: idParams, body: updateBody, response: { 200: account, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    return presentOne(await settle(ctx, req, await service.updateAccount(ctx, actor, req.params.id, req.body, req.ip)), actor);
  });

  r.put('/accounts/:id/memberships', {
    schema: { tags, summary: 'Đặt tổ chức và vai trò', params: idParams, body: membershipsBody, response: { 200: account, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => {
    const actor = requireActor(req);
    return presentOne(await settle(ctx, req, await service.setMemberships(ctx, actor, req.params.id, req.body.memberships, req.ip)), actor);
  });

  for (const [path, active, summary] of [['deactivate', false, 'Khóa tài khoản'], ['activate', true, 'Mở lại tài khoản']] as const) {
    r.post(`/accounts/:id/${path}`, {
      schema: { tags, summary, params: idParams, response: { 200: account, ...errors(400, 401, 403, 404, 409) } },
    }, async (req) => {
      const actor = requireActor(req);
      return presentOne(await settle(ctx, req, await service.setAccountActive(ctx, actor, req.params.id, active, req.ip)), actor);
    });
  }

  r.post('/accounts/:id/password', {
    schema: { tags, summary: 'Đặt lại mật khẩu', params: idParams, body: resetBody, response: { 200: account, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const actor = requireActor(req);
    return presentOne(await settle(ctx, req, await service.resetPassword(ctx, actor, req.params.id, req.body.newPassword, req.ip)), actor);
  });
};
