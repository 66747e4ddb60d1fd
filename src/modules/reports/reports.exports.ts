// Report v1 as the files officials keep: the .docx in the official layout (State or Party header by the issuing body)
// and the .xlsx of figures per unit, per level and against the previous period. Wording is form text, not interface text.
import writeExcelFile, { type Cell, type Row } from 'write-excel-file/node';
import {
  formatNumericDate,
  renderOfficialDocument,
  type Appendix,
  type BodyBlock,
  type DocumentLayout,
  type HeaderCell,
  type Signature,
} from '../../platform/documents.ts';
import type { ChildRow, ConferenceLevel, Era, Level, Report, ReportFigures, SupervisionLevel } from './reports.types.ts';

/** Who issues the report, as the header, the number line and the signature block print it. */
export interface ReportIssuer {
  layout: DocumentLayout;
  /** Cơ quan chủ quản / cấp trên, printed above the issuer. */
  parentBody?: string;
  /** The issuer as the header prints it ("Ủy ban nhân dân thành phố Huế", "Ban Thường trực", "Ban Dân vận"). */
  headerName: string;
  /** The issuer in running text ("Ủy ban nhân dân thành phố Huế", "Ban Dân vận Thành ủy Huế"). */
  name: string;
  /** The symbol after the number: "BC-UBND" (State: "Số:      /BC-UBND"), "BC/TU" (Party: "Số      -BC/TU"). */
  symbol: string;
  /** Place name of the date line ("Huế"). */
  place: string;
  /** 'YYYY-MM-DD' */
  date: string;
  /** TM./T/M line(s) and position; the name is left for the signer. */
  signature: Omit<Signature, 'name'>;
  /** Nơi nhận, without the leading dash. */
  recipients: readonly string[];
}

/** Optional extras: the children's figures in the previous period, matched by code, for the "kỳ trước" columns. */
export interface ExportOptions { priorChildren?: readonly ChildRow[] }

// ---- Words and numbers --------------------------------------------------------------------------------------

export const LEVEL_NAMES: Record<Level, string> = { central: 'Trung ương', province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' };
export const ERA_NAMES: Record<Era, string> = { truoc_2025: 'trước 01/7/2025', tu_2025: 'từ 01/7/2025' };
export const CHANNEL_NAMES: Record<string, string> = {
  portal: 'Cổng thông tin điện tử', reception: 'Trực tiếp tại nơi tiếp công dân', mail: 'Qua bưu chính', hotline: 'Đường dây nóng',
  transfer: 'Cơ quan khác chuyển đến', dialogue: 'Hội nghị tiếp xúc, đối thoại', supervision: 'Qua giám sát', consultation: 'Qua lấy ý kiến',
};
export const KIND_NAMES: Record<string, string> = { kien_nghi: 'Kiến nghị', phan_anh: 'Phản ánh', khieu_nai: 'Khiếu nại', to_cao: 'Tố cáo' };
export const SUPERVISION_FORM_NAMES: Record<string, string> = {
  nghien_cuu_van_ban: 'nghiên cứu văn bản', doan_giam_sat: 'đoàn giám sát', ban_ttnd: 'Ban Thanh tra nhân dân',
  ban_gsdtccd: 'Ban Giám sát đầu tư của cộng đồng', lay_y_kien: 'lấy ý kiến',
};
export const CRITIQUE_FORM_NAMES: Record<string, string> = { hoi_nghi: 'hội nghị phản biện', van_ban: 'góp ý bằng văn bản', doi_thoai: 'đối thoại' };

/** 1234567 → "1.234.567", the Vietnamese grouping of a count. */
export const num = (n: number): string => (n < 0 ? '-' : '') + String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const pct = (rate: number | null): string => (rate === null ? '—' : `${rate.toFixed(1).replace('.', ',')}%`);
/** "tăng 5", "giảm 3", "bằng" against the previous period. */
function change(now: number, before: number): string {
  if (now === before) return 'bằng kỳ trước';
  return now > before ? `tăng ${num(now - before)} so với kỳ trước` : `giảm ${num(before - now)} so với kỳ trước`;
}
const signed = (d: number): string => (d > 0 ? `+${num(d)}` : d < 0 ? `−${num(-d)}` : '0');

/** "Thành phố Huế" → "thành phố Huế" in running text; "Việt Nam" stays. */
export function inText(unitName: string): string {
  return /^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)\s/u.test(unitName) ? unitName[0].toLocaleLowerCase('vi-VN') + unitName.slice(1) : unitName;
}
const where = (report: Report): string => (report.unit.level === 'central' ? 'trên phạm vi cả nước' : `trên địa bàn ${inText(report.unit.name)}`);

/** "Tổng kết" for a year, "Sơ kết" for six months, "Kết quả" otherwise. */
export function reportSummary(report: Report): string {
  const lead = report.period.kind === 'year' ? 'Tổng kết' : report.period.kind === 'half' ? 'Sơ kết' : 'Kết quả';
  return `${lead} công tác dân vận ${report.period.label} ${where(report)}`;
}

const span = (p: { from: string; to: string }) => `từ ngày ${formatNumericDate(p.from)} đến ngày ${formatNumericDate(p.to)}`;
/** A level row's identity across periods: the province and the centre are the same units in both trees. */
const key = (l: { level: Level; era: Era }) => (l.level === 'province' || l.level === 'central' ? l.level : `${l.level}|${l.era}`);
/** Level names, with the era when the period has rows of both trees. */
function levelName(rows: readonly { level: Level; era: Era }[]): (l: { level: Level; era: Era }) => string {
  const both = new Set(rows.map((r) => r.era)).size > 1;
  return (l) => (both && l.level !== 'province' && l.level !== 'central' ? `${LEVEL_NAMES[l.level]} (${ERA_NAMES[l.era]})` : LEVEL_NAMES[l.level]);
}
const list = (entries: [string, number][]): string => entries.filter(([, n]) => n > 0).map(([name, n]) => `${name} ${num(n)}`).join(', ');

/** Children in a stable order: the old tree's units first (before 1 July 2025), then today's. */
const ordered = (children: readonly ChildRow[]) => [...children].sort((a, b) => (a.era === b.era ? 0 : a.era === 'truoc_2025' ? -1 : 1));

const CHILD_FIGURES = [
  ['conferencesHeld', 'Hội nghị đã tổ chức'], ['periodic', 'Định kỳ'], ['adHoc', 'Đột xuất'],
  ['recommendationsRaised', 'Kiến nghị đã nêu'], ['recommendationsResolved', 'Kiến nghị đã giải quyết'],
  ['supervisionVisits', 'Cuộc giám sát'], ['critiqueSessions', 'Hoạt động phản biện'],
  ['casesReceived', 'Đơn thư tiếp nhận'], ['casesResolved', 'Đơn thư đã giải quyết'], ['casesOverdue', 'Đơn thư quá hạn'],
] as const satisfies readonly (readonly [keyof ChildRow, string])[];
type ChildFigure = (typeof CHILD_FIGURES)[number][0];

function childTotals(children: readonly ChildRow[]): Record<ChildFigure, number> {
  const out = Object.fromEntries(CHILD_FIGURES.map(([k]) => [k, 0])) as Record<ChildFigure, number>;
  for (const c of children) for (const [k] of CHILD_FIGURES) out[k] += c[k];
  return out;
}

/** The comparison of the period with the previous one, figure by figure: [group, label, now, before]. */
export function comparisonRows(report: Report): [string, string, number | null, number | null][] {
  const c = report.current;
  const p = report.prior;
  const rows: [string, string, number | null, number | null][] = [];
  const add = (group: string, label: string, get: (f: ReportFigures) => number | null) => rows.push([group, label, get(c), get(p)]);
  const g1 = 'Hội nghị tiếp xúc, đối thoại';
  add(g1, 'Hội nghị đã tổ chức', (f) => f.conferences.held);
  add(g1, 'Trong đó: định kỳ', (f) => f.conferences.periodic);
  add(g1, 'Trong đó: đột xuất', (f) => f.conferences.adHoc);
  add(g1, 'Hội nghị không tổ chức được', (f) => f.conferences.notHeld);
  add(g1, 'Lượt người tham dự', (f) => f.conferences.attendance);
  add(g1, 'Kiến nghị đã nêu', (f) => f.conferences.recommendations.raised);
  add(g1, 'Trả lời trực tiếp tại hội nghị', (f) => f.conferences.recommendations.answeredOnSpot);
  add(g1, 'Kiến nghị đã giải quyết', (f) => f.conferences.recommendations.resolved);
  add(g1, 'Kiến nghị đang giải quyết', (f) => f.conferences.recommendations.inProgress);
  add(g1, 'Kiến nghị quá hạn', (f) => f.conferences.recommendations.overdue);
  const g2 = 'Giám sát, phản biện xã hội';
  add(g2, 'Cuộc giám sát', (f) => f.supervision.visits);
  for (const form of Object.keys(SUPERVISION_FORM_NAMES)) {
    add(g2, `Giám sát qua ${SUPERVISION_FORM_NAMES[form]}`, (f) => f.supervision.byForm[form as keyof typeof f.supervision.byForm] ?? 0);
  }
  add(g2, 'Kiến nghị sau giám sát', (f) => f.supervision.recommendations.raised);
  add(g2, 'Kiến nghị sau giám sát đã được trả lời', (f) => f.supervision.recommendations.answered);
  add(g2, 'Kiến nghị sau giám sát đã giải quyết', (f) => f.supervision.recommendations.resolved);
  add(g2, 'Dự thảo được phản biện', (f) => f.supervision.critique.drafts);
  add(g2, 'Hoạt động phản biện', (f) => f.supervision.critique.sessions);
  add(g2, 'Ý kiến phản biện', (f) => f.supervision.critique.opinions);
  add(g2, 'Ý kiến đã được phản hồi', (f) => f.supervision.critique.responded);
  add(g2, 'Ý kiến được tiếp thu', (f) => f.supervision.critique.accepted);
  const g3 = 'Tiếp nhận, giải quyết đơn thư';
  add(g3, 'Đơn thư tiếp nhận', (f) => f.cases.received);
  for (const [k, name] of Object.entries(KIND_NAMES)) add(g3, `Loại: ${name.toLocaleLowerCase('vi-VN')}`, (f) => f.cases.byKind[k] ?? 0);
  for (const [k, name] of Object.entries(CHANNEL_NAMES)) add(g3, `Nguồn: ${name.toLocaleLowerCase('vi-VN')}`, (f) => f.cases.byChannel[k] ?? 0);
  add(g3, 'Đã thụ lý', (f) => f.cases.accepted);
  add(g3, 'Đã giải quyết', (f) => f.cases.resolved);
  add(g3, 'Giải quyết đúng hạn', (f) => f.cases.resolvedOnTime);
  add(g3, 'Quá hạn', (f) => f.cases.overdue);
  add(g3, 'Đông người', (f) => f.cases.mass);
  add(g3, 'Vượt cấp', (f) => f.cases.overLevel);
  add(g3, 'Tỷ lệ giải quyết (%)', (f) => f.cases.resolutionRate);
  return rows;
}

// ---- The .docx ------------------------------------------------------------------------------------------------

const paragraph = (text: string): BodyBlock => ({ kind: 'paragraph', text });
const heading = (text: string): BodyBlock => ({ kind: 'heading', text });

function conferenceSection(report: Report): BodyBlock[] {
  const c = report.current.conferences;
  const p = report.prior.conferences;
  const out: BodyBlock[] = [heading('I. HỘI NGHỊ TIẾP XÚC, ĐỐI THOẠI'), heading('1. Tổ chức hội nghị')];
  if (c.held === 0 && c.notHeld === 0) {
    out.push(paragraph(`Trong kỳ chưa ghi nhận hội nghị tiếp xúc, đối thoại nào (kỳ trước: ${num(p.held)} hội nghị).`));
  } else {
    out.push(paragraph(
      `Trong kỳ đã tổ chức ${num(c.held)} hội nghị tiếp xúc, đối thoại, trong đó ${num(c.periodic)} định kỳ, ${num(c.adHoc)} đột xuất, `
      + `${change(c.held, p.held)} (kỳ trước: ${num(p.held)} hội nghị); tổng số ${num(c.attendance)} lượt người tham dự.`
      + (c.notHeld > 0 ? ` Có ${num(c.notHeld)} hội nghị đã lên kế hoạch nhưng không tổ chức được.` : ''),
    ));
    for (const l of c.byLevel) if (l.sentence) out.push(paragraph(`- ${l.sentence}.`.replace(/\.\.$/, '.')));
  }
  out.push(levelConferenceTable(c.byLevel, p.byLevel));
  const r = c.recommendations;
  out.push(heading('2. Kiến nghị của Nhân dân tại hội nghị'));
  out.push(paragraph(r.raised === 0
    ? 'Trong kỳ chưa ghi nhận kiến nghị nào tại các hội nghị.'
    : `Các hội nghị ghi nhận ${num(r.raised)} kiến nghị (kỳ trước: ${num(report.prior.conferences.recommendations.raised)}); `
      + `đã trả lời trực tiếp tại hội nghị ${num(r.answeredOnSpot)}; đã giải quyết xong ${num(r.resolved)}; đang giải quyết ${num(r.inProgress)}`
      + (r.overdue > 0 ? `, trong đó ${num(r.overdue)} kiến nghị đã quá hạn.` : '.')));
  return out;
}

function levelConferenceTable(rows: readonly ConferenceLevel[], prior: readonly ConferenceLevel[]): BodyBlock {
  const before = new Map(prior.map((l) => [key(l), l]));
  const name = levelName(rows);
  const total = rows.reduce((t, l) => ({ held: t.held + l.held, periodic: t.periodic + l.periodic, adHoc: t.adHoc + l.adHoc, notHeld: t.notHeld + l.notHeld }), { held: 0, periodic: 0, adHoc: 0, notHeld: 0 });
  const priorTotal = prior.reduce((n, l) => n + l.held, 0);
  return {
    kind: 'table', size: 12, widths: [3.6, 2.2, 1.5, 1.5, 1.5, 1.7, 1.5], totalRow: true,
    header: [
      [{ text: 'Cấp', rowSpan: 2 }, { text: 'Đơn vị đã tổ chức / tổng số', rowSpan: 2 }, { text: 'Hội nghị', colSpan: 4 }, { text: 'Kỳ trước', rowSpan: 2 }],
      ['Tổng số', 'Định kỳ', 'Đột xuất', 'Không tổ chức'],
    ],
    rows: [
      ...rows.map((l) => [name(l), `${num(l.unitsHeld)}/${num(l.unitsTotal)}`, num(l.held), num(l.periodic), num(l.adHoc), num(l.notHeld), before.has(key(l)) ? num(before.get(key(l))!.held) : '—']),
      ['Tổng cộng', '', num(total.held), num(total.periodic), num(total.adHoc), num(total.notHeld), num(priorTotal)],
    ],
  };
}

function supervisionSection(report: Report): BodyBlock[] {
  const s = report.current.supervision;
  const p = report.prior.supervision;
  const out: BodyBlock[] = [heading('II. GIÁM SÁT, PHẢN BIỆN XÃ HỘI'), heading('1. Giám sát')];
  if (s.visits === 0) {
    out.push(paragraph(`Trong kỳ chưa ghi nhận cuộc giám sát nào (kỳ trước: ${num(p.visits)} cuộc).`));
  } else {
    const forms = list(Object.entries(s.byForm).map(([k, n]) => [`qua ${SUPERVISION_FORM_NAMES[k] ?? k}`, n]));
    out.push(paragraph(
      `Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội đã tiến hành ${num(s.visits)} cuộc giám sát, ${change(s.visits, p.visits)} (kỳ trước: ${num(p.visits)} cuộc)`
      + (forms ? `, gồm: ${forms}` : '') + '. '
      + `Qua giám sát đã nêu ${num(s.recommendations.raised)} kiến nghị; đã được trả lời ${num(s.recommendations.answered)}, đã giải quyết ${num(s.recommendations.resolved)}.`,
    ));
  }
  const k = s.critique;
  out.push(heading('2. Phản biện xã hội'));
  if (k.sessions === 0 && k.drafts === 0) {
    out.push(paragraph(`Trong kỳ chưa ghi nhận hoạt động phản biện xã hội nào (kỳ trước: ${num(p.critique.sessions)} hoạt động).`));
  } else {
    const forms = list(Object.entries(k.byForm).map(([f, n]) => [CRITIQUE_FORM_NAMES[f] ?? f, n]));
    out.push(paragraph(
      `Đã phản biện ${num(k.drafts)} dự thảo với ${num(k.sessions)} hoạt động phản biện${forms ? ` (${forms})` : ''}, ${change(k.sessions, p.critique.sessions)}; `
      + `nêu ${num(k.opinions)} ý kiến phản biện, cơ quan soạn thảo đã phản hồi ${num(k.responded)} ý kiến, tiếp thu ${num(k.accepted)} ý kiến.`,
    ));
  }
  out.push(levelSupervisionTable(s.byLevel, p.byLevel));
  return out;
}

function levelSupervisionTable(rows: readonly SupervisionLevel[], prior: readonly SupervisionLevel[]): BodyBlock {
  const before = new Map(prior.map((l) => [key(l), l]));
  const name = levelName(rows);
  const sum = (xs: readonly SupervisionLevel[], f: (l: SupervisionLevel) => number) => xs.reduce((n, l) => n + f(l), 0);
  const was = (l: SupervisionLevel, f: (l: SupervisionLevel) => number) => (before.has(key(l)) ? num(f(before.get(key(l))!)) : '—');
  return {
    kind: 'table', size: 12, widths: [3.6, 2.2, 1.7, 1.7, 1.7, 1.7], totalRow: true,
    header: [
      [{ text: 'Cấp', rowSpan: 2 }, { text: 'Đơn vị có giám sát / tổng số', rowSpan: 2 }, { text: 'Kỳ này', colSpan: 2 }, { text: 'Kỳ trước', colSpan: 2 }],
      ['Giám sát', 'Phản biện', 'Giám sát', 'Phản biện'],
    ],
    rows: [
      ...rows.map((l) => [name(l), `${num(l.unitsSupervising)}/${num(l.unitsTotal)}`, num(l.visits), num(l.critiqueSessions), was(l, (x) => x.visits), was(l, (x) => x.critiqueSessions)]),
      ['Tổng cộng', '', num(sum(rows, (l) => l.visits)), num(sum(rows, (l) => l.critiqueSessions)), num(sum(prior, (l) => l.visits)), num(sum(prior, (l) => l.critiqueSessions))],
    ],
  };
}

function casesSection(report: Report): BodyBlock[] {
  const c = report.current.cases;
  const p = report.prior.cases;
  const out: BodyBlock[] = [heading('III. TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ')];
  if (c.received === 0) {
    out.push(paragraph(`Trong kỳ chưa tiếp nhận đơn thư nào (kỳ trước: ${num(p.received)} đơn thư).`));
  } else {
    const kinds = list(Object.entries(KIND_NAMES).map(([k, n]) => [n.toLocaleLowerCase('vi-VN'), c.byKind[k] ?? 0]));
    const channels = list(Object.entries(CHANNEL_NAMES).map(([k, n]) => [n.toLocaleLowerCase('vi-VN'), c.byChannel[k] ?? 0]));
    out.push(paragraph(
      `Trong kỳ đã tiếp nhận ${num(c.received)} đơn thư, ${change(c.received, p.received)} (kỳ trước: ${num(p.received)}); `
      + `theo loại: ${kinds}; theo nguồn: ${channels}. Có ${num(c.mass)} vụ việc đông người, ${num(c.overLevel)} vụ việc vượt cấp.`,
    ));
    out.push(paragraph(
      `Đã thụ lý ${num(c.accepted)} đơn khiếu nại, tố cáo thuộc thẩm quyền. Đã giải quyết ${num(c.resolved)} vụ việc, trong đó ${num(c.resolvedOnTime)} đúng hạn; `
      + `tỷ lệ giải quyết đạt ${pct(c.resolutionRate)} (kỳ trước: ${pct(p.resolutionRate)}); ${num(c.overdue)} vụ việc quá hạn.`,
    ));
  }
  const rows = comparisonRows(report).filter(([g]) => g === 'Tiếp nhận, giải quyết đơn thư')
    .filter(([, label, now, before]) => !label.startsWith('Nguồn:') || (now ?? 0) + (before ?? 0) > 0);
  out.push({
    kind: 'table', size: 12, widths: [5, 1.6, 1.6, 1.8],
    header: ['Chỉ tiêu', 'Kỳ này', 'Kỳ trước', 'Tăng (+), giảm (−)'],
    rows: rows.map(([, label, now, before]) => {
      const isRate = label.startsWith('Tỷ lệ');
      const fmt = (n: number | null) => (n === null ? '—' : isRate ? pct(n) : num(n));
      const d = now === null || before === null ? null : now - before;
      const diff = d === null ? '—' : isRate ? `${d > 0 ? '+' : d < 0 ? '−' : ''}${Math.abs(d).toFixed(1).replace('.', ',')}` : signed(d);
      return [label, fmt(now), fmt(before), diff];
    }),
  });
  return out;
}

/**
 * Section IV, the assessment: what the figures show went well and what falls short (levels where units held no
 * conference, overdue recommendations and cases, conferences not held), and the fields residents raised most.
 * Sections I–III already give the figures, so this part does not repeat them.
 */
export function assessmentItems(report: Report): { strengths: string[]; shortcomings: string[] } {
  const c = report.current;
  const p = report.prior;
  const strengths: string[] = [];
  const shortcomings: string[] = [];
  for (const l of c.conferences.byLevel) {
    if (l.unitsTotal === 0) continue;
    if (l.level === report.unit.level && l.unitsTotal === 1) {
      // The report's own unit at its own level: said by name, not as "1/1".
      const own = inText(report.unit.name);
      if (l.unitsHeld === 1) strengths.push(`ở cấp mình, ${own} đã trực tiếp tổ chức ${num(l.held)} hội nghị tiếp xúc, đối thoại với Nhân dân`);
      else shortcomings.push(`ở cấp mình, ${own} chưa trực tiếp tổ chức hội nghị tiếp xúc, đối thoại với Nhân dân`);
      continue;
    }
    if (l.unitsHeld === l.unitsTotal) strengths.push(`${num(l.unitsHeld)}/${num(l.unitsTotal)} ${l.unitsLabel} đã tổ chức hội nghị tiếp xúc, đối thoại với Nhân dân`);
    else shortcomings.push(`còn ${num(l.unitsTotal - l.unitsHeld)}/${num(l.unitsTotal)} ${l.unitsLabel} chưa tổ chức hội nghị tiếp xúc, đối thoại với Nhân dân`);
  }
  if (c.conferences.held > p.conferences.held) strengths.push(`số hội nghị tiếp xúc, đối thoại tăng ${num(c.conferences.held - p.conferences.held)} so với kỳ trước`);
  if (c.conferences.notHeld > 0) shortcomings.push(`${num(c.conferences.notHeld)} hội nghị đã lên kế hoạch nhưng không tổ chức được`);
  const rec = c.conferences.recommendations;
  if (rec.raised > 0) {
    const settled = Math.min(rec.raised, rec.answeredOnSpot + rec.resolved);
    strengths.push(`${num(settled)}/${num(rec.raised)} kiến nghị của Nhân dân tại hội nghị đã được trả lời tại chỗ hoặc giải quyết xong`);
  }
  if (rec.overdue > 0) shortcomings.push(`${num(rec.overdue)} kiến nghị tại hội nghị đã quá hạn mà chưa được giải quyết`);
  const s = c.supervision;
  if (s.visits > p.supervision.visits) strengths.push(`số cuộc giám sát tăng ${num(s.visits - p.supervision.visits)} so với kỳ trước`);
  if (s.critique.opinions > 0) strengths.push(`${num(s.critique.accepted)}/${num(s.critique.opinions)} ý kiến phản biện xã hội được cơ quan soạn thảo tiếp thu`);
  // "answered" counts the resolved ones too.
  const unanswered = s.recommendations.raised - s.recommendations.answered;
  if (unanswered > 0) shortcomings.push(`${num(unanswered)} kiến nghị sau giám sát chưa được trả lời`);
  const k = c.cases;
  if (k.resolutionRate !== null) {
    const line = `tỷ lệ giải quyết đơn thư đạt ${pct(k.resolutionRate)}${p.cases.resolutionRate === null ? '' : ` (kỳ trước: ${pct(p.cases.resolutionRate)})`}`;
    (p.cases.resolutionRate === null || k.resolutionRate >= p.cases.resolutionRate ? strengths : shortcomings).push(line);
  }
  if (k.overdue > 0) shortcomings.push(`${num(k.overdue)} vụ việc quá hạn giải quyết`);
  if (k.mass + k.overLevel > 0) shortcomings.push(`phát sinh ${num(k.mass)} vụ việc đông người, ${num(k.overLevel)} vụ việc vượt cấp`);
  return { strengths, shortcomings };
}

/** "- a;", "- b;", "- c." */
const items = (list: readonly string[]): BodyBlock[] => list.map((t, i) => paragraph(`- ${t[0].toLocaleUpperCase('vi-VN')}${t.slice(1)}${i === list.length - 1 ? '.' : ';'}`));

function assessment(report: Report, issuer: ReportIssuer): BodyBlock[] {
  const { strengths, shortcomings } = assessmentItems(report);
  const out: BodyBlock[] = [heading('IV. ĐÁNH GIÁ CHUNG')];
  let n = 0;
  if (strengths.length > 0) out.push(heading(`${++n}. Kết quả đạt được`), ...items(strengths));
  if (shortcomings.length > 0) out.push(heading(`${++n}. Hạn chế, tồn tại`), ...items(shortcomings));
  if (report.current.topFields.length > 0) {
    out.push(heading(`${++n}. Những vấn đề Nhân dân quan tâm`));
    out.push(paragraph(`Các lĩnh vực được Nhân dân phản ánh, kiến nghị nhiều nhất: ${report.current.topFields.map((f) => `${f.name.toLocaleLowerCase('vi-VN')} (${num(f.count)})`).join('; ')}.`));
  }
  out.push(paragraph(`Trên đây là báo cáo ${reportSummary(report).replace(/^\p{Lu}/u, (c) => c.toLocaleLowerCase('vi-VN'))} của ${issuer.name}./.`));
  return out;
}

function childrenAppendix(report: Report, issuer: ReportIssuer, opts: ExportOptions): Appendix {
  const children = ordered(report.children);
  const prior = opts.priorChildren ? new Map(opts.priorChildren.map((c) => [c.code, c])) : null;
  const was = (c: ChildRow, f: ChildFigure) => (prior ? (prior.has(c.code) ? num(prior.get(c.code)![f]) : '—') : null);
  const totals = childTotals(children);
  const priorTotals = opts.priorChildren ? childTotals(opts.priorChildren) : null;
  const withPrior = prior !== null;
  const header: HeaderCell[][] = [
    [
      { text: 'STT', rowSpan: 2 }, { text: 'Đơn vị', rowSpan: 2 },
      { text: 'Hội nghị tiếp xúc, đối thoại', colSpan: withPrior ? 4 : 3 }, { text: 'Kiến nghị tại hội nghị', colSpan: 2 },
      { text: 'Giám sát', colSpan: withPrior ? 2 : 1 }, { text: 'Phản biện', rowSpan: 2 }, { text: 'Đơn thư', colSpan: withPrior ? 4 : 3 },
    ],
    [
      'Tổng số', 'Định kỳ', 'Đột xuất', ...(withPrior ? ['Kỳ trước'] : []), 'Đã nêu', 'Đã giải quyết',
      'Số cuộc', ...(withPrior ? ['Kỳ trước'] : []), 'Tiếp nhận', ...(withPrior ? ['Kỳ trước'] : []), 'Đã giải quyết', 'Quá hạn',
    ],
  ];
  const line = (label: [string, string], v: Record<ChildFigure, number>, before: (f: ChildFigure) => string | null) => [
    ...label, num(v.conferencesHeld), num(v.periodic), num(v.adHoc), ...(withPrior ? [before('conferencesHeld') ?? ''] : []),
    num(v.recommendationsRaised), num(v.recommendationsResolved), num(v.supervisionVisits), ...(withPrior ? [before('supervisionVisits') ?? ''] : []),
    num(v.critiqueSessions), num(v.casesReceived), ...(withPrior ? [before('casesReceived') ?? ''] : []), num(v.casesResolved), num(v.casesOverdue),
  ];
  const rows = children.map((c, i) => line([String(i + 1), c.name], c, (f) => was(c, f)));
  rows.push(line(['', 'Tổng cộng'], totals, (f) => (priorTotals ? num(priorTotals[f]) : null)));
  const numbers = rows[0].length - 2;
  return {
    title: 'Phụ lục',
    summary: `Số liệu công tác dân vận theo đơn vị trực thuộc ${report.period.label}`,
    note: `(Kèm theo Báo cáo ${numberText(issuer)} ngày ${formatNumericDate(issuer.date)} của ${issuer.name})`,
    landscape: true,
    body: [{
      kind: 'table', size: 11, totalRow: true,
      widths: [0.9, 4.2, ...Array.from({ length: numbers }, () => 1.25)],
      align: ['center', 'left', ...Array.from({ length: numbers }, () => 'center' as const)],
      header, rows,
    }],
  };
}

/** When the unit was in force for part of the period only, the days its figures cover. */
const coverage = (report: Report): BodyBlock[] => (report.coverage
  ? [paragraph(`Số liệu tính ${span(report.coverage)}, thời gian ${inText(report.unit.name)} có hiệu lực trong kỳ báo cáo.`)]
  : []);

/** "số      /BC-UBND" (State) or "số      -BC/TU" (Party): the number is written in by the office after signing. */
const BLANK = '      ';
export function numberLine(issuer: ReportIssuer): string {
  return issuer.layout === 'party' ? `${BLANK}-${issuer.symbol}` : `${BLANK}/${issuer.symbol}`;
}
const numberText = (issuer: ReportIssuer) => `số ${numberLine(issuer)}`;

/** The report as an official .docx: header by the issuer's layout, sections I–IV, signature, and the children as a landscape phụ lục. */
export async function reportDocx(report: Report, issuer: ReportIssuer, opts: ExportOptions = {}): Promise<Buffer> {
  const opening = paragraph(
    `Căn cứ số liệu về hội nghị tiếp xúc, đối thoại, giám sát, phản biện xã hội và tiếp nhận, giải quyết đơn thư được ghi nhận ${span(report.period)}, `
    + `${issuer.name} báo cáo ${reportSummary(report).replace(/^\p{Lu}/u, (c) => c.toLocaleLowerCase('vi-VN'))} như sau:`,
  );
  const body: BodyBlock[] = report.empty
    ? [
      opening,
      paragraph(`Trong kỳ báo cáo (${span(report.period)}), ${where(report)} chưa ghi nhận hội nghị tiếp xúc, đối thoại, cuộc giám sát, hoạt động phản biện xã hội hay đơn thư nào, nên chưa có số liệu để tổng hợp.`),
      ...(report.prior.conferences.held + report.prior.supervision.visits + report.prior.cases.received > 0
        ? [paragraph(`Kỳ trước (${report.previous.label}): ${num(report.prior.conferences.held)} hội nghị tiếp xúc, đối thoại; ${num(report.prior.supervision.visits)} cuộc giám sát; ${num(report.prior.cases.received)} đơn thư.`)]
        : []),
      paragraph(`Trên đây là báo cáo ${reportSummary(report).replace(/^\p{Lu}/u, (c) => c.toLocaleLowerCase('vi-VN'))} của ${issuer.name}./.`),
    ]
    : [opening, ...coverage(report), ...conferenceSection(report), ...supervisionSection(report), ...casesSection(report), ...assessment(report, issuer)];
  return renderOfficialDocument({
    layout: issuer.layout,
    parentBody: issuer.parentBody,
    issuer: issuer.headerName,
    number: numberLine(issuer),
    place: issuer.place,
    date: issuer.date,
    docType: 'Báo cáo',
    summary: reportSummary(report),
    body,
    signature: { ...issuer.signature, name: '' },
    recipients: issuer.recipients,
    appendices: !report.empty && report.children.length > 0 ? [childrenAppendix(report, issuer, opts)] : [],
  });
}

// ---- The .xlsx ------------------------------------------------------------------------------------------------

const FONT = { fontFamily: 'Times New Roman', fontSize: 12 };
const head = (value: string): Cell => ({ value, fontWeight: 'bold', wrap: true, align: 'center', alignVertical: 'center', backgroundColor: '#F2F2F2', borderStyle: 'thin', borderColor: '#999999' });
const textCell = (value: string, bold = false): Cell => ({ value, wrap: true, alignVertical: 'top', ...(bold ? { fontWeight: 'bold' } : {}) });
const numberCell = (value: number | null, bold = false): Cell => (value === null ? null : { value, type: Number, alignVertical: 'top', ...(bold ? { fontWeight: 'bold' } : {}) });
const title = (value: string): Row => [{ value, fontWeight: 'bold', fontSize: 14 }];

/** The workbook of the report: figures per child unit, per level, and against the previous period; numbers stay numbers. */
export async function reportXlsx(report: Report, opts: ExportOptions = {}): Promise<Buffer> {
  const subtitle: Row = [{ value: `${report.unit.name} — ${report.period.label} (${span(report.period)}); kỳ trước: ${report.previous.label}` }];
  const emptyNote: Row[] = report.empty ? [[{ value: 'Trong kỳ chưa ghi nhận hội nghị, giám sát, phản biện hay đơn thư nào.', fontStyle: 'italic' }]] : [];

  // 1. One row per child unit, and a total.
  const children = ordered(report.children);
  const prior = opts.priorChildren ? new Map(opts.priorChildren.map((c) => [c.code, c])) : null;
  const childHeader = ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Giai đoạn', ...CHILD_FIGURES.map(([, label]) => label), ...(prior ? ['Hội nghị kỳ trước', 'Giám sát kỳ trước', 'Đơn thư kỳ trước'] : [])];
  const totals = childTotals(children);
  const priorOf = (c: ChildRow, f: ChildFigure) => (prior?.has(c.code) ? prior.get(c.code)![f] : null);
  const priorTotal = (f: ChildFigure) => (opts.priorChildren ? opts.priorChildren.reduce((n, c) => n + c[f], 0) : null);
  const byUnit: Row[] = [
    title('SỐ LIỆU CÔNG TÁC DÂN VẬN THEO ĐƠN VỊ'), subtitle, ...emptyNote, [null],
    childHeader.map(head),
    ...children.map((c, i): Row => [
      numberCell(i + 1), { value: c.code, type: String, alignVertical: 'top' }, textCell(c.name), textCell(LEVEL_NAMES[c.level]), textCell(ERA_NAMES[c.era]),
      ...CHILD_FIGURES.map(([k]) => numberCell(c[k])),
      ...(prior ? (['conferencesHeld', 'supervisionVisits', 'casesReceived'] as const).map((f) => numberCell(priorOf(c, f))) : []),
    ]),
    [null, null, textCell('Tổng cộng', true), null, null, ...CHILD_FIGURES.map(([k]) => numberCell(totals[k], true)),
      ...(prior ? (['conferencesHeld', 'supervisionVisits', 'casesReceived'] as const).map((f) => numberCell(priorTotal(f), true)) : [])],
  ];

  // 2. One row per level of the subtree, with the field's sentence.
  const supervision = new Map(report.current.supervision.byLevel.map((l) => [key(l), l]));
  const levels = [...report.current.conferences.byLevel];
  for (const s of report.current.supervision.byLevel) {
    if (!levels.some((l) => key(l) === key(s))) levels.push({ ...s, unitsHeld: 0, held: 0, periodic: 0, adHoc: 0, notHeld: 0, sentence: '' });
  }
  const levelHeader = ['Cấp', 'Giai đoạn', 'Loại đơn vị', 'Tổng số đơn vị', 'Đơn vị đã tổ chức hội nghị', 'Hội nghị đã tổ chức', 'Định kỳ', 'Đột xuất', 'Không tổ chức', 'Cuộc giám sát', 'Đơn vị có giám sát', 'Hoạt động phản biện', 'Tổng hợp'];
  const byLevel: Row[] = [
    title('SỐ LIỆU THEO CẤP'), subtitle, ...emptyNote, [null],
    levelHeader.map(head),
    ...levels.map((l): Row => {
      const s = supervision.get(key(l));
      return [
        textCell(LEVEL_NAMES[l.level]), textCell(ERA_NAMES[l.era]), textCell(l.unitsLabel), numberCell(l.unitsTotal), numberCell(l.unitsHeld),
        numberCell(l.held), numberCell(l.periodic), numberCell(l.adHoc), numberCell(l.notHeld),
        numberCell(s?.visits ?? 0), numberCell(s?.unitsSupervising ?? 0), numberCell(s?.critiqueSessions ?? 0), textCell(l.sentence),
      ];
    }),
  ];

  // 3. The period against the previous one.
  let group = '';
  const compare: Row[] = [
    title('SO SÁNH VỚI KỲ TRƯỚC'), subtitle, [null],
    ['Nhóm', 'Chỉ tiêu', `Kỳ này (${report.period.label})`, `Kỳ trước (${report.previous.label})`, 'Tăng (+), giảm (−)'].map(head),
    ...comparisonRows(report).map(([g, label, now, before]): Row => {
      const first = g !== group;
      group = g;
      const isRate = label.startsWith('Tỷ lệ');
      const diff = now === null || before === null ? null : isRate ? Math.round((now - before) * 10) / 10 : now - before;
      return [first ? textCell(g, true) : null, textCell(label), numberCell(now), numberCell(before), numberCell(diff)];
    }),
  ];

  // 4. The highlights and the most raised fields, for the writer of the narrative.
  const notes: Row[] = [
    title('NHẬN ĐỊNH'), subtitle, ...emptyNote, [null],
    ...report.highlights.map((h): Row => [textCell(h)]),
    [null],
    ['Lĩnh vực được nêu nhiều nhất', 'Mã', 'Số lượt'].map(head),
    ...report.current.topFields.map((f): Row => [textCell(f.name), { value: f.code, type: String }, numberCell(f.count)]),
  ];

  const file = await writeExcelFile([
    { data: byUnit, sheet: 'Theo đơn vị', columns: [6, 12, 30, 12, 16, ...CHILD_FIGURES.map(() => 14), ...(prior ? [14, 14, 14] : [])].map((width) => ({ width })), orientation: 'landscape', stickyRowsCount: 4 + emptyNote.length },
    { data: byLevel, sheet: 'Theo cấp', columns: [14, 16, 30, 12, 14, 14, 10, 10, 12, 12, 14, 14, 70].map((width) => ({ width })), orientation: 'landscape' },
    { data: compare, sheet: 'So sánh kỳ trước', columns: [28, 44, 18, 18, 16].map((width) => ({ width })) },
    { data: notes, sheet: 'Nhận định', columns: [90, 16, 10].map((width) => ({ width })) },
  ], FONT).toBuffer();
  return Buffer.from(file);
}

/** "Báo cáo công tác dân vận năm 2025 - Thành phố Huế": the files' name, without extension. */
export function reportFileBase(report: Report): string {
  return `Báo cáo công tác dân vận ${report.period.label} - ${report.unit.name}`.replace(/[\\/:*?"<>|]/g, '-');
}
