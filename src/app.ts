// Builds the Fastify app from the module list: API under /api with its OpenAPI document, health checks, the web app.
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { installErrorHandling, languageOf, sendProblem, type AppContext } from './platform/http.ts';
import { normaliseStrings } from './platform/text.ts';
import { MODULES } from './modules/index.ts';
import { actorFromToken, SESSION_COOKIE } from './modules/accounts/index.ts';

export interface BuildOptions {
  logger?: boolean;
  /** Set during shutdown: /readyz answers 503 while requests in flight finish. */
  draining?: { value: boolean };
}

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = ctx;
  const app = Fastify({
    logger: opts.logger === false || config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    forceCloseConnections: false,
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app, config);

  app.decorateRequest('lang', 'vi');
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req, reply) => {
    req.lang = languageOf(req.headers['accept-language']);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
  });
  // Every string that comes in is stored in one Unicode form (NFC), whatever the keyboard produced.
  app.addHook('preValidation', async (req) => {
    if (req.body) req.body = normaliseStrings(req.body);
    if (req.query) req.query = normaliseStrings(req.query);
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cầu Nối API',
        version: '0.1.0',
        description: 'API của Cầu Nối — nền tảng công tác dân vận. Lỗi trả về theo RFC 9457 (application/problem+json) với mã `code` ổn định và thông điệp tiếng Việt (tiếng Anh khi gửi Accept-Language: en). Phiên đăng nhập dùng cookie `cn_session`.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (req, reply) => {
    if (!opts.draining?.value && await ctx.database.ping()) return { status: 'ready', database: ctx.database.kind };
    return sendProblem(reply, req.lang, 'service_unavailable');
  });

  await app.register(async (api) => {
    // The actor is resolved once per request, from the session cookie; public routes work without one.
    api.addHook('preHandler', async (req) => {
      req.actor = await actorFromToken(ctx, req.cookies[SESSION_COOKIE]);
    });
    for (const m of MODULES) if (m.routes) await api.register(m.routes(ctx));
  }, { prefix: '/api' });

  for (const m of MODULES) if (m.rootRoutes) await app.register(m.rootRoutes(ctx));

  await registerWeb(app, resolve(config.WEB_DIST));

  app.setNotFoundHandler((req, reply) => sendProblem(reply, req.lang, 'not_found'));
  return app;
}

/** Serves the built web app: the portal at /, the console at /console/, each page falling back to its face's index. */
async function registerWeb(app: FastifyInstance, dist: string): Promise<void> {
  if (!existsSync(resolve(dist, 'index.html'))) {
    app.log.warn(`web app not built (${dist}); run "npm run build"`);
    return;
  }
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    index: false,
    maxAge: '1y',
    immutable: true,
    // Brotli or gzip copies made at build time (scripts/precompress.ts) go to browsers that accept them.
    preCompressed: true,
    setHeaders: (reply, path) => {
      if (/\.html(\.br|\.gz)?$/.test(path)) reply.header('cache-control', 'no-cache');
    },
  });
  // HTML pages are never cached, so a new build reaches everyone; hashed assets are cached for a year.
  const html = (reply: FastifyReply, file: string) => reply.type('text/html; charset=utf-8').sendFile(file, { maxAge: 0, immutable: false });
  app.get('/', (_req, reply) => html(reply, 'index.html'));
  app.get('/console', (_req, reply) => reply.redirect('/console/'));
  app.get('/console/', (_req, reply) => html(reply, 'console/index.html'));
  app.get('/console/*', async (req, reply) => {
    const path = (req.params as { '*': string })['*'];
    if (path.includes('.')) return reply.sendFile(`console/${path}`);
    return html(reply, 'console/index.html');
  });
  app.get('/*', async (req, reply) => {
    const path = (req.params as { '*': string })['*'];
    if (path.startsWith('api/')) return sendProblem(reply, req.lang, 'not_found');
    if (path.includes('.')) return reply.sendFile(path);
    return html(reply, 'index.html');
  });
}
