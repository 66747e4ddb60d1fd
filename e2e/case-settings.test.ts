// In Chromium, on the demo data: the central administrator adds a field, changes a deadline rule, rotates the sealing key of
// Phường Phú Xuân and marks it remote and back; a provincial administrator reads fields and rules without edit buttons and
// is refused by the server with its Vietnamese sentence. Screenshots of the three tabs at 390 and 1366 px.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SHOTS, startApp, type Running } from './server.ts';
import { noOverflow, noRawKeys, openMenu, signedIn as signedInAt } from './ui.ts';

const CENTRAL = 'trunguong.quantri';
const PROVINCIAL = 'hue.quantri';
const PHU_XUAN = '19753';
const WIDTHS = [390, 1366] as const;

let app: Running;
let browser: Browser;
before(async () => {
  app = await startApp(3473);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

const signedIn = (username: string, width = 1366) => signedInAt(browser, app.url, username, width);

async function openTab(page: Page, tab: 'fields' | 'rules' | 'keys') {
  await page.getByTestId(`settings-tab-${tab}`).click();
}

/** Calls the API from the signed-in page (same cookie) and returns status and body. */
async function api(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  return page.evaluate(
    async ([m, p, b]) => {
      const r = await fetch(p as string, { method: m as string, headers: { 'content-type': 'application/json', 'accept-language': 'vi' }, body: b === undefined ? undefined : JSON.stringify(b) });
      return { status: r.status, json: await r.json().catch(() => null) };
    },
    [method, path, body] as const,
  );
}

test('the central administrator adds a field, edits a deadline, rotates a key and marks a unit remote', async () => {
  const { context, page } = await signedIn(CENTRAL);
  await openMenu(page, 'case-settings');
  await page.getByTestId('field-table').waitFor();

  // A new field.
  const code = `moi_truong_${Date.now().toString(36)}`;
  await page.getByTestId('field-add').click();
  await page.getByTestId('field-form-code').fill('Sai Mã');
  await page.getByTestId('field-form-name').fill('Môi trường thử nghiệm');
  await page.getByTestId('field-form-submit').click();
  await page.getByText('Mã gồm 2–40 ký tự').waitFor();
  await page.getByTestId('field-form-code').fill(code);
  await page.getByTestId('field-form-level').getByText('Cấp tỉnh').click();
  await page.getByTestId('field-form-submit').click();
  await page.getByTestId('field-form-form').waitFor({ state: 'detached' });
  await page.getByTestId(`field-edit-${code}`).waitFor();
  let row = page.locator('[data-testid="field-table"] tr', { has: page.getByTestId(`field-edit-${code}`) });
  assert.match(await row.innerText(), /Môi trường thử nghiệm[\s\S]*Cấp tỉnh[\s\S]*Đang hoạt động/);

  // The same code again: the server's sentence under the code field.
  await page.getByTestId('field-add').click();
  await page.getByTestId('field-form-code').fill(code);
  await page.getByTestId('field-form-name').fill('Trùng mã');
  await page.getByTestId('field-form-submit').click();
  await page.locator('.ant-form-item-explain-error').first().waitFor();
  await page.getByTestId('field-form-cancel').click();
  await page.getByTestId('field-form-form').waitFor({ state: 'detached' });

  // Rename, then stop and use again.
  await page.getByTestId(`field-edit-${code}`).click();
  assert.equal(await page.getByTestId('field-form-name').inputValue(), 'Môi trường thử nghiệm');
  assert.ok(await page.getByTestId('field-form-level').getByLabel('Cấp tỉnh').isChecked(), 'the dialog opens on the field’s own level');
  await page.getByTestId('field-form-name').fill('Môi trường (đã đổi tên)');
  await page.getByTestId('field-form-submit').click();
  await page.getByTestId('field-form-form').waitFor({ state: 'detached' });
  await page.getByText('Môi trường (đã đổi tên)').waitFor();
  row = page.locator('[data-testid="field-table"] tr', { has: page.getByTestId(`field-edit-${code}`) });
  assert.match(await row.innerText(), /Cấp tỉnh/);
  await page.getByTestId(`field-toggle-${code}`).click();
  await page.getByTestId('confirm-ok').click();
  await page.getByTestId(`field-toggle-${code}`).getByText('Dùng lại').waitFor();
  row = page.locator('[data-testid="field-table"] tr', { has: page.getByTestId(`field-edit-${code}`) });
  assert.match(await row.innerText(), /Ngừng hoạt động/);
  await page.getByTestId(`field-toggle-${code}`).click();
  await page.getByTestId('confirm-ok').click();
  await page.getByTestId(`field-toggle-${code}`).getByText('Ngừng dùng').waitFor();

  // A deadline rule: 15 → 20 working days, basis rewritten.
  await openTab(page, 'rules');
  await page.getByTestId('rule-edit-recommendation').click();
  await page.getByTestId('rule-form-days').fill('20');
  await page.getByTestId('rule-form-basis').fill('Trả lời kiến nghị, phản ánh: 20 ngày làm việc (quy định của đơn vị)');
  await page.getByTestId('rule-form-submit').click();
  await page.getByTestId('rule-form-form').waitFor({ state: 'detached' });
  await page.getByTestId('rule-length-recommendation').getByText('20 ngày làm việc').waitFor();
  assert.match(await page.getByTestId('rule-recommendation').innerText(), /20 ngày làm việc \(quy định của đơn vị\)/);
  const rules = await api(page, 'GET', '/api/case-rules');
  assert.deepEqual(rules.json.items.find((r: { id: string }) => r.id === 'recommendation').days, 20);
  // Another rule's dialog shows that rule's own values.
  await page.getByTestId('rule-edit-complaint_r1').click();
  assert.equal(await page.getByTestId('rule-form-days').inputValue(), '30');
  assert.match(await page.getByTestId('rule-form-basis').inputValue(), /Điều 28/);
  await page.getByTestId('rule-form-cancel').click();
  await page.getByTestId('rule-form-form').waitFor({ state: 'detached' });

  // The sealing key of Phường Phú Xuân.
  await openTab(page, 'keys');
  await page.getByTestId('settings-unit-picker').click();
  await page.keyboard.type('phu xuan');
  const option = page.locator('.ant-select-item-option[title*="Phường Phú Xuân"]:visible').first();
  await option.click();
  await page.waitForURL(/unit=19753/);
  await page.getByTestId('settings-key-table').locator('.ant-table-row').first().waitFor();
  const before = await page.getByTestId('settings-key-table').locator('.ant-table-row').count();
  await page.getByTestId('settings-key-rotate').click();
  await page.getByText('Mọi danh tính người tố cáo đã niêm phong của đơn vị sẽ được chuyển sang khóa mới').waitFor();
  await page.getByTestId('confirm-ok').click();
  await page.getByTestId('settings-key-resealed').waitFor();
  assert.match(await page.getByTestId('settings-key-resealed').innerText(), /Đã chuyển \d+ hồ sơ sang khóa mới/);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="settings-key-table"] .ant-table-row').length === n + 1, before);
  const table = await page.getByTestId('settings-key-table').innerText();
  assert.equal(table.match(/Đang dùng/g)?.length, 1, table);
  assert.match(table, /Đã ngừng/);
  assert.match(table, /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);

  // Remote area on and off.
  const remote = page.getByTestId('settings-remote-area');
  assert.equal(await remote.getAttribute('aria-checked'), 'false');
  await remote.click();
  await page.waitForFunction(() => document.querySelector('[data-testid="settings-remote-area"]')?.getAttribute('aria-checked') === 'true');
  assert.equal((await api(page, 'GET', `/api/units/${PHU_XUAN}`)).json.remoteArea, true);
  await remote.click();
  await page.waitForFunction(() => document.querySelector('[data-testid="settings-remote-area"]')?.getAttribute('aria-checked') === 'false');
  assert.equal((await api(page, 'GET', `/api/units/${PHU_XUAN}`)).json.remoteArea, false);
  await noRawKeys(page, 'keys tab');
  await context.close();
});

test('a provincial administrator reads fields and rules without edit buttons; the server refuses in Vietnamese', async () => {
  const { context, page } = await signedIn(PROVINCIAL);
  await openMenu(page, 'case-settings');
  await page.getByTestId('field-table').locator('.ant-table-row').first().waitFor();
  assert.equal(await page.getByTestId('field-add').count(), 0);
  assert.equal(await page.locator('[data-testid^="field-edit-"]').count(), 0);
  assert.match(await page.locator('body').innerText(), /Chỉ quản trị viên cấp trung ương được thay đổi/);
  await openTab(page, 'rules');
  await page.getByTestId('rule-recommendation').waitFor();
  assert.equal(await page.locator('[data-testid^="rule-edit-"]').count(), 0);

  const refused = await api(page, 'PUT', '/api/case-rules/recommendation', { days: 3, unit: 'working', basis: 'thử' });
  assert.equal(refused.status, 403);
  assert.match(refused.json.detail, /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệ]/i, refused.json.detail);
  const refusedField = await api(page, 'POST', '/api/case-fields', { code: 'thu_nghiem', name: 'Thử', level: 'commune' });
  assert.equal(refusedField.status, 403);

  // Keys of a ward inside the province are theirs to manage.
  await openTab(page, 'keys');
  await page.getByTestId('settings-key-table').waitFor();
  await noRawKeys(page, 'provincial keys tab');
  await context.close();
});

test('screenshots of the three tabs at 390 and 1366 px', async () => {
  for (const width of WIDTHS) {
    for (const lang of ['vi', 'en'] as const) {
      const { context, page } = await signedIn(CENTRAL, width);
      if (lang === 'en') await page.evaluate(() => localStorage.setItem('cn.lang', 'en'));
      for (const tab of ['fields', 'rules', 'keys'] as const) {
        const query = tab === 'fields' ? '' : tab === 'rules' ? '?tab=rules' : `?tab=keys&unit=${PHU_XUAN}`;
        await page.goto(`${app.url}/console/case-settings${query}`);
        await page.getByTestId(tab === 'fields' ? 'field-table' : tab === 'rules' ? 'rule-table' : 'settings-key-table').locator('.ant-table-row').first().waitFor();
        await noOverflow(page, `${tab} ${width} ${lang}`);
        await noRawKeys(page, `${tab} ${width} ${lang}`);
        if (lang === 'vi' || width === 1366) await page.screenshot({ path: `${SHOTS}/case-settings-${tab}-${lang}-${width}.png`, fullPage: true });
      }
      await context.close();
    }
  }
});
