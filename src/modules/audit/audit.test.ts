// The audit log: append-only in the database, paged reads, date filters, CSV export.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { harness, type Harness } from '../../testing/given.ts';

let h: Harness;
before(async () => { h = await harness(); });
after(() => h.close());

test('audit rows cannot be changed or deleted, even with direct SQL', async () => {
  await h.given.official('admin', '46');
  const appendOnly = (err: Error) => /append-only/.test(String((err.cause as Error | undefined)?.message ?? err.message));
  await assert.rejects(h.ctx.database.rows(sql`update audit_event set action = 'x'`), appendOnly);
  await assert.rejects(h.ctx.database.rows(sql`delete from audit_event`), appendOnly);
  await assert.rejects(h.ctx.database.rows(sql`truncate audit_event`), appendOnly);
  const n = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_event where action = 'x'`);
  assert.equal(n[0].n, 0);
});

test('an auditor pages through the log newest first and filters by action and day', async () => {
  const auditor = await h.given.official('auditor', '46');
  for (let i = 0; i < 3; i++) await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'khong.co', password: `sai-mat-khau-${i}` } });
  await h.given.official('handler', '19753');
  const page1 = (await h.app.inject({ method: 'GET', url: '/api/audit?limit=2', headers: { cookie: auditor.cookie } })).json();
  assert.equal(page1.items.length, 2);
  assert.ok(page1.nextBefore);
  const page2 = (await h.app.inject({ method: 'GET', url: `/api/audit?limit=2&before=${page1.nextBefore}`, headers: { cookie: auditor.cookie } })).json();
  assert.ok(page2.items[0].id < page1.items[1].id);
  const logins = (await h.app.inject({ method: 'GET', url: '/api/audit?action=auth.login', headers: { cookie: auditor.cookie } })).json();
  assert.ok(logins.items.length >= 1 && logins.items.every((e: { action: string }) => e.action === 'auth.login'));
  // Failures for unknown usernames belong to the centre: a provincial auditor does not see them.
  const failed = (await h.app.inject({ method: 'GET', url: '/api/audit?action=auth.login_failed', headers: { cookie: auditor.cookie } })).json();
  assert.equal(failed.items.length, 0);
  const future = (await h.app.inject({ method: 'GET', url: '/api/audit?from=2099-01-01', headers: { cookie: auditor.cookie } })).json();
  assert.deepEqual(future.items, []);
  const bad = await h.app.inject({ method: 'GET', url: '/api/audit?from=2026-13-01', headers: { cookie: auditor.cookie } });
  assert.equal(bad.statusCode, 400);
});

test('the CSV export opens in Excel with Vietnamese intact and holds what the list holds', async () => {
  const admin = await h.given.official('admin', '46');
  await h.app.inject({ method: 'POST', url: '/api/organisations', headers: { cookie: admin.cookie }, payload: { unitCode: '46', kind: 'khac', name: 'Tổ công tác "đặc biệt", số 1' } });
  const res = await h.app.inject({ method: 'GET', url: '/api/audit.csv?action=organisation.created', headers: { cookie: admin.cookie } });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /text\/csv; charset=utf-8/);
  assert.match(String(res.headers['content-disposition']), /attachment; filename="nhat-ky-/);
  assert.ok(res.body.startsWith('\uFEFF'));
  const rows = parse(res.body.slice(1), { columns: true }) as Record<string, string>[];
  const mine = rows.find((r) => r.chi_tiet.includes('Tổ công tác'));
  assert.ok(mine);
  assert.equal(JSON.parse(mine.chi_tiet).name, 'Tổ công tác "đặc biệt", số 1');
  assert.equal(mine.hanh_dong, 'organisation.created');
  assert.match(mine.thoi_gian, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
});
