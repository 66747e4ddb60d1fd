// In Chromium at phone width: a resident goes from the home page to the send page, writes a phản ánh with a photo,
// loses the draft to a reload (it comes back), loses the answer to a dropped connection (the retry with the same key
// gives back the same case), downloads the receipt, follows the case on the track page; the form is reachable by
// keyboard, nothing is wider than a 360 px screen, and the home page does not load the forms' code.
// Screenshots at 390 and 1366 px of home, send, receipt, track and answers.
//   npx vite build --outDir /tmp/portal-dist && WEB_DIST=/tmp/portal-dist node --test e2e/portal.test.ts
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, SHOTS, startApp, type Running } from './server.ts';
import { noOverflow, noRawKeys } from './ui.ts';

let app: Running;
let browser: Browser;
before(async () => {
  app = await startApp(3482);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

/** A small PNG (a street-light-ish picture: dark sky, a yellow dot), made by hand so no image file is needed. */
function pngPhoto(width = 320, height = 240): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const lamp = (x - width / 2) ** 2 + (y - height / 3) ** 2 < 400;
      row[1 + x * 3] = lamp ? 255 : 20 + (y >> 2);
      row[2 + x * 3] = lamp ? 210 : 30 + (y >> 2);
      row[3 + x * 3] = lamp ? 60 : 70;
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core (WCAG 2.1 A/AA) on the page as it is now: states e2e/a11y.test.ts does not reach (errors, receipt, result). */
async function axeClean(page: Page, what: string) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResults> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  );
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(bad, [], `${what}: axe found serious problems`);
}

async function phone(width = 390): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 844 }, locale: 'vi-VN', acceptDownloads: true });
  return { context, page: await context.newPage() };
}

const TITLE = 'Đèn đường thôn 3 hỏng hơn một tháng';
const CONTENT = 'Đèn đường đoạn từ nhà văn hóa thôn 3 đến cầu sắt hỏng từ đầu tháng, buổi tối rất tối, trẻ em đi học về dễ gặp nguy hiểm. Đề nghị sửa sớm.';

async function fillSendForm(page: Page) {
  await page.getByTestId('send-kind-phan_anh').check();
  await page.getByTestId('send-unit-search').fill('phu xuan');
  await page.getByTestId('send-unit-result-19753').click();
  assert.match(await page.getByTestId('send-unit-value').innerText(), /Phú Xuân/);
  await page.getByTestId('send-address').fill('Đường Lê Lợi, tổ 5');
  const field = page.getByTestId('send-field');
  await field.locator('option:not([value=""])').first().waitFor({ state: 'attached' });
  await field.selectOption({ index: 1 });
  await page.getByTestId('send-title').fill(TITLE);
  await page.getByTestId('send-content').fill(CONTENT);
  await page.getByTestId('send-phone').fill('0912 345 678');
}

async function addPhoto(page: Page) {
  await page.getByTestId('send-files').setInputFiles({ name: 'den-duong.png', mimeType: 'image/png', buffer: pngPhoto() });
  await page.getByTestId('send-file-list').locator('li').first().waitFor();
  // Shrunk and re-encoded in the browser: the name now says JPEG.
  assert.match(await page.getByTestId('send-file-list').innerText(), /den-duong\.jpg/);
}

test('a resident sends a phản ánh with a photo, survives a reload and a dropped connection, and follows it by code', async () => {
  const { context, page } = await phone();
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });

  // Home: the forms' code is not loaded.
  await page.goto(`${app.url}/`);
  await page.getByTestId('service-petition').waitFor();
  await page.waitForLoadState('networkidle');
  assert.ok(!scripts.some((u) => /SendPage|TrackPage|AnswersPage/.test(u)), `home loaded a page chunk: ${scripts.join(', ')}`);
  await noRawKeys(page, 'home');
  await page.screenshot({ path: `${SHOTS}/portal-home-390.png`, fullPage: true });

  // To the send page by its link: client navigation, title set, focus on the heading.
  await page.getByTestId('service-petition').getByRole('link').click();
  await page.getByTestId('send-form').waitFor();
  assert.equal(new URL(page.url()).pathname, '/gui-y-kien');
  assert.match(await page.title(), /^Gửi ý kiến/);
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  assert.ok(scripts.some((u) => /SendPage/.test(u)), 'the send page came as its own chunk');

  await fillSendForm(page);
  // The draft is in localStorage: a reload brings everything typed back.
  await page.waitForFunction(() => (localStorage.getItem('cn.portal.sendDraft') ?? '').includes('Đèn đường'));
  const keyBefore = await page.evaluate(() => JSON.parse(localStorage.getItem('cn.portal.sendDraft')!).key as string);
  await page.reload();
  await page.getByTestId('send-restored').waitFor();
  assert.equal(await page.getByTestId('send-title').inputValue(), TITLE);
  assert.equal(await page.getByTestId('send-content').inputValue(), CONTENT);
  assert.ok(await page.getByTestId('send-kind-phan_anh').isChecked());
  assert.match(await page.getByTestId('send-unit-value').innerText(), /Phú Xuân/);

  // Sending without consent is refused on the page, next to the box.
  await addPhoto(page);
  await page.getByTestId('send-submit').click();
  await page.getByTestId('send-error').waitFor();
  assert.match(await page.getByTestId('send-error').innerText(), /đồng ý/);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'send-error');
  await axeClean(page, 'send with an error');
  await page.getByTestId('send-consent').check();
  await noRawKeys(page, 'send');
  await page.screenshot({ path: `${SHOTS}/portal-send-390.png`, fullPage: true });

  // The connection drops after the request reached the server: the case exists but the answer is lost.
  const keys: string[] = [];
  const first: { receipt: { trackingCode: string } | null } = { receipt: null };
  let dropped = false;
  await page.route('**/api/public/cases', async (route) => {
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    if (dropped) return route.continue();
    dropped = true;
    const response = await route.fetch();
    first.receipt = (await response.json()) as { trackingCode: string };
    await route.abort('internetdisconnected');
  });
  await page.getByTestId('send-submit').click();
  await page.getByTestId('send-offline').waitFor();
  assert.match(await page.getByTestId('send-offline').innerText(), /Không mất gì cả/);
  assert.equal(await page.getByTestId('send-title').inputValue(), TITLE, 'what was typed is still there');
  assert.ok(first.receipt, 'the first attempt reached the server');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('cn.portal.sendDraft')!) as { key: string; attempted: boolean });
  assert.equal(stored.key, keyBefore, 'the draft keeps its idempotency key');
  assert.equal(stored.attempted, true);

  // "Gửi lại" sends the same key: the server answers with the case it already made (200), not a second one.
  const retried = page.waitForResponse((r) => r.url().endsWith('/api/public/cases') && r.request().method() === 'POST');
  await page.getByTestId('send-retry').click();
  const response = await retried;
  assert.equal(response.status(), 200, 'a replayed key answers 200');
  await page.getByTestId('receipt').waitFor();
  assert.deepEqual(keys, [keyBefore, keyBefore]);
  const code = (await page.getByTestId('receipt-code').innerText()).trim();
  const secret = (await page.getByTestId('receipt-secret').innerText()).trim();
  assert.equal(code, first.receipt.trackingCode, 'one case only: the receipt is the lost one');
  assert.match(code, /^CN-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  assert.match(secret, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  assert.match(await page.getByTestId('receipt-facts').innerText(), /1 tệp/);
  assert.equal(await page.evaluate(() => localStorage.getItem('cn.portal.sendDraft')), null, 'the draft is gone once sent');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  await page.unroute('**/api/public/cases');
  await noOverflow(page, 'receipt at 390');
  await axeClean(page, 'receipt');
  await page.screenshot({ path: `${SHOTS}/portal-receipt-390.png`, fullPage: true });

  // The receipt as a PNG.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('receipt-download').click()]);
  assert.equal(download.suggestedFilename(), `bien-nhan-${code}.png`);
  await download.saveAs(`${SHOTS}/portal-receipt-image.png`);
  const png = await download.createReadStream().then(async (s) => {
    const parts: Buffer[] = [];
    for await (const p of s) parts.push(p as Buffer);
    return Buffer.concat(parts);
  });
  assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
  assert.ok(png.length > 5000, `receipt image is ${png.length} bytes`);

  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: `${SHOTS}/portal-receipt-1366.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });

  // To the track page from the receipt: the case shows at once, the secret is not in the address.
  await page.getByTestId('receipt-track').click();
  await page.getByTestId('track-result').waitFor();
  assert.equal(new URL(page.url()).pathname, '/theo-doi');
  assert.equal(new URL(page.url()).searchParams.get('ma'), code);
  assert.ok(!page.url().includes(secret), 'the secret stays out of the URL');
  assert.match(await page.getByTestId('track-state-text').innerText(), /(đã|tiếp) nhận/i);
  assert.match(await page.getByTestId('track-steps').innerText(), /\d{2}\/\d{2}\/\d{4}/);
  await noRawKeys(page, 'track');
  await axeClean(page, 'track result');
  await page.screenshot({ path: `${SHOTS}/portal-track-390.png`, fullPage: true });

  // A fresh visit with only ?ma=: the code is filled in, the secret typed (lower case, without its dash).
  const other = await context.newPage();
  await other.goto(`${app.url}/theo-doi?ma=${code}`);
  assert.equal(await other.getByTestId('track-code').inputValue(), code);
  await other.getByTestId('track-secret').fill('0000-0000');
  await other.getByTestId('track-submit').click();
  await other.getByTestId('track-error').waitFor();
  await other.getByTestId('track-secret').fill(secret.replace('-', '').toLowerCase());
  await other.getByTestId('track-submit').click();
  await other.getByTestId('track-result').waitFor();
  assert.match(await other.getByTestId('track-state-text').innerText(), /(đã|tiếp) nhận/i);
  await other.setViewportSize({ width: 1366, height: 900 });
  await other.screenshot({ path: `${SHOTS}/portal-track-1366.png`, fullPage: true });
  await context.close();
});

test('the send form is reachable by keyboard with a visible focus, and nothing overflows a 360 px screen', async () => {
  const { context, page } = await phone(360);
  await page.goto(`${app.url}/gui-y-kien`);
  await page.getByTestId('send-form').waitFor();
  await page.getByTestId('send-field').locator('option:not([value=""])').first().waitFor({ state: 'attached' });
  await noOverflow(page, 'send at 360');

  await page.locator('h1').focus();
  const reached: string[] = [];
  const unseen: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      // A visually hidden file input shows its focus on its label (the button the resident sees).
      const shown = el.matches('input[type=file]') ? (document.querySelector(`label[for="${el.id}"]`) as HTMLElement) : el;
      const style = getComputedStyle(shown);
      const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return { id: el.getAttribute('data-testid') ?? el.id ?? el.tagName, visible };
    });
    if (!info) continue;
    reached.push(info.id);
    if (!info.visible) unseen.push(info.id);
    if (info.id === 'send-submit') break;
  }
  for (const id of [
    'send-kind-kien_nghi', 'send-unit-search', 'send-address', 'send-location-use', 'send-field', 'send-title', 'send-content',
    'send-camera', 'send-files', 'send-name', 'send-contact-address', 'send-phone', 'send-email', 'send-id-number', 'send-consent', 'send-submit',
  ]) {
    assert.ok(reached.includes(id), `Tab never reached ${id}; reached: ${reached.join(', ')}`);
  }
  assert.deepEqual(unseen, [], `no visible focus on ${unseen.join(', ')}`);

  // Arrow keys move within the kind radio group; Space on the consent box ticks it.
  await page.getByTestId('send-kind-kien_nghi').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  assert.ok(await page.getByTestId('send-kind-phan_anh').isChecked());
  await page.getByTestId('send-consent').focus();
  await page.keyboard.press('Space');
  assert.ok(await page.getByTestId('send-consent').isChecked());

  // In English too, with no key left untranslated and nothing wider than the screen.
  await page.getByTestId('lang-en').click();
  await page.getByRole('heading', { level: 1, name: 'Send a concern to the authorities' }).waitFor();
  assert.match(await page.title(), /^Send a concern/);
  await noRawKeys(page, 'send in English');
  await noOverflow(page, 'send in English at 360');
  await page.screenshot({ path: `${SHOTS}/portal-send-en-360.png`, fullPage: true });
  await page.getByTestId('lang-vi').click();

  for (const path of ['/', '/theo-doi', '/tra-loi', '/tiep-cong-dan']) {
    await page.goto(`${app.url}${path}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    await noOverflow(page, `${path} at 360`);
  }
  await context.close();
});

test('a complaint asks for name and address and says why; the answers page searches', async () => {
  const { context, page } = await phone();
  await page.goto(`${app.url}/gui-y-kien?loai=khieu_nai`);
  await page.getByTestId('send-form').waitFor();
  assert.ok(await page.getByTestId('send-kind-khieu_nai').isChecked(), '?loai= chooses the kind');
  assert.match(await page.getByTestId('send-contact-note').innerText(), /chữ ký/);
  await page.getByTestId('send-submit').click();
  const alert = await page.getByTestId('send-error').innerText();
  assert.match(alert, /họ và tên/);
  assert.match(alert, /địa chỉ liên hệ/);
  // The link in the alert moves focus to the box.
  await page.getByTestId('send-error').getByRole('link', { name: /họ và tên/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'send-name');

  await page.goto(`${app.url}/tra-loi`);
  await page.getByTestId('answers-status').filter({ hasText: /câu trả lời/ }).waitFor();
  await page.getByTestId('answers-search').fill('den duong');
  await page.waitForURL(/q=den\+duong|q=den%20duong/);
  await page.getByTestId('answers-status').filter({ hasNotText: /Đang tải/ }).waitFor();
  await noRawKeys(page, 'answers');

  // The list itself, on answers served by the test (the demo data publishes none): text shown as text, paging.
  const items = Array.from({ length: 25 }, (_, i) => ({
    id: `a${i}`, title: `Sửa đèn đường tổ ${i + 1}, phường Phú Xuân`, kind: 'phan_anh', kindName: 'phản ánh', fieldCode: 'giao_thong',
    fieldName: 'Giao thông', placeUnit: { code: '19753', name: 'Phường Phú Xuân' }, responsibleUnit: { code: '19753', name: 'Phường Phú Xuân' },
    answer: i === 0
      ? `<b>Đã sửa</b> xong toàn bộ 12 bóng đèn.\nCảm ơn bà con đã phản ánh.${' Đơn vị điện lực đã kiểm tra lại đường dây và thay thiết bị đóng cắt tự động.'.repeat(8)}`
      : `Ngày ${i + 1}/11/2026, phường đã thay bóng đèn và kiểm tra lại tủ điện chiếu sáng.`,
    answeredOn: '2026-11-20',
  }));
  await page.route('**/api/public/answers?**', (route) => {
    const offset = Number(new URL(route.request().url()).searchParams.get('offset') ?? 0);
    return route.fulfill({ json: { items: items.slice(offset, offset + 20), total: items.length } });
  });
  await page.getByTestId('answers-search').fill('');
  await page.getByTestId('answers-status').filter({ hasText: /25 câu trả lời/ }).waitFor();
  const list = page.getByTestId('answers-list');
  assert.equal(await list.locator(':scope > li').count(), 20);
  assert.match(await list.innerText(), /<b>Đã sửa<\/b>/, 'markup in an answer is shown as text');
  assert.equal(await list.locator('b').count(), 0);
  await axeClean(page, 'answers list');
  await list.getByRole('button', { name: 'Đọc toàn bộ' }).click();
  assert.match(await list.innerText(), /Thu gọn/);
  await page.screenshot({ path: `${SHOTS}/portal-answers-390.png`, fullPage: true });
  await page.getByTestId('answers-more').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=answers-list] > li').length === 25);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'answer-20', 'focus on the first answer added');
  await page.getByTestId('answers-more').waitFor({ state: 'detached' });

  // Desktop screenshots of the pages not taken at 1366 yet.
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: `${SHOTS}/portal-answers-1366.png`, fullPage: true });
  for (const [path, name] of [['/', 'home'], ['/gui-y-kien', 'send']] as const) {
    await page.goto(`${app.url}${path}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    await noOverflow(page, `${path} at 1366`);
    await page.screenshot({ path: `${SHOTS}/portal-${name}-1366.png`, fullPage: true });
  }
  await context.close();
});

test('an answered case shows its answer and the steps with their reasons, and takes a rating', async () => {
  const { context, page } = await phone();
  // The demo data answers nothing through the portal: the view is served by the test, in the contract's shape.
  const view = {
    trackingCode: 'CN-7K3F-9QXD', caseNumber: '12/2026', kind: 'khieu_nai', kindName: 'khiếu nại', fieldName: 'Đất đai',
    title: 'Khiếu nại quyết định thu hồi đất', receivedOn: '2026-09-01', state: 'answered', stateText: 'Đã có trả lời',
    stateHelp: 'Cơ quan đã trả lời; nếu chưa đồng ý, bạn có thể khiếu nại lần hai.', dueOn: '2026-10-15', dueOnLunar: '24 tháng 8 âm lịch',
    daysLeft: -3, overdue: true, responsibleUnit: { code: '46', name: 'Thành phố Huế' },
    steps: [
      { on: '2026-09-01', text: 'Nhận đơn qua Cổng thông tin', reason: null },
      { on: '2026-09-05', text: 'Chuyển đến Thành phố Huế', reason: 'Thuộc thẩm quyền cấp tỉnh' },
      { on: '2026-10-01', text: 'Gia hạn giải quyết', reason: 'Vụ việc phức tạp, cần xác minh thêm' },
      { on: '2026-10-18', text: 'Đã trả lời', reason: null },
    ],
    answer: { text: 'Quyết định thu hồi đúng quy định.\nÔng/bà có thể khởi kiện <hành chính> nếu không đồng ý.', on: '2026-10-18' },
    canRate: true, rating: null as null | { score: number; comment: string | null; on: string },
  };
  const sent: unknown[] = [];
  await page.route('**/api/public/track', (route) => route.fulfill({ json: view }));
  await page.route('**/api/public/track/rating', (route) => {
    sent.push(route.request().postDataJSON());
    return route.fulfill({ json: { ...view, canRate: false, rating: { score: 4, comment: 'Trả lời rõ ràng', on: '2026-10-20' } } });
  });
  await page.goto(`${app.url}/theo-doi?ma=CN-7K3F-9QXD`);
  await page.getByTestId('track-secret').fill('4m2p xw8r');
  await page.getByTestId('track-submit').click();
  await page.getByTestId('track-result').waitFor();
  const text = await page.getByTestId('track-result').innerText();
  assert.match(text, /Lý do: Vụ việc phức tạp, cần xác minh thêm/);
  assert.match(text, /15\/10\/2026 \(24 tháng 8 âm lịch\)/);
  assert.match(await page.getByTestId('track-answer').innerText(), /khởi kiện <hành chính>/);
  await axeClean(page, 'answered case with its rating form');

  // The rating: a labelled radio group, then the same view with the thanks.
  const group = page.getByRole('group', { name: 'Bạn có hài lòng với cách giải quyết không?' });
  await group.getByRole('radio', { name: /Hài lòng$/ }).check();
  await page.getByTestId('track-rate-comment').fill('Trả lời rõ ràng');
  await page.screenshot({ path: `${SHOTS}/portal-track-answered-390.png`, fullPage: true });
  await page.getByTestId('track-rate-submit').click();
  await page.getByTestId('track-rated').waitFor();
  assert.deepEqual(sent, [{ code: 'CN-7K3F-9QXD', secret: '4M2P-XW8R', score: 4, comment: 'Trả lời rõ ràng' }]);
  assert.match(await page.getByTestId('track-rated').innerText(), /Hài lòng/);
  assert.equal(await page.getByTestId('track-rating').count(), 0);
  await context.close();
});
