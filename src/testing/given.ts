// Named builders for tests: organisations, officials with a role, signed-in sessions, all through the real services.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../config.ts';
import { buildApp } from '../app.ts';
import type { Role } from '../platform/access.ts';
import type { AppContext } from '../platform/http.ts';
import { ensureOrganisation, type Kind, type OrganisationRow } from '../modules/organisations/index.ts';
import { createSystemAccount } from '../modules/accounts/index.ts';
import { testDatabase, type TestDatabase } from './database.ts';
import { getUnit } from '../modules/units/index.ts';
import { ensureKeys } from '../modules/cases/cases.admin.ts';

export const PASSWORD = 'mat-khau-thu-1';

export interface Harness { app: FastifyInstance; ctx: AppContext; given: Given; close(): Promise<void> }

/** A running app (no listening socket) on a fresh test database. */
export async function harness(env: Record<string, string> = {}): Promise<Harness> {
  const db: TestDatabase = await testDatabase();
  const config: Config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: 'web/dist-none', LOGIN_RATE_PER_MINUTE: '10000', JOBS: 'false', SEAL_MASTER_KEY: randomBytes(32).toString('base64'), ...env });
  const ctx: AppContext = { database: db.database, config };
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  return { app, ctx, given: new Given(ctx, app), close: async () => { await app.close(); await db.drop(); } };
}

let seq = 0;

export class Given {
  private readonly ctx: AppContext;
  private readonly app: FastifyInstance;
  constructor(ctx: AppContext, app: FastifyInstance) { this.ctx = ctx; this.app = app; }

  organisation(unitCode: string, opts: { kind?: Kind; name?: string; parentId?: string } = {}): Promise<OrganisationRow> {
    return ensureOrganisation(this.ctx, { unitCode, kind: opts.kind ?? 'ubnd', name: opts.name ?? `Tổ chức thử ${unitCode} ${++seq}`, parentId: opts.parentId ?? null });
  }

  /** An official holding `role` through an organisation of `unitCode`; returns the account and a signed-in cookie. */
  async official(role: Role, unitCode: string, opts: { organisation?: OrganisationRow; username?: string } = {}) {
    const organisation = opts.organisation ?? await this.organisation(unitCode, { name: `Cơ quan thử ${unitCode}` });
    const username = opts.username ?? `${role}.${unitCode.toLowerCase()}.${++seq}`;
    const created = await createSystemAccount(this.ctx, { username, fullName: `Cán bộ ${role} ${unitCode}`, password: PASSWORD, memberships: [{ organisation, role }] });
    if (!created.ok) throw new Error(`could not create ${username}: ${created.reason}`);
    return { user: created.value, organisation, cookie: await this.signIn(username) };
  }

  /** Sealing keys for units (the embedded database makes them on demand; a server install needs them made). */
  async sealingKeys(...codes: string[]): Promise<void> {
    const units = await Promise.all(codes.map(async (code) => {
      const v = await getUnit(this.ctx, code);
      if (!v) throw new Error(`unknown unit ${code}`);
      return { code: v.unit.code, path: v.unit.path };
    }));
    await ensureKeys(this.ctx, units);
  }

  async signIn(username: string, password = PASSWORD): Promise<string> {
    const res = await this.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in failed for ${username}: ${res.body}`);
    const c = res.cookies.find((k) => k.name === 'cn_session');
    return `cn_session=${c!.value}`;
  }
}
