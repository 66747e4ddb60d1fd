// In Chromium, on the demo data: the Front official of Phường Phú Xuân plans a supervision of the ward's People's
// Committee, records it with a recommendation, and sees the recommendation become a case waiting for an answer; the
// ward's handler opens that case and follows its link back to the supervision. The critique tab shows the demo draft
// with its answered opinions. Screenshots at 1366 and 390 px.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { launchChromium, SHOTS, startApp, type Running } from './server.ts';
import { noOverflow, noRawKeys, openMenu, pickOption, signedIn as signedInAt } from './ui.ts';

const FRONT = 'phuxuan.mttq';
const HANDLER = 'phuxuan.xuly';
const TOPIC = 'Việc sửa chữa đường kiệt 7 Lê Lợi sau mưa lũ (thử nghiệm)';
const RECOMMENDATION = 'Sửa chữa mặt đường kiệt 7 Lê Lợi và khơi thông cống thoát nước trước mùa mưa (thử nghiệm).';

let app: Running;
let browser: Browser;
const signedIn = (username: string, width = 1366) => signedInAt(browser, app.url, username, width);
before(async () => {
  app = await startApp(3502);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

async function submitForm(page: Page, testId: string) {
  await page.getByTestId(`${testId}-submit`).click();
  await page.getByTestId(`${testId}-form`).waitFor({ state: 'detached' }).catch(async (err) => {
    await page.screenshot({ path: `${SHOTS}/failure-${testId}.png`, fullPage: true });
    throw err;
  });
}

const card = (page: Page) => page.locator('[data-testid^="supervision-visit-"].ant-card', { hasText: TOPIC });
let caseNumber = '';

test('the Front official plans a supervision, records it with a recommendation, and the recommendation becomes a case', async () => {
  const { context, page } = await signedIn(FRONT);
  await openMenu(page, 'supervision');
  await page.getByTestId('supervision-visits').waitFor();
  // The demo: a programme and a recorded supervision whose second recommendation was answered.
  await page.locator('[data-testid^="supervision-programme-"].ant-card').first().waitFor();
  await page.locator('.ant-card', { hasText: 'thu gom, xử lý rác thải' }).first().waitFor();
  assert.match(await page.getByTestId('supervision-recs').innerText(), /Đã trả lời/);

  // The organisations load when the dialog opens: pick once they are there.
  const organisations = page.waitForResponse((r) => r.url().includes('/api/organisations') && r.ok());
  await page.getByTestId('supervision-visit-add').click();
  await page.getByTestId('supervision-plan-form-form').waitFor();
  await organisations;
  await pickOption(page, 'supervision-plan-form-organisation', '', 'Ủy ban MTTQ Việt Nam phường Phú Xuân');
  await pickOption(page, 'supervision-plan-form-subject', 'uy ban nhan dan', 'Ủy ban nhân dân phường Phú Xuân');
  await page.getByTestId('supervision-plan-form-topic').fill(TOPIC);
  await submitForm(page, 'supervision-plan-form');
  await card(page).waitFor();
  assert.match(await card(page).innerText(), /Kế hoạch/);
  assert.match(await card(page).innerText(), /Đoàn giám sát/);

  await card(page).locator('[data-testid^="supervision-visit-record-"]').click();
  await page.getByTestId('supervision-record-form-form').waitFor();
  await page.getByTestId('supervision-record-form-findings').fill('Mặt đường kiệt 7 bong tróc nhiều đoạn; cống thoát nước bị lấp, gây ngập khi mưa lớn.');
  await page.getByTestId('supervision-record-rec-add').click();
  await page.getByTestId('supervision-record-rec-content-0').fill(RECOMMENDATION);
  await pickOption(page, 'supervision-record-rec-field-0', 'giao thong', 'Giao thông');
  await page.screenshot({ path: `${SHOTS}/supervision-record-form-1366.png` });
  await submitForm(page, 'supervision-record-form');

  await page.waitForFunction((topic) => {
    const c = [...document.querySelectorAll('.ant-card')].find((el) => el.textContent?.includes(topic));
    return c && /Đã giám sát/.test(c.textContent ?? '') && /Vụ việc số/.test(c.textContent ?? '');
  }, TOPIC);
  const text = await card(page).innerText();
  assert.match(text, /Sửa chữa mặt đường kiệt 7 Lê Lợi/);
  assert.match(text, /Đang chờ trả lời/);
  caseNumber = (await card(page).locator('[data-testid^="supervision-rec-case-"]').first().innerText()).trim();
  assert.match(caseNumber, /^\d+\/\d{4}$/);
  assert.match(await page.getByTestId('supervision-recs').innerText(), new RegExp(caseNumber.replace('/', '\\/')));
  await noRawKeys(page, 'supervision page');
  await page.screenshot({ path: `${SHOTS}/supervision-1366.png`, fullPage: true });

  await page.getByTestId('supervision-tab-critique').click();
  const draft = page.locator('[data-testid^="critique-draft-"].ant-card', { hasText: 'chỉnh trang đô thị' });
  await draft.waitFor();
  const draftText = await draft.innerText();
  assert.match(draftText, /Hội nghị phản biện/);
  assert.match(draftText, /Tiếp thu/);
  assert.match(draftText, /Giải trình/);
  assert.match(draftText, /2\/3 ý kiến đã được trả lời/);
  await noRawKeys(page, 'critique tab');
  await page.screenshot({ path: `${SHOTS}/supervision-critique-1366.png`, fullPage: true });
  await context.close();
});

test('the ward\'s handler finds the case in the inbox and follows its link back to the supervision', async () => {
  assert.ok(caseNumber, 'the first test made a case');
  const { context, page } = await signedIn(HANDLER);
  await openMenu(page, 'cases');
  const link = page.getByTestId(`case-link-${caseNumber}`);
  await link.waitFor();
  await link.click();
  const origin = page.getByTestId('case-origin');
  await origin.waitFor();
  assert.match(await origin.innerText(), new RegExp(`Từ kiến nghị giám sát: ${TOPIC.replace(/[()]/g, '.')}`));
  await origin.locator('a').click();
  await card(page).waitFor();
  assert.match(await card(page).innerText(), /Đã giám sát/);
  assert.equal(await page.getByTestId('supervision-programmes').count(), 0, 'only the supervision behind the case');
  await context.close();
});

test('at 390 px the page fits the phone', async () => {
  const { context, page } = await signedIn(FRONT, 390);
  await openMenu(page, 'supervision');
  await page.locator('.ant-card', { hasText: 'thu gom, xử lý rác thải' }).first().waitFor();
  await noOverflow(page, 'supervision at 390 px');
  await noRawKeys(page, 'supervision at 390 px');
  await page.screenshot({ path: `${SHOTS}/supervision-390.png`, fullPage: true });
  await page.getByTestId('supervision-tab-critique').click();
  await page.locator('[data-testid^="critique-draft-"].ant-card').first().waitFor();
  await noOverflow(page, 'critique at 390 px');
  await page.screenshot({ path: `${SHOTS}/supervision-critique-390.png`, fullPage: true });
  await context.close();
});
