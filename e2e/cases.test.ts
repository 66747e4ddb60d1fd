// In Chromium, on the demo data: the handler of Phường Phú Xuân registers a complaint (khiếu nại) and a denunciation (tố cáo)
// through the form, classifies and accepts them; the ward's leader extends the denunciation by written decision and decides;
// the handler answers. Due dates change on screen at each step; the sealed identity opens for the handler only.
// Screenshots of the inbox, the form and the case page at 390 and 1366 px.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SHOTS, startApp, type Running } from './server.ts';
import { noOverflow, noRawKeys, openMenu, pickOption, signedIn as signedInAt } from './ui.ts';

const HANDLER = 'phuxuan.xuly';
const LEADER = 'phuxuan.lanhdao';
const WIDTHS = [390, 1366] as const;

let app: Running;
let browser: Browser;
const signedIn = (username: string, width = 1366) => signedInAt(browser, app.url, username, width);
before(async () => {
  app = await startApp(3472);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

const dueText = (page: Page) => page.getByTestId('case-deadline-date').innerText();

/** Waits until the shown due date differs from `before`, and returns it. */
async function dueChangedFrom(page: Page, before: string): Promise<string> {
  await page.waitForFunction(
    (old) => {
      const el = document.querySelector('[data-testid="case-deadline-date"]');
      return el !== null && el.textContent !== old;
    },
    before,
    { timeout: 10_000 },
  );
  return dueText(page);
}

/** Clicks an action, fills its dialog through `fill`, submits, and waits for the timeline entry it adds. */
async function act(page: Page, type: string, fill: (page: Page) => Promise<void> = async () => {}) {
  await page.getByTestId(`case-action-${type}`).click();
  await page.getByTestId('event-form').waitFor();
  await fill(page);
  const before = await page.getByTestId(`case-event-${type}`).count();
  await page.getByTestId('event-submit').click();
  await page.getByTestId('event-form').waitFor({ state: 'detached' }).catch(async (err) => {
    await page.screenshot({ path: `${SHOTS}/failure-case-${type}.png`, fullPage: true });
    throw err;
  });
  await page.waitForFunction(
    ([t, n]) => document.querySelectorAll(`[data-testid="case-event-${t}"]`).length > Number(n),
    [type, before] as const,
  );
}

async function fillPetition(page: Page, p: { kind: string; channel: string; field: [string, string]; title: string; content: string; name: string; address: string; phone: string; idNumber: string }) {
  await page.getByTestId(`case-create-kind-${p.kind}`).click();
  await pickOption(page, 'case-create-channel', '', p.channel);
  await pickOption(page, 'case-create-field', p.field[0], p.field[1]);
  await page.getByTestId('case-create-title').fill(p.title);
  await page.getByTestId('case-create-content').fill(p.content);
  await page.getByTestId('case-create-petitioner-name').fill(p.name);
  await page.getByTestId('case-create-petitioner-address').fill(p.address);
  await page.getByTestId('case-create-petitioner-phone').fill(p.phone);
  await page.getByTestId('case-create-petitioner-id').fill(p.idNumber);
}

let denunciationPath = '';
let complaintPath = '';
// A 1×1 PNG, and a text file the server refuses by its content.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('the handler registers a complaint and a denunciation, classifies and accepts them; due dates move', async () => {
  const { context, page } = await signedIn(HANDLER);

  // The inbox is the handler's home page and lists the demo cases, most urgent first.
  await page.getByTestId('case-table').waitFor();
  await page.getByTestId('case-table').locator('tbody tr[data-row-key]').first().waitFor();
  assert.match(await page.getByTestId('case-table').innerText(), /dữ liệu mẫu/);
  // Search ignores diacritics: "tieng on quan" finds the noise reflection ("tiếng ồn quán karaoke").
  await page.getByTestId('case-search').fill('tieng on quan');
  await page.waitForFunction(() => /karaoke/.test(document.querySelector('[data-testid="case-table"]')?.textContent ?? '') &&
    !/thu hồi đất/.test(document.querySelector('[data-testid="case-table"]')?.textContent ?? ''));
  assert.match(page.url(), /q=tieng(\+|%20)on(\+|%20)quan/);
  await page.getByTestId('case-search').fill('');

  // The complaint, through the form.
  await openMenu(page, 'case-new');
  await page.getByTestId('case-create-form').waitFor();
  await fillPetition(page, {
    kind: 'khieu_nai', channel: 'Tiếp công dân', field: ['dat dai', 'Đất đai'],
    title: 'Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất chậm (thử nghiệm)',
    content: 'Hồ sơ cấp giấy chứng nhận nộp từ tháng 3 nhưng đến nay chưa được giải quyết, không có văn bản trả lời.',
    name: 'Hoàng Văn Thử', address: '20 Trần Hưng Đạo, phường Phú Xuân', phone: '0905 111 222', idNumber: '046090001234',
  });
  await page.getByTestId('case-create-submit').click();
  await page.getByTestId('case-page').waitFor();
  complaintPath = new URL(page.url()).pathname;
  assert.match(await page.getByTestId('case-tags').innerText(), /Khiếu nại/);
  assert.match(await page.getByTestId('case-tags').innerText(), /Đã tiếp nhận/);
  assert.match(await page.getByTestId('case-petitioner').innerText(), /Hoàng Văn Thử/);
  const complaintIntake = await dueText(page);
  assert.match(complaintIntake, /^\d{2}\/\d{2}\/\d{4}$/);
  await page.getByTestId('lunar-note').first().waitFor();
  assert.match(await page.getByTestId('lunar-note').first().innerText(), /^\(\d{2}\/\d{2}( nhuận)? ÂL\)$/);

  await act(page, 'classified');
  await act(page, 'accepted');
  const complaintResolution = await dueChangedFrom(page, complaintIntake);
  assert.match(await page.getByTestId('case-tags').innerText(), /Đã thụ lý/);
  assert.match(await page.getByTestId('case-deadline-basis').innerText(), /Luật Khiếu nại 2011/);
  assert.notEqual(complaintResolution, complaintIntake);

  // The denunciation: the form warns that the identity will be sealed.
  await openMenu(page, 'case-new');
  await page.getByTestId('case-create-form').waitFor();
  await fillPetition(page, {
    kind: 'to_cao', channel: 'Bưu chính', field: ['tham nhung', 'Tham nhũng'],
    title: 'Tố cáo cán bộ địa chính đòi tiền khi đo đạc đất (thử nghiệm)',
    content: 'Cán bộ địa chính phường yêu cầu gia đình tôi nộp thêm tiền ngoài quy định thì mới đo đạc, cấp trích lục.',
    name: 'Phan Thị Kín', address: '7 Lê Duẩn, phường Phú Xuân', phone: '0905333444', idNumber: '046190005678',
  });
  await page.getByTestId('case-create-sealed-notice').waitFor();
  assert.match(await page.getByTestId('case-create-sealed-notice').innerText(), /niêm phong/);
  await page.getByTestId('case-create-submit').click();
  await page.getByTestId('case-page').waitFor();
  denunciationPath = new URL(page.url()).pathname;
  assert.match(await page.getByTestId('case-tags').innerText(), /Tố cáo/);
  assert.match(await page.getByTestId('case-petitioner-sealed').innerText(), /Danh tính người gửi đã được niêm phong/);
  assert.doesNotMatch(await page.locator('body').innerText(), /Phan Thị Kín/);

  // The handler of the responsible unit may open the seal, with a reason; nothing stays after closing.
  await page.getByTestId('case-unseal').click();
  await page.getByTestId('unseal-reason').fill('Cần liên hệ người tố cáo để làm rõ nội dung');
  await page.getByTestId('unseal-submit').click();
  await page.getByTestId('case-identity').waitFor();
  assert.match(await page.getByTestId('case-identity').innerText(), /Phan Thị Kín/);
  await page.getByTestId('case-identity-close').click();
  await page.getByTestId('case-identity').waitFor({ state: 'detached' });
  assert.doesNotMatch(await page.locator('body').innerText(), /Phan Thị Kín/);

  // Attachments: the type is checked by content and the server's reason is shown; a denouncer's papers are sealed.
  await page.getByTestId('case-upload-input').setInputFiles({ name: 'ghi-chu.pdf', mimeType: 'application/pdf', buffer: Buffer.from('chỉ là chữ, không phải PDF') });
  await page.getByTestId('case-upload-error').waitFor();
  assert.match(await page.getByTestId('case-upload-error').innerText(), /Chỉ nhận ảnh/);
  await page.getByTestId('case-upload-identity').click();
  await page.getByTestId('case-upload-input').setInputFiles({ name: 'cccd-phan-thi-kin.png', mimeType: 'image/png', buffer: PNG });
  await page.getByTestId('case-attachments').getByText('Tệp niêm phong').waitFor();
  assert.doesNotMatch(await page.getByTestId('case-attachments').innerText(), /phan-thi-kin/);

  const denunciationIntake = await dueText(page);
  await act(page, 'classified');
  await act(page, 'accepted');
  const denunciationResolution = await dueChangedFrom(page, denunciationIntake);
  assert.match(await page.getByTestId('case-deadline-basis').innerText(), /Luật Tố cáo 2018/);
  await act(page, 'verified', async (p) => {
    await p.getByTestId('event-findings').fill('Đã làm việc với cán bộ địa chính và hai hộ dân; có dấu hiệu thu tiền ngoài quy định.');
  });
  assert.match(await page.getByTestId('case-tags').innerText(), /Đã xác minh/);
  assert.equal(await dueText(page), denunciationResolution);
  // The handler may not decide or extend: those belong to the leader.
  assert.equal(await page.getByTestId('case-action-extended').count(), 0);
  assert.equal(await page.getByTestId('case-action-decided').count(), 0);

  // Both new cases are in the inbox with their due dates.
  await openMenu(page, 'cases');
  await page.getByTestId('case-table').getByText('Tố cáo cán bộ địa chính đòi tiền').waitFor();
  await page.getByTestId('case-table').getByText('Khiếu nại việc cấp giấy chứng nhận').waitFor();
  await noRawKeys(page, 'inbox');

  await context.close();
});

test('the leader extends the denunciation by written decision and decides; the seal stays shut for the leader', async () => {
  assert.ok(denunciationPath, 'the first test registered the denunciation');
  const { context, page } = await signedIn(LEADER);
  // The leader hears of the demo recommendation that is overdue; the bell links to it and counts it read.
  await page.getByTestId('case-table').waitFor();
  await page.getByTestId('notifications-bell').click();
  await page.getByTestId('notifications-list').waitFor();
  const first = page.getByTestId('notifications-list').locator('[data-testid^="notification-"]').first();
  await first.waitFor();
  assert.match(await first.innerText(), /Quá hạn|Sắp đến hạn/);
  await page.waitForTimeout(400); // the opening animation
  await page.screenshot({ path: `${SHOTS}/cases-notifications-leader-1366.png` });
  const unreadBefore = Number((await page.getByTestId('notifications-unread').innerText()).trim() || '0');
  await first.click();
  await page.getByTestId('case-page').waitFor();
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="notifications-unread"]')?.textContent?.trim() || '0') < n,
    unreadBefore,
  );

  await page.goto(`${app.url}${denunciationPath}`);
  await page.getByTestId('case-page').waitFor();
  await page.getByTestId('case-petitioner-sealed').waitFor();
  assert.equal(await page.getByTestId('case-unseal').count(), 0, 'no unseal button for a leader');
  const caseId = denunciationPath.split('/').pop()!;
  const refused = await page.request.post(`${app.url}/api/cases/${caseId}/identity`, { data: { reason: 'Lãnh đạo muốn xem danh tính' } });
  assert.equal(refused.status(), 403);

  const before = await dueText(page);
  await act(page, 'extended', async (p) => {
    await p.getByTestId('event-decision-number').fill('15/QĐ-UBND');
    await p.getByTestId('event-days').fill('30');
    await p.getByTestId('event-reason').fill('Vụ việc cần xác minh thêm tại nhiều nơi');
  });
  const extended = await dueChangedFrom(page, before);
  assert.notEqual(extended, before);
  assert.match(await page.getByTestId('case-timeline').innerText(), /15\/QĐ-UBND/);
  assert.match(await page.getByTestId('case-timeline').innerText(), /30 ngày/);

  await act(page, 'decided', async (p) => {
    await p.getByTestId('event-decision-number').fill('22/KL-UBND');
    await p.getByTestId('event-result-dung_mot_phan').click();
    await p.getByTestId('event-summary').fill('Tố cáo đúng một phần; xử lý kỷ luật cán bộ địa chính.');
  });
  assert.match(await page.getByTestId('case-tags').innerText(), /Đã có quyết định/);
  assert.match(await page.getByTestId('case-timeline').innerText(), /Đúng một phần/);
  await context.close();
});

test('the handler answers; the answer letter can be downloaded; screenshots at 390 and 1366 px', async () => {
  assert.ok(denunciationPath);
  const { context, page } = await signedIn(HANDLER);
  await page.goto(`${app.url}${denunciationPath}`);
  await page.getByTestId('case-page').waitFor();
  await act(page, 'answered', async (p) => {
    await p.getByTestId('event-answer').fill('Ủy ban nhân dân phường đã kết luận nội dung tố cáo đúng một phần và xử lý theo quy định.');
  });
  assert.match(await page.getByTestId('case-tags').innerText(), /Đã trả lời/);
  assert.match(await page.getByTestId('case-deadline').innerText(), /Không có hạn/);
  const [letter] = await Promise.all([page.waitForEvent('download'), page.getByTestId('case-document-answer').click()]);
  assert.match(letter.suggestedFilename(), /\.docx$/);
  await context.close();

  for (const width of WIDTHS) {
    const { context: ctx, page: p } = await signedIn(HANDLER, width);
    await p.goto(`${app.url}/console/cases`);
    await p.getByTestId('case-table').locator('tbody tr[data-row-key]').first().waitFor();
    await p.waitForLoadState('networkidle');
    await p.screenshot({ path: `${SHOTS}/cases-inbox-${width}.png`, fullPage: true });
    await noOverflow(p, `inbox at ${width}`);
    await noRawKeys(p, `inbox at ${width}`);

    await p.goto(`${app.url}/console/cases/new`);
    await p.getByTestId('case-create-form').waitFor();
    await p.getByTestId('case-create-kind-to_cao').click();
    await p.getByTestId('case-create-group').click();
    await p.getByTestId('case-create-head-count').fill('12');
    await p.waitForLoadState('networkidle');
    await p.screenshot({ path: `${SHOTS}/cases-new-${width}.png`, fullPage: true });
    await noOverflow(p, `form at ${width}`);
    await noRawKeys(p, `form at ${width}`);

    // The answered denunciation, the accepted complaint (a running deadline) and a demo case still to classify (hints).
    await p.goto(`${app.url}/console/cases?q=kiet%2012`);
    await p.getByTestId('case-table').getByText('Đèn chiếu sáng trong kiệt 12').click();
    await p.getByTestId('case-suggestions').waitFor();
    const receivedPath = new URL(p.url()).pathname;
    for (const [name, path] of [['case', denunciationPath], ['case-open', complaintPath], ['case-received', receivedPath]] as const) {
      await p.goto(`${app.url}${path}`);
      await p.getByTestId('case-timeline').waitFor();
      if (name === 'case-received') await p.getByTestId('case-competent-unit').waitFor();
      await p.waitForLoadState('networkidle');
      await p.screenshot({ path: `${SHOTS}/cases-${name}-${width}.png`, fullPage: true });
      await noOverflow(p, `${name} page at ${width}`);
      await noRawKeys(p, `${name} page at ${width}`);
    }

    await p.getByTestId('notifications-bell').click();
    await p.getByTestId('notifications-list').waitFor();
    await p.waitForTimeout(400); // the opening animation
    await p.screenshot({ path: `${SHOTS}/cases-notifications-${width}.png` });
    await ctx.close();
  }
});

test('bulk assignment from the inbox; "Việc của tôi" then lists the case', async () => {
  const { context, page } = await signedIn(HANDLER);
  await page.getByTestId('case-table').getByText('Khiếu nại việc cấp giấy chứng nhận').waitFor();
  const row = page.getByTestId('case-table').locator('tr[data-row-key]', { hasText: 'Khiếu nại việc cấp giấy chứng nhận' });
  await row.locator('input[type="checkbox"]').check();
  await page.getByTestId('case-assign').click();
  await page.getByTestId('case-assign-form').waitFor();
  await page.waitForLoadState('networkidle'); // the unit's handlers
  await pickOption(page, 'case-assign-handler', 'xu ly', 'Cán bộ xử lý đơn Phường Phú Xuân');
  await page.getByTestId('case-assign-submit').click();
  await page.getByTestId('case-assign-form').waitFor({ state: 'detached' });
  await row.getByText('Cán bộ xử lý đơn Phường Phú Xuân').waitFor();
  await page.getByTestId('case-filter-mine').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('handler') === 'me');
  await page.getByTestId('case-table').locator('tr[data-row-key]', { hasText: 'Khiếu nại quyết định thu hồi đất' }).waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('case-table').locator('tr[data-row-key]').count(), 1);
  await context.close();
});
