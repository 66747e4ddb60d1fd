// The import of past years' records on a real database: the templates, good .xlsx and .csv files loaded whole (counts
// checked in the tables), every kind of bad row rejected with its code and row number and nothing written, the same
// file or the same conference code refused the second time, the unit scope, old 2024 codes for dates before July 2025
// only, types told by content, the history and undoing an import.
import { after, before, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import writeExcelFile from 'write-excel-file/node';
import readXlsxFile from 'read-excel-file/node';
import { stringify } from 'csv-stringify/sync';
import { harness, type Harness } from '../../testing/given.ts';
import { todayVN } from '../../platform/clock.ts';
import { readZip } from '../../platform/zip.ts';
import { templateSheets } from './imports.service.ts';
import { headerText } from './imports.templates.ts';
import { parseChairs, toDay } from './imports.check.ts';
import type { SheetKey } from './imports.columns.ts';
import { ROW_ISSUES } from './imports.issues.ts';

const PROVINCE = '46'; const PHU_XUAN = '19753'; const THUAN_HOA = '19789'; const DA_NANG = '48';

let h: Harness;
let hueDanvan: string; let phuXuanDanvan: string; let phuXuanMttq: string; let phuXuanLeader: string; let hueHandler: string;
let thuanHoaDanvan: string; let daNangDanvan: string; let hanoiAdmin: string;

before(async () => {
  h = await harness();
  hueDanvan = (await h.given.official('danvan', PROVINCE)).cookie;
  hueHandler = (await h.given.official('handler', PROVINCE)).cookie;
  phuXuanDanvan = (await h.given.official('danvan', PHU_XUAN)).cookie;
  phuXuanMttq = (await h.given.official('mttq', PHU_XUAN)).cookie;
  phuXuanLeader = (await h.given.official('leader', PHU_XUAN)).cookie;
  thuanHoaDanvan = (await h.given.official('danvan', THUAN_HOA)).cookie;
  daNangDanvan = (await h.given.official('danvan', DA_NANG)).cookie;
  hanoiAdmin = (await h.given.official('admin', '01')).cookie;
});
after(() => h.close());

// ——— Building files as a unit would fill them ———

type Value = string | number | Date | null;
type RowSpec = Record<string, Value>;
const defs = templateSheets();
const def = (key: SheetKey) => defs.find((d) => d.key === key)!;
const cellOf = (v: Value | undefined) => (v === undefined || v === null ? null : v instanceof Date ? { value: v, type: Date, format: 'dd/mm/yyyy' } : typeof v === 'number' ? { value: v, type: Number } : { value: v, type: String });
const ordered = (key: SheetKey, r: RowSpec) => def(key).columns.map((c) => r[c.key] ?? null);

async function xlsx(sheets: Partial<Record<SheetKey, RowSpec[]>>): Promise<Buffer> {
  const list = defs.filter((d) => sheets[d.key]).map((d) => ({
    sheet: d.name,
    data: [d.columns.map((c) => ({ value: headerText(c), type: String })), ...sheets[d.key]!.map((r) => ordered(d.key, r).map(cellOf))],
  }));
  return Buffer.from(await writeExcelFile(list as never).toBuffer());
}

function csv(key: SheetKey, rows: RowSpec[], delimiter = ','): Buffer {
  const lines = [def(key).columns.map(headerText), ...rows.map((r) => ordered(key, r).map((v) => (v === null ? '' : String(v))))];
  return Buffer.from(stringify(lines, { bom: true, delimiter, record_delimiter: '\r\n' }), 'utf8');
}

function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer }) {
  const b = `----cau-noi-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

const upload = (cookie: string, unit: string, bytes: Buffer, name: string, dryRun = false) => {
  const f = multipart({ unit, dryRun: String(dryRun) }, { name, bytes });
  return h.app.inject({ method: 'POST', url: '/api/imports', headers: { ...f.headers, cookie }, payload: f.payload });
};

const count = async (table: string, where = sql`true`) =>
  Number((await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`))[0].n);

const conference = (over: RowSpec = {}): RowSpec => ({
  ref: 'HN-2024-01', unit: '475', organiser: 'Ủy ban nhân dân quận Phú Xuân', date: '15/03/2024', type: 'Định kỳ', form: 'Đối thoại',
  topic: 'Đối thoại với Nhân dân về chỉnh trang đô thị', place: 'Hội trường quận', chairs: 'Nguyễn Văn A, Bí thư Quận ủy; Trần Thị B, Chủ tịch UBND quận',
  attendance: '120', status: 'Đã tổ chức', reason: null, ...over,
});
const recommendation = (over: RowSpec = {}): RowSpec => ({
  ref: 'HN-2024-01', raisedBy: 'Cử tri tổ dân phố 3', field: 'Đất đai', content: 'Đề nghị cấp giấy chứng nhận quyền sử dụng đất còn tồn đọng',
  answer: 'Quận chỉ đạo rà soát trong quý II', status: 'Đã trả lời', resolvedOn: null, ...over,
});
const visit = (over: RowSpec = {}): RowSpec => ({
  unit: PROVINCE, supervisor: 'Ủy ban MTTQ Việt Nam thành phố Huế', subject: 'Sở Tài nguyên và Môi trường', form: 'Đoàn giám sát',
  topic: 'Giám sát việc giải quyết kiến nghị của cử tri về đất đai', startedOn: '02/04/2024', endedOn: '30/04/2024',
  findings: 'Phát hiện 3 hồ sơ chậm giải quyết', recommendations: '3', resolved: '2', ...over,
});

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const dmy = (day: string) => day.split('-').reverse().join('/');
const issuesOf = (body: { issues: { sheet: string; row: number; column: string | null; code: string }[] }) =>
  body.issues.map((i) => `${i.sheet}!${i.row}:${i.column ?? '-'}:${i.code}`).sort();

describe('pieces', () => {
  test('days are read from date cells and from dd/mm/yyyy text; impossible days are not days', () => {
    assert.equal(toDay('15/03/2024'), '2024-03-15');
    assert.equal(toDay('5/3/2024'), '2024-03-05');
    assert.equal(toDay('2024-03-05'), '2024-03-05');
    assert.equal(toDay(new Date(Date.UTC(2024, 1, 29))), '2024-02-29');
    assert.equal(toDay('30/02/2024'), null);
    assert.equal(toDay('29/02/2023'), null);
    assert.equal(toDay('03/15/2024'), null);
    assert.equal(toDay('45366'), null);
  });

  test('chairs keep their name and title, and the side their title names', () => {
    assert.deepEqual(parseChairs('Nguyễn Văn A, Bí thư Đảng ủy phường; Trần Thị B, Chủ tịch UBND phường; Lê C, Chủ tịch Ủy ban MTTQ'), [
      { side: 'cap_uy', name: 'Nguyễn Văn A', position: 'Bí thư Đảng ủy phường' },
      { side: 'chinh_quyen', name: 'Trần Thị B', position: 'Chủ tịch UBND phường' },
      { side: 'mttq', name: 'Lê C', position: 'Chủ tịch Ủy ban MTTQ' },
    ]);
    assert.deepEqual(parseChairs(null), []);
  });
});

describe('documentation', () => {
  test('docs/import.md describes every column of every sheet and every rejection code', () => {
    const doc = readFileSync(new URL('../../../docs/import.md', import.meta.url), 'utf8');
    for (const d of defs) {
      assert.ok(doc.includes(`### Trang "${d.name}" (\`${d.csv}\`)`), d.name);
      for (const c of d.columns) assert.ok(doc.includes(`| ${c.header} |`), `${d.name}: ${c.header}`);
    }
    for (const code of Object.keys(ROW_ISSUES)) assert.ok(doc.includes(`| \`${code}\` |`), code);
  });
});

describe('templates', () => {
  test('the workbook has the three sheets with Vietnamese headers, instructions, lists, hints and text-format code columns', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/imports/templates/mau-nhap-du-lieu.xlsx', headers: { cookie: phuXuanLeader } });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const sheets = await readXlsxFile(res.rawPayload);
    assert.deepEqual(sheets.map((s) => s.sheet), ['Hội nghị', 'Kiến nghị', 'Giám sát', 'Hướng dẫn', 'Danh mục']);
    assert.deepEqual(sheets[0].data[0], ['Mã hội nghị *', 'Mã đơn vị hành chính *', 'Tên cơ quan tổ chức *', 'Ngày *', 'Loại *', 'Hình thức *', 'Chủ đề *', 'Địa điểm *', 'Người chủ trì', 'Số người dự', 'Tình trạng *', 'Lý do không tổ chức']);
    assert.deepEqual(sheets[1].data[0], ['Mã hội nghị *', 'Nhóm kiến nghị *', 'Lĩnh vực *', 'Nội dung *', 'Trả lời tại hội nghị', 'Tình trạng *', 'Ngày giải quyết']);
    assert.deepEqual(sheets[2].data[0], ['Mã đơn vị hành chính *', 'Tổ chức giám sát *', 'Đối tượng giám sát *', 'Hình thức *', 'Nội dung *', 'Ngày bắt đầu *', 'Ngày kết thúc', 'Kết quả, phát hiện', 'Số kiến nghị', 'Số kiến nghị đã được giải quyết']);
    assert.equal(sheets[0].data.length, 1, 'no example row in a data sheet');
    const lists = sheets[4].data;
    assert.deepEqual(lists[0].slice(0, 5), ['Loại hội nghị', 'Hình thức hội nghị', 'Tình trạng hội nghị', 'Tình trạng kiến nghị', 'Hình thức giám sát']);
    assert.ok(lists.some((r) => r[5] === 'Đất đai'));
    assert.ok(lists.some((r) => r[4] === 'Ban Thanh tra nhân dân'));
    assert.match(JSON.stringify(sheets[3].data), /trước 01\/07\/2025 dùng mã tỉnh, huyện, xã cũ/);
    const parts = new Map(readZip(res.rawPayload));
    const first = parts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    assert.match(first, /<dataValidation type="list"[^>]*sqref="E2:E5001"><formula1>'Danh mục'!\$A\$2:\$A\$3<\/formula1>/);
    assert.match(first, /promptTitle="Ngày" prompt="Ngày tổ chức/);
    assert.match(first, /<col min="2" max="2" style="\d+"/, 'unit codes keep their leading zeros');
    assert.match(parts.get('xl/styles.xml')!.toString('utf8'), /<xf numFmtId="49"/);
  });

  test('one CSV per sheet, UTF-8 with a byte-order mark, the header row only', async () => {
    for (const [name, first] of [['hoi-nghi.csv', 'Mã hội nghị *'], ['kien-nghi.csv', 'Mã hội nghị *'], ['giam-sat.csv', 'Mã đơn vị hành chính *']]) {
      const res = await h.app.inject({ method: 'GET', url: `/api/imports/templates/${name}`, headers: { cookie: phuXuanLeader } });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /text\/csv; charset=utf-8/);
      assert.deepEqual([...res.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = res.rawPayload.toString('utf8').slice(1);
      assert.equal(text.split('\r\n').filter(Boolean).length, 1);
      assert.ok(text.startsWith(first));
    }
    assert.match(res0(await h.app.inject({ method: 'GET', url: '/api/imports/templates/giam-sat.csv', headers: { cookie: phuXuanLeader } })), /"Kết quả, phát hiện"/);
    assert.equal((await h.app.inject({ method: 'GET', url: '/api/imports/templates/khac.xlsx', headers: { cookie: phuXuanLeader } })).statusCode, 400);
    assert.equal((await h.app.inject({ method: 'GET', url: '/api/imports/templates/hoi-nghi.csv' })).statusCode, 401);
  });
});
const res0 = (r: { rawPayload: Buffer }) => r.rawPayload.toString('utf8');

describe('good files load whole', () => {
  test('an .xlsx of the province: a dry run writes nothing, then everything is written as history (old 2024 codes for 2024 dates, new codes after)', async () => {
    const file = await xlsx({
      conferences: [
        conference(),
        conference({ ref: 'HN-2024-02', unit: '19756', organiser: 'UBND phường Gia Hội', date: '20/05/2024', type: 'Đột xuất', form: 'Tiếp xúc', attendance: '45' }),
        conference({ ref: 'HN-2024-03', unit: '476', date: '10/06/2024', status: 'Không tổ chức', attendance: null, reason: 'Mưa lũ, hoãn sang năm sau' }),
        conference({ ref: 'HN-2025-01', unit: PHU_XUAN, organiser: 'UBND phường Phú Xuân', date: new Date(Date.UTC(2025, 7, 12)), attendance: '200' }),
      ],
      recommendations: [
        recommendation(),
        recommendation({ field: 'moi truong', content: 'Xử lý mùi hôi từ kênh thoát nước', answer: null, status: 'Đã giải quyết', resolvedOn: '20/06/2024' }),
        recommendation({ ref: 'HN-2025-01', field: 'giao_thong', content: 'Lắp đèn tín hiệu ngã tư', answer: null, status: 'Đang giải quyết' }),
      ],
      visits: [visit(), visit({ unit: PHU_XUAN, supervisor: 'Ủy ban MTTQ Việt Nam phường Phú Xuân', form: 'ban thanh tra nhan dan', startedOn: '05/09/2025', endedOn: null, recommendations: null, resolved: null })],
    });
    const casesBefore = await count('cases_case');

    const dry = await upload(hueDanvan, PROVINCE, file, 'so-lieu-2024.xlsx', true);
    assert.equal(dry.statusCode, 200, dry.body);
    const d = dry.json();
    assert.equal(d.ok, true, JSON.stringify(d.issues));
    assert.equal(d.dryRun, true);
    assert.equal(d.batchId, null);
    assert.deepEqual(d.counts, { conferences: 4, recommendations: 3, visits: 2, supervisionRecommendations: 3 });
    assert.deepEqual(d.sheets.map((s: { sheet: string; rows: number; rejected: number }) => [s.sheet, s.rows, s.rejected]), [['Hội nghị', 4, 0], ['Kiến nghị', 3, 0], ['Giám sát', 2, 0]]);
    assert.equal(d.file.kind, 'xlsx');
    assert.equal(await count('dialogue_conference'), 0);
    assert.equal(await count('imports_batch'), 0);

    const res = await upload(hueDanvan, PROVINCE, file, 'so-lieu-2024.xlsx');
    assert.equal(res.statusCode, 201, res.body);
    const r = res.json();
    assert.equal(r.ok, true);
    assert.ok(r.batchId);
    assert.deepEqual(r.counts, d.counts);

    const confs = await h.ctx.database.rows<Record<string, unknown>>(sql`select external_ref, external_unit_code, unit_code, unit_path::text as path, level, type, form, status, attendance, not_held_reason, source, import_id, held_on, chairs, organisation_id from dialogue_conference order by external_ref`);
    assert.deepEqual(confs.map((c) => [c.external_ref, c.unit_code, c.path, c.level, c.type, c.form, c.status, c.held_on]), [
      ['HN-2024-01', '475', 'VN.46.475', 'district', 'dinh_ky', 'doi_thoai', 'held', '2024-03-15'],
      ['HN-2024-02', '19756', 'VN.46.475.19756', 'commune', 'dot_xuat', 'tiep_xuc', 'held', '2024-05-20'],
      ['HN-2024-03', '476', 'VN.46.476', 'district', 'dinh_ky', 'doi_thoai', 'not_held', '2024-06-10'],
      ['HN-2025-01', PHU_XUAN, 'VN.46.19753', 'commune', 'dinh_ky', 'doi_thoai', 'held', '2025-08-12'],
    ]);
    assert.ok(confs.every((c) => c.source === 'import' && c.import_id === r.batchId && c.external_unit_code === PROVINCE && c.organisation_id === null));
    assert.equal(confs[2].not_held_reason, 'Mưa lũ, hoãn sang năm sau');
    assert.equal(confs[2].attendance, null);
    assert.deepEqual((confs[0].chairs as { side: string }[]).map((c) => c.side), ['cap_uy', 'chinh_quyen']);

    const recs = await h.ctx.database.rows<Record<string, unknown>>(sql`select r.seq, r.field_code, r.status, r.answer, r.resolved_on, r.raised_on, r.case_id, r.import_id, r.level, c.external_ref from dialogue_recommendation r join dialogue_conference c on c.id = r.conference_id order by c.external_ref, r.seq`);
    assert.deepEqual(recs.map((x) => [x.external_ref, x.seq, x.field_code, x.status, x.resolved_on, x.raised_on, x.level]), [
      ['HN-2024-01', 1, 'dat_dai', 'answered', null, '2024-03-15', 'district'],
      ['HN-2024-01', 2, 'moi_truong', 'resolved', '2024-06-20', '2024-03-15', 'district'],
      ['HN-2025-01', 1, 'giao_thong', 'in_progress', null, '2025-08-12', 'commune'],
    ]);
    assert.ok(recs.every((x) => x.case_id === null && x.import_id === r.batchId));
    assert.equal(await count('cases_case'), casesBefore, 'imported recommendations are history, not cases');

    const visits = await h.ctx.database.rows<Record<string, unknown>>(sql`select unit_code, level, form, status, started_on, ended_on, source, import_id from supervision_visit order by started_on`);
    assert.deepEqual(visits.map((v) => [v.unit_code, v.level, v.form, v.status, v.started_on, v.ended_on, v.source]), [
      [PROVINCE, 'province', 'doan_giam_sat', 'done', '2024-04-02', '2024-04-30', 'import'],
      [PHU_XUAN, 'commune', 'ban_ttnd', 'done', '2025-09-05', '2025-09-05', 'import'],
    ]);
    const srecs = await h.ctx.database.rows<Record<string, unknown>>(sql`select seq, status, resolved_on, raised_on, field_code, case_id, import_id from supervision_recommendation order by seq`);
    assert.deepEqual(srecs.map((x) => [x.seq, x.status, x.resolved_on, x.raised_on, x.field_code, x.case_id]), [
      [1, 'resolved', '2024-04-30', '2024-04-30', 'khac', null], [2, 'resolved', '2024-04-30', '2024-04-30', 'khac', null], [3, 'in_progress', null, '2024-04-30', 'khac', null],
    ]);
    const batch = (await h.ctx.database.rows<Record<string, unknown>>(sql`select unit_code, kind, filename, counts, imported_by_name from imports_batch`))[0];
    assert.deepEqual([batch.unit_code, batch.kind, batch.filename], [PROVINCE, 'xlsx', 'so-lieu-2024.xlsx']);
    assert.deepEqual(batch.counts, r.counts);
    assert.equal(await count('audit_event', sql`action = 'import.batch.imported' and target_id = ${r.batchId}`), 1);
  });

  test('the province\'s report for 2024 counts what was imported, rolled up through the old districts', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/api/reports/summary?unit=${PROVINCE}&period=year&year=2024`, headers: { cookie: hueDanvan } });
    assert.equal(res.statusCode, 200, res.body);
    const { conferences, supervision } = res.json().current;
    assert.deepEqual([conferences.held, conferences.periodic, conferences.adHoc, conferences.notHeld, conferences.attendance], [2, 1, 1, 1, 165]);
    assert.deepEqual([conferences.recommendations.raised, conferences.recommendations.resolved], [2, 1]);
    const district = conferences.byLevel.find((l: { level: string }) => l.level === 'district');
    assert.match(district.sentence, /^1\/9 quận, huyện, thị xã, thành phố thuộc tỉnh đã tổ chức 1 hội nghị/);
    assert.deepEqual([supervision.visits, supervision.byForm.doan_giam_sat, supervision.recommendations.raised, supervision.recommendations.resolved], [1, 1, 3, 2]);
  });

  test('.csv files of a commune (semicolons, as Excel writes them in Vietnam): conferences first, then their recommendations in a later file', async () => {
    const before = await count('dialogue_conference');
    const confs = csv('conferences', [
      conference({ ref: 'PX-01', unit: PHU_XUAN, organiser: 'UBND phường Phú Xuân', date: '03/10/2025', attendance: '80' }),
      conference({ ref: 'PX-02', unit: PHU_XUAN, organiser: 'UBND phường Phú Xuân', date: '2025-11-14', type: 'dot xuat', form: 'tiep xuc' }),
    ], ';');
    const res = await upload(phuXuanDanvan, PHU_XUAN, confs, 'hoi-nghi.csv');
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().file.kind, 'csv');
    assert.deepEqual(res.json().counts, { conferences: 2, recommendations: 0, visits: 0, supervisionRecommendations: 0 });
    assert.equal(await count('dialogue_conference'), before + 2);

    // A later file adds recommendations to PX-01 (and the same code given by another unit is that unit's own).
    const recs = csv('recommendations', [
      recommendation({ ref: 'PX-01', field: 'XAY DUNG, TRAT TU DO THI', content: 'Xử lý công trình lấn chiếm vỉa hè' }),
      recommendation({ ref: 'PX-01', field: 'y_te', content: 'Thêm giờ khám tại trạm y tế', answer: null, status: 'Đã giải quyết', resolvedOn: '01/11/2025' }),
    ]);
    const res2 = await upload(phuXuanMttq, PHU_XUAN, recs, 'kien-nghi.csv');
    assert.equal(res2.statusCode, 201, res2.body);
    assert.equal(res2.json().counts.recommendations, 2);
    const rows = await h.ctx.database.rows<Record<string, unknown>>(sql`select r.seq, r.field_code, r.import_id, c.import_id as conference_import from dialogue_recommendation r join dialogue_conference c on c.id = r.conference_id where c.external_ref = 'PX-01' order by r.seq`);
    assert.deepEqual(rows.map((x) => [x.seq, x.field_code]), [[1, 'xay_dung'], [2, 'y_te']]);
    assert.ok(rows.every((x) => x.import_id === res2.json().batchId && x.conference_import === res.json().batchId));
  });

  test('the type is told by content: a workbook named .csv is read as a workbook', async () => {
    const file = await xlsx({ visits: [visit({ unit: THUAN_HOA, supervisor: 'Hội Nông dân phường Thuận Hóa', startedOn: '12/12/2025', endedOn: '12/12/2025', recommendations: '0', resolved: '0' })] });
    const res = await upload(thuanHoaDanvan, THUAN_HOA, file, 'giam-sat.csv');
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().file.kind, 'xlsx');
  });
});

describe('bad rows: each rejected with its code and row, and nothing written', () => {
  test('every kind of bad row in one workbook', async () => {
    const future = dmy(addDays(todayVN(), 10));
    const file = await xlsx({
      conferences: [
        conference({ ref: 'X-01', unit: PHU_XUAN, date: '20/11/2025' }),                                  // 2: good
        conference({ ref: 'X-02', unit: PHU_XUAN, date: '30/02/2024' }),                                  // 3: impossible date
        conference({ ref: 'X-03', unit: PHU_XUAN, date: future }),                                        // 4: future
        conference({ ref: 'X-04', unit: '99999', date: '20/11/2025' }),                                   // 5: unknown unit
        conference({ ref: 'X-05', unit: '19756', date: '15/01/2026' }),                                   // 6: old code after July 2025
        conference({ ref: 'X-06', unit: PHU_XUAN, date: '20/11/2025', type: 'Thường kỳ' }),              // 7: unknown type
        conference({ ref: 'X-07', unit: PHU_XUAN, date: '20/11/2025', topic: null }),                     // 8: missing cell
        conference({ ref: 'X-01', unit: PHU_XUAN, date: '21/11/2025' }),                                  // 9: duplicate code
        conference({ ref: 'X-09', unit: THUAN_HOA, date: '20/11/2025' }),                                 // 10: outside the unit
        conference({ ref: 'X-10', unit: PHU_XUAN, date: '20/11/2025', status: 'Không tổ chức', attendance: null }), // 11: no reason
        conference({ ref: 'X-11', unit: PHU_XUAN, date: '20/11/2025', form: 'Hội thảo', attendance: 'nhiều' }),    // 12: form and number
      ],
      recommendations: [
        recommendation({ ref: 'X-01' }),                                                                 // 2: good
        recommendation({ ref: 'X-01', field: 'Thể thao' }),                                              // 3: unknown field
        recommendation({ ref: 'KHONG-CO' }),                                                             // 4: unknown conference
        recommendation({ ref: 'X-01', status: 'Đã giải quyết', answer: null }),                          // 5: no resolution date
        recommendation({ ref: 'X-01', status: 'Đã trả lời', answer: null }),                             // 6: no answer
        recommendation({ ref: 'X-01', status: 'Đã giải quyết', resolvedOn: '01/01/2025' }),              // 7: resolved before the conference
        recommendation({ ref: 'X-10' }),                                                                 // 8: conference not held
      ],
      visits: [
        visit({ unit: PHU_XUAN, startedOn: '01/12/2025', endedOn: '30/11/2025' }),                      // 2: ends before it starts
        visit({ unit: PHU_XUAN, startedOn: '01/12/2025', endedOn: '05/12/2025', recommendations: '2', resolved: '3' }), // 3: too many resolved
        visit({ unit: PHU_XUAN, startedOn: '01/12/2025', endedOn: '05/12/2025', form: 'Kiểm tra' }),  // 4: unknown form
      ],
    });
    const before = { c: await count('dialogue_conference'), r: await count('dialogue_recommendation'), v: await count('supervision_visit'), b: await count('imports_batch') };
    const expected = [
      'Hội nghị!3:Ngày:date_invalid', 'Hội nghị!4:Ngày:date_future', 'Hội nghị!5:Mã đơn vị hành chính:unit_unknown',
      'Hội nghị!6:Mã đơn vị hành chính:unit_not_in_force', 'Hội nghị!7:Loại:value_unknown', 'Hội nghị!8:Chủ đề:required',
      'Hội nghị!9:Mã hội nghị:ref_duplicate', 'Hội nghị!10:Mã đơn vị hành chính:unit_outside', 'Hội nghị!11:Lý do không tổ chức:reason_required',
      'Hội nghị!12:Hình thức:value_unknown', 'Hội nghị!12:Số người dự:number_invalid',
      'Kiến nghị!3:Lĩnh vực:field_unknown', 'Kiến nghị!4:Mã hội nghị:conference_unknown', 'Kiến nghị!5:Ngày giải quyết:resolved_on_required',
      'Kiến nghị!6:Trả lời tại hội nghị:answer_required', 'Kiến nghị!7:Ngày giải quyết:resolved_before_conference', 'Kiến nghị!8:Mã hội nghị:conference_not_held',
      'Giám sát!2:Ngày kết thúc:end_before_start', 'Giám sát!3:Số kiến nghị đã được giải quyết:resolved_exceeds', 'Giám sát!4:Hình thức:value_unknown',
    ].sort();

    const dry = await upload(phuXuanDanvan, PHU_XUAN, file, 'loi.xlsx', true);
    assert.equal(dry.statusCode, 200);
    assert.equal(dry.json().ok, false);
    assert.deepEqual(issuesOf(dry.json()), expected);

    const res = await upload(phuXuanDanvan, PHU_XUAN, file, 'loi.xlsx');
    assert.equal(res.statusCode, 422);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    const body = res.json();
    assert.equal(body.code, 'import_rows_rejected');
    assert.match(body.detail, /^Có 20 lỗi trong tệp; chưa có dữ liệu nào được nhập/);
    assert.equal(body.report.issueCount, 20);
    assert.deepEqual(body.report.sheets.map((s: { rows: number; rejected: number }) => [s.rows, s.rejected]), [[11, 10], [7, 6], [3, 3]]);
    const byCode = new Map(body.report.issues.map((i: { code: string; message: string; value: string }) => [i.code, i]));
    assert.match((byCode.get('date_invalid') as { message: string }).message, /Ngày "30\/02\/2024" không hợp lệ/);
    assert.match((byCode.get('unit_not_in_force') as { message: string }).message, /Mã "19756" \(Phường Gia Hội\) không có hiệu lực vào ngày 15\/01\/2026: mã này dùng đến ngày 30\/06\/2025/);
    assert.match((byCode.get('unit_outside') as { message: string }).message, /không thuộc phạm vi Phường Phú Xuân/);
    assert.match((byCode.get('ref_duplicate') as { message: string }).message, /trùng với dòng 2/);
    assert.equal((byCode.get('date_invalid') as { value: string }).value, '30/02/2024');
    assert.deepEqual({ c: await count('dialogue_conference'), r: await count('dialogue_recommendation'), v: await count('supervision_visit'), b: await count('imports_batch') }, before);
  });

  test('a CSV row with a unit code whose leading zeros a spreadsheet dropped is told why', async () => {
    const res = await upload(hanoiAdmin, '01', csv('visits', [visit({ unit: '4', supervisor: 'MTTQ phường Ba Đình', startedOn: '02/12/2025', endedOn: null })]), 'giam-sat.csv', true);
    assert.equal(res.statusCode, 200, res.body);
    const [i] = res.json().issues;
    assert.deepEqual([i.row, i.code], [2, 'unit_unknown']);
    assert.match(i.message, /định dạng cột là Văn bản/);
  });

  test('a header without a required column is reported on row 1', async () => {
    const lines = Buffer.from('\uFEFFMã hội nghị,Nhóm kiến nghị,Nội dung,Tình trạng\r\nX,Cử tri thôn 1,Nội dung,Đã giải quyết\r\n', 'utf8');
    const res = await upload(phuXuanDanvan, PHU_XUAN, lines, 'kien-nghi.csv', true);
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(res.json().issues.some((i: { row: number; column: string; code: string }) => i.row === 1 && i.column === 'Lĩnh vực' && i.code === 'missing_column'));
  });
});

describe('duplicates', () => {
  test('the same file again for the same unit is refused with import_duplicate, pointing to the earlier import', async () => {
    const file = csv('conferences', [conference({ ref: 'DUP-01', unit: PHU_XUAN, organiser: 'UBND phường Phú Xuân', date: '01/12/2025' })]);
    const first = await upload(phuXuanDanvan, PHU_XUAN, file, 'hoi-nghi-thang-12.csv');
    assert.equal(first.statusCode, 201, first.body);
    for (const dryRun of [true, false]) {
      const again = await upload(phuXuanMttq, PHU_XUAN, file, 'ban-sao.csv', dryRun);
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, 'import_duplicate');
      assert.match(again.json().detail, new RegExp(`tệp "hoi-nghi-thang-12.csv".*${first.json().batchId}`));
    }
    // The same conference code in another file is refused too.
    const other = csv('conferences', [conference({ ref: 'DUP-01', unit: PHU_XUAN, organiser: 'UBND phường Phú Xuân', date: '02/12/2025', topic: 'Chủ đề khác' })]);
    const res = await upload(phuXuanDanvan, PHU_XUAN, other, 'hoi-nghi-khac.csv');
    assert.equal(res.statusCode, 422);
    assert.deepEqual(issuesOf(res.json().report), ['Hội nghị!2:Mã hội nghị:ref_imported']);
  });
});

describe('scope', () => {
  test('only danvan, mttq and admin import, and only into a unit within their scope', async () => {
    const file = csv('visits', [visit({ unit: PHU_XUAN, startedOn: '03/12/2025', endedOn: null })]);
    for (const [cookie, unit, status] of [[hueHandler, PROVINCE, 403], [phuXuanLeader, PHU_XUAN, 403], [phuXuanDanvan, PROVINCE, 403], [thuanHoaDanvan, PHU_XUAN, 403], [daNangDanvan, PHU_XUAN, 403]] as const) {
      const res = await upload(cookie, unit, file, 'giam-sat.csv', true);
      assert.equal(res.statusCode, status, `${unit}: ${res.body}`);
      assert.equal(res.json().code, 'forbidden');
    }
    assert.equal((await upload(phuXuanDanvan, '99999', file, 'giam-sat.csv', true)).statusCode, 404);
    assert.equal((await upload(phuXuanDanvan, '475', file, 'giam-sat.csv', true)).json().code, 'unit_not_in_force');
    const anonymous = multipart({ unit: PHU_XUAN, dryRun: 'true' }, { name: 'giam-sat.csv', bytes: file });
    assert.equal((await h.app.inject({ method: 'POST', url: '/api/imports', headers: anonymous.headers, payload: anonymous.payload })).statusCode, 401);
  });

  test('old 2024 codes are accepted for 2024 dates and refused for 2026 dates; an old province\'s records belong to the province it joined', async () => {
    // Hội An (503) was a city of Quảng Nam, which joined Đà Nẵng (48) on 1 July 2025.
    const rows = [
      visit({ unit: '503', supervisor: 'Ủy ban MTTQ Việt Nam thành phố Hội An', startedOn: '10/10/2024', endedOn: '11/10/2024' }),
      visit({ unit: '503', supervisor: 'Ủy ban MTTQ Việt Nam thành phố Hội An', startedOn: '10/02/2026', endedOn: '11/02/2026' }),
    ];
    const daNang = await upload(daNangDanvan, DA_NANG, csv('visits', rows), 'hoi-an.csv', true);
    assert.equal(daNang.statusCode, 200, daNang.body);
    assert.deepEqual(issuesOf(daNang.json()), ['Giám sát!3:Mã đơn vị hành chính:unit_not_in_force']);
    const ok = await upload(daNangDanvan, DA_NANG, csv('visits', rows.slice(0, 1)), 'hoi-an-2024.csv');
    assert.equal(ok.statusCode, 201, ok.body);
    const [v] = await h.ctx.database.rows<{ path: string; level: string }>(sql`select unit_path::text as path, level from supervision_visit where import_id = ${ok.json().batchId}`);
    assert.deepEqual(v, { path: 'VN.49.503', level: 'district' });
    // Huế's officials do not reach Quảng Nam's old records.
    const hue = await upload(hueDanvan, PROVINCE, csv('visits', rows.slice(0, 1)), 'hoi-an-2024.csv', true);
    assert.deepEqual(issuesOf(hue.json()), ['Giám sát!2:Mã đơn vị hành chính:unit_outside']);
  });
});

describe('files that are not templates', () => {
  test('other types, old .xls, non-UTF-8 CSV, unknown CSV headers, empty and oversized files are refused before any row', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const cases: [Buffer, string, number, string][] = [
      [png, 'anh.xlsx', 415, 'import_file_type'],
      [Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), 'so-lieu.xls', 415, 'import_file_xls'],
      [Buffer.from('M\xe3 h\xf4\xef ngh\xef,Ng\xe0y\r\n', 'latin1'), 'hoi-nghi.csv', 400, 'import_csv_encoding'],
      [Buffer.from('Họ tên,Tuổi\r\nA,1\r\n', 'utf8'), 'danh-sach.csv', 400, 'import_csv_unknown_sheet'],
      [csv('conferences', []), 'hoi-nghi.csv', 400, 'import_file_empty'],
      [Buffer.concat([csv('visits', []), Buffer.alloc(5 * 1_048_576 + 10, 0x20)]), 'lon.csv', 413, 'import_file_too_large'],
    ];
    for (const [bytes, name, status, code] of cases) {
      const res = await upload(phuXuanDanvan, PHU_XUAN, bytes, name, true);
      assert.equal(res.statusCode, status, `${name}: ${res.body}`);
      assert.equal(res.json().code, code, name);
    }
    const none = multipart({ unit: PHU_XUAN, dryRun: 'true' });
    assert.equal((await h.app.inject({ method: 'POST', url: '/api/imports', headers: { ...none.headers, cookie: phuXuanDanvan }, payload: none.payload })).json().code, 'import_file_missing');
  });
});

describe('history and undo', () => {
  test('each official sees the imports of their scope; an untouched import is undone, a touched one is not', async () => {
    const mine = await h.app.inject({ method: 'GET', url: '/api/imports', headers: { cookie: phuXuanLeader } });
    assert.equal(mine.statusCode, 200);
    assert.ok(mine.json().items.length >= 3);
    assert.ok(mine.json().items.every((b: { unit: { code: string } }) => b.unit.code === PHU_XUAN));
    assert.ok(mine.json().items.every((b: { abilities: { undo: boolean } }) => b.abilities.undo === false), 'a leader reads the history but does not undo');
    const province = (await h.app.inject({ method: 'GET', url: '/api/imports', headers: { cookie: hueDanvan } })).json();
    assert.ok(province.items.some((b: { unit: { code: string } }) => b.unit.code === PROVINCE) && province.items.some((b: { unit: { code: string } }) => b.unit.code === PHU_XUAN));
    assert.equal((await h.app.inject({ method: 'GET', url: '/api/imports', headers: { cookie: hueHandler } })).statusCode, 403);
    assert.equal((await h.app.inject({ method: 'GET', url: `/api/imports?unit=${PROVINCE}`, headers: { cookie: phuXuanDanvan } })).statusCode, 403);

    // A fresh import, undone: its records go, the batch stays as history, and the same file may come in again.
    const file = await xlsx({
      conferences: [conference({ ref: 'UNDO-01', unit: PHU_XUAN, organiser: 'UBND phường Phú Xuân', date: '05/12/2025' })],
      recommendations: [recommendation({ ref: 'UNDO-01' })],
      visits: [visit({ unit: PHU_XUAN, startedOn: '05/12/2025', endedOn: null, recommendations: '1', resolved: '0' })],
    });
    const made = await upload(phuXuanDanvan, PHU_XUAN, file, 'hoan-tac.xlsx');
    assert.equal(made.statusCode, 201, made.body);
    const id = made.json().batchId;
    assert.equal((await h.app.inject({ method: 'POST', url: `/api/imports/${id}/undo`, headers: { cookie: phuXuanLeader } })).statusCode, 403);
    assert.equal((await h.app.inject({ method: 'POST', url: `/api/imports/${id}/undo`, headers: { cookie: thuanHoaDanvan } })).statusCode, 404);
    const undone = await h.app.inject({ method: 'POST', url: `/api/imports/${id}/undo`, headers: { cookie: phuXuanMttq } });
    assert.equal(undone.statusCode, 200, undone.body);
    assert.ok(undone.json().undoneAt);
    for (const t of ['dialogue_conference', 'dialogue_recommendation', 'supervision_visit', 'supervision_recommendation']) assert.equal(await count(t, sql`import_id = ${id}`), 0, t);
    assert.equal((await h.app.inject({ method: 'POST', url: `/api/imports/${id}/undo`, headers: { cookie: phuXuanMttq } })).json().code, 'import_already_undone');
    assert.equal(await count('audit_event', sql`action = 'import.batch.undone' and target_id = ${id}`), 1);

    const again = await upload(phuXuanDanvan, PHU_XUAN, file, 'hoan-tac.xlsx');
    assert.equal(again.statusCode, 201, again.body);
    // Once a record has been edited, the import stays.
    await h.ctx.database.rows(sql`update dialogue_conference set published = true, updated_at = now() + interval '1 second' where import_id = ${again.json().batchId}`);
    const refused = await h.app.inject({ method: 'POST', url: `/api/imports/${again.json().batchId}/undo`, headers: { cookie: phuXuanDanvan } });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().code, 'import_changed');
    assert.equal(await count('dialogue_conference', sql`import_id = ${again.json().batchId}`), 1);
  });
});
