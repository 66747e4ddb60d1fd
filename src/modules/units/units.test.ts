// The public units API: lookups at a date, children, diacritics-free search, the 2026 amendments, errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { harness, type Harness } from '../../testing/given.ts';

let h: Harness;
before(async () => { h = await harness(); });
after(() => h.close());

const get = async (url: string, headers: Record<string, string> = {}) => {
  const res = await h.app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, body: res.json(), type: res.headers['content-type'] };
};

test('the import holds the official counts (units README) and one root', async () => {
  const counts = await h.ctx.database.rows<{ type: string; n: number }>(sql`
    select type, count(*)::int as n from units_unit
    where valid_from <= '2025-07-01' and (valid_to is null or valid_to >= '2025-07-01') group by type order by type`);
  assert.deepEqual(Object.fromEntries(counts.map((c) => [c.type, c.n])), { dac_khu: 13, phuong: 687, quoc_gia: 1, thanh_pho_tw: 6, tinh: 28, xa: 2621 });
  const old = await h.ctx.database.rows<{ level: string; n: number }>(sql`
    select level, count(*)::int as n from units_unit where valid_to = '2025-06-30' and valid_from = '2025-03-01' group by level order by level`);
  assert.deepEqual(Object.fromEntries(old.map((c) => [c.level, c.n])), { commune: 10035, district: 696, province: 63 });
});

test('VN has the 34 provinces as children today', async () => {
  const r = await get('/api/units/VN/children');
  assert.equal(r.status, 200);
  assert.equal(r.body.items.length, 34);
  assert.ok(r.body.items.every((u: { parentCode: string; level: string }) => u.parentCode === 'VN' && u.level === 'province'));
});

test('a unit has code, name, type, parentCode and its ancestors', async () => {
  const r = await get('/api/units/00004');
  assert.equal(r.status, 200);
  assert.equal(r.body.name, 'Phường Ba Đình');
  assert.equal(r.body.type, 'phuong');
  assert.equal(r.body.parentCode, '01');
  assert.deepEqual(r.body.ancestors.map((a: { code: string }) => a.code), ['VN', '01']);
});

test('Đồng Nai became a centrally-run city on 30 April 2026; the day before it was a province', async () => {
  const before = await get('/api/units/75?date=2026-04-29');
  const after = await get('/api/units/75?date=2026-04-30');
  assert.equal(before.body.type, 'tinh');
  assert.equal(before.body.name, 'Tỉnh Đồng Nai');
  assert.equal(after.body.type, 'thanh_pho_tw');
  assert.equal(after.body.name, 'Thành phố Đồng Nai');
  const ward = await get('/api/units/25270?date=2026-05-01');
  assert.equal(ward.body.name, 'Phường Lộc Ninh');
  assert.equal(ward.body.ancestors[1].name, 'Thành phố Đồng Nai');
  const today = await get('/api/units/VN/children');
  const types = today.body.items.reduce((m: Record<string, number>, u: { type: string }) => ({ ...m, [u.type]: (m[u.type] ?? 0) + 1 }), {});
  assert.deepEqual(types, { thanh_pho_tw: 7, tinh: 27 });
});

test('pre-reform units keep their place: a 2024 district and its communes', async () => {
  const district = await get('/api/units/001');
  assert.equal(district.status, 200);
  assert.equal(district.body.name, 'Quận Ba Đình');
  assert.equal(district.body.validTo, '2025-06-30');
  assert.equal(district.body.level, 'district');
  const kids = await get('/api/units/001/children');
  assert.ok(kids.body.items.length > 0);
  assert.ok(kids.body.items.every((u: { parentCode: string }) => u.parentCode === '001'));
  const hanoi2024 = await get('/api/units/01/children?date=2025-05-01');
  assert.ok(hanoi2024.body.items.every((u: { level: string }) => u.level === 'district'));
  assert.equal(hanoi2024.body.items.length, 30);
  // A code in force in 2024 only is unknown at a later date.
  const gone = await get('/api/units/001?date=2025-08-01');
  assert.equal(gone.status, 404);
});

test('search ignores diacritics and case', async () => {
  for (const q of ['ha noi', 'HÀ NỘI', 'Ha Noi', 'hà nội']) {
    const r = await get(`/api/units?q=${encodeURIComponent(q)}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.items[0].name, 'Thành phố Hà Nội', q);
  }
  const ward = await get(`/api/units?q=${encodeURIComponent('phuong ba dinh')}`);
  assert.equal(ward.body.items[0].name, 'Phường Ba Đình');
  assert.deepEqual(ward.body.items[0].ancestors.map((a: { name: string }) => a.name), ['Việt Nam', 'Thành phố Hà Nội']);
  const byCode = await get('/api/units?q=19753');
  assert.equal(byCode.body.items[0].name, 'Phường Phú Xuân');
  const both = await get(`/api/units?q=${encodeURIComponent('Hoà Bình')}`);
  assert.ok(both.body.items.some((u: { name: string }) => u.name.includes('Hòa Bình')));
});

test('search finds nothing for text that matches nothing, and treats % and _ literally', async () => {
  assert.deepEqual((await get('/api/units?q=zzzzqqq')).body.items, []);
  assert.deepEqual((await get('/api/units?q=%25')).body.items, []);
  assert.deepEqual((await get('/api/units?q=_')).body.items, []);
  const sqlish = await get(`/api/units?q=${encodeURIComponent("'; drop table units_unit; --")}`);
  assert.equal(sqlish.status, 200);
  assert.equal((await get('/api/units/VN/children')).body.items.length, 34);
});

test('bad input: unknown code, bad date, missing query, over-long query, unknown parameter', async () => {
  const unknown = await get('/api/units/99999');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.code, 'unit_not_found');
  assert.match(unknown.type!, /application\/problem\+json/);
  assert.match(unknown.body.detail, /Không tìm thấy đơn vị hành chính/);
  const en = await get('/api/units/99999', { 'accept-language': 'en' });
  assert.match(en.body.detail, /No administrative unit/);
  const badDate = await get('/api/units/01?date=2026-02-30');
  assert.equal(badDate.status, 400);
  assert.equal(badDate.body.errors[0].field, 'query.date');
  const noQ = await get('/api/units');
  assert.equal(noQ.status, 400);
  assert.equal(noQ.body.errors[0].field, 'query.q');
  assert.match(noQ.body.errors[0].message, /bắt buộc/);
  assert.equal((await get(`/api/units?q=${'a'.repeat(101)}`)).status, 400);
  const extra = await get('/api/units?q=hue&foo=1');
  assert.equal(extra.status, 400);
  assert.equal(extra.body.errors[0].field, 'query.foo');
  assert.equal((await get('/api/units/a%20b')).status, 400);
});

test('OpenAPI document lists the unit routes; health endpoints answer', async () => {
  const doc = await get('/api/openapi.json');
  assert.equal(doc.status, 200);
  assert.ok(doc.body.paths['/api/units/{code}']);
  assert.ok(doc.body.paths['/api/units/{code}/children']);
  assert.equal((await get('/healthz')).body.status, 'ok');
  assert.equal((await get('/readyz')).body.status, 'ready');
  const docs = await h.app.inject({ method: 'GET', url: '/api/docs' });
  assert.ok([200, 302].includes(docs.statusCode));
});
