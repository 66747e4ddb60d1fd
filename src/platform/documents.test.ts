// Official documents: dates, page set-up, the State and Party headers, body, signature and recipients in the .docx.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumericDate, formatVietnameseDate, renderOfficialDocument, type OfficialDocument } from './documents.ts';
import { documentXml, paragraphProps, paragraphs, runStyle, unzip, type RunStyle } from '../testing/docx.ts';

/** Asserts the formatting of the run holding exactly `text`: Times New Roman, the given size and emphasis and no other. */
function assertRun(xml: string, text: string, expected: Partial<RunStyle> & { size: number }): void {
  const style = runStyle(xml, text);
  assert.ok(style, `no run with the text "${text}"`);
  assert.deepEqual(style, { font: 'Times New Roman', bold: false, italic: false, underline: false, ...expected }, text);
}

test('formatVietnameseDate puts a leading zero on days under 10 and on January and February only', () => {
  const cases: [string, string][] = [
    ['2026-02-05', 'ngày 05 tháng 02 năm 2026'],
    ['2026-01-31', 'ngày 31 tháng 01 năm 2026'],
    ['2026-03-09', 'ngày 09 tháng 3 năm 2026'],
    ['2026-10-10', 'ngày 10 tháng 10 năm 2026'],
    ['2025-12-25', 'ngày 25 tháng 12 năm 2025'],
  ];
  for (const [iso, text] of cases) assert.equal(formatVietnameseDate(iso), text, iso);
  assert.equal(formatNumericDate('2026-03-09'), '09/03/2026');
  for (const bad of ['2026-02-30', '05/02/2026', '']) assert.throws(() => formatVietnameseDate(bad), RangeError, bad);
});

const decision: OfficialDocument = {
  layout: 'state',
  parentBody: 'Ủy ban nhân dân tỉnh Bắc Ninh',
  issuer: 'Ủy ban nhân dân xã Tân Hưng',
  number: '12/PCĐ-UBND',
  place: 'Tân Hưng',
  date: '2026-02-05',
  docType: 'Phiếu chuyển đơn',
  summary: 'Về việc chuyển đơn kiến nghị',
  addressee: 'Ủy ban nhân dân tỉnh Bắc Ninh',
  body: [
    { kind: 'paragraph', text: 'Ngày 03/02/2026, Ủy ban nhân dân xã nhận được đơn.' },
    { kind: 'heading', text: '1. Nội dung đơn' },
    { kind: 'field', label: 'Họ và tên', value: 'Nguyễn Văn An' },
    { kind: 'table', header: ['STT', 'Tài liệu'], rows: [['1', 'Đơn kiến nghị']], widths: [1, 5] },
  ],
  signature: { authority: ['TM. Ủy ban nhân dân', 'KT. Chủ tịch'], title: 'Phó Chủ tịch', name: 'Trần Thị Bình' },
  recipients: ['Như trên', 'Lưu: VT'],
};

test('a State document is an A4 .docx with the NĐ 30 margins, Times New Roman and page numbers hidden on page 1', async () => {
  const docx = await renderOfficialDocument(decision);
  assert.equal(docx.subarray(0, 2).toString(), 'PK');
  const parts = unzip(docx);
  const xml = documentXml(docx);
  assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
  assert.match(xml, /<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  assert.match(xml, /w:ascii="Times New Roman"/);
  assert.doesNotMatch(xml, /w:ascii="(?!Times New Roman)/, 'no run in another font');
  // Different first page: the default header holds the centred PAGE field, the first page's is empty.
  assert.match(xml, /<w:titlePg\/>/);
  const headers = [...parts.entries()].filter(([name]) => /^word\/header\d+\.xml$/.test(name)).map(([, b]) => b.toString('utf8'));
  assert.equal(headers.filter((h) => /PAGE/.test(h) && /<w:jc w:val="center"\/>/.test(h)).length, 1);
  assert.equal(headers.filter((h) => !/PAGE/.test(h)).length, 1);
});

test('the State header: bodies in capitals, national title, motto, number and italic date line', async () => {
  const xml = documentXml(await renderOfficialDocument(decision));
  const text = paragraphs(xml);
  assert.ok(text.includes('ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH'), 'parent body in capitals, broken before its place');
  assert.ok(text.includes('ỦY BAN NHÂN DÂN\nXÃ TÂN HƯNG'));
  assertRun(xml, 'TỈNH BẮC NINH', { size: 13 });
  assertRun(xml, 'XÃ TÂN HƯNG', { size: 13, bold: true });

  assertRun(xml, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 13, bold: true });
  assertRun(xml, 'Độc lập - Tự do - Hạnh phúc', { size: 14, bold: true });
  assertRun(xml, 'Số: 12/PCĐ-UBND', { size: 13 });
  assertRun(xml, 'Tân Hưng, ngày 05 tháng 02 năm 2026', { size: 14, italic: true });

  // Rules under the issuer and the motto: empty paragraphs with a top border.
  assert.ok((xml.match(/<w:pBdr><w:top w:val="single"/g) ?? []).length >= 3, 'issuer, motto and summary rules');
});

test('the State title, body, signature and recipients', async () => {
  const xml = documentXml(await renderOfficialDocument(decision));
  const text = paragraphs(xml);
  assertRun(xml, 'PHIẾU CHUYỂN ĐƠN', { size: 14, bold: true });
  assert.match(paragraphProps(xml, 'PHIẾU CHUYỂN ĐƠN') ?? '', /<w:jc w:val="center"\/>/);
  assertRun(xml, 'Về việc chuyển đơn kiến nghị', { size: 14, bold: true });
  assert.ok(text.includes('Kính gửi: Ủy ban nhân dân tỉnh Bắc Ninh'));

  const body = paragraphProps(xml, 'Ngày 03/02/2026') ?? '';
  assert.match(body, /<w:ind w:firstLine="567"\/>/);
  assert.match(body, /<w:jc w:val="both"\/>/);
  assert.match(body, /w:after="120"/);
  assertRun(xml, 'Ngày 03/02/2026, Ủy ban nhân dân xã nhận được đơn.', { size: 14 });
  assertRun(xml, '1. Nội dung đơn', { size: 14, bold: true });
  assert.ok(text.includes('Họ và tên: Nguyễn Văn An'));
  assert.ok(text.includes('Đơn kiến nghị'), 'table cell');

  for (const line of ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']) assertRun(xml, line, { size: 14, bold: true });
  assertRun(xml, 'Trần Thị Bình', { size: 14, bold: true });
  assertRun(xml, 'Nơi nhận:', { size: 12, bold: true, italic: true });
  assertRun(xml, '- Như trên;', { size: 11 });
  assertRun(xml, '- Lưu: VT.', { size: 11 });
  // The signature sits in the right-hand column, after "Nơi nhận" on the left.
  assert.ok(text.indexOf('Nơi nhận:') < text.indexOf('TM. ỦY BAN NHÂN DÂN'));
});

test('an official letter carries "V/v …" at 12 pt under the number instead of a title block', async () => {
  const xml = documentXml(await renderOfficialDocument({
    ...decision,
    docType: undefined,
    summary: undefined,
    number: '48/UBND-TCD',
    letterSubject: 'hướng dẫn gửi đơn',
    addressee: ['Ông Nguyễn Văn An', 'Bà Trần Thị Bình'],
  }));
  const text = paragraphs(xml);
  assertRun(xml, 'V/v hướng dẫn gửi đơn', { size: 12 });
  assert.ok(text.indexOf('Số: 48/UBND-TCD') + 1 === text.indexOf('V/v hướng dẫn gửi đơn'), 'V/v right under the number');
  assert.ok(!text.includes('PHIẾU CHUYỂN ĐƠN'));
  assert.ok(text.includes('Kính gửi:\t- Ông Nguyễn Văn An;'));
  assert.ok(text.includes('- Bà Trần Thị Bình.'));
});

test('the Party layout: ĐẢNG CỘNG SẢN VIỆT NAM 15 pt, issuer with "*", "Số" without colon, 16 pt type, underlined "Nơi nhận:"', async () => {
  const docx = await renderOfficialDocument({
    layout: 'party',
    parentBody: 'Đảng bộ tỉnh Bắc Ninh',
    issuer: 'Đảng ủy xã Tân Hưng',
    number: '127-QĐ/ĐU',
    place: 'Tân Hưng',
    date: '2026-01-08',
    docType: 'Quy định',
    summary: 'về công tác dân vận',
    body: [{ kind: 'paragraph', text: 'Nội dung quy định.' }],
    signature: { authority: ['T/M Ban Chấp hành'], title: 'Bí thư', name: 'Nguyễn Hữu Khánh' },
    recipients: ['Các chi bộ', 'Lưu Văn phòng'],
  });
  const xml = documentXml(docx);
  const text = paragraphs(xml);
  assert.match(xml, /<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  assertRun(xml, 'ĐẢNG CỘNG SẢN VIỆT NAM', { size: 15, bold: true });
  assertRun(xml, 'ĐẢNG BỘ TỈNH BẮC NINH', { size: 14 });
  assertRun(xml, 'ĐẢNG ỦY XÃ TÂN HƯNG', { size: 14, bold: true });
  assert.ok(text.includes('*'));
  assertRun(xml, 'Số 127-QĐ/ĐU', { size: 14 });
  assert.ok(!text.some((t) => t.startsWith('Số:')));
  assertRun(xml, 'Tân Hưng, ngày 08 tháng 01 năm 2026', { size: 14, italic: true });
  assertRun(xml, 'QUY ĐỊNH', { size: 16, bold: true });
  assertRun(xml, 'về công tác dân vận', { size: 14, bold: true });
  assert.ok(text.includes('-----'));
  assert.ok(!text.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
  assertRun(xml, 'Nơi nhận:', { size: 14, underline: true });
  assertRun(xml, '- Các chi bộ;', { size: 12 });
  assertRun(xml, 'T/M BAN CHẤP HÀNH', { size: 14, bold: true });
  assertRun(xml, 'BÍ THƯ', { size: 14, bold: true });
});

test('an invalid date is refused', async () => {
  await assert.rejects(renderOfficialDocument({ ...decision, date: '2026-02-30' }), RangeError);
});

test('text is written in NFC whatever form it arrives in', async () => {
  const xml = documentXml(await renderOfficialDocument({ ...decision, body: [{ kind: 'paragraph', text: 'Nguyễn Văn An'.normalize('NFD') }] }));
  assert.ok(paragraphs(xml).includes('Nguyễn Văn An'));
});

test('tables with grouped heading rows and a total row, and a landscape phụ lục after the signature', async () => {
  const xml = documentXml(await renderOfficialDocument({
    ...decision,
    body: [{
      kind: 'table', size: 12, totalRow: true, align: ['left', 'right', 'right'],
      header: [[{ text: 'Cấp', rowSpan: 2 }, { text: 'Hội nghị', colSpan: 2 }], ['Định kỳ', 'Đột xuất']],
      rows: [['Cấp xã', '4', '7'], ['Tổng cộng', '4', '7']],
    }],
    appendices: [{ title: 'Phụ lục', summary: 'Số liệu theo đơn vị', note: '(Kèm theo Phiếu số 12/PCĐ-UBND)', landscape: true, body: [{ kind: 'paragraph', text: 'Nội dung phụ lục.' }] }],
  }));
  const text = paragraphs(xml);
  assert.match(xml, /<w:gridSpan w:val="2"\/>/);
  assert.match(xml, /<w:vMerge w:val="restart"\/>/);
  assert.match(xml, /<w:vMerge w:val="continue"\/>/);
  assertRun(xml, 'Cấp xã', { size: 12 });
  assertRun(xml, 'Tổng cộng', { size: 12, bold: true });
  assert.match(paragraphProps(xml, 'Cấp xã') ?? '', /<w:jc w:val="left"\/>/);
  // The body stays portrait; the phụ lục is a landscape section after the signature.
  assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
  assert.match(xml, /<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  assert.ok(text.indexOf('TM. ỦY BAN NHÂN DÂN') < text.indexOf('PHỤ LỤC'));
  assertRun(xml, 'PHỤ LỤC', { size: 14, bold: true });
  assertRun(xml, '(Kèm theo Phiếu số 12/PCĐ-UBND)', { size: 13, italic: true });
  assert.ok(text.includes('Nội dung phụ lục.'));
});

test('the closing paragraph is kept on the page of the signature', async () => {
  const xml = documentXml(await renderOfficialDocument({ ...decision, body: [{ kind: 'paragraph', text: 'Đoạn đầu.' }, { kind: 'paragraph', text: 'Đoạn cuối./.' }] }));
  assert.match(paragraphProps(xml, 'Đoạn cuối./.') ?? '', /<w:keepNext\/>/);
  assert.doesNotMatch(paragraphProps(xml, 'Đoạn đầu.') ?? '', /<w:keepNext\/>/);
});
