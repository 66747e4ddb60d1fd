// Reads an uploaded file into the rows of the template's sheets. The type is told by the content, never by the name:
// an .xlsx workbook (a zip holding a spreadsheet) or UTF-8 text read as CSV; anything else is refused.
import { fileTypeFromBuffer } from 'file-type';
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { fail, ok, type Outcome } from '../../platform/http.ts';
import { headerKey, type ColumnDef, type SheetDef } from './imports.columns.ts';

export type Cell = string | boolean | Date | null;
export interface DataRow { row: number; cells: Record<string, Cell> }
export interface SheetRows { def: SheetDef; rows: DataRow[]; headerRow: number; missing: ColumnDef[] }
export interface ParsedFile { kind: 'xlsx' | 'csv'; sheets: SheetRows[] }

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Tells the file's type from its bytes and reads it; the name only appears in messages. */
export async function readImportFile(name: string, bytes: Buffer, defs: SheetDef[]): Promise<Outcome<ParsedFile>> {
  if (bytes.length === 0) return fail('import_file_missing');
  if (bytes.subarray(0, 8).equals(OLE2)) return fail('import_file_xls', { name });
  const detected = await fileTypeFromBuffer(bytes);
  if (detected?.mime === XLSX) return readWorkbook(name, bytes, defs);
  if (detected) return fail('import_file_type', { name });
  return readCsv(name, bytes, defs);
}

async function readWorkbook(name: string, bytes: Buffer, defs: SheetDef[]): Promise<Outcome<ParsedFile>> {
  let sheets: { sheet: string; data: Cell[][] }[];
  try {
    // Numbers stay as written (a code keeps its digits, a count is checked as text); dates come as dates.
    sheets = (await readXlsxFile(bytes, { parseNumber: (s: string) => s })) as unknown as { sheet: string; data: Cell[][] }[];
  } catch {
    return fail('import_file_unreadable', { name });
  }
  const out: SheetRows[] = [];
  for (const s of sheets) {
    const byName = defs.find((d) => headerKey(d.name) === headerKey(s.sheet));
    const table = toRows(s.data);
    const def = byName ?? guessSheet(defs, table.header);
    if (!def || out.some((o) => o.def.key === def.key)) continue;
    out.push(mapSheet(def, table));
  }
  return ok({ kind: 'xlsx', sheets: out });
}

function readCsv(name: string, bytes: Buffer, defs: SheetDef[]): Outcome<ParsedFile> {
  if (bytes.includes(0)) return fail('import_file_type', { name });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel's plain "CSV" saves in the Windows code page, which loses Vietnamese letters.
    return fail('import_csv_encoding', { name });
  }
  text = text.replace(/^\uFEFF/, '').normalize('NFC');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  // Excel writes the list separator of the computer's region: a comma, or a semicolon where the comma is the decimal mark.
  const delimiter = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0].d;
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch {
    return fail('import_file_unreadable', { name });
  }
  const table = toRows(records.map((r) => r.map((c) => (c === '' ? null : c))));
  const def = guessSheet(defs, table.header);
  if (!def) return fail('import_csv_unknown_sheet', { name });
  return ok({ kind: 'csv', sheets: [mapSheet(def, table)] });
}

interface Table { header: string[]; headerRow: number; body: { row: number; cells: Cell[] }[] }

const isEmpty = (c: Cell) => c === null || (typeof c === 'string' && c.trim() === '');

/** The first non-empty row is the header; the rows after it keep their spreadsheet numbers; empty rows are skipped. */
function toRows(data: Cell[][]): Table {
  const first = data.findIndex((r) => r.some((c) => !isEmpty(c)));
  if (first < 0) return { header: [], headerRow: 1, body: [] };
  const header = data[first].map((c) => (c === null ? '' : c instanceof Date ? '' : String(c)));
  const body = data.slice(first + 1).map((cells, i) => ({ row: first + i + 2, cells })).filter((r) => r.cells.some((c) => !isEmpty(c)));
  return { header, headerRow: first + 1, body };
}

/** The sheet whose required columns the header holds best (at least half of them), for CSV files and renamed sheets. */
function guessSheet(defs: SheetDef[], header: string[]): SheetDef | undefined {
  const keys = new Set(header.map(headerKey));
  const scored = defs.map((d) => {
    const required = d.columns.filter((c) => c.required);
    return { d, score: required.filter((c) => keys.has(headerKey(c.header))).length / required.length };
  }).sort((a, b) => b.score - a.score);
  return scored[0] && scored[0].score >= 0.5 ? scored[0].d : undefined;
}

function mapSheet(def: SheetDef, table: Table): SheetRows {
  const keys = table.header.map(headerKey);
  const index = new Map(def.columns.map((c) => [c.key, keys.indexOf(headerKey(c.header))]));
  const missing = def.columns.filter((c) => c.required && index.get(c.key)! < 0);
  const rows = table.body.map(({ row, cells }) => ({
    row,
    cells: Object.fromEntries(def.columns.map((c) => {
      const i = index.get(c.key)!;
      const v = i >= 0 ? cells[i] ?? null : null;
      return [c.key, typeof v === 'string' ? (v.trim() === '' ? null : v.trim().normalize('NFC')) : v];
    })) as Record<string, Cell>,
  }));
  return { def, rows, headerRow: table.headerRow, missing };
}
