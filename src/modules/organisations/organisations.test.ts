// Organisations: create, nest, rename, deactivate within scope; the error shape for every kind of bad request.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { harness, type Harness } from '../../testing/given.ts';

let h: Harness;
let admin: { cookie: string };
before(async () => {
  h = await harness({ BODY_LIMIT_BYTES: '4096' });
  admin = await h.given.official('admin', '46');
});
after(() => h.close());

const call = async (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) => {
  const res = await h.app.inject({ method: method as 'GET', url, headers: { cookie: admin.cookie, ...headers }, ...(payload !== undefined ? { payload: payload as string } : {}) });
  return { status: res.statusCode, body: res.json(), type: res.headers['content-type'] };
};
const count = async () => (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from organisations_organisation`))[0].n;

test('create, nest, rename, deactivate and reactivate, each audited', async () => {
  const mttq = await call('POST', '/api/organisations', { unitCode: '19753', kind: 'mttq', name: 'Ủy ban MTTQ Việt Nam phường Phú Xuân' });
  assert.equal(mttq.status, 201);
  assert.equal(mttq.body.unitName, 'Phường Phú Xuân');
  const women = await call('POST', '/api/organisations', { unitCode: '19753', kind: 'hoi_lhpn', name: 'Hội Liên hiệp Phụ nữ phường Phú Xuân', parentId: mttq.body.id });
  assert.equal(women.body.parentId, mttq.body.id);
  const dup = await call('POST', '/api/organisations', { unitCode: '19753', kind: 'mttq', name: 'ỦY BAN MTTQ VIỆT NAM PHƯỜNG PHÚ XUÂN' });
  assert.equal(dup.status, 409);
  assert.equal(dup.body.code, 'organisation_name_taken');
  const renamed = await call('PATCH', `/api/organisations/${women.body.id}`, { name: 'Hội LHPN phường Phú Xuân' });
  assert.equal(renamed.body.name, 'Hội LHPN phường Phú Xuân');
  assert.equal((await call('POST', `/api/organisations/${mttq.body.id}/deactivate`)).body.code, 'organisation_has_active_children');
  assert.equal((await call('POST', `/api/organisations/${women.body.id}/deactivate`)).body.active, false);
  assert.equal((await call('POST', `/api/organisations/${mttq.body.id}/deactivate`)).body.active, false);
  assert.equal((await call('POST', `/api/organisations/${women.body.id}/activate`)).body.code, 'organisation_parent_invalid');
  assert.equal((await call('POST', `/api/organisations/${mttq.body.id}/activate`)).body.active, true);
  const listed = await call('GET', '/api/organisations?unit=19753&includeInactive=true');
  assert.deepEqual(listed.body.items.map((o: { name: string; active: boolean }) => [o.name, o.active]), [
    ['Ủy ban MTTQ Việt Nam phường Phú Xuân', true], ['Hội LHPN phường Phú Xuân', false],
  ]);
  assert.equal((await call('GET', '/api/organisations?unit=19753')).body.items.length, 1);
  const trail = await h.ctx.database.rows<{ action: string }>(sql`select action from audit_event where target_id = ${women.body.id} order by id`);
  assert.deepEqual(trail.map((t) => t.action), ['organisation.created', 'organisation.renamed', 'organisation.deactivated']);
  // Never deleted: there is no route for it.
  assert.equal((await call('DELETE', `/api/organisations/${women.body.id}`)).status, 404);
});

test('a subtree listing from the province includes its communes', async () => {
  await call('POST', '/api/organisations', { unitCode: '19867', kind: 'ubnd', name: 'UBND xã Quảng Điền' });
  const all = await call('GET', '/api/organisations?unit=46&subtree=true');
  const units = new Set(all.body.items.map((o: { unitCode: string }) => o.unitCode));
  assert.ok(units.has('46') && units.has('19867'));
});

test('organisations in units no longer in force, or unknown, are refused', async () => {
  const gone = await call('POST', '/api/organisations', { unitCode: '001', kind: 'ubnd', name: 'UBND quận Ba Đình' });
  assert.equal(gone.body.code, 'unit_not_in_force');
  const unknown = await call('POST', '/api/organisations', { unitCode: '99999', kind: 'ubnd', name: 'X' });
  assert.equal(unknown.status, 404);
});

test('HTML and SQL in names are stored and returned literally', async () => {
  const names = ['<script>alert("x")</script> Tổ dân phố 1', "Tổ 2'); drop table organisations_organisation; --"];
  for (const name of names) {
    const r = await call('POST', '/api/organisations', { unitCode: '19789', kind: 'khac', name });
    assert.equal(r.status, 201);
    assert.equal(r.body.name, name);
  }
  const listed = await call('GET', '/api/organisations?unit=19789');
  assert.deepEqual(listed.body.items.map((o: { name: string }) => o.name).sort(), [...names].sort());
  assert.match(listed.type!, /application\/json/);
});

test('text is stored in NFC whatever form it arrives in', async () => {
  const decomposed = 'Hội Nông dân phường Thuận Hóa'.normalize('NFD');
  const r = await call('POST', '/api/organisations', { unitCode: '19789', kind: 'hoi_nong_dan', name: decomposed });
  assert.equal(r.body.name, 'Hội Nông dân phường Thuận Hóa'.normalize('NFC'));
  const stored = await h.ctx.database.rows<{ name: string }>(sql`select name from organisations_organisation where id = ${r.body.id}`);
  assert.equal(stored[0].name, stored[0].name.normalize('NFC'));
  assert.notEqual(stored[0].name, decomposed);
});

test('every kind of bad request gets problem+json with a stable code and changes nothing', async () => {
  const before = await count();
  const json = { 'content-type': 'application/json' };
  const cases: [string, string, unknown, Record<string, string>, number, string, string?][] = [
    ['POST', '/api/organisations', '{"unitCode": "19753", "kind": ', json, 400, 'invalid_json'],
    ['POST', '/api/organisations', JSON.stringify({ unitCode: '19753', kind: 'ubnd', name: 'x'.repeat(5000) }), json, 413, 'payload_too_large'],
    ['POST', '/api/organisations', 'unitCode=19753', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type'],
    ['POST', '/api/organisations', { unitCode: 19753, kind: 'ubnd', name: 'A' }, {}, 400, 'validation_failed', 'unitCode'],
    ['POST', '/api/organisations', { unitCode: '19753', kind: 'ubnd', name: 'A', admin: true }, {}, 400, 'validation_failed', 'admin'],
    ['POST', '/api/organisations', { unitCode: '19753', kind: 'toa_an', name: 'A' }, {}, 400, 'validation_failed', 'kind'],
    ['POST', '/api/organisations', { unitCode: '19753', kind: 'ubnd', name: '   ' }, {}, 400, 'validation_failed', 'name'],
    ['POST', '/api/organisations', { unitCode: '19753', kind: 'ubnd' }, {}, 400, 'validation_failed', 'name'],
    ['POST', '/api/organisations', { unitCode: '19753', kind: 'ubnd', name: 'A', parentId: 'abc' }, {}, 400, 'validation_failed', 'parentId'],
    ['POST', '/api/organisations', { unitCode: '19753', kind: 'ubnd', name: 'A', parentId: '01900000-0000-7000-8000-000000000000' }, {}, 400, 'organisation_parent_invalid'],
    ['PATCH', '/api/organisations/01900000-0000-7000-8000-000000000000', { name: 'B' }, {}, 404, 'organisation_not_found'],
    ['GET', '/api/organisations/khong-phai-uuid', undefined, {}, 400, 'validation_failed', 'params.id'],
    ['GET', '/api/khong-co', undefined, {}, 404, 'not_found'],
  ];
  for (const [method, url, payload, headers, status, code, field] of cases) {
    const r = await call(method, url, payload, headers);
    assert.equal(r.status, status, `${method} ${url} ${String(payload).slice(0, 60)}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.code, code);
    assert.match(r.type!, /application\/problem\+json/);
    assert.equal(r.body.status, status);
    assert.ok(r.body.detail.length > 0);
    if (field) assert.ok(r.body.errors.some((e: { field: string }) => e.field === field), `${field} in ${JSON.stringify(r.body.errors)}`);
  }
  const en = await call('POST', '/api/organisations', { unitCode: '19753', kind: 'ubnd' }, { 'accept-language': 'en-US,en;q=0.9' });
  assert.equal(en.body.errors[0].message, 'This field is required.');
  assert.equal(await count(), before);
});
