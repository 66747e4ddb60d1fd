// The resident's whole journey in Chromium at 390 px, with mail delivered over SMTP to a local server by the app's own
// outbox worker: each of the four kinds is sent and its receipt arrives by email; the reflection is accepted and
// answered by the commune's official (emails again), followed on the track page, rated, and found on the public
// answers page without diacritics. Then an Open311 client (curl, speaking the standard's form-encoded requests)
// creates a request and reads it back.
//   npm run build && node --test e2e/resident-journey.test.ts
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ParsedMail } from 'mailparser';
import { startSmtp, type LocalSmtp } from '../src/testing/smtp.ts';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SHOTS, startApp, type Running } from './server.ts';
import { noOverflow, noRawKeys } from './ui.ts';

const run = promisify(execFile);
let app: Running;
let browser: Browser;
let smtp: LocalSmtp;
let inbox: ParsedMail[] = [];

before(async () => {
  smtp = await startSmtp();
  inbox = smtp.inbox;
  process.env.SMTP_URL = smtp.url;
  process.env.PUBLIC_URL = 'http://127.0.0.1:3483';
  app = await startApp(3483);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await app?.stop();
  await smtp?.close();
  delete process.env.SMTP_URL;
  delete process.env.PUBLIC_URL;
});

/** The first mail whose subject matches, waiting for the outbox worker (it runs every 5 s). */
async function mail(subject: RegExp, timeoutMs = 30_000): Promise<ParsedMail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = inbox.find((m) => subject.test(m.subject ?? ''));
    if (found) return found;
    if (Date.now() > until) throw new Error(`no mail matching ${subject}; got: ${inbox.map((m) => m.subject).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const KINDS = [
  { kind: 'kien_nghi', title: 'Đề nghị lắp đèn chiếu sáng kiệt 5 Đống Đa', content: 'Kiệt 5 Đống Đa chưa có đèn chiếu sáng, buổi tối người dân đi lại khó khăn. Đề nghị phường lắp đèn.' },
  { kind: 'phan_anh', title: 'Rác thải tồn đọng ở đầu kiệt 12 Lê Lợi', content: 'Rác thải sinh hoạt tồn đọng nhiều ngày ở đầu kiệt 12 Lê Lợi, bốc mùi, đề nghị phường cho thu gom sớm.' },
  { kind: 'khieu_nai', title: 'Khiếu nại quyết định xử phạt vi phạm hành chính', content: 'Tôi không đồng ý với quyết định xử phạt số 45/QĐ-XPHC vì tôi không lấn chiếm vỉa hè như biên bản ghi.' },
  { kind: 'to_cao', title: 'Tố cáo cán bộ thu tiền không có biên lai', content: 'Cán bộ phường thu tiền vệ sinh của các hộ kinh doanh mà không đưa biên lai, số tiền cao hơn mức quy định.' },
] as const;

async function send(page: Page, k: (typeof KINDS)[number], i: number): Promise<{ code: string; secret: string }> {
  await page.goto(`${app.url}/gui-y-kien`);
  // The last receipt stays on the page for this tab: "send another" starts a new form.
  await page.getByTestId('send-form').or(page.getByTestId('receipt')).first().waitFor();
  if (await page.getByTestId('receipt').isVisible()) await page.getByTestId('receipt-another').click();
  await page.getByTestId('send-form').waitFor();
  await page.getByTestId(`send-kind-${k.kind}`).check();
  await page.getByTestId('send-unit-search').fill('phu xuan');
  await page.getByTestId('send-unit-result-19753').click();
  await page.getByTestId('send-address').fill(`${10 + i} Lê Lợi`);
  const field = page.getByTestId('send-field');
  await field.locator('option:not([value=""])').first().waitFor({ state: 'attached' });
  await field.selectOption({ index: 1 + i });
  await page.getByTestId('send-title').fill(k.title);
  await page.getByTestId('send-content').fill(k.content);
  await page.getByTestId('send-name').fill('Nguyễn Thị Hoa');
  await page.getByTestId('send-contact-address').fill('12 Lê Lợi, phường Phú Xuân');
  await page.getByTestId('send-email').fill(`hoa.${k.kind}@example.vn`);
  await page.getByTestId('send-consent').check();
  await page.getByTestId('send-submit').click();
  await page.getByTestId('receipt').waitFor();
  return { code: (await page.getByTestId('receipt-code').innerText()).trim(), secret: (await page.getByTestId('receipt-secret').innerText()).trim() };
}

async function signIn(username: string): Promise<string> {
  const res = await fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'caunoi-demo-2026' }) });
  assert.equal(res.status, 200, await res.text());
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

test('a resident sends each kind, gets the code by email, follows the case to its answer, rates it, and finds the answer published', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const receipts: Record<string, { code: string; secret: string }> = {};
  for (const [i, k] of KINDS.entries()) {
    receipts[k.kind] = await send(page, k, i);
    const m = await mail(new RegExp(`Đã nhận đơn .*${receipts[k.kind].code}`));
    assert.equal(m.to && !Array.isArray(m.to) ? m.to.text : '', `hoa.${k.kind}@example.vn`);
    assert.ok(m.text?.includes(receipts[k.kind].secret), `the ${k.kind} receipt mail carries the secret`);
  }
  await page.screenshot({ path: `${SHOTS}/journey-receipt-to_cao-390.png`, fullPage: true });

  // The commune's official accepts and answers the reflection, marking the answer publishable.
  const cookie = await signIn('phuxuan.xuly');
  const found = await (await fetch(`${app.url}/api/cases?q=${encodeURIComponent('rac thai ton dong')}`, { headers: { cookie } })).json() as { items: { id: string; channel: string }[] };
  assert.equal(found.items.length, 1);
  assert.equal(found.items[0].channel, 'portal');
  const id = found.items[0].id;
  for (const body of [{ type: 'accepted' }, { type: 'answered', answer: 'Ngày 24/11, Tổ dân phố đã phối hợp Công ty Môi trường thu gom toàn bộ rác tại đầu kiệt 12 Lê Lợi và đặt thêm thùng rác công cộng.', publishable: true }]) {
    const r = await fetch(`${app.url}/api/cases/${id}/events`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal(r.status, 200, await r.text());
  }
  const code = receipts.phan_anh.code;
  await mail(new RegExp(`Đơn ${code} đã được thụ lý`));
  const answered = await mail(new RegExp(`Đơn ${code} đã có trả lời`));
  assert.match(answered.text ?? '', /thu gom toàn bộ rác/);
  assert.match(answered.text ?? '', new RegExp(`/theo-doi\\?ma=${code}`));

  // The resident follows the link from the mail, types the secret, reads the answer in plain words and rates it.
  await page.goto(`${app.url}/theo-doi?ma=${code}`);
  await page.getByTestId('track-secret').fill(receipts.phan_anh.secret);
  await page.getByTestId('track-submit').click();
  await page.getByTestId('track-result').waitFor();
  assert.match(await page.getByTestId('track-state-text').innerText(), /Đã trả lời/);
  assert.match(await page.getByTestId('track-answer').innerText(), /thu gom toàn bộ rác/);
  assert.match(await page.getByTestId('track-steps').innerText(), /Thụ lý đơn/);
  assert.ok(!page.url().includes(receipts.phan_anh.secret), 'the secret stays out of the address');
  await noRawKeys(page, 'track answered');
  await noOverflow(page, 'track answered at 390');
  await page.getByTestId('track-rate-5').check();
  await page.getByTestId('track-rate-comment').fill('Phường xử lý nhanh, cảm ơn.');
  await page.getByTestId('track-rate-submit').click();
  await page.getByTestId('track-rated').waitFor();
  await page.screenshot({ path: `${SHOTS}/journey-track-rated-390.png`, fullPage: true });
  const figures = await (await fetch(`${app.url}/api/satisfaction?unit=19753`, { headers: { cookie } })).json() as { count: number; average: number };
  assert.equal(figures.count, 1);
  assert.equal(figures.average, 5);

  // The other kinds' tracking pages say they were received; the denunciation's view names no one.
  await page.goto(`${app.url}/theo-doi`);
  await page.getByTestId('track-code').fill(receipts.to_cao.code.toLowerCase());
  await page.getByTestId('track-secret').fill(receipts.to_cao.secret);
  await page.getByTestId('track-submit').click();
  await page.getByTestId('track-result').waitFor();
  assert.match(await page.getByTestId('track-state-text').innerText(), /Đã nhận đơn/);
  assert.ok(!(await page.getByTestId('track-result').innerText()).includes('Nguyễn Thị Hoa'));

  // The published answer, found without diacritics; the resident's own words are not on the page.
  await page.goto(`${app.url}/tra-loi`);
  await page.getByRole('searchbox').first().fill('rac thai le loi');
  await page.getByText('Rác thải tồn đọng ở đầu kiệt 12 Lê Lợi').first().waitFor();
  const text = await page.locator('main').innerText();
  assert.match(text, /thu gom toàn bộ rác/);
  assert.ok(!text.includes('Nguyễn Thị Hoa') && !text.includes('bốc mùi'), 'no name, no content of the request');
  await page.screenshot({ path: `${SHOTS}/journey-answers-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: `${SHOTS}/journey-answers-1366.png`, fullPage: true });
  await context.close();
});

test('an Open311 client creates a request and reads it back', async () => {
  const base = `${app.url}/open311/v2`;
  const services = JSON.parse((await run('curl', ['-s', `${base}/services.json`])).stdout) as { service_code: string }[];
  assert.ok(services.some((s) => s.service_code === 'moi_truong'));
  const posted = await run('curl', ['-s', '-w', '\n%{http_code}', '-X', 'POST', `${base}/requests.json`,
    '--data-urlencode', 'jurisdiction_id=19753', '--data-urlencode', 'service_code=moi_truong',
    '--data-urlencode', 'lat=16.4637', '--data-urlencode', 'long=107.5909',
    '--data-urlencode', 'address_string=30 Lê Lợi, Phường Phú Xuân, Thành phố Huế',
    '--data-urlencode', 'email=ungdung@example.vn', '--data-urlencode', 'first_name=An', '--data-urlencode', 'last_name=Trần',
    '--data-urlencode', 'description=Cây xanh gãy cành chắn ngang vỉa hè trước số 30 Lê Lợi.']);
  const [json, status] = posted.stdout.trim().split('\n');
  assert.equal(status, '200', posted.stdout);
  const [{ service_request_id: id, service_notice: notice }] = JSON.parse(json) as { service_request_id: string; service_notice: string }[];
  assert.match(notice, /Mã tra cứu CN-/);
  const [read] = JSON.parse((await run('curl', ['-s', `${base}/requests/${id}.json`])).stdout) as { status: string; description: string; lat: number }[];
  assert.equal(read.status, 'open');
  assert.equal(read.description, 'Cây xanh gãy cành chắn ngang vỉa hè trước số 30 Lê Lợi.');
  assert.equal(read.lat, 16.4637);
  const list = JSON.parse((await run('curl', ['-s', `${base}/requests.json?service_code=moi_truong&status=open`])).stdout) as { service_request_id: string }[];
  assert.ok(list.some((r) => r.service_request_id === id));
  const bad = await run('curl', ['-s', '-X', 'POST', `${base}/requests.json`, '--data-urlencode', 'service_code=moi_truong', '--data-urlencode', 'description=ngắn']);
  const errors = JSON.parse(bad.stdout) as { code: number; description: string }[];
  assert.equal(errors[0].code, 400);

  // XML, the standard's default format, read by a real XML parser (the browser's).
  const xmlPosted = await run('curl', ['-s', '-X', 'POST', `${base}/requests.xml`, '--data-urlencode', 'jurisdiction_id=19753', '--data-urlencode', 'service_code=giao_thong',
    '--data-urlencode', 'address_string=Cầu Trường Tiền, Phường Phú Xuân, Thành phố Huế', '--data-urlencode', 'description=Biển báo <cấm đỗ> & đèn tín hiệu ở đầu cầu bị hỏng.']);
  const page = await browser.newPage();
  try {
    const parse = (xml: string, selector: string) => page.evaluate(([x, sel]) => {
      const doc = new DOMParser().parseFromString(x, 'text/xml');
      return doc.querySelector('parsererror') ? 'parsererror' : doc.querySelector(sel)?.textContent ?? null;
    }, [xml, selector] as const);
    const xmlId = await parse(xmlPosted.stdout, 'service_requests > request > service_request_id');
    assert.match(String(xmlId), /^[0-9a-f-]{36}$/, xmlPosted.stdout);
    const back = (await run('curl', ['-s', `${base}/requests/${xmlId}.xml`])).stdout;
    assert.equal(await parse(back, 'request > description'), 'Biển báo <cấm đỗ> & đèn tín hiệu ở đầu cầu bị hỏng.');
    assert.equal(await parse((await run('curl', ['-s', `${base}/services.xml`])).stdout, 'services > service > service_code') !== 'parsererror', true);
  } finally { await page.close(); }
});
