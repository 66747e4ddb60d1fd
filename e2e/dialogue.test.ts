// In Chromium, on the demo data: the Ban Dân vận official of Phường Phú Xuân plans a dialogue conference and records it
// (one recommendation answered on the spot, one turned into a case for the ward's People's Committee); the case is in
// the handlers' inbox with its link back to the conference; the handler accepts and answers it; a resident on a 390 px
// phone finds the conference on the portal calendar and sees the recommendation resolved on its results page.
// Screenshots of the console page and the results page at 390 and 1366 px.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SHOTS, startApp, type Running } from './server.ts';
import { noOverflow, noRawKeys, openMenu, pickOption, signedIn as signedInAt } from './ui.ts';

const OFFICIAL = 'phuxuan.danvan';
const HANDLER = 'phuxuan.xuly';
const TOPIC = 'Đối thoại về chỉnh trang kiệt hẻm tổ dân phố 7 (thử nghiệm)';
const SPOT = 'Đề nghị bố trí thêm thùng rác công cộng ở đầu kiệt 7 (thử nghiệm).';
const FOLLOWED = 'Mặt đường kiệt 7 xuống cấp, đọng nước khi mưa; đề nghị phường sửa chữa (thử nghiệm).';
const ANSWER = 'Ủy ban nhân dân phường đã đưa kiệt 7 vào kế hoạch sửa chữa và thi công xong trong tháng (thử nghiệm).';

let app: Running;
let browser: Browser;
const signedIn = (username: string, width = 1366) => signedInAt(browser, app.url, username, width);
before(async () => {
  app = await startApp(3501);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const vnToday = `${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`;

async function submitForm(page: Page, testId: string) {
  await page.getByTestId(`${testId}-submit`).click();
  await page.getByTestId(`${testId}-form`).waitFor({ state: 'detached' }).catch(async (err) => {
    await page.screenshot({ path: `${SHOTS}/failure-${testId}.png`, fullPage: true });
    throw err;
  });
}

async function fillDate(page: Page, testId: string, day: string) {
  const input = page.getByTestId(testId).locator('input').or(page.locator(`input[data-testid="${testId}"]`)).first();
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

/** axe (WCAG 2.0/2.1 A and AA): the serious and critical violations on the page, one line each. */
async function axeFailures(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(
    () => (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }),
  );
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

let conferenceId = '';
let caseNumber = '';

test('the Ban Dân vận official plans a conference and records it: one answer on the spot, one case', async () => {
  const { context, page } = await signedIn(OFFICIAL);
  await openMenu(page, 'dialogue');
  await page.getByTestId('dialogue-list').waitFor();
  // The demo conferences of the ward are listed.
  await page.getByText('Chỉnh trang đô thị, vệ sinh môi trường và chiếu sáng các kiệt, hẻm (dữ liệu mẫu)').waitFor();

  await page.getByTestId('dialogue-plan').click();
  await page.getByTestId('dialogue-plan-form').waitFor();
  await pickOption(page, 'dialogue-plan-organisation', '', 'Đảng ủy phường Phú Xuân');
  await page.getByTestId('dialogue-plan-topic').fill(TOPIC);
  await fillDate(page, 'dialogue-plan-date', vnToday);
  await page.getByTestId('dialogue-plan-time').fill('19:30');
  await page.getByTestId('dialogue-plan-place').fill('Nhà văn hóa tổ dân phố 7 (thử nghiệm)');
  await page.getByTestId('dialogue-plan-chair-name-0').fill('Hoàng Văn Thử');
  await page.getByTestId('dialogue-plan-chair-position-0').fill('Bí thư Đảng ủy phường');
  await page.getByTestId('dialogue-plan-chair-name-1').fill('Nguyễn Thị Nghiệm');
  await page.getByTestId('dialogue-plan-chair-position-1').fill('Chủ tịch Ủy ban nhân dân phường');
  await submitForm(page, 'dialogue-plan');

  await page.getByTestId('dialogue-page').waitFor();
  assert.equal(await page.getByTestId('dialogue-topic').innerText(), TOPIC);
  conferenceId = new URL(page.url()).pathname.split('/').pop()!;
  assert.match(await page.getByTestId('dialogue-when').innerText(), new RegExp(`19:30 · ${vnToday.replace(/\//g, '\\/')}`));
  assert.equal(await page.getByTestId('dialogue-publish').getAttribute('aria-checked'), 'true');

  await page.getByTestId('dialogue-record').click();
  await page.getByTestId('dialogue-record-form').waitFor();
  await page.getByTestId('dialogue-record-attendance').fill('85');
  await page.getByTestId('dialogue-rec-raised-by-0').fill('Hội Liên hiệp Phụ nữ tổ dân phố 7');
  await pickOption(page, 'dialogue-rec-field-0', 'Môi', 'Môi trường');
  await page.getByTestId('dialogue-rec-content-0').fill(SPOT);
  await page.getByTestId('dialogue-rec-answer-0').fill('Phường sẽ đặt thêm hai thùng rác ở đầu kiệt trong tuần tới.');
  await page.getByTestId('dialogue-rec-answered-by-0').fill('Chủ tịch Ủy ban nhân dân phường');
  await page.getByTestId('dialogue-rec-add').click();
  await page.getByTestId('dialogue-rec-raised-by-1').fill('Cử tri tổ dân phố 7');
  await pickOption(page, 'dialogue-rec-field-1', 'Giao', 'Giao thông');
  await page.getByTestId('dialogue-rec-content-1').fill(FOLLOWED);
  await page.getByTestId('dialogue-rec-case-1').click();
  await pickOption(page, 'dialogue-rec-owner-1', 'Ủy ban', 'Ủy ban nhân dân phường Phú Xuân');
  await page.screenshot({ path: `${SHOTS}/dialogue-record-form-1366.png`, fullPage: true });
  await submitForm(page, 'dialogue-record');

  await page.getByTestId('dialogue-recommendations').waitFor();
  assert.equal(await page.getByTestId('dialogue-attendance').innerText(), '85');
  const spot = page.getByTestId('dialogue-rec-item-1');
  assert.match(await spot.innerText(), /Đã trả lời tại hội nghị/);
  const followed = page.getByTestId('dialogue-rec-item-2');
  assert.match(await followed.innerText(), /Đang giải quyết: Ủy ban nhân dân phường Phú Xuân, hạn \d\d\/\d\d\/\d{4}/);
  caseNumber = await page.getByTestId('dialogue-rec-case-link-2').innerText();
  assert.match(caseNumber, /^\d+\/\d{4}$/);
  await noRawKeys(page, 'conference page');
  await page.screenshot({ path: `${SHOTS}/dialogue-console-1366.png`, fullPage: true });
  await context.close();

  // The same page on a phone.
  const phone = await signedIn(OFFICIAL, 390);
  await phone.page.goto(`${app.url}/console/dialogue/${conferenceId}`);
  await phone.page.getByTestId('dialogue-recommendations').waitFor();
  await noOverflow(phone.page, 'conference page at 390 px');
  await phone.page.screenshot({ path: `${SHOTS}/dialogue-console-390.png`, fullPage: true });
  await phone.page.goto(`${app.url}/console/dialogue`);
  await phone.page.getByTestId('dialogue-list').waitFor();
  await phone.page.getByText(TOPIC).waitFor();
  await noOverflow(phone.page, 'conference list at 390 px');
  await phone.page.screenshot({ path: `${SHOTS}/dialogue-list-390.png`, fullPage: true });
  await phone.page.getByTestId('dialogue-plan').click();
  await phone.page.getByTestId('dialogue-plan-form').waitFor();
  await phone.page.getByTestId('dialogue-plan-topic').waitFor();
  await phone.page.screenshot({ path: `${SHOTS}/dialogue-plan-form-390.png`, fullPage: true });
  await phone.page.getByTestId('dialogue-plan-cancel').click();
  await phone.context.close();
});

test('the recommendation is in the handlers\' inbox, links back to the conference, and the handler answers it', async () => {
  assert.ok(caseNumber, 'the first test recorded a case');
  const { context, page } = await signedIn(HANDLER);
  await openMenu(page, 'cases');
  const link = page.getByTestId(`case-link-${caseNumber}`);
  await link.waitFor();
  await link.click();
  await page.getByTestId('case-page').waitFor();
  const origin = page.getByTestId('case-origin');
  assert.equal(await origin.innerText(), `Từ hội nghị đối thoại: ${TOPIC}, ngày ${vnToday}`);
  assert.match(await page.getByTestId('case-content').innerText(), /Kiến nghị của Cử tri tổ dân phố 7 tại hội nghị đối thoại/);
  await page.screenshot({ path: `${SHOTS}/dialogue-case-origin-1366.png` });

  for (const [type, fill] of [
    ['accepted', async () => {}],
    ['answered', async (p: Page) => {
      await p.getByTestId('event-answer').fill(ANSWER);
      await p.getByTestId('event-publishable').check();
    }],
  ] as const) {
    await page.getByTestId(`case-action-${type}`).click();
    await page.getByTestId('event-form').waitFor();
    await fill(page);
    await page.getByTestId('event-submit').click();
    await page.getByTestId('event-form').waitFor({ state: 'detached' });
    await page.getByTestId(`case-event-${type}`).first().waitFor();
  }
  // Back to the conference through the link: the recommendation is resolved, with the answer.
  await origin.locator('a').click();
  await page.getByTestId('dialogue-recommendations').waitFor();
  const followed = page.getByTestId('dialogue-rec-item-2');
  assert.match(await followed.innerText(), /Đã giải quyết/);
  assert.match(await followed.innerText(), new RegExp(ANSWER.slice(0, 40)));
  await context.close();
});

test('a resident on a phone finds the conference on the calendar and sees the recommendation resolved', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${app.url}/`);
  await page.getByTestId('service-dialogue').locator('a').click();
  await page.getByTestId('conferences-past-list').waitFor();
  await page.getByTestId('conferences-unit-search').fill('Phú Xuân');
  await page.getByTestId('conferences-unit-result-19753').click();
  await page.getByTestId('conferences-upcoming-list').waitFor();
  assert.match(await page.getByTestId('conferences-upcoming-list').innerText(), /thanh niên về việc làm/);
  const card = page.getByTestId(`conference-${conferenceId}`);
  await card.waitFor();
  await noOverflow(page, 'conference calendar at 390 px');
  assert.deepEqual(await axeFailures(page), [], 'calendar: accessibility');
  await page.screenshot({ path: `${SHOTS}/dialogue-portal-calendar-390.png`, fullPage: true });

  await card.locator('a').click();
  await page.getByTestId('conference-page').waitFor();
  assert.equal(await page.locator('h1').innerText(), TOPIC);
  assert.match(await page.getByTestId('conference-summary').innerText(), /2 kiến nghị được nêu: 1 được trả lời tại hội nghị, 1 đã giải quyết, 0 đang giải quyết/);
  const resolved = page.getByTestId('conference-resolved');
  assert.match(await resolved.innerText(), /Cử tri tổ dân phố 7/);
  assert.match(await resolved.innerText(), new RegExp(ANSWER.slice(0, 40)));
  assert.match(await resolved.innerText(), new RegExp(`Ủy ban nhân dân phường Phú Xuân đã trả lời ngày ${vnToday.replace(/\//g, '\\/')}`));
  assert.match(await page.getByTestId('conference-answered').innerText(), /Hội Liên hiệp Phụ nữ tổ dân phố 7/);
  const body = await page.locator('main').innerText();
  for (const secret of ['Cán bộ xử lý', 'phuxuan.']) assert.ok(!body.includes(secret), `the results page shows ${secret}`);
  await noOverflow(page, 'results page at 390 px');
  await noRawKeys(page, 'results page');
  assert.deepEqual(await axeFailures(page), [], 'results page: accessibility');
  await page.screenshot({ path: `${SHOTS}/dialogue-results-390.png`, fullPage: true });

  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: `${SHOTS}/dialogue-results-1366.png`, fullPage: true });
  // The demo conference with a case the ward already answered, and one still being resolved.
  await page.goto(`${app.url}/hoi-nghi?unit=19753`);
  await page.getByTestId('conferences-past-list').locator('a', { hasText: 'Chỉnh trang đô thị' }).click();
  await page.getByTestId('conference-in-progress').waitFor();
  await page.getByTestId('conference-resolved').waitFor();
  await page.screenshot({ path: `${SHOTS}/dialogue-results-demo-1366.png`, fullPage: true });
  await context.close();
});
