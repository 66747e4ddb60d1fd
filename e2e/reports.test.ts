// In Chromium, on the demo data: the leader of Thành phố Huế opens "Báo cáo tổng kết" for this year, sees the headline
// figures and the charts drawn (canvas), opens the records behind a commune's figure down to a case, drills into the
// commune's own report and back, downloads the .docx (State layout of the People's Committee) and the .xlsx, and an
// empty period shows a plain empty state. Screenshots at 390 and 1366 px.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { launchChromium, SHOTS, startApp, type Running } from './server.ts';
import { noOverflow, noRawKeys, openMenu, signedIn as signedInAt } from './ui.ts';
import { documentXml, paragraphs } from '../src/testing/docx.ts';

const LEADER = 'hue.lanhdao';
const COMMUNE = '19753';

let app: Running;
let browser: Browser;
const signedIn = (username: string, width = 1366) => signedInAt(browser, app.url, username, width);
before(async () => {
  app = await startApp(3503);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

async function reportShown(page: Page, unitName: string) {
  await page.getByTestId('report-heading').filter({ hasText: unitName }).waitFor();
  await page.locator('.report-body:not(.report-body--stale), [data-testid="report-empty"]').first().waitFor();
}

/** Waits for the charts chunk and for ECharts to draw on its canvases. */
async function chartsDrawn(page: Page) {
  await page.locator('[data-testid="report-charts"] canvas').first().waitFor();
  await page.waitForFunction(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="report-chart-compare"] canvas');
    if (!canvas || canvas.width === 0) return false;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
    return false;
  });
}

test('the province leader sees this year\'s report with charts, drills into a figure down to a case, and into a commune', async () => {
  const { context, page } = await signedIn(LEADER);
  await openMenu(page, 'reports');
  await reportShown(page, 'Thành phố Huế');
  assert.match(page.url(), /\/console\/reports/);
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()).slice(0, 4);
  assert.match(await page.getByTestId('report-heading').innerText(), new RegExp(`Thành phố Huế — năm ${year}`));

  // The demo cases of Phường Phú Xuân are this year's: the headline counts them, with the previous year beside.
  const cases = page.getByTestId('report-headline-cases');
  assert.match(await cases.innerText(), /Đơn thư tiếp nhận\s+\d+/);
  assert.match(await cases.innerText(), /Kỳ trước: \d+/);
  await chartsDrawn(page);
  assert.ok(await page.locator('[data-testid="report-charts"] canvas').count() >= 2, 'several charts drawn');
  await noRawKeys(page, 'report page');
  await page.screenshot({ path: `${SHOTS}/reports-province-1366.png`, fullPage: true });
  await page.screenshot({ path: `${SHOTS}/reports-province-top-1366.png` });

  // The commune's row: its petitions figure opens the records behind it, each linking to its case.
  const figure = page.getByTestId(`report-figure-${COMMUNE}-casesReceived`);
  await figure.scrollIntoViewIfNeeded();
  const count = Number((await figure.innerText()).replace(/\D/g, ''));
  assert.ok(count >= 1, 'the demo commune has petitions this year');
  await figure.click();
  const records = page.getByTestId('report-records');
  await records.locator('[data-testid="report-record-link"]').first().waitFor();
  assert.match(await page.locator('.ant-drawer-title').innerText(), /Phường Phú Xuân/);
  assert.equal(await records.locator('tbody tr.ant-table-row').count(), Math.min(count, 50));
  await page.screenshot({ path: `${SHOTS}/reports-records-1366.png` });
  await records.locator('[data-testid="report-record-link"]').first().click();
  await page.waitForURL(/\/console\/cases\/[0-9a-f-]{36}/);
  await page.getByTestId('case-title').or(page.locator('h2')).first().waitFor();

  // Back to the report, then into the commune's own report (same period), and up again.
  await page.goBack();
  await reportShown(page, 'Thành phố Huế');
  await page.getByTestId(`report-child-${COMMUNE}`).click();
  await reportShown(page, 'Phường Phú Xuân');
  assert.match(page.url(), new RegExp(`unit=${COMMUNE}`));
  assert.match(page.url(), /period=year/);
  await page.screenshot({ path: `${SHOTS}/reports-commune-1366.png`, fullPage: true });
  await page.getByTestId('report-up').click();
  await reportShown(page, 'Thành phố Huế');
  await context.close();
});

test('the .docx in the People\'s Committee\'s layout and the .xlsx of figures download with Vietnamese names', async () => {
  const { context, page } = await signedIn(LEADER);
  await openMenu(page, 'reports');
  await reportShown(page, 'Thành phố Huế');
  assert.match(await page.getByTestId('report-issuer').innerText(), /Ủy ban nhân dân thành phố Huế/);

  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-docx').click()]);
  assert.match(docx.suggestedFilename(), /^Báo cáo công tác dân vận năm \d{4} - Thành phố Huế\.docx$/);
  await docx.saveAs(`${SHOTS}/reports-hue.docx`); // kept with the screenshots, to be looked at rendered
  const text = paragraphs(documentXml(readFileSync((await docx.path())!)));
  for (const line of ['ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO', 'TM. ỦY BAN NHÂN DÂN', 'Nơi nhận:']) {
    assert.ok(text.includes(line), `the .docx has "${line}"`);
  }
  assert.ok(text.some((p) => p.startsWith('Số: ') && p.endsWith('/BC-UBND')), 'number left blank for the office');
  assert.ok(text.includes('III. TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ'));

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-xlsx').click()]);
  assert.match(xlsx.suggestedFilename(), /^Báo cáo công tác dân vận năm \d{4} - Thành phố Huế\.xlsx$/);
  const sheets = await readXlsxFile(readFileSync((await xlsx.path())!));
  assert.deepEqual(sheets.map((s) => s.sheet), ['Theo đơn vị', 'Theo cấp', 'So sánh kỳ trước', 'Nhận định']);
  const phuXuan = sheets[0].data.find((r) => r[1] === COMMUNE);
  assert.ok(phuXuan, 'a row for Phường Phú Xuân');
  assert.equal(typeof phuXuan[12], 'number');
  assert.ok((phuXuan[12] as number) >= 1, 'its petitions as a number');
  await context.close();
});

test('on a 390 px phone: the page fits, the charts draw, the children table scrolls inside its card; an empty period says so', async () => {
  const { context, page } = await signedIn(LEADER, 390);
  await openMenu(page, 'reports');
  await reportShown(page, 'Thành phố Huế');
  await chartsDrawn(page);
  await noOverflow(page, 'report page at 390 px');
  await page.screenshot({ path: `${SHOTS}/reports-province-390.png`, fullPage: true });
  await page.screenshot({ path: `${SHOTS}/reports-province-top-390.png` });

  // Two days of August 2025 with nothing recorded: an empty state, not an error.
  await page.goto(`${app.url}/console/reports?unit=46&period=custom&from=2025-08-01&to=2025-08-02`);
  await page.getByTestId('report-empty').waitFor();
  assert.match(await page.getByTestId('report-empty').innerText(), /chưa ghi nhận|Trong kỳ này chưa ghi nhận hoạt động nào/i);
  assert.equal(await page.getByTestId('report-error').count(), 0);
  await noOverflow(page, 'empty report at 390 px');
  await page.screenshot({ path: `${SHOTS}/reports-empty-390.png`, fullPage: true });
  await context.close();
});
