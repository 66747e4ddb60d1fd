// The permission matrix: every route × every role × a record inside and outside the caller's unit scope.
// Any route added without a row here fails the first test; any leak fails the others.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, type Role } from './platform/access.ts';
import { harness, type Harness } from './testing/given.ts';
import type { OrganisationRow } from './modules/organisations/index.ts';

let h: Harness;
const PLACES = { communeA: '19753', province: '46', communeB: '19789', otherProvince: '01' } as const;
type Place = keyof typeof PLACES;
const PATH: Record<Place, string> = { communeA: 'VN.46.19753', province: 'VN.46', communeB: 'VN.46.19789', otherProvince: 'VN.01' };

interface Actor { role: Role | 'anonymous'; at: Place; cookie?: string }
const actors: Actor[] = [];
const orgs = {} as Record<Place, OrganisationRow>;
const accounts = {} as Record<Place, string>;

const READ_ORG: Role[] = [...ROLES];
const MANAGE: Role[] = ['admin'];
const READ_ACC: Role[] = ['admin', 'leader', 'auditor'];
const READ_AUDIT: Role[] = ['admin', 'auditor'];

function inScope(a: Actor, target: Place): boolean {
  const scope = PATH[a.at];
  return PATH[target] === scope || PATH[target].startsWith(`${scope}.`);
}

type Expect = 'ok' | 'unauthenticated' | 'forbidden' | 'hidden';
interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  route: string;
  /** Request for a target place; `n` makes names unique. */
  req: (target: Place, n: number) => { url: string; payload?: unknown };
  /** Who may: roles, and whether the target must be in scope. */
  roles: Role[] | 'any-signed-in';
  scoped: boolean;
  /** When refused: does a caller who cannot read the record get 404 (hidden) or 403? */
  hiddenUnless?: Role[];
}

const rows: Row[] = [
  { method: 'GET', route: '/api/organisations', req: (t) => ({ url: `/api/organisations?unit=${PLACES[t]}` }), roles: READ_ORG, scoped: true },
  { method: 'GET', route: '/api/organisations/{id}', req: (t) => ({ url: `/api/organisations/${orgs[t].id}` }), roles: READ_ORG, scoped: true, hiddenUnless: READ_ORG },
  { method: 'POST', route: '/api/organisations', req: (t, n) => ({ url: '/api/organisations', payload: { unitCode: PLACES[t], kind: 'khac', name: `Tổ mới ${n}` } }), roles: MANAGE, scoped: true },
  { method: 'PATCH', route: '/api/organisations/{id}', req: (t, n) => ({ url: `/api/organisations/${orgs[t].id}`, payload: { name: `Tên mới ${n}` } }), roles: MANAGE, scoped: true, hiddenUnless: READ_ORG },
  { method: 'POST', route: '/api/organisations/{id}/deactivate', req: (t) => ({ url: `/api/organisations/${orgs[t].id}/deactivate` }), roles: MANAGE, scoped: true, hiddenUnless: READ_ORG },
  { method: 'POST', route: '/api/organisations/{id}/activate', req: (t) => ({ url: `/api/organisations/${orgs[t].id}/activate` }), roles: MANAGE, scoped: true, hiddenUnless: READ_ORG },
  { method: 'GET', route: '/api/accounts', req: (t) => ({ url: `/api/accounts?unit=${PLACES[t]}` }), roles: READ_ACC, scoped: true },
  { method: 'GET', route: '/api/accounts/{id}', req: (t) => ({ url: `/api/accounts/${accounts[t]}` }), roles: READ_ACC, scoped: true, hiddenUnless: READ_ACC },
  { method: 'POST', route: '/api/accounts', req: (t, n) => ({ url: '/api/accounts', payload: { username: `moi.${n}`, fullName: 'Mới', password: 'mat-khau-dau-1', memberships: [{ organisationId: orgs[t].id, role: 'handler' }] } }), roles: MANAGE, scoped: true },
  { method: 'PATCH', route: '/api/accounts/{id}', req: (t, n) => ({ url: `/api/accounts/${accounts[t]}`, payload: { fullName: `Tên ${n}` } }), roles: MANAGE, scoped: true, hiddenUnless: READ_ACC },
  { method: 'PUT', route: '/api/accounts/{id}/memberships', req: (t) => ({ url: `/api/accounts/${accounts[t]}/memberships`, payload: { memberships: [{ organisationId: orgs[t].id, role: 'handler' }] } }), roles: MANAGE, scoped: true, hiddenUnless: READ_ACC },
  { method: 'POST', route: '/api/accounts/{id}/deactivate', req: (t) => ({ url: `/api/accounts/${accounts[t]}/deactivate` }), roles: MANAGE, scoped: true, hiddenUnless: READ_ACC },
  { method: 'POST', route: '/api/accounts/{id}/activate', req: (t) => ({ url: `/api/accounts/${accounts[t]}/activate` }), roles: MANAGE, scoped: true, hiddenUnless: READ_ACC },
  { method: 'POST', route: '/api/accounts/{id}/password', req: (t) => ({ url: `/api/accounts/${accounts[t]}/password`, payload: { newPassword: 'mat-khau-moi-9' } }), roles: MANAGE, scoped: true, hiddenUnless: READ_ACC },
  { method: 'GET', route: '/api/audit', req: () => ({ url: '/api/audit' }), roles: READ_AUDIT, scoped: false },
  { method: 'GET', route: '/api/audit.csv', req: () => ({ url: '/api/audit.csv' }), roles: READ_AUDIT, scoped: false },
  { method: 'GET', route: '/api/auth/me', req: () => ({ url: '/api/auth/me' }), roles: 'any-signed-in', scoped: false },
  { method: 'POST', route: '/api/auth/password', req: () => ({ url: '/api/auth/password', payload: { currentPassword: 'sai-mat-khau-1', newPassword: 'mat-khau-moi-9' } }), roles: 'any-signed-in', scoped: false },
  { method: 'POST', route: '/api/auth/logout', req: () => ({ url: '/api/auth/logout' }), roles: 'any-signed-in', scoped: false },
];
/** Routes anyone may call. */
const PUBLIC = ['GET /api/units', 'GET /api/units/{code}', 'GET /api/units/{code}/children', 'POST /api/auth/login'];

function expected(row: Row, a: Actor, target: Place): Expect {
  if (a.role === 'anonymous') return 'unauthenticated';
  const role = a.role;
  if (row.roles === 'any-signed-in') return 'ok';
  const allowed = row.roles.includes(role) && (!row.scoped || inScope(a, target));
  if (allowed) return 'ok';
  if (row.hiddenUnless && !(row.hiddenUnless.includes(role) && inScope(a, target))) return 'hidden';
  return 'forbidden';
}

before(async () => {
  h = await harness();
  for (const place of Object.keys(PLACES) as Place[]) {
    orgs[place] = await h.given.organisation(PLACES[place], { name: `Cơ quan đích ${place}` });
    const target = await h.given.official('handler', PLACES[place], { organisation: orgs[place] });
    accounts[place] = target.user.id;
  }
  for (const at of ['communeA', 'province'] as Place[]) {
    for (const role of ROLES) actors.push({ role, at, cookie: (await h.given.official(role, PLACES[at])).cookie });
  }
  actors.push({ role: 'anonymous', at: 'communeA' });
});
after(() => h.close());

test('every API route is either public or has a row in the matrix', async () => {
  const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  const covered = new Set([...rows.map((r) => `${r.method} ${r.route}`), ...PUBLIC]);
  assert.deepEqual(documented.filter((r) => !covered.has(r)), [], 'routes without a permission row');
  assert.deepEqual([...covered].filter((r) => !documented.includes(r)), [], 'matrix rows for routes that do not exist');
});

test('every role, inside and outside its scope, gets exactly what the policy allows', async () => {
  let n = 0;
  const failures: string[] = [];
  for (const row of rows) {
    const targets: Place[] = row.scoped ? ['communeA', 'province', 'communeB', 'otherProvince'] : ['communeA'];
    for (const a of actors) {
      for (const target of targets) {
        // Logging out would end the session the rest of the matrix uses: checked last, below.
        if (row.route === '/api/auth/logout') continue;
        const { url, payload } = row.req(target, ++n);
        const res = await h.app.inject({ method: row.method, url, headers: a.cookie ? { cookie: a.cookie } : {}, ...(payload ? { payload: payload as object } : {}) });
        const want = expected(row, a, target);
        const status = res.statusCode;
        const got: Expect | string = status < 300 ? 'ok' : status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : status === 404 ? 'hidden'
          : row.route === '/api/auth/password' && status === 400 ? 'ok' : `status ${status}`;
        if (got !== want) failures.push(`${a.role}@${a.at} ${row.method} ${row.route} → ${target}: expected ${want}, got ${got} ${res.body.slice(0, 120)}`);
        // Undo what an allowed state change did, so that later rows see the same world.
        if (got === 'ok' && url.endsWith('/deactivate')) await h.app.inject({ method: 'POST', url: url.replace('/deactivate', '/activate'), headers: { cookie: a.cookie! } });
      }
    }
  }
  assert.deepEqual(failures, []);
  for (const a of actors) {
    const res = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: a.cookie ? { cookie: a.cookie } : {} });
    assert.equal(res.statusCode, a.cookie ? 204 : 401);
  }
});

test('lists never carry records from outside the caller\'s scope', async () => {
  for (const at of ['communeA', 'province'] as Place[]) {
    for (const role of ROLES) {
      const { cookie } = await h.given.official(role, PLACES[at]);
      const within = (code: string | null) => (Object.keys(PLACES) as Place[]).some((p) => PLACES[p] === code && inScope({ role, at }, p));
      const orgList = await h.app.inject({ method: 'GET', url: '/api/organisations', headers: { cookie } });
      assert.equal(orgList.statusCode, 200);
      for (const o of orgList.json().items) assert.ok(within(o.unitCode), `${role}@${at} sees organisation in ${o.unitCode}`);
      const accList = await h.app.inject({ method: 'GET', url: '/api/accounts', headers: { cookie } });
      if (READ_ACC.includes(role)) {
        const items = accList.json().items;
        assert.ok(items.length > 0);
        for (const acc of items) assert.ok(within(acc.homeUnitCode), `${role}@${at} sees account of ${acc.homeUnitCode}`);
      } else assert.equal(accList.statusCode, 403);
      const audit = await h.app.inject({ method: 'GET', url: '/api/audit?limit=500', headers: { cookie } });
      if (READ_AUDIT.includes(role)) {
        const items = audit.json().items;
        assert.ok(items.length > 0);
        for (const e of items) assert.ok(e.unitCode === null ? false : within(e.unitCode), `${role}@${at} sees audit of ${e.unitCode}`);
      } else assert.equal(audit.statusCode, 403);
    }
  }
});
