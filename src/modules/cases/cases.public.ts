// What a resident may see of a case: its progress in plain words (tracking) and the answers officials chose to publish.
// Never the petitioner, the handler's name, the findings, or the resident's own words on the public page.
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { lunarLabelVi, lunarOf } from '../../platform/calendar.ts';
import type { AppContext } from '../../platform/http.ts';
import { foldKey } from '../../platform/text.ts';
import type { Executor } from '../../db/database.ts';
import { getUnit } from '../units/index.ts';
import * as repo from './cases.repository.ts';
import { deadlineView } from './cases.deadlines.ts';
import { casesAttachment, casesCase, casesField, type CaseRow, type EventRow } from './cases.tables.ts';
import { KIND_NAMES, type Kind, type State } from './cases.workflow.ts';

/** The state as a resident would say it, with one sentence of what it means for them. */
export const PUBLIC_STATES: Record<State, { text: string; help: string }> = {
  received: { text: 'Đã nhận đơn', help: 'Cơ quan đã nhận đơn và đang xem xét để thụ lý, hướng dẫn hoặc chuyển đến nơi có thẩm quyền.' },
  accepted: { text: 'Đang giải quyết', help: 'Đơn đã được thụ lý và đang được giải quyết trong thời hạn luật định.' },
  verified: { text: 'Đang giải quyết', help: 'Cơ quan đã xác minh nội dung đơn và đang chuẩn bị kết quả giải quyết.' },
  decided: { text: 'Đã có quyết định, kết luận', help: 'Đã có quyết định hoặc kết luận; văn bản sẽ được gửi đến bạn.' },
  answered: { text: 'Đã trả lời', help: 'Cơ quan đã trả lời. Bạn có thể đánh giá mức độ hài lòng ở cuối trang.' },
  guided: { text: 'Đã hướng dẫn', help: 'Nội dung không thuộc thẩm quyền của cơ quan này; bạn được hướng dẫn gửi đến cơ quan có thẩm quyền.' },
  transferred: { text: 'Đã chuyển đơn', help: 'Đơn đã được chuyển đến cơ quan có thẩm quyền giải quyết.' },
  filed: { text: 'Không thụ lý', help: 'Đơn được lưu, không thụ lý. Lý do được ghi ở phần diễn biến.' },
  split: { text: 'Đã tách đơn', help: 'Đơn có nhiều nội dung nên được tách thành nhiều vụ việc để giải quyết riêng.' },
  withdrawn: { text: 'Đã rút đơn', help: 'Đơn đã được rút theo đề nghị của người gửi.' },
  closed: { text: 'Đã kết thúc', help: 'Việc giải quyết đơn đã kết thúc.' },
};

const FILED_GROUNDS: Record<string, string> = {
  not_processable: 'đơn không đủ điều kiện xử lý', duplicate: 'đơn trùng nội dung đã nhận', anonymous: 'đơn không rõ người gửi',
  already_resolved: 'nội dung đã được giải quyết', concluded: 'nội dung đã có kết luận', other: 'lý do khác',
};

export interface PublicStep { on: string; text: string; reason: string | null }

export interface PublicCaseView {
  caseNumber: string; kind: Kind; kindName: string; fieldName: string; title: string; receivedOn: string;
  state: State; stateText: string; stateHelp: string;
  dueOn: string | null; dueOnLunar: string | null; daysLeft: number | null; overdue: boolean;
  responsibleUnit: { code: string; name: string };
  steps: PublicStep[];
  answer: { text: string; on: string } | null;
}

const dayOf = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const vnDay = (d: string) => d.split('-').reverse().join('/');

export function lunarText(day: string | null): string | null {
  return day ? `${lunarLabelVi(lunarOf(day))} âm lịch` : null;
}

async function unitName(ctx: AppContext, code: string): Promise<string> {
  return (await getUnit(ctx, code))?.unit.name ?? code;
}

/** One log entry in words for the resident, or null for the office's internal steps. */
async function stepOf(ctx: AppContext, e: EventRow): Promise<PublicStep | null> {
  const d = e.data as Record<string, string | number | boolean | null | undefined>;
  const on = dayOf(e.at);
  const step = (text: string, reason: string | null = null): PublicStep => ({ on, text, reason });
  switch (e.type) {
    case 'received': return step(d.via === 'open311' ? 'Nhận đơn qua ứng dụng kết nối (Open311)' : d.channel === 'portal' ? 'Nhận đơn qua Cổng thông tin' : 'Nhận đơn');
    case 'classified': return d.responsibleUnitCode ? step(`Giao ${await unitName(ctx, String(d.responsibleUnitCode))} giải quyết`, e.reason) : null;
    case 'accepted': return step(d.dueOn ? `Thụ lý đơn; hạn giải quyết ${vnDay(String(d.dueOn))}` : 'Thụ lý đơn');
    case 'guided': return step(`Hướng dẫn gửi đến ${d.competentBody}`, e.reason);
    case 'transferred': return step(`Chuyển đơn đến ${d.toUnitCode ? await unitName(ctx, String(d.toUnitCode)) : d.toAgency}`, e.reason);
    case 'filed': return step(`Lưu đơn, không thụ lý: ${FILED_GROUNDS[String(d.ground)] ?? FILED_GROUNDS.other}`, e.reason);
    case 'split': return step(`Tách đơn thành ${Array.isArray(d.children) ? (d.children as unknown[]).length : ''} vụ việc`.replace('  ', ' '), e.reason);
    case 'assigned': return step('Phân công cán bộ giải quyết');
    case 'verified': return step('Xác minh nội dung đơn');
    case 'dialogue_held': return step(`Tổ chức đối thoại ngày ${vnDay(String(d.heldOn))}`);
    case 'extended': return step(`Gia hạn giải quyết thêm ${d.days} ngày (quyết định số ${d.decisionNumber})${d.dueOn ? `; hạn mới ${vnDay(String(d.dueOn))}` : ''}`, e.reason);
    case 'decided': return step(`Ban hành quyết định, kết luận số ${d.decisionNumber} ngày ${vnDay(String(d.decidedOn))}`);
    case 'answered': return step('Trả lời người gửi đơn');
    case 'withdrawn': return step('Rút đơn', e.reason);
    case 'appealed': return step(`Khiếu nại lần hai, chuyển ${d.toUnitCode ? await unitName(ctx, String(d.toUnitCode)) : 'cấp trên'} giải quyết`);
    case 'closed': return step('Kết thúc giải quyết');
    case 'reopened': return step('Mở lại để giải quyết tiếp', e.reason);
    default: return null;
  }
}

/** The tracking view of a case; null when there is no such case. */
export async function publicCase(ctx: AppContext, id: string, ex: Executor = ctx.database.db): Promise<{ view: PublicCaseView; row: CaseRow } | null> {
  const c = await repo.findCase(ex, id);
  if (!c) return null;
  const [events, f, dl] = [await repo.eventsOf(ex, id), await repo.field(ex, c.fieldCode), await deadlineView(ctx, c)];
  const steps: PublicStep[] = [];
  for (const e of events) {
    const s = await stepOf(ctx, e);
    if (s) steps.push(s);
  }
  const state = c.state as State;
  return {
    row: c,
    view: {
      caseNumber: c.number, kind: c.kind as Kind, kindName: KIND_NAMES[c.kind as Kind], fieldName: f?.name ?? c.fieldCode, title: c.title,
      receivedOn: c.receivedOn, state, stateText: PUBLIC_STATES[state].text, stateHelp: PUBLIC_STATES[state].help,
      dueOn: dl.dueOn, dueOnLunar: lunarText(dl.dueOn), daysLeft: dl.daysLeft, overdue: dl.overdue,
      responsibleUnit: { code: c.responsibleUnitCode, name: await unitName(ctx, c.responsibleUnitCode) },
      steps,
      answer: c.answer ? { text: c.answer, on: c.answeredOn ?? dayOf(c.updatedAt) } : null,
    },
  };
}

export interface AnswerFilter { q?: string; field?: string; unit?: string; limit: number; offset: number }

/** Published answers, newest first: title, field, place and the answer; nothing about who asked. */
export async function publicAnswers(ctx: AppContext, f: AnswerFilter) {
  const where: SQL[] = [sql`publishable`, sql`answer is not null`];
  if (f.field) where.push(eq(casesCase.fieldCode, f.field));
  if (f.unit) {
    const view = await getUnit(ctx, f.unit);
    if (!view) return { items: [], total: 0 };
    where.push(sql`(place_unit_code = ${view.unit.code} or responsible_unit_path <@ ${view.unit.path}::ltree or receiving_unit_path <@ ${view.unit.path}::ltree)`);
  }
  // Every word typed must appear, in any order: "den chieu sang dong da" finds "đèn chiếu sáng kiệt 5 Đống Đa".
  const words = (f.q ? foldKey(f.q) : '').split(/\s+/).filter(Boolean).slice(0, 8);
  for (const w of words) where.push(sql`public_key like ${`%${w.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
  const cond = and(...where)!;
  const db = ctx.database.db;
  const rows = await db.select({
    id: casesCase.id, title: casesCase.title, kind: casesCase.kind, fieldCode: casesCase.fieldCode, placeUnitCode: casesCase.placeUnitCode,
    responsibleUnitCode: casesCase.responsibleUnitCode, answer: casesCase.answer, answeredOn: casesCase.answeredOn,
  }).from(casesCase).where(cond).orderBy(desc(casesCase.answeredOn), desc(casesCase.id)).limit(f.limit).offset(f.offset);
  const [{ n }] = await ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from (select 1 from cases_case where ${cond} limit 10000) t`);
  const fields = new Map((await repo.fields(db)).map((x) => [x.code, x.name]));
  const names = new Map<string, string>();
  const nameOf = async (code: string) => {
    if (!names.has(code)) names.set(code, await unitName(ctx, code));
    return names.get(code)!;
  };
  const items = [];
  for (const r of rows) {
    items.push({
      id: r.id, title: r.title, kind: r.kind as Kind, kindName: KIND_NAMES[r.kind as Kind], fieldCode: r.fieldCode, fieldName: fields.get(r.fieldCode) ?? r.fieldCode,
      placeUnit: { code: r.placeUnitCode, name: await nameOf(r.placeUnitCode) },
      responsibleUnit: { code: r.responsibleUnitCode, name: await nameOf(r.responsibleUnitCode) },
      answer: r.answer!, answeredOn: r.answeredOn!,
    });
  }
  return { items, total: Number(n) };
}

/** The field list (also what Open311 calls services). */
export const listFields = (ctx: AppContext) => repo.fields(ctx.database.db);

/** How many files a case holds (a resident's receipt counts them). */
export async function attachmentCount(ctx: AppContext, caseId: string): Promise<number> {
  const [{ n }] = await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(casesAttachment).where(eq(casesAttachment.caseId, caseId));
  return Number(n);
}

/** Case numbers by id, for lists kept by other modules (ratings). */
export async function caseNumbers(ctx: AppContext, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.database.db.select({ id: casesCase.id, number: casesCase.number }).from(casesCase).where(inArray(casesCase.id, ids));
  return new Map(rows.map((r) => [r.id, r.number]));
}

export const CLOSED_FOR_PUBLIC: readonly string[] = ['answered', 'closed', 'guided', 'transferred', 'filed', 'split', 'withdrawn'];

export interface PublicRequestFilter {
  /** Cases public whatever their answer (sent through an open channel); the others appear once their answer is published. */
  include: string[]; ids?: string[]; fieldCode?: string; start?: Date; end?: Date; status?: 'open' | 'closed'; limit: number;
}

/** Recommendations and reflections that may be listed publicly, newest first, with what a public list shows of them. */
export async function publicRequestCases(ctx: AppContext, f: PublicRequestFilter) {
  const open = f.include.length ? sql`(${casesCase.publishable} or ${inArray(casesCase.id, f.include)})` : sql`${casesCase.publishable}`;
  const where: SQL[] = [open, inArray(casesCase.kind, ['phan_anh', 'kien_nghi'])];
  if (f.ids?.length) where.push(inArray(casesCase.id, f.ids));
  if (f.fieldCode) where.push(eq(casesCase.fieldCode, f.fieldCode));
  if (f.start) where.push(sql`${casesCase.createdAt} >= ${f.start.toISOString()}`);
  if (f.end) where.push(sql`${casesCase.createdAt} <= ${f.end.toISOString()}`);
  if (f.status) where.push(f.status === 'closed' ? inArray(casesCase.state, [...CLOSED_FOR_PUBLIC]) : sql`not ${inArray(casesCase.state, [...CLOSED_FOR_PUBLIC])}`);
  return ctx.database.db.select({
    id: casesCase.id, state: casesCase.state, fieldCode: casesCase.fieldCode, fieldName: casesField.name, title: casesCase.title, content: casesCase.content,
    publishable: casesCase.publishable, answer: casesCase.answer, responsibleUnitCode: casesCase.responsibleUnitCode, createdAt: casesCase.createdAt,
    updatedAt: casesCase.updatedAt, dueOn: casesCase.dueOn, placeAddress: casesCase.placeAddress, placeLat: casesCase.placeLat, placeLng: casesCase.placeLng,
  }).from(casesCase).innerJoin(casesField, eq(casesField.code, casesCase.fieldCode))
    .where(and(...where)).orderBy(desc(casesCase.createdAt)).limit(f.limit);
}
