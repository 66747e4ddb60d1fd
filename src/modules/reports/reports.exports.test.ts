// Report exports: the .docx in the State and Party layouts (header, figures, signature, landscape phụ lục), the empty
// report, the issuer of each kind of organisation, the .xlsx read back, and the HTTP routes (issuer check, file names, audit).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import readXlsxFile from 'read-excel-file/node';
import { harness, type Harness } from '../../testing/given.ts';
import { documentXml, paragraphs, runStyle, unzip } from '../../testing/docx.ts';
import type { OrganisationRow } from '../organisations/index.ts';
import { reportDocx, reportXlsx, reportFileBase, type ReportIssuer } from './reports.exports.ts';
import { issuerOf, type IssuerContext } from './reports.issuer.ts';
import { emptyReport, provinceReport } from './reports.fixtures.ts';

let n = 0;
const org = (kind: string, name: string, unitPath = 'VN.46', parentId: string | null = null): OrganisationRow => ({
  id: `0190${String(++n).padStart(4, '0')}-0000-7000-8000-000000000000`, unitCode: unitPath.split('.').pop()!, unitPath, parentId, kind, name, nameKey: name,
  active: true, createdAt: new Date(), updatedAt: new Date(), deactivatedAt: null,
});
const HUE = { code: '46', name: 'Thành phố Huế', shortName: 'Huế', level: 'province' };
const PHU_XUAN = { code: '19753', name: 'Phường Phú Xuân', shortName: 'Phú Xuân', level: 'commune' };
const DATE = '2026-02-05';
const thanhUy = org('cap_uy', 'Thành ủy Huế');
const ubnd = org('ubnd', 'Ủy ban nhân dân thành phố Huế');
const banDanVan = org('ban_dan_van', 'Ban Dân vận Thành ủy Huế', 'VN.46', thanhUy.id);
const mttq = org('mttq', 'Ủy ban MTTQ Việt Nam thành phố Huế');
const atHue = (extra: Partial<IssuerContext> = {}): IssuerContext => ({ unit: HUE, province: HUE, above: [], sameUnit: [thanhUy, ubnd, banDanVan, mttq], date: DATE, ...extra });

const stateIssuer: ReportIssuer = issuerOf(ubnd, atHue({ sameUnit: [thanhUy, banDanVan] }));
const partyIssuer: ReportIssuer = issuerOf(banDanVan, atHue({ parent: thanhUy, sameUnit: [thanhUy] }));

test('the issuer follows the organisation: Party layout for party committees and their boards, State for the rest', () => {
  const cases: [OrganisationRow, Partial<IssuerContext>, Partial<ReportIssuer>][] = [
    [ubnd, {}, { layout: 'state', headerName: 'Ủy ban nhân dân thành phố Huế', symbol: 'BC-UBND', signature: { authority: ['TM. Ủy ban nhân dân'], title: 'Chủ tịch' } }],
    [org('hdnd', 'Hội đồng nhân dân thành phố Huế'), {}, { layout: 'state', symbol: 'BC-HĐND' }],
    [mttq, {}, { layout: 'state', parentBody: 'Ủy ban MTTQ Việt Nam thành phố Huế', headerName: 'Ban Thường trực', symbol: 'BC-MTTQ-BTT' }],
    [org('hoi_nong_dan', 'Hội Nông dân thành phố Huế'), {}, { layout: 'state', symbol: 'BC-HND', signature: { authority: ['TM. Ban Thường vụ'], title: 'Chủ tịch' } }],
    [org('co_quan_chuyen_mon', 'Sở Nội vụ', 'VN.46', ubnd.id), { parent: ubnd }, { layout: 'state', parentBody: 'Ủy ban nhân dân thành phố Huế', symbol: 'BC-SNV', signature: { authority: ['Giám đốc'] } }],
    [thanhUy, {}, { layout: 'party', headerName: 'Thành ủy Huế', parentBody: undefined, symbol: 'BC/TU', signature: { authority: ['T/M Ban Thường vụ'], title: 'Bí thư' } }],
    [banDanVan, { parent: thanhUy }, { layout: 'party', parentBody: 'Thành ủy Huế', headerName: 'Ban Dân vận', symbol: 'BC/BDVTU', signature: { authority: ['T/M Ban Dân vận'], title: 'Trưởng ban' } }],
    [org('cap_uy', 'Đảng ủy phường Phú Xuân', 'VN.46.19753'), { unit: PHU_XUAN, above: [thanhUy] }, { layout: 'party', parentBody: 'Đảng bộ thành phố Huế', headerName: 'Đảng ủy phường Phú Xuân', symbol: 'BC/ĐU', place: 'Phú Xuân', signature: { authority: ['T/M Đảng ủy'], title: 'Bí thư' }, recipients: ['Thành ủy Huế (để báo cáo)', 'Lưu Văn phòng'] }],
  ];
  for (const [o, ctx, expected] of cases) {
    const got = issuerOf(o, atHue(ctx));
    for (const [k, v] of Object.entries(expected)) assert.deepEqual(got[k as keyof ReportIssuer], v, `${o.name}: ${k}`);
  }
  // A People's Committee of a commune reports to the one above, to its party committee, and the dân vận board compiles.
  const phuong = issuerOf(org('ubnd', 'Ủy ban nhân dân phường Phú Xuân', 'VN.46.19753'), {
    unit: PHU_XUAN, province: HUE, above: [ubnd, thanhUy], sameUnit: [org('cap_uy', 'Đảng ủy phường Phú Xuân', 'VN.46.19753')], date: DATE,
  });
  assert.deepEqual(phuong.recipients, ['Ủy ban nhân dân thành phố Huế (để báo cáo)', 'Đảng ủy phường Phú Xuân (để báo cáo)', 'Lưu: VT']);
  assert.equal(phuong.place, 'Phú Xuân');
});

test('the State .docx: NĐ 30 header, blank number, title, sections I–IV with the figures, signature left to sign, landscape phụ lục', async () => {
  const report = provinceReport();
  const docx = await reportDocx(report, stateIssuer);
  assert.equal(docx.subarray(0, 2).toString(), 'PK');
  assert.ok(unzip(docx).has('word/document.xml'));
  const xml = documentXml(docx);
  const text = paragraphs(xml);
  const has = (t: string) => assert.ok(text.includes(t), `no paragraph "${t}"`);
  const contains = (t: string) => assert.ok(text.some((p) => p.includes(t)), `no paragraph containing "${t}"`);

  has('ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ');
  has('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  has('Độc lập - Tự do - Hạnh phúc');
  has('Số:       /BC-UBND');
  has('Huế, ngày 05 tháng 02 năm 2026');
  assert.deepEqual(runStyle(xml, 'Huế, ngày 05 tháng 02 năm 2026'), { font: 'Times New Roman', size: 14, bold: false, italic: true, underline: false });
  has('BÁO CÁO');
  has('Tổng kết công tác dân vận năm 2025 trên địa bàn thành phố Huế');
  assert.ok(!text.includes('ĐẢNG CỘNG SẢN VIỆT NAM'));

  for (const h of ['I. HỘI NGHỊ TIẾP XÚC, ĐỐI THOẠI', 'II. GIÁM SÁT, PHẢN BIỆN XÃ HỘI', 'III. TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ', 'IV. ĐÁNH GIÁ CHUNG']) has(h);
  assert.ok(text.indexOf('I. HỘI NGHỊ TIẾP XÚC, ĐỐI THOẠI') < text.indexOf('IV. ĐÁNH GIÁ CHUNG'));
  contains('đã tổ chức 145 hội nghị tiếp xúc, đối thoại, trong đó 47 định kỳ, 98 đột xuất, tăng 25 so với kỳ trước (kỳ trước: 120 hội nghị)');
  has('- 9/9 quận, huyện, thị xã đã tổ chức 39 hội nghị, trong đó 13 định kỳ, 26 đột xuất.');
  has('- 30/40 xã, phường đã tổ chức 38 hội nghị, trong đó 10 định kỳ, 28 đột xuất.');
  contains('đã tiến hành 36 cuộc giám sát, tăng 6 so với kỳ trước');
  contains('Trong kỳ đã tiếp nhận 1.234 đơn thư, tăng 134 so với kỳ trước');
  contains('tỷ lệ giải quyết đạt 80,0%');
  // IV: the assessment from the figures, not a repeat of them: what went well, what falls short, what residents raised.
  const iv = text.slice(text.indexOf('IV. ĐÁNH GIÁ CHUNG'));
  const strengths = iv.slice(iv.indexOf('1. Kết quả đạt được') + 1, iv.indexOf('2. Hạn chế, tồn tại'));
  assert.deepEqual(strengths, [
    '- Ở cấp mình, thành phố Huế đã trực tiếp tổ chức 6 hội nghị tiếp xúc, đối thoại với Nhân dân;',
    '- 9/9 quận, huyện, thị xã đã tổ chức hội nghị tiếp xúc, đối thoại với Nhân dân;',
    '- Số hội nghị tiếp xúc, đối thoại tăng 25 so với kỳ trước;',
    '- 290/435 kiến nghị của Nhân dân tại hội nghị đã được trả lời tại chỗ hoặc giải quyết xong;',
    '- Số cuộc giám sát tăng 6 so với kỳ trước;',
    '- 28/40 ý kiến phản biện xã hội được cơ quan soạn thảo tiếp thu;',
    '- Tỷ lệ giải quyết đơn thư đạt 80,0% (kỳ trước: 80,0%).',
  ]);
  const shortcomings = iv.slice(iv.indexOf('2. Hạn chế, tồn tại') + 1, iv.indexOf('3. Những vấn đề Nhân dân quan tâm'));
  assert.deepEqual(shortcomings, [
    '- Còn 73/133 xã, phường, thị trấn chưa tổ chức hội nghị tiếp xúc, đối thoại với Nhân dân;',
    '- Còn 10/40 xã, phường chưa tổ chức hội nghị tiếp xúc, đối thoại với Nhân dân;',
    '- 2 hội nghị đã lên kế hoạch nhưng không tổ chức được;',
    '- 3 kiến nghị tại hội nghị đã quá hạn mà chưa được giải quyết;',
    '- 36 kiến nghị sau giám sát chưa được trả lời;',
    '- 6 vụ việc quá hạn giải quyết;',
    '- Phát sinh 2 vụ việc đông người, 1 vụ việc vượt cấp.',
  ]);
  contains('Các lĩnh vực được Nhân dân phản ánh, kiến nghị nhiều nhất: đất đai (312); môi trường (190); giao thông (120).');
  has('Trên đây là báo cáo tổng kết công tác dân vận năm 2025 trên địa bàn thành phố Huế của Ủy ban nhân dân thành phố Huế./.');

  // The table per level: units that held one over the total, figures, and the previous period's (the province matches across the reform).
  const cells = text;
  for (const c of ['Cấp tỉnh', '1/1', 'Cấp huyện (trước 01/7/2025)', '9/9', '60/133', 'Cấp xã (từ 01/7/2025)', '30/40', 'Tổng cộng', '145', '120']) assert.ok(cells.includes(c), `cell ${c}`);
  const row = (first: string, width: number) => cells.slice(cells.indexOf(first), cells.indexOf(first) + width);
  assert.deepEqual(row('Cấp tỉnh', 7), ['Cấp tỉnh', '1/1', '6', '4', '2', '0', '5']);
  assert.deepEqual(row('Đơn thư tiếp nhận', 4), ['Đơn thư tiếp nhận', '1.234', '1.100', '+134']);
  assert.deepEqual(row('Tỷ lệ giải quyết (%)', 4), ['Tỷ lệ giải quyết (%)', '80,0%', '80,0%', '0,0']);

  // Signature: authority and position, the name left for the signer; "Nơi nhận:" with the bodies reported to.
  has('TM. ỦY BAN NHÂN DÂN');
  has('CHỦ TỊCH');
  has('Nơi nhận:');
  has('- Thành ủy Huế (để báo cáo);');
  has('- Ban Dân vận Thành ủy Huế (để tổng hợp);');
  has('- Lưu: VT.');
  assert.ok(text.indexOf('TM. ỦY BAN NHÂN DÂN') < text.indexOf('PHỤ LỤC'), 'the phụ lục comes after the signature');

  // The phụ lục: a landscape section with one row per child (old districts first) and a total.
  assert.match(xml, /<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  has('PHỤ LỤC');
  has('(Kèm theo Báo cáo số       /BC-UBND ngày 05/02/2026 của Ủy ban nhân dân thành phố Huế)');
  assert.ok(text.indexOf('Quận Thuận Hóa') < text.indexOf('Phường Phú Xuân'));
  assert.deepEqual(row('Quận Thuận Hóa', 11), ['Quận Thuận Hóa', '21', '7', '14', '63', '21', '10', '0', '84', '63', '1']);
  const total = text.lastIndexOf('Tổng cộng');
  assert.deepEqual(text.slice(total, total + 11), ['Tổng cộng', '60', '20', '40', '180', '60', '29', '0', '240', '180', '2']);
  // Real paragraphs and tables, no pictures.
  assert.doesNotMatch(xml, /<w:drawing>|<pic:pic/);
});

test('the previous period beside each child in the phụ lục when given', async () => {
  const report = provinceReport();
  const prior = report.children.filter((c) => c.code !== '19867').map((c) => ({ ...c, conferencesHeld: c.conferencesHeld + 1, supervisionVisits: 7, casesReceived: 5 }));
  const text = paragraphs(documentXml(await reportDocx(report, stateIssuer, { priorChildren: prior })));
  const at = text.indexOf('Quận Thuận Hóa');
  assert.deepEqual(text.slice(at, at + 14), ['Quận Thuận Hóa', '21', '7', '14', '22', '63', '21', '10', '7', '0', '84', '5', '63', '1']);
  const q = text.indexOf('Xã Quảng Điền');
  assert.equal(text[q + 4], '—', 'a child with no previous figures');
});

test('the Party .docx: ĐẢNG CỘNG SẢN VIỆT NAM, the committee above its board, "*", "Số …-BC/…", underlined Nơi nhận', async () => {
  const xml = documentXml(await reportDocx(provinceReport(), partyIssuer));
  const text = paragraphs(xml);
  for (const t of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'THÀNH ỦY HUẾ', 'BAN DÂN VẬN', '*', 'Số       -BC/BDVTU', 'Huế, ngày 05 tháng 02 năm 2026', 'BÁO CÁO', 'T/M BAN DÂN VẬN', 'TRƯỞNG BAN', 'Nơi nhận:']) {
    assert.ok(text.includes(t), `no paragraph "${t}"`);
  }
  assert.equal(runStyle(xml, 'ĐẢNG CỘNG SẢN VIỆT NAM')?.size, 15);
  assert.equal(runStyle(xml, 'BÁO CÁO')?.size, 16);
  assert.equal(runStyle(xml, 'Nơi nhận:')?.underline, true);
  assert.ok(!text.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
  assert.ok(text.includes('-----'), 'the Party title closes with five hyphens');
  assert.ok(text.some((p) => p.includes('(Kèm theo Báo cáo số       -BC/BDVTU ngày 05/02/2026 của Ban Dân vận Thành ủy Huế)')));
});

test('an empty period gives a short document that says nothing was recorded, without sections or phụ lục', async () => {
  const report = emptyReport();
  const text = paragraphs(documentXml(await reportDocx(report, issuerOf(org('ubnd', 'Ủy ban nhân dân phường Phú Xuân', 'VN.46.19753'), { unit: PHU_XUAN, province: HUE, above: [ubnd], sameUnit: [], date: DATE }))));
  assert.ok(text.includes('Kết quả công tác dân vận quý I năm 2026 trên địa bàn phường Phú Xuân'));
  assert.ok(text.some((p) => p.includes('chưa ghi nhận hội nghị tiếp xúc, đối thoại, cuộc giám sát, hoạt động phản biện xã hội hay đơn thư nào')));
  assert.ok(!text.includes('I. HỘI NGHỊ TIẾP XÚC, ĐỐI THOẠI'));
  assert.ok(!text.includes('PHỤ LỤC'));
  assert.ok(text.includes('TM. ỦY BAN NHÂN DÂN'));
  assert.ok(text.includes('Phú Xuân, ngày 05 tháng 02 năm 2026'));
});

test('the .xlsx read back: one row per child with numbers as numbers and a total, the level rows with their sentences, the comparison', async () => {
  const report = provinceReport();
  const sheets = await readXlsxFile(await reportXlsx(report));
  assert.deepEqual(sheets.map((s) => s.sheet), ['Theo đơn vị', 'Theo cấp', 'So sánh kỳ trước', 'Nhận định']);

  const byUnit = sheets[0].data;
  assert.equal(byUnit[0][0], 'SỐ LIỆU CÔNG TÁC DÂN VẬN THEO ĐƠN VỊ');
  const header = byUnit.findIndex((r) => r[0] === 'STT');
  assert.deepEqual(byUnit[header].slice(0, 8), ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Giai đoạn', 'Hội nghị đã tổ chức', 'Định kỳ', 'Đột xuất']);
  const rows = byUnit.slice(header + 1);
  assert.equal(rows.length, report.children.length + 1);
  const thuanHoa = rows.find((r) => r[1] === '474')!;
  assert.deepEqual(thuanHoa, [1, '474', 'Quận Thuận Hóa', 'Cấp huyện', 'trước 01/7/2025', 21, 7, 14, 63, 21, 10, 0, 84, 63, 1]);
  const total = rows.at(-1)!;
  assert.equal(total[2], 'Tổng cộng');
  assert.deepEqual(total.slice(5), [60, 20, 40, 180, 60, 29, 0, 240, 180, 2]);
  for (const r of rows) for (const v of r.slice(5)) assert.equal(typeof v, 'number');

  const levels = sheets[1].data;
  const commune = levels.find((r) => r[0] === 'Cấp xã' && r[1] === 'từ 01/7/2025')!;
  assert.deepEqual(commune.slice(2, 12), ['xã, phường', 40, 30, 38, 10, 28, 0, 8, 8, 1]);
  assert.equal(commune[12], '30/40 xã, phường đã tổ chức 38 hội nghị, trong đó 10 định kỳ, 28 đột xuất');

  const compare = sheets[2].data;
  assert.deepEqual(compare.find((r) => r[1] === 'Hội nghị đã tổ chức')?.slice(1), ['Hội nghị đã tổ chức', 145, 120, 25]);
  assert.deepEqual(compare.find((r) => r[1] === 'Đơn thư tiếp nhận')?.slice(1), ['Đơn thư tiếp nhận', 1234, 1100, 134]);
  assert.deepEqual(compare.find((r) => r[1] === 'Tỷ lệ giải quyết (%)')?.slice(1), ['Tỷ lệ giải quyết (%)', 80, 80, 0]);
  assert.equal(compare.find((r) => r[1] === 'Hội nghị đã tổ chức')?.[0], 'Hội nghị tiếp xúc, đối thoại');

  const notes = sheets[3].data;
  assert.ok(notes.some((r) => r[0] === report.highlights[0]));
  assert.deepEqual(notes.find((r) => r[0] === 'Đất đai'), ['Đất đai', 'dat_dai', 312]);
});

test('an empty period gives a workbook that says so, with zero totals', async () => {
  const sheets = await readXlsxFile(await reportXlsx(emptyReport()));
  const byUnit = sheets[0].data;
  assert.ok(byUnit.some((r) => String(r[0]).startsWith('Trong kỳ chưa ghi nhận')));
  assert.equal(byUnit.at(-1)![2], 'Tổng cộng');
  assert.deepEqual(byUnit.at(-1)!.slice(5), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
});

test('the file name is Vietnamese and safe for every file system', () => {
  assert.equal(reportFileBase(provinceReport()), 'Báo cáo công tác dân vận năm 2025 - Thành phố Huế');
  const custom = { ...emptyReport(), period: { from: '2026-03-01', to: '2026-04-15', kind: 'custom' as const, label: 'từ ngày 01/03/2026 đến ngày 15/04/2026' } };
  assert.doesNotMatch(reportFileBase(custom), /[\\/:*?"<>|]/);
});

describe('GET /api/reports/summary.docx and .xlsx', () => {
  let h: Harness;
  let leader: string;
  let ubndHue: OrganisationRow;
  let danvan: string;
  let communeLeader: string;
  let handler: string;

  before(async () => {
    h = await harness();
    ubndHue = await h.given.organisation('46', { kind: 'ubnd', name: 'Ủy ban nhân dân thành phố Huế' });
    const committee = await h.given.organisation('46', { kind: 'cap_uy', name: 'Thành ủy Huế' });
    const board = await h.given.organisation('46', { kind: 'ban_dan_van', name: 'Ban Dân vận Thành ủy Huế', parentId: committee.id });
    leader = (await h.given.official('leader', '46', { organisation: ubndHue })).cookie;
    danvan = (await h.given.official('danvan', '46', { organisation: board })).cookie;
    communeLeader = (await h.given.official('leader', '19753', { organisation: await h.given.organisation('19753', { kind: 'ubnd', name: 'Ủy ban nhân dân phường Phú Xuân' }) })).cookie;
    handler = (await h.given.official('handler', '46', { organisation: ubndHue })).cookie;
    // Two conferences of Phường Phú Xuân in March 2026, one periodic and one ad hoc.
    for (const type of ['dinh_ky', 'dot_xuat']) {
      await h.ctx.database.rows(sql`insert into dialogue_conference (id, unit_code, unit_path, level, organiser_name, type, topic, held_on, place, status, attendance)
        values (${randomUUID()}, '19753', 'VN.46.19753'::ltree, 'commune', 'Ủy ban nhân dân', ${type}, 'Đối thoại với Nhân dân', '2026-03-10', 'Hội trường', 'held', 60)`);
    }
  });
  after(() => h?.close());

  const get = (url: string, cookie?: string) => h.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const Q = 'unit=46&period=quarter&year=2026&quarter=1';

  test('the .docx of the province for a quarter, in the People\'s Committee\'s State layout, with a Vietnamese file name', async () => {
    const res = await get(`/api/reports/summary.docx?${Q}&issuer=${ubndHue.id}`, leader);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const disposition = String(res.headers['content-disposition']);
    assert.match(disposition, /^attachment; filename="Bao cao cong tac dan van quy I nam 2026 - Thanh pho Hue\.docx"; filename\*=UTF-8''/);
    assert.equal(decodeURIComponent(disposition.split("UTF-8''")[1]), 'Báo cáo công tác dân vận quý I năm 2026 - Thành phố Huế.docx');
    const text = paragraphs(documentXml(res.rawPayload));
    for (const t of ['ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số:       /BC-UBND', 'Kết quả công tác dân vận quý I năm 2026 trên địa bàn thành phố Huế', 'TM. ỦY BAN NHÂN DÂN', 'PHỤ LỤC']) {
      assert.ok(text.includes(t), `no paragraph "${t}"`);
    }
    assert.ok(text.some((p) => p.includes('đã tổ chức 2 hội nghị tiếp xúc, đối thoại, trong đó 1 định kỳ, 1 đột xuất')));
    const row = text.indexOf('Phường Phú Xuân');
    assert.ok(row > text.indexOf('PHỤ LỤC'), 'the commune in the phụ lục');
    assert.deepEqual(text.slice(row + 1, row + 5), ['2', '1', '1', '0'], 'held, periodic, ad hoc, and the previous quarter beside');
    const [audit] = await h.ctx.database.rows<{ action: string; detail: { format: string; issuer: string } }>(sql`select action, detail from audit_event where action = 'report.exported' order by at desc, id desc limit 1`);
    assert.equal(audit?.detail.format, 'docx');
    assert.equal(audit?.detail.issuer, 'Ủy ban nhân dân thành phố Huế');
  });

  test('a party board\'s official gets the Party layout by default (own organisation)', async () => {
    const res = await get(`/api/reports/summary.docx?${Q}`, danvan);
    assert.equal(res.statusCode, 200, res.body);
    const text = paragraphs(documentXml(res.rawPayload));
    for (const t of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'THÀNH ỦY HUẾ', 'BAN DÂN VẬN', '*', 'Số       -BC/BDVTU', 'T/M BAN DÂN VẬN']) assert.ok(text.includes(t), `no paragraph "${t}"`);
    assert.ok(!text.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
  });

  test('an issuer the reader neither belongs to nor has in scope, or no organisation at all, is refused with a stable code', async () => {
    for (const issuer of [ubndHue.id, randomUUID()]) {
      const res = await get(`/api/reports/summary.docx?unit=19753&period=quarter&year=2026&quarter=1&issuer=${issuer}`, communeLeader);
      assert.equal(res.statusCode, 403, res.body);
      assert.equal(res.json().code, 'report_issuer_not_allowed');
      assert.match(res.json().detail, /nhân danh/);
    }
    const bad = await get(`/api/reports/summary.docx?${Q}&issuer=khong-phai-ma`, leader);
    assert.equal(bad.statusCode, 400);
    // The commune's leader may issue the commune's report in the name of the commune's committee.
    assert.equal((await get('/api/reports/summary.docx?unit=19753&period=quarter&year=2026&quarter=1', communeLeader)).statusCode, 200);
  });

  test('the .xlsx reads back with the commune\'s figures as numbers', async () => {
    const res = await get(`/api/reports/summary.xlsx?${Q}`, leader);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''B%C3%A1o%20c%C3%A1o%20/);
    const sheets = await readXlsxFile(res.rawPayload);
    const row = sheets[0].data.find((r) => r[1] === '19753');
    assert.deepEqual(row?.slice(2, 8), ['Phường Phú Xuân', 'Cấp xã', 'từ 01/7/2025', 2, 1, 1]);
  });

  test('the same refusals as the report: not signed in, no report right, outside scope, bad period', async () => {
    assert.equal((await get(`/api/reports/summary.xlsx?${Q}`)).statusCode, 401);
    assert.equal((await get(`/api/reports/summary.docx?${Q}`, handler)).statusCode, 403);
    const outside = await get('/api/reports/summary.docx?unit=01&period=year&year=2026', leader);
    assert.equal(outside.statusCode, 403);
    assert.equal(outside.json().code, 'report_outside_scope');
    const period = await get('/api/reports/summary.xlsx?unit=46&period=quarter&year=2026&quarter=5', leader);
    assert.equal(period.statusCode, 400);
    assert.equal(period.json().code, 'report_period_invalid');
  });
});
