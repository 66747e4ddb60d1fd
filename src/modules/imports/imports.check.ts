// Checks every row of an import file against the template's rules and the world (units in force on the row's date,
// the importer's unit, the list of fields, conferences imported earlier), and turns the good rows into records.
// Pure: the lookups come in, the records and the rejected rows go out.
import { isWithin } from '../../platform/access.ts';
import { isIsoDay } from '../../platform/clock.ts';
import type { Lang } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { foldKey } from '../../platform/text.ts';
import type { UnitRow } from '../units/index.ts';
import type { ImportedConference, ImportedRecommendation, KnownConference } from '../dialogue/index.ts';
import type { ImportedVisit } from '../supervision/index.ts';
import { matchChoice, type ColumnDef, type SheetDef, type SheetKey } from './imports.columns.ts';
import type { Cell, DataRow, ParsedFile } from './imports.files.ts';
import { issueMessage, type Issue, type IssueCode } from './imports.issues.ts';

/** The earliest day a record may carry. */
export const FIRST_DAY = '2000-01-01';

export interface Lookups {
  today: string;
  /** The unit imported into: every row's unit lies in its subtree. */
  scope: { code: string; path: string; name: string };
  /** Every version of every unit code the file names. */
  versions: Map<string, UnitRow[]>;
  /** The oldest unit list shipped, which stands in for the days before it (the 2024 three-level list). */
  oldest: { from: string; to: string };
  /** Where a unit of the old tree sits under today's provinces. */
  successorPath: (path: string) => string;
  fields: { code: string; name: string }[];
  /** Conferences the unit imported earlier, by their reference. */
  known: Map<string, KnownConference>;
}

export interface SheetSummary { key: SheetKey; sheet: string; rows: number; rejected: number }

export interface Checked {
  conferences: ImportedConference[];
  recommendations: ImportedRecommendation[];
  visits: ImportedVisit[];
  issues: Issue[];
  sheets: SheetSummary[];
}

const dmy = (day: string) => day.split('-').reverse().join('/');

function display(c: Cell): string | null {
  if (c === null) return null;
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : dmy(c.toISOString().slice(0, 10));
  return String(c);
}

const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>|javascript:/i;

/** One row under check: reads its cells by column, recording what is wrong with them. */
class RowCheck {
  readonly issues: Issue[] = [];
  private readonly sheet: SheetDef;
  private readonly data: DataRow;
  readonly lang: Lang;
  private readonly today: string;
  constructor(sheet: SheetDef, data: DataRow, lang: Lang, today: string) {
    this.sheet = sheet; this.data = data; this.lang = lang; this.today = today;
  }

  get row(): number { return this.data.row; }

  col(key: string): ColumnDef { return this.sheet.columns.find((c) => c.key === key)!; }

  raw(key: string): string | null { return display(this.data.cells[key] ?? null); }

  add(key: string | null, code: IssueCode, vars: Record<string, string | number> = {}, value?: string | null): void {
    const column = key ? this.col(key).header : null;
    this.issues.push({
      sheet: this.sheet.name, row: this.data.row, column, code, value: value === undefined ? (key ? this.raw(key) : null) : value,
      message: issueMessage(code, this.lang, { column: column ?? '', value: value ?? (key ? this.raw(key) ?? '' : ''), ...vars }),
    });
  }

  has(key: string): boolean { return this.raw(key) !== null; }

  text(key: string): string | null {
    const c = this.col(key);
    const v = this.raw(key);
    if (v === null) {
      if (c.required) this.add(key, 'required');
      return null;
    }
    if (c.max && v.length > c.max) { this.add(key, 'too_long', { max: c.max }); return null; }
    if (MARKUP.test(v)) { this.add(key, 'markup'); return null; }
    return v;
  }

  date(key: string): string | null {
    const cell = this.data.cells[key] ?? null;
    if (cell === null) {
      if (this.col(key).required) this.add(key, 'required');
      return null;
    }
    const day = toDay(cell);
    if (!day) { this.add(key, 'date_invalid'); return null; }
    if (day > this.today) { this.add(key, 'date_future', {}, dmy(day)); return null; }
    if (day < FIRST_DAY) { this.add(key, 'date_too_old', { min: dmy(FIRST_DAY) }, dmy(day)); return null; }
    return day;
  }

  int(key: string): number | null {
    const c = this.col(key);
    const v = this.raw(key);
    if (v === null) {
      if (c.required) this.add(key, 'required');
      return null;
    }
    const n = /^\d{1,9}$/.test(v.replace(/\.0+$/, '')) ? Number(v.replace(/\.0+$/, '')) : NaN;
    if (!Number.isInteger(n) || n < (c.min ?? 0) || n > (c.max ?? 1e9)) {
      this.add(key, 'number_invalid', { min: c.min ?? 0, max: c.max ?? 1e9 });
      return null;
    }
    return n;
  }

  choice<T extends string>(key: string): T | null {
    const c = this.col(key);
    const v = this.raw(key);
    if (v === null) {
      if (c.required) this.add(key, 'required');
      return null;
    }
    const found = matchChoice(c.choices ?? [], v);
    if (!found) { this.add(key, 'value_unknown', { allowed: (c.choices ?? []).map((x) => x.name).join(', ') }); return null; }
    return found.code as T;
  }
}

/** A calendar day from a cell: a date cell, or text written dd/mm/yyyy (d/m/yyyy, with - or . too) or yyyy-mm-dd. */
export function toDay(cell: Cell): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return cell.toISOString().slice(0, 10);
  }
  if (typeof cell !== 'string') return null;
  const s = cell.trim();
  let iso: string | null = null;
  const vn = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (vn) iso = `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) iso = s;
  return iso && isIsoDay(iso) ? iso : null;
}

/** "Nguyễn Văn A, Bí thư Đảng ủy; Trần Thị B, Chủ tịch UBND" → chairs with the side their title names. */
export function parseChairs(text: string | null): ImportedConference['chairs'] {
  if (!text) return [];
  return text.split(/[;\n]/).map((p) => p.trim()).filter(Boolean).map((p) => {
    const at = p.indexOf(',');
    const name = (at < 0 ? p : p.slice(0, at)).trim();
    const position = at < 0 ? '' : p.slice(at + 1).trim();
    const key = foldKey(position);
    const side = /\b(bi thu|dang uy|cap uy|thanh uy|tinh uy|huyen uy|quan uy|thi uy)\b/.test(key) ? 'cap_uy' as const
      : /\b(mat tran|mttq)\b/.test(key) ? 'mttq' as const : 'chinh_quyen' as const;
    return { side, name, position };
  });
}

const LEADING_ZERO_HINT: Record<Lang, string> = {
  vi: ' Nếu mã bắt đầu bằng số 0, hãy định dạng cột là Văn bản (Text) để Excel không bỏ số 0 đứng đầu.',
  en: ' If the code starts with 0, format the column as Text so that the spreadsheet keeps the leading zeros.',
};

/** The unit of a row: known, in force on the row's day (the oldest list stands in for earlier days), within the scope. */
function unitOf(rc: RowCheck, key: string, day: string | null, lk: Lookups): UnitRow | null {
  const code = rc.raw(key);
  if (code === null) { rc.add(key, 'required'); return null; }
  const versions = lk.versions.get(code) ?? [];
  if (versions.length === 0) {
    // A spreadsheet that took the code for a number has dropped its leading zeros ("00004" → 4).
    const hint = /^\d{1,4}$/.test(code) ? LEADING_ZERO_HINT[rc.lang] : '';
    rc.add(key, 'unit_unknown', { hint });
    return null;
  }
  if (!day) return null;
  const asOf = day < lk.oldest.from ? lk.oldest.from : day;
  const unit = versions.find((v) => v.validFrom <= asOf && (v.validTo === null || v.validTo >= asOf));
  if (!unit) {
    const validity = versions.map((v) => (v.validFrom <= lk.oldest.from ? `đến ngày ${dmy(v.validTo!)}` : v.validTo ? `từ ngày ${dmy(v.validFrom)} đến ngày ${dmy(v.validTo)}` : `từ ngày ${dmy(v.validFrom)}`)).join(', ');
    rc.add(key, 'unit_not_in_force', { name: versions[versions.length - 1].name, date: dmy(day), validity });
    return null;
  }
  const path = unit.validTo !== null && unit.validTo <= lk.oldest.to ? lk.successorPath(unit.path) : unit.path;
  if (!isWithin(path, lk.scope.path)) {
    rc.add(key, 'unit_outside', { name: unit.name, scope: lk.scope.name });
    return null;
  }
  return unit;
}

interface InFile { row: number; id: string | null; day: string | null; status: string | null; unitPath: string | null; level: string | null }

/** Checks every row of every sheet; the records are only meaningful when no issue was found. */
export function checkFile(file: ParsedFile, lk: Lookups, lang: Lang): Checked {
  const out: Checked = { conferences: [], recommendations: [], visits: [], issues: [], sheets: [] };
  const bySheet = (key: SheetKey) => file.sheets.find((s) => s.def.key === key);
  const inFile = new Map<string, InFile>();

  const summarise = (key: SheetKey, checks: RowCheck[], def: SheetDef, missing: ColumnDef[], headerRow: number) => {
    for (const c of missing) {
      out.issues.push({ sheet: def.name, row: headerRow, column: c.header, code: 'missing_column', value: null, message: issueMessage('missing_column', lang, { column: c.header }) });
    }
    for (const c of checks) out.issues.push(...c.issues);
    out.sheets.push({ key, sheet: def.name, rows: checks.length, rejected: checks.filter((c) => c.issues.length > 0).length });
  };

  const conferences = bySheet('conferences');
  if (conferences) {
    const checks: RowCheck[] = [];
    for (const data of conferences.rows) {
      const rc = new RowCheck(conferences.def, data, lang, lk.today);
      checks.push(rc);
      const ref = rc.text('ref');
      const day = rc.date('date');
      const unit = unitOf(rc, 'unit', day, lk);
      const organiser = rc.text('organiser');
      const type = rc.choice<ImportedConference['type']>('type');
      const form = rc.choice<ImportedConference['form']>('form');
      const topic = rc.text('topic');
      const place = rc.text('place');
      const chairs = rc.text('chairs');
      const attendance = rc.int('attendance');
      const status = rc.choice<ImportedConference['status']>('status');
      const reason = rc.text('reason');
      if (status === 'not_held') {
        if (!rc.has('reason')) rc.add('reason', 'reason_required');
        if (rc.has('attendance')) rc.add('attendance', 'not_applicable', { when: 'hội nghị đã tổ chức' });
      }
      if (status === 'held' && rc.has('reason')) rc.add('reason', 'not_applicable', { when: 'hội nghị không tổ chức' });
      if (ref !== null) {
        const earlier = inFile.get(ref);
        if (earlier) rc.add('ref', 'ref_duplicate', { other: earlier.row });
        else if (lk.known.has(ref)) rc.add('ref', 'ref_imported');
      }
      const good = rc.issues.length === 0;
      const id = good ? newId() : null;
      if (ref !== null && !inFile.has(ref)) inFile.set(ref, { row: rc.row, id, day, status, unitPath: unit?.path ?? null, level: unit?.level ?? null });
      if (good) {
        out.conferences.push({
          id: id!, ref: ref!, unitCode: unit!.code, unitPath: unit!.path, level: unit!.level, organiserName: organiser!, type: type!, form: form!,
          topic: topic!, heldOn: day!, place: place!, chairs: parseChairs(chairs), attendance, status: status!, notHeldReason: status === 'not_held' ? reason : null,
        });
      }
    }
    summarise('conferences', checks, conferences.def, conferences.missing, conferences.headerRow);
  }

  const recommendations = bySheet('recommendations');
  if (recommendations) {
    const checks: RowCheck[] = [];
    const fieldByCode = new Map(lk.fields.map((f) => [f.code.toLowerCase(), f.code]));
    const fieldByName = new Map(lk.fields.map((f) => [foldKey(f.name), f.code]));
    for (const data of recommendations.rows) {
      const rc = new RowCheck(recommendations.def, data, lang, lk.today);
      checks.push(rc);
      const ref = rc.text('ref');
      const raisedBy = rc.text('raisedBy');
      const fieldText = rc.text('field');
      const field = fieldText === null ? null : fieldByCode.get(fieldText.toLowerCase()) ?? fieldByName.get(foldKey(fieldText)) ?? null;
      if (fieldText !== null && field === null) rc.add('field', 'field_unknown');
      const content = rc.text('content');
      const answer = rc.text('answer');
      const status = rc.choice<ImportedRecommendation['status']>('status');
      const resolvedOn = rc.date('resolvedOn');
      let target: { id: string | null; day: string | null; unitPath: string | null; level: string | null } | null = null;
      if (ref !== null) {
        const here = inFile.get(ref);
        const before = lk.known.get(ref);
        const status0 = here ? here.status : before?.status ?? null;
        if (!here && !before) rc.add('ref', 'conference_unknown');
        else if (status0 === 'not_held') rc.add('ref', 'conference_not_held');
        else target = here ?? { id: before!.id, day: before!.heldOn, unitPath: before!.unitPath, level: before!.level };
      }
      if (status === 'answered' && answer === null && !rc.issues.some((i) => i.column === rc.col('answer').header)) rc.add('answer', 'answer_required');
      if (status === 'resolved' && !rc.has('resolvedOn')) rc.add('resolvedOn', 'resolved_on_required');
      if (status !== null && status !== 'resolved' && rc.has('resolvedOn')) rc.add('resolvedOn', 'not_applicable', { when: 'kiến nghị đã giải quyết' });
      if (resolvedOn && target?.day && resolvedOn < target.day) rc.add('resolvedOn', 'resolved_before_conference', { date: dmy(target.day) }, dmy(resolvedOn));
      if (rc.issues.length === 0 && target?.id) {
        out.recommendations.push({
          conferenceId: target.id, raisedBy: raisedBy!, fieldCode: field!, content: content!, answer, status: status!,
          resolvedOn: status === 'resolved' ? resolvedOn : null, raisedOn: target.day!, unitPath: target.unitPath!, level: target.level!,
        });
      }
    }
    summarise('recommendations', checks, recommendations.def, recommendations.missing, recommendations.headerRow);
  }

  const visits = bySheet('visits');
  if (visits) {
    const checks: RowCheck[] = [];
    for (const data of visits.rows) {
      const rc = new RowCheck(visits.def, data, lang, lk.today);
      checks.push(rc);
      const startedOn = rc.date('startedOn');
      const unit = unitOf(rc, 'unit', startedOn, lk);
      const supervisor = rc.text('supervisor');
      const subject = rc.text('subject');
      const form = rc.choice<ImportedVisit['form']>('form');
      const topic = rc.text('topic');
      const endedOn = rc.date('endedOn');
      const findings = rc.text('findings');
      const count = rc.int('recommendations');
      const resolved = rc.int('resolved');
      if (startedOn && endedOn && endedOn < startedOn) rc.add('endedOn', 'end_before_start', { date: dmy(startedOn) }, dmy(endedOn));
      if (resolved !== null && resolved > (count ?? 0)) rc.add('resolved', 'resolved_exceeds', { max: count ?? 0 }, String(resolved));
      if (rc.issues.length === 0) {
        out.visits.push({
          id: newId(), unitCode: unit!.code, unitPath: unit!.path, level: unit!.level, supervisorName: supervisor!, subjectName: subject!, form: form!,
          topic: topic!, startedOn: startedOn!, endedOn: endedOn ?? startedOn!, findings, recommendations: count ?? 0, resolved: resolved ?? 0,
        });
      }
    }
    summarise('visits', checks, visits.def, visits.missing, visits.headerRow);
  }

  out.sheets.sort((a, b) => SHEET_ORDER[a.key] - SHEET_ORDER[b.key]);
  return out;
}

const SHEET_ORDER: Record<SheetKey, number> = { conferences: 0, recommendations: 1, visits: 2 };

/** Codes of the units a file names, to look them up in one query. */
export function unitCodes(file: ParsedFile): string[] {
  return [...new Set(file.sheets.filter((s) => s.def.columns.some((c) => c.key === 'unit'))
    .flatMap((s) => s.rows.map((r) => display(r.cells.unit ?? null)).filter((c): c is string => c !== null)))];
}

/** Conference references a file names, to find the ones imported earlier. */
export function conferenceRefs(file: ParsedFile): string[] {
  return [...new Set(file.sheets.filter((s) => s.def.key !== 'visits')
    .flatMap((s) => s.rows.map((r) => display(r.cells.ref ?? null)).filter((c): c is string => c !== null)))];
}
