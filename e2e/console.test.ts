// In Chromium: an administrator signs in, finds a commune typed without diacritics, creates an organisation
// there and an official in it; the official signs in and sees only what its scope allows. Screenshots at 390 and 1280 px.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SHOTS, startApp, type Running } from './server.ts';
import { openMenu, pickOption, signIn as signInHere } from './ui.ts';

let app: Running;
let browser: Browser;
before(async () => {
  app = await startApp(3471);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

const WIDTHS = [390, 1280] as const;

async function signIn(page: Page, username: string, password: string) {
  await page.goto(`${app.url}/console/`);
  await signInHere(page, username, password);
}

test('portal home renders at phone and desktop widths and finds a unit typed without diacritics', async () => {
  for (const width of WIDTHS) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${app.url}/`);
    await page.getByTestId('unit-search').fill('phu xuan');
    await page.getByTestId('unit-result-19753').waitFor();
    assert.match(await page.getByTestId('unit-result-19753').innerText(), /Phường Phú Xuân/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page wider than the screen by ${overflow}px`);
    await page.screenshot({ path: `${SHOTS}/portal-${width}.png`, fullPage: true });
    await page.close();
  }
});

test('an administrator creates an organisation and an official in a commune; the official sees only its commune', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, 'hue.quantri', 'caunoi-demo-2026');
  await page.getByTestId('current-user-name').waitFor();
  assert.match(await page.getByTestId('current-user-name').innerText(), /Quản trị viên thành phố Huế/);

  // Find the commune by typing its name without diacritics.
  await openMenu(page, 'units');
  await page.getByTestId('console-unit-search').fill('quang dien');
  await page.getByTestId('console-unit-result-19867').click();
  await page.getByTestId('unit-info-code').waitFor();
  assert.match(await page.getByTestId('unit-info').innerText(), /Xã Quảng Điền/);
  await page.screenshot({ path: `${SHOTS}/console-units-1280.png` });

  // Create an organisation in that commune.
  await openMenu(page, 'organisations');
  await pickOption(page, 'org-unit-picker', 'quang dien', 'Quảng Điền');
  await page.getByTestId('org-add').click();
  await pickOption(page, 'org-create-kind', 'mttq', 'MTTQ');
  await page.getByTestId('org-create-name').fill('Ủy ban MTTQ Việt Nam xã Quảng Điền (thử)');
  await page.getByTestId('org-create-submit').click();
  await page.getByTestId('org-table').getByText('Ủy ban MTTQ Việt Nam xã Quảng Điền (thử)').waitFor();
  await page.getByTestId('org-create-form').waitFor({ state: 'hidden' });
  await page.screenshot({ path: `${SHOTS}/console-organisations-1280.png` });

  // Create an official in it.
  await openMenu(page, 'accounts');
  await page.getByTestId('account-add').click();
  await page.getByTestId('account-create-username').fill('le.thi.mai');
  await page.getByTestId('account-create-fullname').fill('Lê Thị Mai');
  await page.getByTestId('account-create-password').fill('mat-khau-dau-1');
  await pickOption(page, 'account-membership-org-0', 'mttq viet nam xa quang', 'Ủy ban MTTQ Việt Nam xã Quảng Điền (thử)');
  await pickOption(page, 'account-membership-role-0', 'mttq', 'Cán bộ MTTQ');
  await page.getByTestId('account-create-submit').click();
  await page.getByTestId('account-table').getByText('le.thi.mai').waitFor({ timeout: 5000 }).catch(async (err) => {
    await page.screenshot({ path: `${SHOTS}/failure-account-create.png` });
    throw err;
  });
  await page.getByTestId('account-create-form').waitFor({ state: 'hidden' });
  await page.screenshot({ path: `${SHOTS}/console-accounts-1280.png` });
  await page.context().clearCookies();
  await page.close();

  // The new official signs in on a phone, must change the password first, then sees only its commune.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(phone, 'le.thi.mai', 'mat-khau-dau-1');
  await phone.getByTestId('change-password-current').fill('mat-khau-dau-1');
  await phone.getByTestId('change-password-new').fill('mat-khau-moi-2026');
  await phone.getByTestId('change-password-confirm').fill('mat-khau-moi-2026');
  await phone.getByTestId('change-password-submit').click();
  await phone.getByTestId('change-password-form').waitFor({ state: 'hidden' });
  await openMenu(phone, 'organisations');
  await phone.getByTestId('org-table').getByText('Ủy ban MTTQ Việt Nam xã Quảng Điền (thử)').waitFor();
  const rows = await phone.getByTestId('org-table').innerText();
  assert.doesNotMatch(rows, /Thành ủy Huế|Ủy ban nhân dân thành phố Huế/);
  await phone.screenshot({ path: `${SHOTS}/console-official-organisations-390.png`, fullPage: true });
  // No accounts or audit pages for this role.
  if (await phone.getByTestId('menu-open').isVisible()) await phone.getByTestId('menu-open').click();
  assert.equal(await phone.getByTestId('menu-accounts').count(), 0);
  assert.equal(await phone.getByTestId('menu-audit').count(), 0);
  await phone.keyboard.press('Escape');
  // And the API refuses what the screen does not show.
  const province = await phone.request.get(`${app.url}/api/organisations?unit=46`);
  assert.equal(province.status(), 403);
  const other = await phone.request.get(`${app.url}/api/organisations?unit=19753`);
  assert.equal(other.status(), 403);
  const accounts = await phone.request.get(`${app.url}/api/accounts`);
  assert.equal(accounts.status(), 403);
  await phone.close();
});

test('the console at phone width: sign-in page and the administrator\'s pages', async () => {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(`${app.url}/console/`);
  await phone.getByTestId('login-form').waitFor();
  await phone.screenshot({ path: `${SHOTS}/console-login-390.png` });
  await signIn(phone, 'hue.quantri', 'caunoi-demo-2026');
  for (const key of ['units', 'organisations', 'accounts', 'audit']) {
    await openMenu(phone, key);
    await phone.waitForLoadState('networkidle');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${key}: page wider than the screen by ${overflow}px`);
    await phone.screenshot({ path: `${SHOTS}/console-${key}-390.png` });
  }
  await phone.close();
});

test('HTML typed into a name is shown as text, never run', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, 'hue.quantri', 'caunoi-demo-2026');
  const name = '<img src=x onerror="window.__pwned=1"> Tổ <b>đậm</b>';
  const created = await page.request.post(`${app.url}/api/organisations`, { data: { unitCode: '46', kind: 'khac', name } });
  assert.equal(created.status(), 201);
  await openMenu(page, 'organisations');
  await page.getByTestId('org-table').getByText(name).waitFor();
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  assert.equal(await page.getByTestId('org-table').locator('img, b').count(), 0);
  await page.close();
});
