// In Chromium, on the demo data: the reception officer of Phường Phú Xuân adds a schedule (a monthly one for the ward's
// chair is flagged below the legal frequency, then made weekly); a resident on a 390 px phone books a slot of it on
// /tiep-cong-dan and gets a code; the officer sees the booking, marks it attended, completes the register entry, turns
// it into a case and exports the register as .xlsx. Screenshots at 390 and 1366 px.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launchChromium, SHOTS, startApp, type Running } from './server.ts';
import { noOverflow, noRawKeys, openMenu, pickOption, signedIn as signedInAt } from './ui.ts';
import { unzip } from '../src/testing/docx.ts';

const OFFICER = 'phuxuan.tiepdan';
const LEADER_NAME = 'Lê Văn Thử Nghiệm';
const CITIZEN = 'Trương Thị Đặt Lịch';
const SUBJECT = 'Đề nghị lắp đèn chiếu sáng đoạn kiệt 7 đường Lê Lợi (thử nghiệm)';

let app: Running;
let browser: Browser;
const signedIn = (username: string, width = 1366) => signedInAt(browser, app.url, username, width);
before(async () => {
  app = await startApp(3481);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

/** The schedule card of the test's leader. */
const card = (page: Page) => page.locator('[data-testid^="reception-schedule-"].ant-card', { hasText: LEADER_NAME });

async function submitForm(page: Page, testId: string) {
  await page.getByTestId(`${testId}-submit`).click();
  await page.getByTestId(`${testId}-form`).waitFor({ state: 'detached' }).catch(async (err) => {
    await page.screenshot({ path: `${SHOTS}/failure-${testId}.png`, fullPage: true });
    throw err;
  });
}

let bookedStart = '';
let bookingCode = '';

test('the officer adds a schedule; a monthly one for the ward chair is flagged, a weekly one is not', async () => {
  const { context, page } = await signedIn(OFFICER);
  await openMenu(page, 'reception');
  await page.getByTestId('reception-schedules').waitFor();
  // The demo schedule of the ward's chair is there, within the law (no warning).
  await page.locator('.ant-card', { hasText: 'Nguyễn Văn Mẫu' }).first().waitFor();

  await page.getByTestId('reception-schedule-add').click();
  await page.getByTestId('reception-schedule-form-form').waitFor();
  await pickOption(page, 'reception-schedule-form-organisation', '', 'Ủy ban nhân dân phường Phú Xuân');
  await page.getByTestId('reception-schedule-form-leader-name').fill(LEADER_NAME);
  await page.getByTestId('reception-schedule-form-leader-title').fill('Chủ tịch Ủy ban nhân dân phường Phú Xuân');
  await page.getByTestId('reception-schedule-form-place').fill('Phòng tiếp công dân, tầng 1 (thử nghiệm)');
  await page.getByTestId('reception-schedule-form-recurrence-monthly_day').click();
  await page.getByTestId('reception-schedule-form-day').fill('20');
  await page.getByTestId('reception-schedule-form-start').fill('08:00');
  await page.getByTestId('reception-schedule-form-end').fill('11:00');
  await submitForm(page, 'reception-schedule-form');

  const warning = card(page).locator('[data-testid^="reception-schedule-warning-"]');
  await warning.waitFor();
  assert.match(await warning.innerText(), /Chưa đạt tần suất tiếp công dân luật định/);
  assert.match(await warning.innerText(), /1 ngày\/tuần/);
  assert.match(await warning.innerText(), /Luật Tiếp công dân 2013, Điều 15/);
  await page.screenshot({ path: `${SHOTS}/reception-schedules-warning-1366.png`, fullPage: true });

  // Made weekly, Monday to Friday: the warning goes.
  await card(page).locator('[data-testid^="reception-schedule-edit-"]').click();
  await page.getByTestId('reception-schedule-form-form').waitFor();
  await page.getByTestId('reception-schedule-form-recurrence-weekly').click();
  for (const w of [1, 2, 3, 5]) await page.getByTestId(`reception-schedule-form-weekday-${w}`).click(); // Thursday is the default
  await page.getByTestId('reception-schedule-form-start').fill('07:00');
  await page.getByTestId('reception-schedule-form-end').fill('17:00');
  await submitForm(page, 'reception-schedule-form');
  await page.waitForFunction((name) => {
    const c = [...document.querySelectorAll('.ant-card')].find((el) => el.textContent?.includes(name));
    return c && /Thứ Hai, Thứ Ba, Thứ Tư, Thứ Năm, Thứ Sáu hằng tuần/.test(c.textContent ?? '') && !c.querySelector('[data-testid^="reception-schedule-warning-"]');
  }, LEADER_NAME);
  await noRawKeys(page, 'schedules');
  await context.close();
});

test('a resident on a phone picks the ward, sees free slots and books one; the code is shown', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${app.url}/tiep-cong-dan`);
  await page.getByTestId('portal-reception-unit-search').fill('phu xuan');
  await page.getByTestId('portal-reception-unit-19753').click();
  await page.getByTestId('portal-reception-schedules').waitFor();
  assert.match(page.url(), /unit=19753/);
  const text = await page.getByTestId('portal-reception-schedules').innerText();
  assert.match(text, /Thứ Ba, Thứ Năm hằng tuần/, 'the demo schedule of the ward');
  assert.match(text, /Ngày 15 hằng tháng/, 'the city schedule above the ward');
  const mine = page.locator('article', { hasText: LEADER_NAME });
  await mine.waitFor();
  await noOverflow(page, 'portal reception at 390');
  await noRawKeys(page, 'portal reception');
  await page.screenshot({ path: `${SHOTS}/reception-portal-slots-390.png`, fullPage: false });

  const slot = mine.locator('[data-testid="portal-reception-slot"]:enabled').first();
  bookedStart = (await slot.getAttribute('data-start'))!;
  await slot.click();
  await page.getByTestId('portal-reception-form').waitFor();
  // Sending an empty form lists what is missing, in Vietnamese, without leaving the page.
  await page.getByTestId('portal-reception-submit').click();
  await page.getByTestId('portal-reception-error').waitFor();
  assert.match(await page.getByTestId('portal-reception-error').innerText(), /Vui lòng nhập họ và tên/);
  assert.equal(await page.getByTestId('portal-reception-name').getAttribute('aria-invalid'), 'true');
  // Every box has its label.
  for (const id of ['portal-reception-name', 'portal-reception-phone', 'portal-reception-subject']) {
    assert.equal(await page.locator(`label[for="${id}"]`).count(), 1, `label for ${id}`);
  }
  await page.getByTestId('portal-reception-name').fill(CITIZEN);
  await page.getByTestId('portal-reception-phone').fill('0905 777 888');
  await page.getByTestId('portal-reception-subject').fill(SUBJECT);
  await page.screenshot({ path: `${SHOTS}/reception-portal-form-390.png`, fullPage: false });
  await page.getByTestId('portal-reception-submit').click();
  await page.getByTestId('portal-reception-done').waitFor();
  bookingCode = (await page.getByTestId('portal-reception-code').innerText()).trim();
  assert.match(bookingCode, /^TCD-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  assert.match(await page.getByTestId('portal-reception-done').innerText(), new RegExp(LEADER_NAME));
  await noOverflow(page, 'portal confirmation at 390');
  await page.screenshot({ path: `${SHOTS}/reception-portal-done-390.png`, fullPage: true });

  // "Đặt lịch khác" goes back to the schedules of the same ward.
  await page.getByTestId('portal-reception-another').click();
  await page.getByTestId('portal-reception-schedules').waitFor();
  await context.close();
});

test('the officer sees the booking, marks it attended, completes the entry, makes a case and exports the register', async () => {
  const { context, page } = await signedIn(OFFICER);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(bookedStart));
  await page.goto(`${app.url}/console/reception?tab=bookings&day=${day}`);
  const row = page.getByTestId(`reception-booking-${bookingCode}`);
  await row.waitFor();
  assert.match(await row.innerText(), new RegExp(CITIZEN));
  await page.screenshot({ path: `${SHOTS}/reception-bookings-1366.png`, fullPage: true });
  await page.getByTestId(`reception-booking-attended-${bookingCode}`).click();
  // The button itself reads "Đã đến": wait for it to go, then for the status tag that replaces it.
  await page.getByTestId(`reception-booking-attended-${bookingCode}`).waitFor({ state: 'detached' });
  assert.match(await row.innerText(), /Đã đến/);

  // The register: the entry is there, filled from the booking.
  await page.getByTestId('reception-tab-register').click();
  const entry = page.locator('[data-testid="reception-register"] tr', { hasText: CITIZEN });
  await entry.waitFor();
  const number = (await entry.locator('[data-testid^="reception-visit-number-"]').getAttribute('data-testid'))!.replace('reception-visit-number-', '');
  await page.getByTestId(`reception-visit-edit-${number}`).click();
  await page.getByTestId('reception-visit-form-form').waitFor();
  assert.equal(await page.getByTestId('reception-visit-form-name').inputValue(), CITIZEN);
  assert.equal(await page.getByTestId('reception-visit-form-content').inputValue(), SUBJECT);
  await page.getByTestId('reception-visit-form-address').fill('Kiệt 7 Lê Lợi, phường Phú Xuân');
  await page.getByTestId('reception-visit-form-id-number').fill('046190007777');
  await pickOption(page, 'reception-visit-form-classification', '', 'Kiến nghị');
  await page.getByTestId('reception-visit-form-result').fill('Đã tiếp nhận, chuyển bộ phận quản lý đô thị');
  await submitForm(page, 'reception-visit-form');
  await page.waitForFunction((n) => /Kiệt 7 Lê Lợi/.test(document.querySelector(`[data-testid="reception-visit-number-${n}"]`)?.closest('tr')?.textContent ?? ''), number);

  // One step to a case; the link to it replaces the button.
  await page.getByTestId(`reception-visit-make-case-${number}`).click();
  await page.getByTestId('confirm-ok').click();
  const link = page.getByTestId(`reception-visit-case-${number}`);
  await link.waitFor();
  const caseNumber = (await link.innerText()).trim();
  assert.match(caseNumber, /^\d+\/\d{4}$/);
  assert.equal(await page.getByTestId(`reception-visit-make-case-${number}`).count(), 0);
  await noRawKeys(page, 'register');
  await page.screenshot({ path: `${SHOTS}/reception-register-1366.png`, fullPage: true });

  // The register as .xlsx: Vietnamese headers and the row.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reception-register-export').click()]);
  assert.match(download.suggestedFilename(), /^so-tiep-cong-dan-19753-.*\.xlsx$/);
  const files = unzip(readFileSync((await download.path())!));
  const xml = [...files.entries()].filter(([k]) => k.startsWith('xl/')).map(([, v]) => v.toString('utf8')).join('\n');
  for (const s of ['SỔ TIẾP CÔNG DÂN', 'Họ và tên', 'Số CCCD/CMND', 'Nội dung vụ việc', CITIZEN, '046190007777', caseNumber]) assert.ok(xml.includes(s), s);

  // The case opens from the register.
  await link.click();
  await page.getByTestId('case-page').waitFor();
  assert.match(await page.getByTestId('case-petitioner').innerText(), new RegExp(CITIZEN));
  assert.match(await page.getByTestId('case-content').innerText(), /đèn chiếu sáng/);
  await context.close();
});

test('the reception page at 390 px: schedules, bookings and register fit the phone', async () => {
  const { context, page } = await signedIn(OFFICER, 390);
  await page.goto(`${app.url}/console/reception`);
  await card(page).waitFor();
  await noOverflow(page, 'schedules at 390');
  await page.screenshot({ path: `${SHOTS}/reception-schedules-390.png`, fullPage: true });
  await page.getByTestId('reception-tab-register').click();
  await page.locator('[data-testid="reception-register"] tr', { hasText: CITIZEN }).waitFor();
  await page.locator('[data-testid="reception-register"] .ant-spin-spinning').waitFor({ state: 'detached' });
  await page.waitForTimeout(400); // the tab's slide
  await noOverflow(page, 'register at 390');
  await page.screenshot({ path: `${SHOTS}/reception-register-390.png`, fullPage: true });
  await page.getByTestId('reception-tab-bookings').click();
  await page.getByTestId('reception-bookings').waitFor();
  await noOverflow(page, 'bookings at 390');
  await noRawKeys(page, 'bookings at 390');
  await context.close();
});
