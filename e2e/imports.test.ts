// In Chromium, on the demo data: the dân vận official of Thành phố Huế downloads the import template, fills it (built
// here with write-excel-file from the downloaded headers) with one bad row, checks it and reads the report of the
// rejected row, fixes the row, checks again and imports; the import shows in the history. On a 390 px phone, the
// official of Phường Phú Xuân checks a CSV with a bad row. Screenshots at 390 and 1366 px.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import writeExcelFile from 'write-excel-file/node';
import readXlsxFile from 'read-excel-file/node';
import { launchChromium, SHOTS, startApp, type Running } from './server.ts';
import { noOverflow, noRawKeys, openMenu, signedIn as signedInAt } from './ui.ts';

let app: Running;
let browser: Browser;
const signedIn = (username: string, width = 1366) => signedInAt(browser, app.url, username, width);
before(async () => {
  app = await startApp(3504);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

type Sheet = { sheet: string; data: unknown[][] };

/** A workbook with the template's headers (as downloaded) and the given rows under them. */
async function filled(headers: Map<string, unknown[]>, rows: Record<string, string[][]>): Promise<Buffer> {
  const sheets = [...headers].map(([sheet, header]) => ({
    sheet,
    data: [header.map((value) => ({ value: String(value), type: String })), ...(rows[sheet] ?? []).map((r) => r.map((value) => (value ? { value, type: String } : null)))],
  }));
  return Buffer.from(await writeExcelFile(sheets as never).toBuffer());
}

async function choose(page: Page, name: string, buffer: Buffer, mimeType: string) {
  await page.getByTestId('imports-file').locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
  await page.getByTestId('imports-file').getByText(name).waitFor();
}

const conference = (date: string) => ['HN-2024-TN-01', '475', 'Ủy ban nhân dân quận Phú Xuân', date, 'Định kỳ', 'Đối thoại', 'Đối thoại về chỉnh trang đô thị (thử nghiệm)', 'Hội trường quận', 'Nguyễn Văn A, Bí thư Quận ủy', '150', 'Đã tổ chức', ''];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('the province official downloads the template, checks a file with one bad row, reads the report, fixes it and imports', async () => {
  const { context, page } = await signedIn('hue.danvan');
  await openMenu(page, 'imports');
  await page.getByRole('heading', { name: 'Nhập dữ liệu các năm trước' }).waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('imports-template-xlsx').click()]);
  assert.equal(download.suggestedFilename(), 'mau-nhap-du-lieu.xlsx');
  const template = readFileSync((await download.path())!);
  const sheets = (await readXlsxFile(template)) as Sheet[];
  assert.deepEqual(sheets.map((s) => s.sheet), ['Hội nghị', 'Kiến nghị', 'Giám sát', 'Hướng dẫn', 'Danh mục']);
  const headers = new Map(sheets.slice(0, 3).map((s) => [s.sheet, s.data[0]]));

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('imports-template-conferences').click()]);
  const csv = readFileSync((await csvDownload.path())!);
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV template opens in Excel with its Vietnamese intact');
  assert.match(csv.toString('utf8'), /Mã hội nghị \*,Mã đơn vị hành chính \*/);

  const rows = (date: string) => ({
    'Hội nghị': [conference(date)],
    'Kiến nghị': [['HN-2024-TN-01', 'Cử tri tổ dân phố 3', 'Đất đai', 'Đề nghị giải quyết dứt điểm hồ sơ đất còn tồn đọng (thử nghiệm)', '', 'Đã giải quyết', '20/06/2024']],
    'Giám sát': [['46', 'Ủy ban MTTQ Việt Nam thành phố Huế', 'Sở Xây dựng', 'Đoàn giám sát', 'Giám sát chỉnh trang đô thị (thử nghiệm)', '02/04/2024', '30/04/2024', 'Chậm tiến độ hai công trình', '2', '1']],
  });

  // 30 February does not exist: the check rejects that row and nothing can be imported yet.
  await choose(page, 'so-lieu-2024.xlsx', await filled(headers, rows('30/02/2024')), XLSX);
  assert.equal(await page.getByTestId('imports-import').isDisabled(), true);
  await page.getByTestId('imports-check').click();
  const rejected = page.getByTestId('imports-report-rejected');
  await rejected.waitFor();
  assert.match(await rejected.innerText(), /Có 1 lỗi ở 1 dòng; chưa có dữ liệu nào được nhập/);
  const issues = page.getByTestId('imports-issues');
  const text = await issues.innerText();
  assert.match(text, /Hội nghị · dòng 2/);
  assert.match(text, /Ngày "30\/02\/2024" không hợp lệ/);
  assert.match(text, /date_invalid/);
  assert.equal(await page.getByTestId('imports-import').isDisabled(), true);
  await noRawKeys(page, 'imports report');
  await page.screenshot({ path: `${SHOTS}/imports-report-1366.png`, fullPage: true });

  // Fixed: the check passes, then the import writes everything.
  await choose(page, 'so-lieu-2024-da-sua.xlsx', await filled(headers, rows('15/03/2024')), XLSX);
  await page.getByTestId('imports-check').click();
  const okReport = page.getByTestId('imports-report-ok');
  await okReport.waitFor();
  assert.match(await okReport.innerText(), /Khi nhập sẽ ghi: 1 hội nghị, 1 kiến nghị, 1 cuộc giám sát \(2 kiến nghị sau giám sát\)/);
  await page.getByTestId('imports-import').click();
  await page.getByTestId('confirm-ok').click();
  await page.getByText('Đã nhập: 1 hội nghị, 1 kiến nghị, 1 cuộc giám sát (2 kiến nghị sau giám sát).').first().waitFor();
  const history = page.getByTestId('imports-history');
  await history.getByText('so-lieu-2024-da-sua.xlsx').waitFor();
  assert.match(await history.innerText(), /Thành phố Huế/);
  await page.screenshot({ path: `${SHOTS}/imports-done-1366.png`, fullPage: true });

  // The same file again is refused, pointing to the earlier import.
  await page.getByTestId('imports-check').click();
  const failure = page.getByTestId('imports-failure');
  await failure.waitFor();
  assert.match(await failure.innerText(), /Tệp này đã được nhập cho đơn vị lúc/);
  await context.close();
});

test('on a phone, the commune official checks a CSV with a bad row and reads the report', async () => {
  const { context, page } = await signedIn('phuxuan.danvan', 390);
  await openMenu(page, 'imports');
  await page.getByRole('heading', { name: 'Nhập dữ liệu các năm trước' }).waitFor();
  const lines = [
    'Mã đơn vị hành chính *,Tổ chức giám sát *,Đối tượng giám sát *,Hình thức *,Nội dung *,Ngày bắt đầu *,Ngày kết thúc,"Kết quả, phát hiện",Số kiến nghị,Số kiến nghị đã được giải quyết',
    '19753,Ủy ban MTTQ Việt Nam phường Phú Xuân,Ủy ban nhân dân phường Phú Xuân,Ban Thanh tra nhân dân,Giám sát thu chi quỹ (thử nghiệm),05/09/2025,05/09/2025,,1,1',
    '19789,Ủy ban MTTQ Việt Nam phường Thuận Hóa,Ủy ban nhân dân phường Thuận Hóa,Kiểm tra,Giám sát ngoài phường (thử nghiệm),05/09/2025,,,,',
  ];
  await choose(page, 'giam-sat.csv', Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'), 'text/csv');
  await page.getByTestId('imports-check').click();
  await page.getByTestId('imports-report-rejected').waitFor();
  const text = await page.getByTestId('imports-issues').innerText();
  assert.match(text, /Giám sát · dòng 3/);
  assert.match(text, /không thuộc phạm vi Phường Phú Xuân/);
  assert.match(text, /Giá trị "Kiểm tra" không có trong danh sách của cột "Hình thức"/);
  await noOverflow(page, 'imports page at 390 px');
  await noRawKeys(page, 'imports page at 390 px');
  await page.screenshot({ path: `${SHOTS}/imports-report-390.png`, fullPage: true });
  await context.close();
});
