// The templates a unit downloads to fill in: one workbook with the three sheets, instructions and the lists of accepted
// values (with Excel's cell hints and drop-down lists), or one CSV file per sheet in UTF-8 with a byte-order mark so
// that Excel shows the Vietnamese correctly.
import writeExcelFile, { type Cell, type Row } from 'write-excel-file/node';
import { stringify } from 'csv-stringify/sync';
import { FIRST_DAY } from './imports.check.ts';
import {
  CONFERENCE_FORMS, CONFERENCE_STATUSES, CONFERENCE_TYPES, RECOMMENDATION_STATUSES, type Choice, type ColumnDef, type SheetDef,
} from './imports.columns.ts';
import { readZip, writeZip } from '../../platform/zip.ts';

export const WORKBOOK_NAME = 'mau-nhap-du-lieu.xlsx';
export const TEMPLATE_NAMES = [WORKBOOK_NAME, 'hoi-nghi.csv', 'kien-nghi.csv', 'giam-sat.csv'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

/** Rows of a data sheet that carry the hints and lists (Excel applies them to the rows a unit fills in). */
const ROWS = 5000;
const LISTS = 'Danh mục';

export const headerText = (c: ColumnDef) => (c.required ? `${c.header} *` : c.header);

export interface Template { bytes: Buffer; type: string; name: string }

export async function buildTemplate(name: TemplateName, defs: SheetDef[], fields: { code: string; name: string }[]): Promise<Template> {
  if (name === WORKBOOK_NAME) return { bytes: await workbook(defs, fields), type: XLSX_TYPE, name };
  const def = defs.find((d) => d.csv === name)!;
  const bytes = Buffer.from(stringify([def.columns.map(headerText)], { bom: true, record_delimiter: '\r\n' }), 'utf8');
  return { bytes, type: CSV_TYPE, name };
}

// ——— The workbook ———

interface ListColumn { title: string; values: string[] }

function lists(defs: SheetDef[], fields: { code: string; name: string }[]): ListColumn[] {
  const forms = defs.find((d) => d.key === 'visits')!.columns.find((c) => c.key === 'form')!.choices!;
  const names = (cs: Choice[]) => cs.map((c) => c.name);
  return [
    { title: 'Loại hội nghị', values: names(CONFERENCE_TYPES) },
    { title: 'Hình thức hội nghị', values: names(CONFERENCE_FORMS) },
    { title: 'Tình trạng hội nghị', values: names(CONFERENCE_STATUSES) },
    { title: 'Tình trạng kiến nghị', values: names(RECOMMENDATION_STATUSES) },
    { title: 'Hình thức giám sát', values: names(forms) },
    { title: 'Lĩnh vực', values: fields.map((f) => f.name) },
    { title: 'Mã lĩnh vực', values: fields.map((f) => f.code) },
  ];
}

/** Which list of the "Danh mục" sheet a column takes its values from (index into lists()). */
function listIndex(def: SheetDef, c: ColumnDef): number | null {
  if (c.kind === 'field') return 5;
  if (c.kind !== 'choice') return null;
  if (def.key === 'visits') return 4;
  return ({ type: 0, form: 1, status: def.key === 'conferences' ? 2 : 3 } as Record<string, number>)[c.key] ?? null;
}

const colLetter = (i: number) => String.fromCharCode(65 + i);
const header = (value: string): Cell => ({ value, fontWeight: 'bold', wrap: true, alignVertical: 'center', backgroundColor: '#E7EEF7', borderStyle: 'thin', borderColor: '#8EA9C8' });

function instructions(defs: SheetDef[]): Row[] {
  // A merged cell does not grow with its text: the row is given the height of its lines (about 140 characters each).
  const p = (value: string): Row => [{ value, wrap: true, alignVertical: 'top', columnSpan: 4, height: Math.ceil(value.length / 140) * 15 + 3 }, null, null, null];
  const rows: Row[] = [
    [{ value: 'HƯỚNG DẪN NHẬP DỮ LIỆU CÁC NĂM TRƯỚC', fontWeight: 'bold', fontSize: 14, columnSpan: 4 }, null, null, null],
    p('Mỗi hội nghị, kiến nghị, cuộc giám sát ghi trên một dòng của trang tương ứng, từ dòng 2. Không đổi tên trang, không sửa dòng tiêu đề. Cột có dấu * là bắt buộc.'),
    p('Có thể điền một, hai hoặc cả ba trang; trang để trống được bỏ qua. Kiến nghị gắn với hội nghị qua cột Mã hội nghị (hội nghị trong cùng tệp, hoặc đã nhập ở lần trước).'),
    p(`Ngày ghi dạng dd/mm/yyyy, ví dụ 15/03/2024; không nhận ngày trong tương lai hay trước ${FIRST_DAY.split('-').reverse().join('/')}.`),
    p('Mã đơn vị hành chính là mã của danh mục còn hiệu lực vào ngày ghi trên dòng: trước 01/07/2025 dùng mã tỉnh, huyện, xã cũ; từ 01/07/2025 dùng mã tỉnh, xã mới. Tra mã ở trang "Đơn vị hành chính" của Cầu Nối. Cột mã để dạng Văn bản để giữ số 0 đứng đầu.'),
    p('Khi nhập, Cầu Nối kiểm tra mọi dòng. Chỉ cần một dòng lỗi là không dữ liệu nào được ghi; báo cáo nêu trang, số dòng, cột và lý do để sửa rồi nhập lại. Nên bấm "Kiểm tra trước" khi nhập thật.'),
    p('Một tệp chỉ nhập một lần cho một đơn vị, một mã hội nghị chỉ nhập một lần. Kiến nghị nhập vào là số liệu đã qua: không tạo vụ việc mới.'),
    p('Thay cho tệp Excel có thể dùng tệp CSV (UTF-8): mỗi trang một tệp, dòng đầu là dòng tiêu đề như ở đây.'),
    [null],
  ];
  for (const def of defs) {
    rows.push([{ value: `Trang "${def.name}"`, fontWeight: 'bold', fontSize: 12, columnSpan: 4 }, null, null, null]);
    rows.push(['Cột', 'Bắt buộc', 'Cách ghi', 'Ví dụ'].map(header));
    for (const c of def.columns) {
      rows.push([
        { value: c.header, wrap: true, alignVertical: 'top' },
        { value: c.required ? 'Có' : 'Không', alignVertical: 'top' },
        { value: c.note, wrap: true, alignVertical: 'top' },
        c.example ? { value: c.example, wrap: true, alignVertical: 'top', format: '@' } : null,
      ]);
    }
    rows.push([null]);
  }
  return rows;
}

async function workbook(defs: SheetDef[], fields: { code: string; name: string }[]): Promise<Buffer> {
  const listCols = lists(defs, fields);
  const longest = Math.max(...listCols.map((l) => l.values.length));
  const listRows: Row[] = [listCols.map((l) => header(l.title))];
  for (let i = 0; i < longest; i++) listRows.push(listCols.map((l) => (l.values[i] ? { value: l.values[i], format: '@' } : null)));

  const sheets = [
    ...defs.map((def) => ({ sheet: def.name, data: [def.columns.map((c) => header(headerText(c)))] as Row[], columns: def.columns.map((c) => ({ width: c.width })), stickyRowsCount: 1 })),
    { sheet: 'Hướng dẫn', data: instructions(defs), columns: [{ width: 30 }, { width: 10 }, { width: 80 }, { width: 36 }] },
    { sheet: LISTS, data: listRows, columns: listCols.map((l) => ({ width: Math.max(16, l.title.length + 4, ...l.values.map((v) => Math.min(v.length + 2, 40))) })), stickyRowsCount: 1 },
  ];
  const file = Buffer.from(await writeExcelFile(sheets, { fontFamily: 'Arial', fontSize: 11 }).toBuffer());
  return addValidations(file, defs, listCols);
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/** The hints and lists of one data sheet, as Excel's <dataValidations>. */
function validations(def: SheetDef, listCols: ListColumn[]): string {
  const items = def.columns.map((c, i) => {
    const range = `${colLetter(i)}2:${colLetter(i)}${ROWS + 1}`;
    const prompt = `showInputMessage="1" promptTitle="${xml(clip(c.header, 32))}" prompt="${xml(clip(c.note, 255))}"`;
    const li = listIndex(def, c);
    if (li !== null) {
      const n = Math.max(1, listCols[li].values.length);
      const col = colLetter(li);
      // A field may also be given by its code: the list only warns.
      const style = c.kind === 'field' ? ' errorStyle="warning"' : '';
      const error = c.kind === 'field' ? 'Lĩnh vực nên chọn trong danh sách (hoặc ghi đúng mã lĩnh vực).' : `Chọn một giá trị trong danh sách: ${listCols[li].values.join(', ')}.`;
      return `<dataValidation type="list" allowBlank="1"${style} showErrorMessage="1" errorTitle="${xml(clip(c.header, 32))}" error="${xml(clip(error, 225))}" ${prompt} sqref="${range}"><formula1>'${LISTS}'!$${col}$2:$${col}$${n + 1}</formula1></dataValidation>`;
    }
    if (c.kind === 'int') {
      return `<dataValidation type="whole" operator="between" allowBlank="1" showErrorMessage="1" errorTitle="${xml(clip(c.header, 32))}" error="${xml(`Cần một số nguyên từ ${c.min ?? 0} đến ${c.max}.`)}" ${prompt} sqref="${range}"><formula1>${c.min ?? 0}</formula1><formula2>${c.max}</formula2></dataValidation>`;
    }
    if (c.kind === 'text' && c.max) {
      return `<dataValidation type="textLength" operator="lessThanOrEqual" allowBlank="1" showErrorMessage="1" errorTitle="${xml(clip(c.header, 32))}" error="${xml(`Tối đa ${c.max} ký tự.`)}" ${prompt} sqref="${range}"><formula1>${c.max}</formula1></dataValidation>`;
    }
    return `<dataValidation allowBlank="1" ${prompt} sqref="${range}"/>`;
  });
  return `<dataValidations count="${items.length}">${items.join('')}</dataValidations>`;
}

/**
 * Adds what the workbook writer does not: hints and drop-down lists on the data sheets, and the text format on the
 * code and date columns (so that Excel keeps "00004" and does not turn 05/03/2024 into a date of its own locale).
 */
function addValidations(file: Buffer, defs: SheetDef[], listCols: ListColumn[]): Buffer {
  const entries = readZip(file);
  const get = (name: string) => entries.find(([n]) => n === name);
  const styles = get('xl/styles.xml')!;
  let stylesXml = styles[1].toString('utf8');
  const count = Number(/<cellXfs count="(\d+)">/.exec(stylesXml)![1]);
  // numFmtId 49 is Excel's built-in "@" (text).
  stylesXml = stylesXml.replace(/<cellXfs count="\d+">/, `<cellXfs count="${count + 1}">`).replace('</cellXfs>', '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs>');
  styles[1] = Buffer.from(stylesXml, 'utf8');
  defs.forEach((def, i) => {
    const sheet = get(`xl/worksheets/sheet${i + 1}.xml`)!;
    let s = sheet[1].toString('utf8');
    def.columns.forEach((c, ci) => {
      if (c.kind === 'ref' || c.kind === 'unit' || c.kind === 'date') {
        s = s.replace(new RegExp(`<col min="${ci + 1}" max="${ci + 1}" `), `<col min="${ci + 1}" max="${ci + 1}" style="${count}" `);
      }
    });
    s = s.replace('</sheetData>', `</sheetData>${validations(def, listCols)}`);
    sheet[1] = Buffer.from(s, 'utf8');
  });
  return writeZip(entries);
}
