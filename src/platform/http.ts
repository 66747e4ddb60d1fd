// HTTP plumbing shared by every module: the module manifest, request language and actor, guards, the problem+json error handler.
import type { FastifyError, FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Database } from '../db/database.ts';
import type { Config } from '../config.ts';
import { AppError, problemBody, type ErrorCode, type Lang } from './errors.ts';
import { fieldErrors } from './validation.ts';
import type { Actor } from './access.ts';
import { recordAudit } from './audit.ts';
import type { JobDef, WorkerDef } from './jobs.ts';

/** What every route and service receives: the database and the configuration. */
export interface AppContext { database: Database; config: Config }

/** What a module contributes; app.ts walks the list. */
export interface ModuleManifest {
  name: string;
  /** Fastify plugin registered under /api. */
  routes?: (ctx: AppContext) => FastifyPluginAsync;
  /** Scheduled jobs (durable, once per period across processes). */
  jobs?: (ctx: AppContext) => JobDef[];
  /** Fastify plugin registered at the root, for standard paths outside /api (Open311). */
  rootRoutes?: (ctx: AppContext) => FastifyPluginAsync;
  /** Short periodic work (delivering messages), started with the jobs. */
  workers?: (ctx: AppContext) => WorkerDef[];
  /** Set-up after migrations and demo data, at every start. */
  onBoot?: (ctx: AppContext) => Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    actor: Actor | null;
  }
}

/** English when the client's first preference is English, Vietnamese otherwise. */
export function languageOf(header: string | undefined): Lang {
  const first = (header ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

export function sendProblem(reply: FastifyReply, lang: Lang, code: ErrorCode, vars: Record<string, string | number> = {}, fields?: AppError['fields']) {
  const body = problemBody(code, lang, vars, fields);
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
}

/** The signed-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

/** A use case's result: the value, or a named reason that maps to one entry of the error table. */
export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; reason: ErrorCode; vars?: Record<string, string | number>; denied?: Denial };

/** A refusal by the policy, to be written to the audit log. */
export interface Denial { action: string; unitPath: string; unitCode?: string; targetType?: string; targetId?: string }

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = (reason: ErrorCode, vars?: Record<string, string | number>): Outcome<never> => ({ ok: false, reason, vars });
/** A policy refusal; `reason` is 'forbidden', or a not-found code when the actor may not even know the record exists. */
export const denied = (reason: ErrorCode, d: Denial): Outcome<never> => ({ ok: false, reason, denied: d });

/** Returns the value, or records a denial in the audit log and throws the reason as an AppError. */
export async function settle<T>(ctx: AppContext, request: FastifyRequest, outcome: Outcome<T>): Promise<T> {
  if (outcome.ok) return outcome.value;
  if (outcome.denied) {
    const d = outcome.denied;
    await recordAudit(ctx.database.db, {
      action: 'access.denied', outcome: 'denied', actorId: request.actor?.userId ?? null, actorName: request.actor?.username ?? null,
      unitCode: d.unitCode ?? null, unitPath: d.unitPath, targetType: d.targetType ?? null, targetId: d.targetId ?? null,
      ip: request.ip, detail: { attempted: d.action, method: request.method, url: request.url.split('?')[0] },
    });
  }
  throw new AppError(outcome.reason, outcome.vars);
}

function humanBytes(n: number): string {
  return n >= 1_048_576 ? `${Math.round(n / 1_048_576)} MB` : `${Math.round(n / 1024)} KB`;
}

/** Maps every error to problem+json: ours, validation, Fastify's own, and the unexpected (logged, never shown). */
export function installErrorHandling(app: FastifyInstance, config: Config): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const lang = request.lang ?? languageOf(request.headers['accept-language']);
    if (err instanceof AppError) {
      const retryAfter = (err as AppError & { retryAfter?: number }).retryAfter;
      if (retryAfter) reply.header('retry-after', String(retryAfter));
      return sendProblem(reply, lang, err.code, err.vars, err.fields);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      return sendProblem(reply, lang, 'validation_failed', {}, fieldErrors(err.validation as never, err.validationContext, lang));
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(reply, lang, 'invalid_json');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(reply, lang, 'payload_too_large', { limit: humanBytes(config.BODY_LIMIT_BYTES) });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(reply, lang, 'unsupported_media_type');
    }
    if (err.statusCode === 429) {
      const after = String(reply.getHeader('retry-after') ?? '60');
      return sendProblem(reply, lang, 'rate_limited', { after: lang === 'vi' ? `${after} giây` : `${after} s` });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's other client errors (e.g. malformed URL): a 400 without internals.
      request.log.info({ err }, 'client error');
      return reply.code(err.statusCode).type('application/problem+json; charset=utf-8')
        .send({ ...problemBody('validation_failed', lang), status: err.statusCode });
    }
    request.log.error({ err }, 'unexpected error');
    return sendProblem(reply, lang, 'internal_error');
  });
}
