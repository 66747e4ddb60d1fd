// Official documents as .docx in the two Vietnamese layouts: the State's (NĐ 30/2020/NĐ-CP, Appendix I) and the Party's (HD 36-HD/VPTW).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Tab,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
import { layoutDocument } from 'docx/layout';
import { isIsoDay } from './clock.ts';
import { nfc } from './text.ts';

/** 'state': NĐ 30/2020 (government, People's Councils, Front); 'party': HD 36-HD/VPTW (Party committees and boards). */
export type DocumentLayout = 'state' | 'party';

/** A piece of running text with its own emphasis. */
export interface TextSpan { text: string; bold?: boolean; italic?: boolean; underline?: boolean }
export type Inline = string | TextSpan;

/** One block of a document's body. */
export type BodyBlock =
  /** A body paragraph: justified with a first-line indent unless told otherwise. */
  | { kind: 'paragraph'; text: string | readonly Inline[]; indent?: boolean; align?: 'justify' | 'left' | 'center' | 'right' }
  /** A bold heading ("1. Nội dung đơn"); `centred` for part/chapter-style headings. */
  | { kind: 'heading'; text: string; centred?: boolean }
  /** A form line, "Họ và tên: Nguyễn Văn A". */
  | { kind: 'field'; label: string; value: string }
  /**
   * A ruled table; `widths` are relative column weights. `header` is one heading row, or several whose cells may span
   * columns and rows (a cell with `rowSpan` is left out of the rows below it). `align` sets each column's alignment
   * (default: plain numbers centred, text left); `size` the font size (13 pt); `totalRow` sets the last row in bold.
   */
  | {
    kind: 'table'; header: readonly HeaderCell[] | readonly (readonly HeaderCell[])[]; rows: readonly (readonly string[])[]; widths?: readonly number[];
    align?: readonly ('left' | 'center' | 'right')[]; size?: number; totalRow?: boolean;
  };

/** A heading cell of a table: its text, and how many columns or rows it covers. */
export type HeaderCell = string | { text: string; colSpan?: number; rowSpan?: number };

/** A part printed after the signature on its own pages (phụ lục), portrait or landscape for wide tables. */
export interface Appendix {
  /** "Phụ lục", "Phụ lục I"; printed in capitals, bold, centred. */
  title: string;
  /** What it holds, bold, centred under the title. */
  summary?: string;
  /** One italic line under it, e.g. "(Kèm theo Báo cáo số …/BC-UBND ngày … của …)". */
  note?: string;
  landscape?: boolean;
  body: readonly BodyBlock[];
}

/** The signature block: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH", then "PHÓ CHỦ TỊCH", then the signer. */
export interface Signature {
  /** Authority lines (thẩm quyền ký), top first: "TM. Ủy ban nhân dân", "KT. Chủ tịch". Printed in capitals. */
  authority: readonly string[];
  /** The signer's position when it differs from the last authority line ("Phó Chủ tịch"). Printed in capitals. */
  title?: string;
  /** Full name, no academic titles. */
  name: string;
}

export interface OfficialDocument {
  layout: DocumentLayout;
  /** Cơ quan chủ quản (state) / cấp trên (party); printed in capitals. */
  parentBody?: string;
  /** The issuing body; printed in capitals, bold. */
  issuer: string;
  /** Number and symbol without "Số": "12/PCĐ-UBND" (state), "127-QĐ/TW" (party). */
  number: string;
  /** Place name for the date line ("Tân Hưng"). */
  place: string;
  /** Date of issue, 'YYYY-MM-DD'. */
  date: string;
  /** Document type, e.g. 'Phiếu chuyển đơn'; printed in capitals. Omit for an official letter (công văn). */
  docType?: string;
  /** Trích yếu under the document type. */
  summary?: string;
  /** An official letter's subject, written under the number: "V/v …" (the prefix is added when missing). */
  letterSubject?: string;
  /** "Kính gửi: …": one addressee on one centred line, several as a list. */
  addressee?: string | readonly string[];
  body: readonly BodyBlock[];
  signature: Signature;
  /** Nơi nhận, one per line, without the leading dash: "Như trên", "Lưu: VT". */
  recipients: readonly string[];
  /** Phụ lục after the signature, each starting on a new page. */
  appendices?: readonly Appendix[];
}

// ---- Units and page geometry ------------------------------------------------------------------

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (value: number): number => Math.round(value * TWIPS_PER_MM);
const pt = (points: number): number => points * 2; // docx sizes are half-points
const FONT = 'Times New Roman';

/** A4 portrait, in twips. */
export const A4 = { width: 11906, height: 16838 } as const;
/** Margins in twips: NĐ 30 allows top/bottom 20–25, left 30–35, right 15–20 mm; HD 36 uses 20/20/30/15. Both take the smallest. */
export const MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;
const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
/** Text width of a landscape page: the same margins on the long side. */
const LANDSCAPE_TEXT_WIDTH = A4.height - MARGINS.left - MARGINS.right;
const FIRST_LINE = mm(10);

interface LayoutStyle {
  /** Header columns (left, right) in twips. */
  headerColumns: readonly [number, number];
  parentSize: number;
  issuerSize: number;
  numberSize: number;
  numberPrefix: string;
  subjectSize: number;
  subjectItalic: boolean;
  typeSize: number;
  summarySize: number;
  bodySize: number;
  recipientsLabel: IRunOptions;
  recipientSize: number;
}

const STYLES: Record<DocumentLayout, LayoutStyle> = {
  state: {
    // The right column must hold "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (13 pt bold, about 5,430 twips) on one line.
    headerColumns: [TEXT_WIDTH - 5755, 5755],
    parentSize: 13,
    issuerSize: 13,
    numberSize: 13,
    numberPrefix: 'Số: ',
    subjectSize: 12,
    subjectItalic: false,
    typeSize: 14,
    summarySize: 14,
    bodySize: 14,
    recipientsLabel: { text: 'Nơi nhận:', bold: true, italics: true, size: pt(12) },
    recipientSize: 11,
  },
  party: {
    // The right column takes the place and date line, 14 pt italic.
    headerColumns: [TEXT_WIDTH - 5100, 5100],
    parentSize: 14,
    issuerSize: 14,
    numberSize: 14,
    numberPrefix: 'Số ',
    subjectSize: 12,
    subjectItalic: true,
    typeSize: 16,
    summarySize: 14,
    bodySize: 14,
    recipientsLabel: { text: 'Nơi nhận:', underline: {}, size: pt(14) },
    recipientSize: 12,
  },
};

// ---- Dates ---------------------------------------------------------------------------------------

function dayParts(date: string): [number, number, number] {
  if (!isIsoDay(date)) throw new RangeError(`Not a calendar day (YYYY-MM-DD): "${date}"`);
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

/**
 * "ngày 05 tháng 02 năm 2026": days under 10 and the months January and February take a leading zero
 * (NĐ 30/2020 Appendix I), so "tháng 3" but "tháng 02".
 */
export function formatVietnameseDate(date: string): string {
  const [y, m, d] = dayParts(date);
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}

/** "05/02/2026", the short form used inside running text. */
export function formatNumericDate(date: string): string {
  const [y, m, d] = dayParts(date);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

const upper = (s: string): string => nfc(s).toLocaleUpperCase('vi-VN');

// ---- Text measurement, for rules as long as the text above them ----------------------------------

const widthCache = new Map<string, number>();

/**
 * Width in twips of single-line texts as Word sets them, from docx's own layout engine and its Times New Roman
 * metrics; falls back to an average glyph width if the engine cannot lay a text out.
 */
function measure(items: readonly { text: string; size: number; bold: boolean }[]): number[] {
  const key = (i: { text: string; size: number; bold: boolean }) => `${i.size}|${i.bold ? 1 : 0}|${i.text}`;
  const missing = items.filter((i) => !widthCache.has(key(i)));
  if (missing.length > 0) {
    if (widthCache.size > 1000) widthCache.clear(); // bodies' names and summaries repeat; a bound keeps odd ones from piling up
    let measured: number[] = [];
    try {
      const probe = new Document({
        sections: [{
          properties: { page: { size: { width: 31680, height: 31680 }, margin: { top: 0, bottom: 0, left: 0, right: 0 } } },
          children: missing.map((i) => new Paragraph({ children: [new TextRun({ text: i.text, font: FONT, size: pt(i.size), bold: i.bold })] })),
        }],
      });
      // Lengths come in pixels at 96 dpi: 15 twips each.
      for (const b of layoutDocument(probe).pages[0]?.body ?? []) {
        if (b.type === 'paragraph' && b.lines.length === 1) measured[b.index] = b.lines[0].textWidth * 15;
      }
    } catch {
      measured = [];
    }
    missing.forEach((i, n) => {
      const w = measured[n];
      widthCache.set(key(i), Number.isFinite(w) ? Math.round(w) : Math.round(i.text.length * i.size * 20 * (i.bold ? 0.62 : 0.55)));
    });
  }
  return items.map((i) => widthCache.get(key(i)) as number);
}

/** Words that open the place part of a body's name, where a name too long for its column is broken. */
const PLACE_WORDS = /\s(?=(?:XÃ|PHƯỜNG|ĐẶC KHU|THỊ TRẤN|THỊ XÃ|HUYỆN|QUẬN|THÀNH PHỐ|TỈNH)\s)/u;

/**
 * The lines a body's name is set on in a header column: as given when it holds line breaks; one line when it fits;
 * otherwise broken before its place ("ỦY BAN NHÂN DÂN" / "XÃ TÂN HƯNG"), as clerks do by hand, rather than wherever it wraps.
 */
function nameLines(name: string, size: number, bold: boolean, width: number): string[] {
  const text = upper(name).trim();
  if (text.includes('\n')) return text.split(/\s*\n\s*/);
  const [w] = measure([{ text, size, bold }]);
  if (w <= width) return [text];
  const m = PLACE_WORDS.exec(text);
  return m && m.index > 0 ? [text.slice(0, m.index), text.slice(m.index + 1)] : [text];
}

// ---- Building blocks ----------------------------------------------------------------------------

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const SINGLE = { line: 240, lineRule: LineRuleType.AUTO } as const;

function run(text: string, size: number, opts: Omit<IRunOptions, 'text' | 'size' | 'font'> = {}): TextRun {
  return new TextRun({ ...opts, text: nfc(text), size: pt(size), font: FONT });
}

function spans(content: string | readonly Inline[], size: number): TextRun[] {
  const list = typeof content === 'string' ? [content] : content;
  return list.map((s) => (typeof s === 'string'
    ? run(s, size)
    : run(s.text, size, { bold: s.bold, italics: s.italic, underline: s.underline ? {} : undefined })));
}

/** A centred line in a header or signature cell: no spacing, single line height. */
function line(children: TextRun[], opts: IParagraphOptions = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, ...SINGLE }, ...opts, children });
}

/** Lines set in one centred paragraph, separated by line breaks. */
function lines(texts: readonly string[], size: number, opts: Omit<IRunOptions, 'text' | 'size' | 'font'> = {}): Paragraph {
  return line(texts.map((t, i) => new TextRun({ ...opts, text: nfc(t), size: pt(size), font: FONT, break: i > 0 ? 1 : undefined })));
}

/** A horizontal rule of `width` twips, centred in a space `within` twips wide: an empty paragraph with a top border. */
function rule(width: number, within: number, after = 0): Paragraph {
  const side = Math.max(0, Math.floor((within - width) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    // Word and LibreOffice draw a top border below the paragraph's space before: 4 pt clears the descenders above.
    spacing: { before: 80, after, line: 120, lineRule: LineRuleType.EXACT },
    children: [run('', 2)],
  });
}

function cell(children: Paragraph[], width: number, opts: { borders?: boolean } = {}): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph({})],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.TOP,
    borders: opts.borders ? { top: THIN, bottom: THIN, left: THIN, right: THIN } : { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
    margins: opts.borders ? { left: 80, right: 80, top: 40, bottom: 40 } : { left: 0, right: 0, top: 0, bottom: 0 },
  });
}

/** A borderless layout table: header columns, or "Nơi nhận" beside the signature. */
function layoutTable(widths: readonly number[], rows: Paragraph[][][], cantSplit = false): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map((cells) => new TableRow({ cantSplit: cantSplit || undefined, children: cells.map((c, i) => cell(c, widths[i])) })),
  });
}

// ---- The header ---------------------------------------------------------------------------------

function subjectLine(doc: OfficialDocument, style: LayoutStyle): Paragraph | undefined {
  if (!doc.letterSubject) return undefined;
  const text = /^V\/v\b/i.test(doc.letterSubject.trim()) ? doc.letterSubject.trim() : `V/v ${doc.letterSubject.trim()}`;
  return line([run(text, style.subjectSize, { italics: style.subjectItalic })], { spacing: { before: 60, after: 0, ...SINGLE } });
}

function stateHeader(doc: OfficialDocument, style: LayoutStyle): Table {
  const [leftW, rightW] = style.headerColumns;
  const nation = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const issuer = nameLines(doc.issuer, style.issuerSize, true, leftW);
  const widths = measure([
    { text: motto, size: 14, bold: true },
    ...issuer.map((text) => ({ text, size: style.issuerSize, bold: true })),
  ]);
  const mottoWidth = widths[0];
  // The rule under the issuer is a third to a half of its name; under the motto, as long as the motto.
  const issuerRule = Math.round(Math.min(Math.max(...widths.slice(1)), leftW) * 0.4);
  const left = [
    ...(doc.parentBody ? [lines(nameLines(doc.parentBody, style.parentSize, false, leftW), style.parentSize)] : []),
    lines(issuer, style.issuerSize, { bold: true }),
    rule(issuerRule, leftW),
  ];
  const right = [
    line([run(nation, 13, { bold: true })]),
    line([run(motto, 14, { bold: true })]),
    rule(mottoWidth + 40, rightW),
  ];
  const subject = subjectLine(doc, style);
  const numberCell = [
    line([run(`${style.numberPrefix}${nfc(doc.number)}`, style.numberSize)], { spacing: { before: 60, after: 0, ...SINGLE } }),
    ...(subject ? [subject] : []),
  ];
  const dateCell = [line([run(`${nfc(doc.place)}, ${formatVietnameseDate(doc.date)}`, 14, { italics: true })], { spacing: { before: 60, after: 0, ...SINGLE } })];
  return layoutTable([leftW, rightW], [[left, right], [numberCell, dateCell]]);
}

function partyHeader(doc: OfficialDocument, style: LayoutStyle): Table {
  const [leftW, rightW] = style.headerColumns;
  const party = 'ĐẢNG CỘNG SẢN VIỆT NAM';
  const [partyWidth] = measure([{ text: party, size: 15, bold: true }]);
  const subject = subjectLine(doc, style);
  const left = [
    ...(doc.parentBody ? [lines(nameLines(doc.parentBody, style.parentSize, false, leftW), style.parentSize)] : []),
    lines(nameLines(doc.issuer, style.issuerSize, true, leftW), style.issuerSize, { bold: true }),
    line([run('*', 14)]),
    line([run(`${style.numberPrefix}${nfc(doc.number)}`, style.numberSize)]),
    ...(subject ? [subject] : []),
  ];
  const right = [
    line([run(party, 15, { bold: true })]),
    rule(partyWidth + 40, rightW),
    line([run(`${nfc(doc.place)}, ${formatVietnameseDate(doc.date)}`, 14, { italics: true })], { spacing: { before: 120, after: 0, ...SINGLE } }),
  ];
  return layoutTable([leftW, rightW], [[left, right]]);
}

function titleBlock(doc: OfficialDocument, style: LayoutStyle): Paragraph[] {
  if (!doc.docType && !doc.summary) return [];
  const out: Paragraph[] = [];
  if (doc.docType) {
    out.push(line([run(upper(doc.docType), style.typeSize, { bold: true })], { spacing: { before: 360, after: 0, ...SINGLE }, keepNext: true }));
  }
  if (doc.summary) {
    out.push(line([run(doc.summary, style.summarySize, { bold: true })], { spacing: { before: doc.docType ? 0 : 360, after: 0, ...SINGLE }, keepNext: true }));
  }
  if (doc.layout === 'party') {
    // Party documents close the title with five hyphens.
    out.push(line([run('-----', 14)], { spacing: { before: 0, after: 120, ...SINGLE } }));
  } else if (doc.summary) {
    const [w] = measure([{ text: nfc(doc.summary), size: style.summarySize, bold: true }]);
    out.push(rule(Math.round(Math.min(w, TEXT_WIDTH) * 0.4), TEXT_WIDTH, 120));
  } else {
    out.push(line([], { spacing: { before: 0, after: 120, ...SINGLE } }));
  }
  return out;
}

function addresseeBlock(doc: OfficialDocument, style: LayoutStyle): Paragraph[] {
  if (!doc.addressee) return [];
  const names = typeof doc.addressee === 'string' ? [doc.addressee] : doc.addressee;
  const before = doc.docType || doc.summary ? 120 : 360;
  if (names.length === 1) {
    return [line([run(`Kính gửi: ${nfc(names[0])}`, style.bodySize)], { spacing: { before, after: 240, ...SINGLE } })];
  }
  // Several addressees: "Kính gửi:" then one dashed line each, aligned under the first.
  const start = mm(40);
  const label = mm(24);
  return names.map((name, i) => new Paragraph({
    indent: { left: start + label, hanging: i === 0 ? label : 0 },
    spacing: { before: i === 0 ? before : 0, after: i === names.length - 1 ? 240 : 0, ...SINGLE },
    children: [
      ...(i === 0 ? [run('Kính gửi:', style.bodySize), new TextRun({ children: [new Tab()], font: FONT, size: pt(style.bodySize) })] : []),
      run(`- ${nfc(name)}${i === names.length - 1 ? '.' : ';'}`, style.bodySize),
    ],
  }));
}

// ---- The body -------------------------------------------------------------------------------------

const BODY_SPACING = { before: 0, after: 120, line: 276, lineRule: LineRuleType.AUTO } as const; // 6 pt after, 1.15 lines

const ALIGN = { justify: AlignmentType.JUSTIFIED, left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function bodyTable(block: Extract<BodyBlock, { kind: 'table' }>, textWidth: number): Table {
  const heading: (readonly HeaderCell[])[] = block.header.length > 0 && Array.isArray(block.header[0])
    ? [...(block.header as readonly (readonly HeaderCell[])[])]
    : [block.header as readonly HeaderCell[]];
  const span = (c: HeaderCell) => (typeof c === 'string' ? 1 : c.colSpan ?? 1);
  // The first heading row covers every column.
  const count = block.rows[0]?.length ?? heading[0].reduce((n, c) => n + span(c), 0);
  const weights = block.widths && block.widths.length === count ? block.widths : Array.from({ length: count }, () => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((textWidth * w) / total));
  const size = block.size ?? 13;
  // Headings and plain numbers are centred, text is left-aligned, unless the column says otherwise.
  const plainNumber = /^[\d.,%/ ()+-]+$/u;
  const cellParagraph = (text: string, bold: boolean, align?: 'left' | 'center' | 'right') => new Paragraph({
    alignment: align ? ALIGN[align] : bold || plainNumber.test(text.trim()) ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { before: 0, after: 0, ...SINGLE },
    children: [run(text, size, { bold })],
  });
  // Columns of later heading rows taken by a cell spanning rows above, as "row:column".
  const covered = new Set<string>();
  const headingRow = (cells: readonly HeaderCell[], rowIndex: number) => {
    let column = 0;
    return new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: cells.map((c) => {
        const { text, colSpan = 1, rowSpan = 1 } = typeof c === 'string' ? { text: c } : c;
        while (column < count && covered.has(`${rowIndex}:${column}`)) column++;
        const width = widths.slice(column, column + colSpan).reduce((a, b) => a + b, 0);
        for (let r = 1; r < rowSpan; r++) for (let k = 0; k < colSpan; k++) covered.add(`${rowIndex + r}:${column + k}`);
        column += colSpan;
        return new TableCell({
          children: [cellParagraph(text, true)],
          width: { size: width, type: WidthType.DXA },
          columnSpan: colSpan > 1 ? colSpan : undefined,
          rowSpan: rowSpan > 1 ? rowSpan : undefined,
          verticalAlign: VerticalAlignTable.CENTER,
          borders: { top: THIN, bottom: THIN, left: THIN, right: THIN },
          margins: { left: 60, right: 60, top: 40, bottom: 40 },
        });
      }),
    });
  };
  const headingRows = heading.map(headingRow);
  const last = block.rows.length - 1;
  const rowOf = (texts: readonly string[], index: number) => new TableRow({
    cantSplit: true,
    children: widths.map((w, i) => cell([cellParagraph(texts[i] ?? '', !!block.totalRow && index === last, block.align?.[i])], w, { borders: true })),
  });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [...headingRows, ...block.rows.map(rowOf)],
  });
}

/**
 * The body's blocks; with `keepLast`, a closing paragraph is kept on the page of what follows (the signature), so a
 * signature never stands alone on its page.
 */
function bodyBlocks(blocks: readonly BodyBlock[], style: LayoutStyle, textWidth = TEXT_WIDTH, keepLast = false): (Paragraph | Table)[] {
  const size = style.bodySize;
  const out: (Paragraph | Table)[] = [];
  for (const [index, block] of blocks.entries()) {
    switch (block.kind) {
      case 'paragraph':
        out.push(new Paragraph({
          alignment: ALIGN[block.align ?? 'justify'],
          indent: block.indent === false ? undefined : { firstLine: FIRST_LINE },
          spacing: BODY_SPACING,
          keepNext: keepLast && index === blocks.length - 1 ? true : undefined,
          children: spans(block.text, size),
        }));
        break;
      case 'heading':
        out.push(new Paragraph({
          alignment: block.centred ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
          indent: block.centred ? undefined : { firstLine: FIRST_LINE },
          spacing: { ...BODY_SPACING, before: 120 },
          keepNext: true,
          children: [run(block.text, size, { bold: true })],
        }));
        break;
      case 'field':
        out.push(new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: FIRST_LINE },
          spacing: { ...BODY_SPACING, after: 60 },
          children: [run(`${block.label}: `, size), run(block.value, size)],
        }));
        break;
      case 'table':
        out.push(bodyTable(block, textWidth));
        // A table must not touch the paragraph after it.
        out.push(new Paragraph({ spacing: { before: 0, after: 60, line: 120, lineRule: LineRuleType.EXACT }, children: [run('', 6)] }));
        break;
    }
  }
  return out;
}

// ---- Signature and recipients -----------------------------------------------------------------------

function closing(doc: OfficialDocument, style: LayoutStyle): Table {
  const leftW = Math.round(TEXT_WIDTH * 0.45);
  const rightW = TEXT_WIDTH - leftW;
  const n = doc.recipients.length;
  const recipients = [
    new Paragraph({ spacing: { before: 240, after: 0, ...SINGLE }, children: [new TextRun({ ...style.recipientsLabel, font: FONT })] }),
    ...doc.recipients.map((r, i) => {
      const text = nfc(r).trim();
      const end = /[;.,:]$/.test(text) ? '' : i === n - 1 ? '.' : ';';
      return new Paragraph({ spacing: { before: 0, after: 0, ...SINGLE }, children: [run(`- ${text}${end}`, style.recipientSize)] });
    }),
  ];
  const sig = doc.signature;
  const signature = [
    ...sig.authority.map((a, i) => line([run(upper(a), 14, { bold: true })], { spacing: { before: i === 0 ? 240 : 0, after: 0, ...SINGLE } })),
    ...(sig.title ? [line([run(upper(sig.title), 14, { bold: true })])] : []),
    // Room for the signature and the seal.
    line([run(sig.name, 14, { bold: true })], { spacing: { before: 1700, after: 0, ...SINGLE } }),
  ];
  return layoutTable([leftW, rightW], [[recipients, signature]], true);
}

function pageNumberHeader(): Header {
  return new Header({
    children: [new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(14) })],
    })],
  });
}

/** A phụ lục on new pages, numbered on from the document. */
function appendixSection(appendix: Appendix, style: LayoutStyle): ISectionOptions {
  const width = appendix.landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
  const size = style.typeSize;
  return {
    properties: {
      page: {
        size: { width: A4.width, height: A4.height, orientation: appendix.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { ...MARGINS, header: mm(10), footer: mm(10) },
      },
    },
    headers: { default: pageNumberHeader() },
    children: [
      line([run(upper(appendix.title), size, { bold: true })], { spacing: { before: 0, after: 0, ...SINGLE }, keepNext: true }),
      ...(appendix.summary ? [line([run(appendix.summary, style.summarySize, { bold: true })], { keepNext: true })] : []),
      ...(appendix.note ? [line([run(appendix.note, style.summarySize - 1, { italics: true })], { keepNext: true })] : []),
      line([], { spacing: { before: 0, after: 120, ...SINGLE } }),
      ...bodyBlocks(appendix.body, style, width),
    ],
  };
}

/** Builds the document as a .docx file. */
export async function renderOfficialDocument(doc: OfficialDocument): Promise<Buffer> {
  const style = STYLES[doc.layout];
  const file = new Document({
    creator: nfc(doc.issuer),
    title: nfc([doc.docType, doc.summary ?? doc.letterSubject].filter(Boolean).join(' – ') || doc.number),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: pt(style.bodySize), language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [{
      properties: {
        page: {
          size: { width: A4.width, height: A4.height },
          margin: { ...MARGINS, header: mm(10), footer: mm(10) },
        },
        // Page numbers sit centred in the top margin, hidden on page 1.
        titlePage: true,
      },
      headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({})] }) },
      children: [
        doc.layout === 'party' ? partyHeader(doc, style) : stateHeader(doc, style),
        ...titleBlock(doc, style),
        ...addresseeBlock(doc, style),
        ...bodyBlocks(doc.body, style, TEXT_WIDTH, true),
        closing(doc, style),
      ],
    }, ...(doc.appendices ?? []).map((a) => appendixSection(a, style))],
  });
  return Packer.toBuffer(file);
}
