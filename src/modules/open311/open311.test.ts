// Open311 GeoReport v2 as a client speaks it: form-encoded POST, query-string GET, the standard's error shape.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { harness, type Harness } from '../../testing/given.ts';

let h: Harness;
let handler: string; let centralAdmin: string; let provinceAdmin: string;
const A = '19753';

before(async () => {
  h = await harness({ PUBLIC_URL: 'https://caunoi.example.vn' });
  const org = await h.given.organisation(A, { name: 'UBND phường Phú Xuân' });
  handler = (await h.given.official('handler', A, { organisation: org })).cookie;
  centralAdmin = (await h.given.official('admin', 'VN')).cookie;
  provinceAdmin = (await h.given.official('admin', '46')).cookie;
  await h.given.sealingKeys(A);
});
after(() => h.close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (fields: Record<string, string>, ip = '203.0.113.20') => h.app.inject({
  method: 'POST', url: '/open311/v2/requests.json', remoteAddress: ip,
  headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(fields),
});
const get = (url: string) => h.app.inject({ method: 'GET', url });
const count = async () => Number((await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from cases_case`))[0].n);

// The standard's own example request, in Vietnamese and placed in Huế.
const example = (over: Record<string, string> = {}) => ({
  jurisdiction_id: A, service_code: 'moi_truong', lat: '16.4637', long: '107.5909', address_string: '12 Lê Lợi, Phường Phú Xuân, Thành phố Huế',
  email: 'ungdung@example.vn', device_id: 'app-device-0001', first_name: 'An', last_name: 'Nguyễn Văn', phone: '0905123456',
  description: 'Cống thoát nước bị tắc trước nhà số 12 Lê Lợi, nước tràn ra đường khi mưa.', 'attribute[WHISPAWN]': '123456', ...over,
});

describe('Open311 GeoReport v2', () => {
  test('discovery and services: the fields, each a service', async () => {
    const d = (await get('/open311/v2/discovery.json')).json();
    assert.equal(d.endpoints[0].specification, 'http://wiki.open311.org/GeoReport_v2');
    assert.equal(d.endpoints[0].url, 'https://caunoi.example.vn/open311/v2');
    const services = (await get('/open311/v2/services.json')).json();
    const env = services.find((s: { service_code: string }) => s.service_code === 'moi_truong');
    assert.deepEqual(Object.keys(env).sort(), ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
    assert.equal(env.metadata, false);
    assert.equal(env.type, 'realtime');
    assert.deepEqual((await get('/open311/v2/services/moi_truong.json')).json(), { service_code: 'moi_truong', attributes: [] });
    const missing = await get('/open311/v2/services/khong_co.json');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json()[0].code, 404);
  });

  test('a client creates a request with the standard fields and reads it back', async () => {
    const res = await post(example());
    assert.equal(res.statusCode, 200, res.body);
    const [created] = res.json();
    assert.match(created.service_request_id, /^[0-9a-f-]{36}$/);
    assert.match(created.service_notice, /Mã tra cứu CN-[0-9A-Z]{4}-[0-9A-Z]{4}, mã bí mật [0-9A-Z]{4}-[0-9A-Z]{4}/);
    const [one] = (await get(`/open311/v2/requests/${created.service_request_id}.json`)).json();
    assert.equal(one.service_request_id, created.service_request_id);
    assert.equal(one.status, 'open');
    assert.equal(one.service_code, 'moi_truong');
    assert.equal(one.description, example().description);
    assert.equal(one.lat, 16.4637);
    assert.equal(one.long, 107.5909);
    assert.equal(one.agency_responsible, 'Phường Phú Xuân');
    assert.match(one.requested_datetime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    assert.ok(!JSON.stringify(one).includes('ungdung@') && !JSON.stringify(one).includes('0905123456'), 'no contact in the public list');
    // The case is in the officials' inbox as a reflection sent through the portal channel.
    const [c] = await h.ctx.database.rows<{ kind: string; channel: string; title: string }>(sql`select kind, channel, title from cases_case where id = ${created.service_request_id}`);
    assert.deepEqual(c, { kind: 'phan_anh', channel: 'portal', title: example().description });
    const inbox = (await h.app.inject({ method: 'GET', url: '/api/cases', headers: { cookie: handler } })).json();
    assert.ok(inbox.items.some((i: { id: string }) => i.id === created.service_request_id));

    // Answered: closed in Open311, with the answer as status notes once published.
    for (const body of [{ type: 'accepted' }, { type: 'answered', answer: 'Đã nạo vét cống trước nhà số 12 Lê Lợi.', publishable: true }]) {
      assert.equal((await h.app.inject({ method: 'POST', url: `/api/cases/${created.service_request_id}/events`, headers: { cookie: handler }, payload: body })).statusCode, 200);
    }
    const [closed] = (await get(`/open311/v2/requests/${created.service_request_id}.json`)).json();
    assert.equal(closed.status, 'closed');
    assert.equal(closed.status_notes, 'Đã nạo vét cống trước nhà số 12 Lê Lợi.');
    const list = (await get('/open311/v2/requests.json?status=closed&service_code=moi_truong')).json();
    assert.ok(list.some((r: { service_request_id: string }) => r.service_request_id === created.service_request_id));
    assert.ok(!(await get('/open311/v2/requests.json?status=open')).json().some((r: { service_request_id: string }) => r.service_request_id === created.service_request_id));
  });

  test('the commune is read from address_string when jurisdiction_id is absent', async () => {
    const res = await post(example({ jurisdiction_id: '', address_string: 'Kiệt 5 Đống Đa, phường Phú Xuân, thành phố Huế', description: 'Đèn đường kiệt 5 Đống Đa bị hỏng nhiều ngày nay.' }));
    assert.equal(res.statusCode, 200, res.body);
    const [{ service_request_id: id }] = res.json();
    const [c] = await h.ctx.database.rows<{ place: string }>(sql`select place_unit_code as place from cases_case where id = ${id}`);
    assert.equal(c.place, A);
    const unknown = await post(example({ jurisdiction_id: '', lat: '', long: '', address_string: 'Một nơi nào đó', description: 'Đèn đường hỏng ở một nơi không rõ.' }));
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.json()[0].description, /jurisdiction_id/);
  });

  test('errors in the standard\'s shape, nothing written', async () => {
    const before = await count();
    const cases: [Record<string, string>, number, RegExp][] = [
      [example({ service_code: '' }), 400, /service_code/],
      [example({ description: 'ngắn' }), 400, /description/],
      [example({ service_code: 'khong_co' }), 400, /Lĩnh vực/],
      [example({ lat: '16.4', long: '' }), 400, /lat và long/],
      [example({ jurisdiction_id: '99999' }), 404, /jurisdiction_id/],
      [example({ lat: 'abc' }), 400, /lat/],
      [example({ api_key: 'o311_sai' }), 403, /api_key/],
    ];
    for (const [fields, status, pattern] of cases) {
      const res = await post(fields);
      assert.equal(res.statusCode, status, res.body);
      const body = res.json();
      assert.ok(Array.isArray(body) && body[0].code === status, res.body);
      assert.match(body.map((e: { description: string }) => e.description).join(' '), pattern);
    }
    assert.equal(await count(), before);
    assert.equal((await get('/open311/v2/requests.csv')).statusCode, 404);
    assert.equal((await get('/open311/v2/requests/khong-phai-id.json')).statusCode, 404);
    assert.equal((await get('/open311/v2/requests.json?status=dang_mo')).statusCode, 400);
  });

  test('api_key: issued in the console, recorded with the request, revoked', async () => {
    assert.equal((await h.app.inject({ method: 'POST', url: '/api/open311/keys', headers: { cookie: provinceAdmin }, payload: { name: 'Ứng dụng Huế-S' } })).statusCode, 403);
    const issued = await h.app.inject({ method: 'POST', url: '/api/open311/keys', headers: { cookie: centralAdmin }, payload: { name: 'Ứng dụng Huế-S' } });
    assert.equal(issued.statusCode, 201, issued.body);
    const { id, key } = issued.json();
    const res = await post(example({ api_key: key, description: 'Cây xanh gãy cành trên đường Lê Lợi.' }));
    assert.equal(res.statusCode, 200, res.body);
    const [{ api_key_id: recorded }] = await h.ctx.database.rows<{ api_key_id: string }>(sql`select api_key_id from portal_submission where case_id = ${res.json()[0].service_request_id}`);
    assert.equal(recorded, id);
    const keys = (await h.app.inject({ method: 'GET', url: '/api/open311/keys', headers: { cookie: centralAdmin } })).json();
    const mine = keys.items.find((k: { id: string }) => k.id === id);
    assert.equal(mine.requests, 1);
    assert.equal(mine.hint, key.slice(-4));
    assert.ok(!JSON.stringify(keys).includes(key), 'the key is shown once, never listed');
    assert.equal((await h.app.inject({ method: 'DELETE', url: `/api/open311/keys/${id}`, headers: { cookie: centralAdmin } })).statusCode, 200);
    assert.equal((await post(example({ api_key: key }))).statusCode, 403);
  });

  test('XML, the standard\'s default format: services, a new request, reading it back, errors', async () => {
    const services = await get('/open311/v2/services.xml');
    assert.match(String(services.headers['content-type']), /^text\/xml/);
    assert.match(services.body, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<services><service><service_code>/);
    assert.match(services.body, /<service><service_code>moi_truong<\/service_code><service_name>Môi trường<\/service_name>.*?<metadata>false<\/metadata><type>realtime<\/type>/);
    const created = await h.app.inject({
      method: 'POST', url: '/open311/v2/requests.xml', remoteAddress: '203.0.113.40',
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(example({ description: 'Nắp cống bị vỡ trước số 3 Lê Lợi, <nguy hiểm> & cần thay.' })),
    });
    assert.equal(created.statusCode, 200, created.body);
    const id = /<service_request_id>([0-9a-f-]{36})<\/service_request_id>/.exec(created.body)?.[1];
    assert.ok(id, created.body);
    assert.match(created.body, /<account_id\/>/);
    const read = await get(`/open311/v2/requests/${id}.xml`);
    assert.match(read.body, /^<\?xml[^>]*>\n<service_requests><request><service_request_id>/);
    assert.match(read.body, /<description>Nắp cống bị vỡ trước số 3 Lê Lợi, &lt;nguy hiểm&gt; &amp; cần thay\.<\/description>/);
    assert.match(read.body, /<status>open<\/status>/);
    const error = await h.app.inject({ method: 'POST', url: '/open311/v2/requests.xml', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ service_code: 'moi_truong', description: 'ngắn' }) });
    assert.equal(error.statusCode, 400);
    assert.match(error.body, /<errors><error><code>400<\/code><description>[^<]+<\/description><\/error>/);
    assert.match((await get('/open311/v2/discovery.xml')).body, /<formats><format>text\/xml<\/format><format>application\/json<\/format><\/formats>/);
  });

  test('the same limits as the portal', async () => {
    const limited = await harness({ PORTAL_SUBMISSIONS_PER_HOUR_IP: '2' });
    try {
      await limited.given.organisation(A, { name: 'UBND phường Phú Xuân' });
      const send = () => limited.app.inject({ method: 'POST', url: '/open311/v2/requests.json', remoteAddress: '198.51.100.30', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(example()) });
      assert.equal((await send()).statusCode, 200);
      assert.equal((await send()).statusCode, 200);
      const third = await send();
      assert.equal(third.statusCode, 429);
      assert.equal(third.json()[0].code, 429);
      assert.ok(Number(third.headers['retry-after']) > 0);
    } finally { await limited.close(); }
  });
});
