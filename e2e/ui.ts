// Steps the browser tests share: signing in, the menu (a drawer on phones), picking from an Ant Design select.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const DEMO_PASSWORD = 'caunoi-demo-2026';

/** Signs in on the console's login form. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('login-form').waitFor({ state: 'detached' });
}

/** Opens a menu entry; on a phone the menu sits in a drawer. */
export async function openMenu(page: Page, key: string) {
  const open = page.getByTestId('menu-open');
  if (await open.isVisible()) await open.click();
  await page.getByTestId(`menu-${key}`).click();
}

/** Picks an option in an Ant Design select, waiting for its list to close so the next select starts clean. */
export async function pickOption(page: Page, wrapperTestId: string, typed: string, titleContains: string) {
  const wrapper = page.getByTestId(wrapperTestId);
  await wrapper.click();
  await page.keyboard.type(typed);
  const option = page.locator(`.ant-select-item-option[title*="${titleContains}"]:visible`).first();
  const title = await option.getAttribute('title');
  const shown = new RegExp(titleContains.slice(0, 12).replace(/[()]/g, '.'));
  // The list may re-render under the pointer while its options load; a click it swallowed is made again.
  for (let attempt = 0; attempt < 3 && !shown.test(await wrapper.innerText()); attempt++) {
    const item = page.locator(`.ant-select-item-option[title="${title}"]:visible`).first();
    if (await item.count()) await item.click();
    else { await wrapper.click(); await page.keyboard.type(typed); }
    await page.waitForTimeout(300);
  }
  assert.match(await wrapper.innerText(), shown);
  const open = page.locator(`.ant-select-item-option[title="${title}"]:visible`).first();
  if (await open.count()) await page.keyboard.press('Escape');
  await open.waitFor({ state: 'hidden' });
}

/** A fresh browser profile on the console, signed in as one official. */
export async function signedIn(browser: Browser, url: string, username: string, width = 1366): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${url}/console/`);
  await signIn(page, username);
  return { context, page };
}

export async function noOverflow(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what}: page wider than the screen by ${overflow}px`);
}

// Every namespace of the catalog: a key shown raw ("cases.title") is text the user should never see.
const NAMESPACES = Object.keys(JSON.parse(readFileSync('web/src/i18n/vi.json', 'utf8')) as Record<string, unknown>);
const RAW_KEY = new RegExp(`\\b(?:${NAMESPACES.join('|')})\\.[a-zA-Z_][a-zA-Z_.]*`, 'g');

export async function noRawKeys(page: Page, what: string) {
  const raw = (await page.locator('body').innerText()).match(RAW_KEY);
  assert.equal(raw, null, `${what}: untranslated keys ${raw?.join(', ')}`);
}
