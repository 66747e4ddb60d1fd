// Signing in and out, sessions, lockout, password changes, and managing accounts within one's subtree.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { harness, PASSWORD, type Harness } from '../../testing/given.ts';

let h: Harness;
before(async () => { h = await harness({ LOGIN_MAX_FAILURES: '3', SESSION_IDLE_MINUTES: '30' }); });
after(() => h.close());

const call = async (method: string, url: string, cookie?: string, payload?: unknown) => {
  const res = await h.app.inject({ method: method as 'GET', url, headers: cookie ? { cookie } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: res.statusCode, body: res.body ? (res.headers['content-type']?.includes('json') ? res.json() : res.body) : null, res };
};
const auditCount = async (action: string) =>
  (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_event where action = ${action}`))[0].n;

test('login sets a secure http-only session cookie; me and logout work; the cookie dies with logout', async () => {
  const o = await h.given.official('handler', '19753');
  const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: o.user.username, password: PASSWORD } });
  assert.equal(res.statusCode, 200);
  const set = String(res.headers['set-cookie']);
  assert.match(set, /cn_session=/);
  assert.match(set, /HttpOnly/);
  assert.match(set, /Secure/);
  assert.match(set, /SameSite=Lax/);
  const cookie = `cn_session=${res.cookies[0].value}`;
  const me = await call('GET', '/api/auth/me', cookie);
  assert.equal(me.status, 200);
  assert.equal(me.body.username, o.user.username);
  assert.equal(me.body.memberships[0].role, 'handler');
  assert.equal(me.body.memberships[0].unitName, 'Phường Phú Xuân');
  assert.ok(!('passwordHash' in me.body));
  assert.equal((await call('POST', '/api/auth/logout', cookie)).status, 204);
  assert.equal((await call('GET', '/api/auth/me', cookie)).status, 401);
  assert.ok(await auditCount('auth.logout') >= 1);
});

test('wrong passwords and unknown users get the same answer; failures are audited', async () => {
  const o = await h.given.official('leader', '19789');
  const before = await auditCount('auth.login_failed');
  const wrong = await call('POST', '/api/auth/login', undefined, { username: o.user.username, password: 'sai-mat-khau-1' });
  const unknown = await call('POST', '/api/auth/login', undefined, { username: 'khong.ton.tai', password: 'sai-mat-khau-1' });
  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  assert.equal(wrong.body.code, 'invalid_credentials');
  assert.equal(wrong.body.detail, unknown.body.detail);
  assert.equal(await auditCount('auth.login_failed'), before + 2);
});

test('repeated failures lock the account for a while, even for the right password', async () => {
  const o = await h.given.official('reception', '19867');
  for (let i = 0; i < 2; i++) assert.equal((await call('POST', '/api/auth/login', undefined, { username: o.user.username, password: 'sai-mat-khau-1' })).status, 401);
  const third = await call('POST', '/api/auth/login', undefined, { username: o.user.username, password: 'sai-mat-khau-1' });
  assert.equal(third.status, 429);
  assert.equal(third.body.code, 'account_locked');
  assert.match(third.body.detail, /tạm khóa/);
  const right = await call('POST', '/api/auth/login', undefined, { username: o.user.username, password: PASSWORD });
  assert.equal(right.status, 429);
  assert.ok(await auditCount('auth.locked') >= 1);
  // Once the lock has passed, the right password works again.
  await h.ctx.database.rows(sql`update accounts_user set locked_until = now() - interval '1 minute' where username = ${o.user.username}`);
  assert.equal((await call('POST', '/api/auth/login', undefined, { username: o.user.username, password: PASSWORD })).status, 200);
});

test('sessions expire, and end when idle too long', async () => {
  const o = await h.given.official('danvan', '19753');
  assert.equal((await call('GET', '/api/auth/me', o.cookie)).status, 200);
  await h.ctx.database.rows(sql`update accounts_session set last_seen_at = now() - interval '31 minutes' where user_id = ${o.user.id}`);
  assert.equal((await call('GET', '/api/auth/me', o.cookie)).status, 401);
  const again = await h.given.signIn(o.user.username);
  await h.ctx.database.rows(sql`update accounts_session set expires_at = now() - interval '1 second' where user_id = ${o.user.id}`);
  assert.equal((await call('GET', '/api/auth/me', again)).status, 401);
});

test('changing one\'s password checks the old one and the rule, and signs out other devices', async () => {
  const o = await h.given.official('mttq', '19753');
  const other = await h.given.signIn(o.user.username);
  assert.equal((await call('POST', '/api/auth/password', o.cookie, { currentPassword: 'sai-mat-khau-1', newPassword: 'mat-khau-moi-2026' })).body.code, 'wrong_password');
  const weak = await call('POST', '/api/auth/password', o.cookie, { currentPassword: PASSWORD, newPassword: 'ngan1' });
  assert.equal(weak.body.code, 'weak_password');
  assert.equal((await call('POST', '/api/auth/password', o.cookie, { currentPassword: PASSWORD, newPassword: 'mat-khau-moi-2026' })).status, 204);
  assert.equal((await call('GET', '/api/auth/me', o.cookie)).status, 200);
  assert.equal((await call('GET', '/api/auth/me', other)).status, 401);
  await h.given.signIn(o.user.username, 'mat-khau-moi-2026');
});

test('a province administrator creates an account in a commune; it must change its password; every step is audited', async () => {
  const admin = await h.given.official('admin', '46');
  const org = await h.given.organisation('19789', { name: 'UBND phường Thuận Hóa (thử)' });
  const created = await call('POST', '/api/accounts', admin.cookie, {
    username: 'Nguyen.Van.Binh', fullName: 'Nguyễn Văn Bình', email: 'binh@example.vn', password: 'mat-khau-dau-1',
    memberships: [{ organisationId: org.id, role: 'handler' }],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.username, 'nguyen.van.binh');
  assert.equal(created.body.homeUnitCode, '19789');
  assert.deepEqual(created.body.abilities, { update: true, deactivate: true });
  const login = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nguyen.van.binh', password: 'mat-khau-dau-1' } });
  assert.equal(login.json().mustChangePassword, true);
  assert.equal((await call('POST', '/api/accounts', admin.cookie, {
    username: 'nguyen.van.binh', fullName: 'Trùng', password: 'mat-khau-dau-1', memberships: [{ organisationId: org.id, role: 'handler' }],
  })).body.code, 'username_taken');

  const id = created.body.id;
  const renamed = await call('PATCH', `/api/accounts/${id}`, admin.cookie, { fullName: 'Nguyễn Văn Bình (Tổ 3)' });
  assert.equal(renamed.body.fullName, 'Nguyễn Văn Bình (Tổ 3)');
  const roles = await call('PUT', `/api/accounts/${id}/memberships`, admin.cookie, { memberships: [{ organisationId: org.id, role: 'leader' }, { organisationId: org.id, role: 'reception' }] });
  assert.deepEqual(roles.body.memberships.map((m: { role: string }) => m.role).sort(), ['leader', 'reception']);
  const off = await call('POST', `/api/accounts/${id}/deactivate`, admin.cookie);
  assert.equal(off.body.active, false);
  assert.equal((await call('POST', '/api/auth/login', undefined, { username: 'nguyen.van.binh', password: 'mat-khau-dau-1' })).status, 401);
  assert.equal((await call('POST', `/api/accounts/${id}/activate`, admin.cookie)).body.active, true);
  assert.equal((await call('POST', `/api/accounts/${id}/password`, admin.cookie, { newPassword: 'mat-khau-lai-2' })).status, 200);
  await h.given.signIn('nguyen.van.binh', 'mat-khau-lai-2');
  for (const action of ['account.created', 'account.updated', 'account.memberships_changed', 'account.deactivated', 'account.activated', 'account.password_reset']) {
    const rows = await h.ctx.database.rows<{ actor_id: string; unit_code: string }>(sql`select actor_id, unit_code from audit_event where action = ${action} and target_id = ${id}`);
    assert.equal(rows.length, 1, action);
    assert.equal(rows[0].actor_id, admin.user.id);
    assert.equal(rows[0].unit_code, '19789');
  }
});

test('a commune administrator cannot create accounts in another commune, in the province, or act on itself', async () => {
  const admin = await h.given.official('admin', '19753');
  const elsewhere = await h.given.organisation('19789');
  const province = await h.given.organisation('46');
  for (const org of [elsewhere, province]) {
    const r = await call('POST', '/api/accounts', admin.cookie, { username: `x${org.unitCode}`, fullName: 'X', password: 'mat-khau-dau-1', memberships: [{ organisationId: org.id, role: 'admin' }] });
    assert.equal(r.status, 403);
  }
  assert.equal((await call('POST', `/api/accounts/${admin.user.id}/deactivate`, admin.cookie)).body.code, 'cannot_change_self');
  assert.equal((await call('PUT', `/api/accounts/${admin.user.id}/memberships`, admin.cookie, { memberships: [{ organisationId: province.id, role: 'admin' }] })).body.code, 'cannot_change_self');
  const provincial = await h.given.official('leader', '46');
  assert.equal((await call('POST', `/api/accounts/${provincial.user.id}/deactivate`, admin.cookie)).status, 404);
  assert.equal((await h.ctx.database.rows<{ active: boolean }>(sql`select active from accounts_user where id = ${provincial.user.id}`))[0].active, true);
});

test('account lists hold only the subtree and search without diacritics', async () => {
  const admin = await h.given.official('admin', '19867');
  const org = await h.given.organisation('19867', { name: 'UBND xã Quảng Điền (thử)' });
  await call('POST', '/api/accounts', admin.cookie, { username: 'tran.thi.hoa', fullName: 'Trần Thị Hoà', password: 'mat-khau-dau-1', memberships: [{ organisationId: org.id, role: 'handler' }] });
  const list = await call('GET', '/api/accounts', admin.cookie);
  assert.ok(list.body.items.length >= 2);
  assert.ok(list.body.items.every((a: { homeUnitCode: string }) => a.homeUnitCode === '19867'));
  const found = await call('GET', `/api/accounts?q=${encodeURIComponent('tran thi hoa')}`, admin.cookie);
  assert.deepEqual(found.body.items.map((a: { username: string }) => a.username), ['tran.thi.hoa']);
});

test('bad input on accounts: wrong types, unknown fields, bad email, weak password, unknown organisation, bad ids', async () => {
  const admin = await h.given.official('admin', '46');
  const org = await h.given.organisation('46');
  const base = { username: 'hop.le', fullName: 'Hợp Lệ', password: 'mat-khau-dau-1', memberships: [{ organisationId: org.id, role: 'handler' }] };
  const cases: [unknown, number, string, string?][] = [
    [{ ...base, username: 42 }, 400, 'validation_failed', 'username'],
    [{ ...base, username: 'có dấu' }, 400, 'validation_failed', 'username'],
    [{ ...base, isAdmin: true }, 400, 'validation_failed', 'isAdmin'],
    [{ ...base, email: 'not-an-email' }, 400, 'validation_failed', 'email'],
    [{ ...base, memberships: [] }, 400, 'validation_failed', 'memberships'],
    [{ ...base, memberships: [{ organisationId: org.id, role: 'superuser' }] }, 400, 'validation_failed', 'memberships.0.role'],
    [{ ...base, memberships: [{ organisationId: '01900000-0000-7000-8000-000000000000', role: 'handler' }] }, 404, 'organisation_not_found'],
    [{ ...base, password: 'ngan' }, 400, 'weak_password'],
  ];
  for (const [payload, status, code, field] of cases) {
    const r = await call('POST', '/api/accounts', admin.cookie, payload);
    assert.equal(r.status, status, JSON.stringify(payload));
    assert.equal(r.body.code, code);
    if (field) assert.ok(r.body.errors.some((e: { field: string }) => e.field === field), `${field} in ${JSON.stringify(r.body.errors)}`);
  }
  assert.equal((await call('GET', '/api/accounts?q=hop', admin.cookie)).body.items.length, 0);
  assert.equal((await call('GET', '/api/accounts/not-a-uuid', admin.cookie)).status, 400);
  assert.equal((await call('GET', '/api/accounts/01900000-0000-7000-8000-000000000000', admin.cookie)).status, 404);
});
