// The residents' side over HTTP on a real database, with mail delivered over SMTP to a local server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { harness, type Harness } from '../../testing/given.ts';
import { startSmtp, type LocalSmtp } from '../../testing/smtp.ts';
import { deliverDue, transportsFor } from '../../platform/outbox.ts';
import { parseTrackingCode } from './portal.tracking.ts';

let h: Harness;
let smtp: LocalSmtp;
let inbox: ParsedMail[] = [];
let handler: string; let leader: string; let handlerOther: string;
const A = '19753'; const B = '19789';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

before(async () => {
  smtp = await startSmtp();
  inbox = smtp.inbox;
  h = await harness({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://caunoi.example.vn', PORTAL_SUBMISSIONS_PER_HOUR_DEVICE: '3', TRACK_FAILURES_PER_15MIN: '5', LOG_LEVEL: process.env.TEST_LOG ?? 'silent' });
  const orgA = await h.given.organisation(A, { name: 'UBND phường Phú Xuân' });
  handler = (await h.given.official('handler', A, { organisation: orgA })).cookie;
  leader = (await h.given.official('leader', A, { organisation: orgA })).cookie;
  const orgB = await h.given.organisation(B, { name: 'UBND phường Thuận Hóa' });
  handlerOther = (await h.given.official('handler', B, { organisation: orgB })).cookie;
  await h.given.sealingKeys(A, B);
});
after(async () => { await h.close(); await smtp.close(); });

let n = 0;
const key = () => `test-key-${Date.now()}-${n++}`;
const reflection = (over: Record<string, unknown> = {}) => ({
  kind: 'phan_anh', fieldCode: 'moi_truong', title: 'Rác thải tồn đọng ở kiệt 12 Lê Lợi',
  content: 'Rác thải sinh hoạt tồn đọng nhiều ngày ở đầu kiệt 12 Lê Lợi, bốc mùi, đề nghị phường cho thu gom.',
  place: { unitCode: A, address: 'Kiệt 12 Lê Lợi' }, petitioner: { email: 'nguoidan@example.vn' }, consent: true, ...over,
});

const send = (body: unknown, opts: { key?: string; device?: string; ip?: string } = {}) => h.app.inject({
  method: 'POST', url: '/api/public/cases', payload: body as object, remoteAddress: opts.ip ?? '203.0.113.10',
  headers: { ...(opts.key !== undefined ? { 'idempotency-key': opts.key } : { 'idempotency-key': key() }), ...(opts.device ? { 'x-device-id': opts.device } : {}) },
});
const track = (code: string, secret: string, ip = '198.51.100.7') => h.app.inject({ method: 'POST', url: '/api/public/track', payload: { code, secret }, remoteAddress: ip });
const officer = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  h.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
const count = async (table: string) => Number((await h.ctx.database.rows<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0].n);

function multipart(data: unknown, files: { name: string; bytes: Buffer; type: string }[]) {
  const boundary = '----caunoi' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(data)}\r\n`)];
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('sending a concern', () => {
  test('a reflection gets a tracking code and a secret, and the receipt arrives by email over SMTP', async () => {
    const res = await send(reflection());
    assert.equal(res.statusCode, 201, res.body);
    const r = res.json();
    assert.match(r.trackingCode, /^CN-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.match(r.secret, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(r.receivingUnit.code, A);
    assert.equal(r.kindName, 'phản ánh');
    assert.equal(r.emailQueued, true);
    assert.ok(r.dueOn && r.dueOnLunar.includes('âm lịch'));
    const before = inbox.length;
    assert.deepEqual(await deliverDue(h.ctx, transportsFor(h.ctx.config)), { sent: 1, failed: 0 });
    const mail = inbox[before];
    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.text : '', 'nguoidan@example.vn');
    assert.match(mail.subject ?? '', new RegExp(`Đã nhận đơn .* ${r.trackingCode}`));
    assert.ok(mail.text?.includes(r.secret), 'the receipt carries the secret');
    assert.ok(mail.text?.includes(`https://caunoi.example.vn/theo-doi?ma=${r.trackingCode}`));
    // Neither the email address nor the secret is stored in clear.
    const rows = await h.ctx.database.rows<Record<string, unknown>>(sql`select * from portal_submission where tracking_code = ${r.trackingCode}`);
    const outbox = await h.ctx.database.rows<Record<string, unknown>>(sql`select * from message_outbox`);
    assert.ok(!JSON.stringify(rows).includes('nguoidan@') && !JSON.stringify(rows).includes(r.secret));
    assert.ok(!JSON.stringify(outbox.map((o) => o.recipient_sealed)).includes('nguoidan@'));
  });

  test('each kind: a complaint and a denunciation need name and address; a reflection may be anonymous', async () => {
    const anonymous = await send(reflection({ petitioner: {} }));
    assert.equal(anonymous.statusCode, 201);
    assert.equal(anonymous.json().emailQueued, false);
    for (const kind of ['khieu_nai', 'to_cao']) {
      const before = await count('cases_case');
      const res = await send(reflection({ kind, fieldCode: 'dat_dai', petitioner: { name: 'Lê Văn Cường' } }));
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().code, kind === 'khieu_nai' ? 'complaint_needs_identity' : 'denunciation_needs_identity');
      assert.equal(await count('cases_case'), before, 'nothing written');
    }
    const complaint = await send(reflection({ kind: 'khieu_nai', fieldCode: 'dat_dai', petitioner: { name: 'Lê Văn Cường', address: '3 Trần Phú, Phú Xuân' } }));
    assert.equal(complaint.statusCode, 201, complaint.body);
    const recommendation = await send(reflection({ kind: 'kien_nghi', petitioner: {} }));
    assert.equal(recommendation.statusCode, 201);
    const denunciation = await send(reflection({
      kind: 'to_cao', fieldCode: 'tham_nhung_tieu_cuc', title: 'Tố cáo cán bộ nhận tiền', content: 'Tôi tố cáo cán bộ địa chính nhận tiền khi làm thủ tục đất đai.',
      petitioner: { name: 'Trần Thị Bình', address: '5 Hùng Vương', email: 'binh@example.vn' },
    }));
    assert.equal(denunciation.statusCode, 201, denunciation.body);
    const [c] = await h.ctx.database.rows<{ petitioner: unknown; confidential: boolean; channel: string }>(sql`
      select c.petitioner, c.confidential, c.channel from cases_case c join portal_submission s on s.case_id = c.id where s.tracking_code = ${denunciation.json().trackingCode}`);
    assert.equal(c.petitioner, null, 'the denouncer is sealed, not in the case row');
    assert.equal(c.confidential, true);
    assert.equal(c.channel, 'portal');
  });

  test('retrying with the same idempotency key never makes a second case; other content with that key is refused', async () => {
    const k = key();
    const first = await send(reflection({ title: 'Đèn đường hỏng ở đường Lê Lợi' }), { key: k });
    assert.equal(first.statusCode, 201);
    const before = await count('cases_case');
    const again = await send(reflection({ title: 'Đèn đường hỏng ở đường Lê Lợi' }), { key: k });
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), { ...first.json(), emailQueued: true });
    const racing = await Promise.all([1, 2, 3].map(() => send(reflection({ title: 'Đèn đường hỏng ở đường Lê Lợi' }), { key: k })));
    assert.ok(racing.every((r) => r.statusCode === 200 && r.json().trackingCode === first.json().trackingCode));
    assert.equal(await count('cases_case'), before);
    const other = await send(reflection({ title: 'Một nội dung khác hẳn' }), { key: k });
    assert.equal(other.statusCode, 409);
    assert.equal(other.json().code, 'idempotency_conflict');
    const missing = await send(reflection(), { key: '' });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().code, 'idempotency_key_required');
  });

  test('photos go with the submission; a file that lies about its type is refused and nothing is written', async () => {
    const ok = multipart(reflection(), [{ name: 'anh-rac.png', bytes: PNG, type: 'image/png' }]);
    const res = await h.app.inject({ method: 'POST', url: '/api/public/cases', payload: ok.payload, headers: { ...ok.headers, 'idempotency-key': key() } });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().attachments, 1);
    const before = await count('cases_case');
    const lying = multipart(reflection(), [{ name: 'anh.jpg', bytes: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'), type: 'image/jpeg' }]);
    const bad = await h.app.inject({ method: 'POST', url: '/api/public/cases', payload: lying.payload, headers: { ...lying.headers, 'idempotency-key': key() } });
    assert.equal(bad.statusCode, 415);
    assert.equal(bad.json().code, 'attachment_type_mismatch');
    const tooMany = multipart(reflection(), Array.from({ length: 6 }, (_, i) => ({ name: `a${i}.png`, bytes: PNG, type: 'image/png' })));
    const many = await h.app.inject({ method: 'POST', url: '/api/public/cases', payload: tooMany.payload, headers: { ...tooMany.headers, 'idempotency-key': key() } });
    assert.equal(many.statusCode, 400);
    assert.equal(many.json().code, 'too_many_files');
    const badJson = multipart(reflection({ title: '' }), []);
    const invalid = await h.app.inject({ method: 'POST', url: '/api/public/cases', payload: badJson.payload, headers: { ...badJson.headers, 'idempotency-key': key() } });
    assert.equal(invalid.statusCode, 400);
    assert.ok(invalid.json().errors.some((e: { field: string }) => e.field === 'title'));
    assert.equal(await count('cases_case'), before);
  });

  test('bad input: clear Vietnamese errors, nothing written', async () => {
    const before = await count('cases_case');
    const cases: [unknown, number, string, string?][] = [
      [reflection({ consent: false }), 400, 'consent_required'],
      [reflection({ title: '' }), 400, 'validation_failed', 'title'],
      [reflection({ content: 'x'.repeat(20_001) }), 400, 'validation_failed', 'content'],
      [reflection({ kind: 'khen_thuong' }), 400, 'validation_failed', 'kind'],
      [reflection({ place: { unitCode: 99999 } }), 400, 'validation_failed', 'place.unitCode'],
      [reflection({ place: { unitCode: 'ZZ999' } }), 404, 'unit_not_found'],
      [reflection({ fieldCode: 'khong_co' }), 400, 'field_not_found'],
      [reflection({ petitioner: { email: 'không-phải-thư' } }), 400, 'validation_failed', 'petitioner.email'],
      [reflection({ extra: 1 }), 400, 'validation_failed'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await send(body);
      assert.equal(res.statusCode, status, `${code}: ${res.body}`);
      const p = res.json();
      assert.equal(p.code, code);
      assert.match(p.detail, /[àáảãạăâđêôơư]/i, 'the message is Vietnamese');
      if (field) assert.ok(p.errors.some((e: { field: string }) => e.field === field), `${field} in ${res.body}`);
    }
    assert.equal(await count('cases_case'), before);
  });

  test('too many submissions from one device get a clear message and a Retry-After', async () => {
    const device = 'device-abcdef-123';
    for (let i = 0; i < 3; i++) assert.equal((await send(reflection({ title: `Phản ánh số ${i + 1} về rác thải` }), { device, ip: '203.0.113.50' })).statusCode, 201);
    const before = await count('cases_case');
    const limited = await send(reflection({ title: 'Phản ánh thứ tư về rác thải' }), { device, ip: '203.0.113.51' });
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().code, 'rate_limited');
    assert.match(limited.json().detail, /thử lại sau \d+ (giây|phút)/);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.equal(await count('cases_case'), before);
    // Another device on that address is not held back.
    assert.equal((await send(reflection({ title: 'Phản ánh từ máy khác về rác' }), { device: 'device-other-456', ip: '203.0.113.50' })).statusCode, 201);
  });
});

describe('markup from residents', () => {
  test('is kept as written and given back as text', async () => {
    const title = '<script>alert(1)</script> Rác <b>tràn</b> ra đường';
    const res = await send(reflection({ title, content: 'Nội dung có thẻ <img src=x onerror=alert(1)> và ký tự < 5 mét.' }));
    assert.equal(res.statusCode, 201, res.body);
    const view = (await track(res.json().trackingCode, res.json().secret)).json();
    assert.equal(view.title, title);
  });
});

describe('following a case', () => {
  test('acceptance, transfer, extension and answer: the tracking page in plain words and an email each time; then a rating', async () => {
    const r = (await send(reflection({ title: 'Nước ngập đường Lê Lợi khi mưa', petitioner: { email: 'theodoi@example.vn', phone: '0905111222' } }))).json();
    await deliverDue(h.ctx, transportsFor(h.ctx.config));
    let view = (await track(r.trackingCode, r.secret)).json();
    assert.equal(view.state, 'received');
    assert.equal(view.stateText, 'Đã nhận đơn');
    assert.ok(view.dueOnLunar);
    assert.equal(view.canRate, false);
    // Typed the way people type: lower case, spaces, O for zero.
    const sloppy = await track(r.trackingCode.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o'), r.secret.toLowerCase());
    assert.equal(sloppy.statusCode, 200);

    const [{ id }] = await h.ctx.database.rows<{ id: string }>(sql`select case_id as id from portal_submission where tracking_code = ${r.trackingCode}`);
    const step = async (cookie: string, body: unknown) => {
      const res = await officer(cookie, 'POST', `/api/cases/${id}/events`, body);
      assert.equal(res.statusCode, 200, res.body);
    };
    const mails = inbox.length;
    await step(handler, { type: 'transferred', toUnitCode: B, reason: 'Địa điểm thuộc phường Thuận Hóa' });
    await step(handlerOther, { type: 'accepted' });
    await step(handlerOther, { type: 'answered', answer: 'Phường đã cho nạo vét cống thoát nước trên đường Lê Lợi ngày 20/11.', publishable: true });
    assert.deepEqual(await deliverDue(h.ctx, transportsFor(h.ctx.config)), { sent: 3 + 3, failed: 0 }, 'three emails and three SMS');
    const subjects = inbox.slice(mails).map((m) => m.subject);
    assert.deepEqual(subjects, [
      `[Cầu Nối] Đơn ${r.trackingCode} đã được chuyển đến Phường Thuận Hóa`,
      `[Cầu Nối] Đơn ${r.trackingCode} đã được thụ lý`,
      `[Cầu Nối] Đơn ${r.trackingCode} đã có trả lời`,
    ]);
    assert.ok(inbox.at(-1)!.text!.includes('nạo vét cống'));
    assert.ok(inbox.slice(mails).every((m) => !m.text!.includes(r.secret)), 'only the receipt carries the secret');

    view = (await track(r.trackingCode, r.secret)).json();
    assert.equal(view.state, 'answered');
    assert.equal(view.answer.text, 'Phường đã cho nạo vét cống thoát nước trên đường Lê Lợi ngày 20/11.');
    assert.equal(view.responsibleUnit.code, B);
    const transfer = view.steps.find((s: { text: string }) => s.text.startsWith('Chuyển đơn đến'));
    assert.equal(transfer.reason, 'Địa điểm thuộc phường Thuận Hóa');
    assert.equal(view.canRate, true);
    assert.ok(!JSON.stringify(view).includes('theodoi@'), 'the view holds no contact');

    const rated = await h.app.inject({ method: 'POST', url: '/api/public/track/rating', payload: { code: r.trackingCode, secret: r.secret, score: 4, comment: 'Xử lý nhanh, cảm ơn phường.' } });
    assert.equal(rated.statusCode, 200, rated.body);
    assert.deepEqual(rated.json().rating.score, 4);
    assert.equal(rated.json().canRate, false);
    const twice = await h.app.inject({ method: 'POST', url: '/api/public/track/rating', payload: { code: r.trackingCode, secret: r.secret, score: 1 } });
    assert.equal(twice.json().code, 'rating_exists');
    // The rating counts for the unit that answered.
    const figuresRes = await officer(handlerOther, 'GET', `/api/satisfaction?unit=${B}`);
    assert.equal(figuresRes.statusCode, 200, figuresRes.body);
    const figures = figuresRes.json();
    assert.equal(figures.count, 1);
    assert.equal(figures.average, 4);
    assert.deepEqual(figures.distribution, [0, 0, 0, 1, 0]);
    assert.equal((await officer(handler, 'GET', `/api/satisfaction?unit=${B}`)).statusCode, 403);
  });

  test('a denunciation\'s extension is announced with its new due date and reason', async () => {
    const r = (await send(reflection({
      kind: 'to_cao', fieldCode: 'tham_nhung_tieu_cuc', title: 'Tố cáo cán bộ thu tiền sai quy định', content: 'Cán bộ phường thu tiền vệ sinh cao hơn mức quy định mà không có biên lai.',
      petitioner: { name: 'Hồ Văn Em', address: '9 Nguyễn Huệ', email: 'em@example.vn' },
    }))).json();
    const [{ id }] = await h.ctx.database.rows<{ id: string }>(sql`select case_id as id from portal_submission where tracking_code = ${r.trackingCode}`);
    assert.equal((await officer(handler, 'POST', `/api/cases/${id}/events`, { type: 'accepted' })).statusCode, 200);
    const ext = await officer(leader, 'POST', `/api/cases/${id}/events`, { type: 'extended', decisionNumber: '21/QĐ-UBND', days: 30, reason: 'Cần xác minh thêm tại hai đơn vị' });
    assert.equal(ext.statusCode, 200, ext.body);
    const before = inbox.length;
    await deliverDue(h.ctx, transportsFor(h.ctx.config));
    const mails = inbox.slice(before).map((m) => m.subject);
    assert.ok(mails.includes(`[Cầu Nối] Đơn ${r.trackingCode} đã được thụ lý`));
    const extension = inbox.slice(before).find((m) => m.subject === `[Cầu Nối] Đơn ${r.trackingCode} được gia hạn giải quyết`);
    assert.ok(extension, mails.join('; '));
    assert.match(extension.text ?? '', /thêm 30 ngày \(quyết định số 21\/QĐ-UBND\)/);
    assert.match(extension.text ?? '', /Lý do: Cần xác minh thêm tại hai đơn vị/);
    assert.ok(!(extension.text ?? '').includes('Hồ Văn Em'));
    const view = (await track(r.trackingCode, r.secret)).json();
    const step = view.steps.find((s: { text: string }) => s.text.startsWith('Gia hạn'));
    assert.equal(step.reason, 'Cần xác minh thêm tại hai đơn vị');
  });

  test('a rating before the answer is refused', async () => {
    const r = (await send(reflection({ title: 'Cây đổ chắn đường sau bão' }))).json();
    const res = await h.app.inject({ method: 'POST', url: '/api/public/track/rating', payload: { code: r.trackingCode, secret: r.secret, score: 5 } });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'rating_not_open');
  });

  test('guessing: a wrong secret looks like a wrong code, and after the limit even the right pair waits', async () => {
    const r = (await send(reflection({ title: 'Ổ gà trên đường Hùng Vương' }))).json();
    const wrong = await track(r.trackingCode, 'AAAA-AAAA', '192.0.2.1');
    const unknown = await track('CN-0000-0000', r.secret, '192.0.2.1');
    assert.equal(wrong.statusCode, 404);
    assert.deepEqual(wrong.json(), unknown.json());
    assert.equal(wrong.json().code, 'tracking_not_found');
    for (let i = 0; i < 3; i++) await track(r.trackingCode, `BBBB-BBB${i}`, '192.0.2.1');
    const blocked = await track(r.trackingCode, r.secret, '192.0.2.1');
    assert.equal(blocked.statusCode, 429);
    assert.equal(blocked.json().code, 'rate_limited');
    // Guessing one code from many addresses is held back too.
    const target = (await send(reflection({ title: 'Vỉa hè bị lấn chiếm' }))).json();
    for (let i = 0; i < 5; i++) await track(target.trackingCode, `CCCC-CCC${i}`, `192.0.2.${10 + i}`);
    assert.equal((await track(target.trackingCode, target.secret, '192.0.2.99')).statusCode, 429);
    assert.equal(parseTrackingCode('cn 7k3f 9qxd'), 'CN-7K3F-9QXD');
    assert.equal(parseTrackingCode('abc'), null);
  });
});

describe('published answers', () => {
  test('only answers marked publishable, searchable without diacritics, by field and place, with no personal data', async () => {
    const r = (await send(reflection({ title: 'Đề nghị lắp đèn chiếu sáng kiệt 5 Đống Đa', kind: 'kien_nghi', petitioner: { name: 'Phạm Thị Dung', email: 'dung@example.vn' } }))).json();
    const hidden = (await send(reflection({ title: 'Đề nghị sửa cống kiệt 7 Đống Đa', kind: 'kien_nghi' }))).json();
    for (const [t, publishable] of [[r, true], [hidden, false]] as const) {
      const [{ id }] = await h.ctx.database.rows<{ id: string }>(sql`select case_id as id from portal_submission where tracking_code = ${t.trackingCode}`);
      assert.equal((await officer(handler, 'POST', `/api/cases/${id}/events`, { type: 'accepted' })).statusCode, 200);
      assert.equal((await officer(handler, 'POST', `/api/cases/${id}/events`, { type: 'answered', answer: 'Phường sẽ lắp 3 bóng đèn LED trong quý I năm 2027.', publishable })).statusCode, 200);
    }
    const found = (await h.app.inject({ method: 'GET', url: '/api/public/answers?q=den chieu sang dong da' })).json();
    assert.equal(found.total, 1);
    assert.equal(found.items[0].title, 'Đề nghị lắp đèn chiếu sáng kiệt 5 Đống Đa');
    assert.equal(found.items[0].placeUnit.code, A);
    assert.ok(!JSON.stringify(found).includes('Phạm Thị Dung') && !JSON.stringify(found).includes('dung@'));
    assert.ok(!JSON.stringify(found).includes('content'), 'the resident\'s own words are not published');
    assert.equal((await h.app.inject({ method: 'GET', url: '/api/public/answers?q=sua cong' })).json().total, 0, 'not publishable, not shown');
    assert.equal((await h.app.inject({ method: 'GET', url: `/api/public/answers?field=moi_truong&unit=${A}` })).json().total >= 1, true);
    assert.equal((await h.app.inject({ method: 'GET', url: '/api/public/answers?field=dat_dai&q=den chieu sang' })).json().total, 0);
    assert.equal((await h.app.inject({ method: 'GET', url: `/api/public/answers?unit=${B}&q=den chieu sang` })).json().total, 0);
  });

  test('a complaint\'s answer cannot be published', async () => {
    const c = (await send(reflection({ kind: 'khieu_nai', fieldCode: 'dat_dai', petitioner: { name: 'Lê Văn Cường', address: '3 Trần Phú' } }))).json();
    const [{ id }] = await h.ctx.database.rows<{ id: string }>(sql`select case_id as id from portal_submission where tracking_code = ${c.trackingCode}`);
    await officer(handler, 'POST', `/api/cases/${id}/events`, { type: 'accepted' });
    await officer(handler, 'POST', `/api/cases/${id}/events`, { type: 'verified', findings: 'Đã xác minh tại thực địa.' });
    const decided = await officer(leader, 'POST', `/api/cases/${id}/events`, { type: 'decided', decisionNumber: '15/QĐ-UBND', decidedOn: (await h.ctx.database.rows<{ d: string }>(sql`select to_char(now() at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as d`))[0].d, result: 'dung', summary: 'Khiếu nại đúng.' });
    assert.equal(decided.statusCode, 200, decided.body);
    const res = await officer(handler, 'POST', `/api/cases/${id}/events`, { type: 'answered', answer: 'Gửi quyết định giải quyết khiếu nại.', publishable: true });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'answer_not_publishable');
  });
});

describe('the outbox', () => {
  test('a message that cannot be sent is kept and retried, not lost', async () => {
    await deliverDue(h.ctx, transportsFor(h.ctx.config), 1000);
    const r = (await send(reflection({ title: 'Chợ tạm lấn chiếm lòng đường', petitioner: { email: 'retry@example.vn' } }))).json();
    assert.ok(r.trackingCode);
    const failing = { email: { name: 'down', send: async () => { throw new Error('connection refused'); } } };
    assert.deepEqual(await deliverDue(h.ctx, failing), { sent: 0, failed: 1 });
    const [row] = await h.ctx.database.rows<{ status: string; attempts: number; last_error: string }>(sql`select status, attempts, last_error from message_outbox where status <> 'sent'`);
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 1);
    assert.match(row.last_error, /connection refused/);
    assert.deepEqual(await deliverDue(h.ctx, transportsFor(h.ctx.config)), { sent: 0, failed: 0 }, 'not before its next attempt');
    await h.ctx.database.db.execute(sql`update message_outbox set next_attempt_at = now() where status = 'pending'`);
    const before = inbox.length;
    assert.deepEqual(await deliverDue(h.ctx, transportsFor(h.ctx.config)), { sent: 1, failed: 0 });
    assert.match(inbox[before].subject ?? '', /Đã nhận đơn/);
  });
});

describe('malformed multipart', () => {
  test('extra fields, a broken body or a missing data part: a clear 400, nothing written', async () => {
    const before = await count('cases_case');
    const boundary = '----caunoiextra';
    const many = Array.from({ length: 6 }, (_, i) => `--${boundary}\r\nContent-Disposition: form-data; name="x${i}"\r\n\r\nv\r\n`).join('') + `--${boundary}--\r\n`;
    for (const payload of [many, `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\n\r\nabc`, `--${boundary}--\r\n`]) {
      const res = await h.app.inject({ method: 'POST', url: '/api/public/cases', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'idempotency-key': key() } });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().code, 'validation_failed');
    }
    assert.equal(await count('cases_case'), before);
  });
});
