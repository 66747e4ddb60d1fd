// The workflows of the four kinds of case, as data: which event may happen in which state, for which kind,
// by whom, what it needs and which deadline it starts. The service walks this table; tests walk it too.

export const KINDS = ['kien_nghi', 'phan_anh', 'khieu_nai', 'to_cao'] as const;
export type Kind = (typeof KINDS)[number];

export const CHANNELS = ['portal', 'reception', 'mail', 'hotline', 'transfer', 'dialogue', 'supervision', 'consultation'] as const;
export type Channel = (typeof CHANNELS)[number];

export const STATES = ['received', 'accepted', 'verified', 'decided', 'answered', 'guided', 'transferred', 'filed', 'split', 'withdrawn', 'closed'] as const;
export type State = (typeof STATES)[number];

/** States in which the unit's work on the case is over (closed_at is set). */
export const FINAL_STATES: readonly State[] = ['guided', 'transferred', 'filed', 'split', 'withdrawn', 'closed'];

export const EVENT_TYPES = [
  'received', 'classified', 'accepted', 'guided', 'transferred', 'filed', 'split', 'assigned', 'verified', 'dialogue_held',
  'extended', 'decided', 'answered', 'withdrawn', 'appealed', 'closed', 'reopened', 'attachment_added',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Policy actions (see cases.policy.ts). */
export const CASE_READ = 'case.read';
export const CASE_CREATE = 'case.create';
export const CASE_PROCESS = 'case.process';
export const CASE_ASSIGN = 'case.assign';
export const CASE_DECIDE = 'case.decide';
export const CASE_UNSEAL = 'case.identity.unseal';

/** What a deadline does when the event happens. */
export type DeadlineEffect =
  | { start: 'intake' }        // the intake/handling deadline, counted from receipt
  | { start: 'resolution' }    // the kind's resolution deadline, counted from the event's day
  | { start: 'send_decision' } // complaint decision to be sent
  | { extend: true }           // denunciation extension
  | 'stop' | 'keep';

export interface Transition {
  type: EventType;
  from: readonly State[];
  kinds: readonly Kind[];
  /** The state after the event; 'same' keeps the current one. */
  to: State | 'same';
  action: string;
  deadline: DeadlineEffect;
  /** Legal basis, shown beside the action. */
  basis?: string;
}

const ALL = KINDS;
const OPEN: State[] = ['received', 'accepted', 'verified', 'decided', 'answered'];

/** Events that officials add through the case's actions; 'received' is written at intake. */
export const TRANSITIONS: readonly Transition[] = [
  { type: 'classified', from: ['received'], kinds: ALL, to: 'same', action: CASE_PROCESS, deadline: { start: 'intake' }, basis: 'Thông tư 05/2021/TT-TTCP, Điều 6' },
  { type: 'assigned', from: OPEN, kinds: ALL, to: 'same', action: CASE_ASSIGN, deadline: 'keep' },
  { type: 'accepted', from: ['received'], kinds: ALL, to: 'accepted', action: CASE_PROCESS, deadline: { start: 'resolution' }, basis: 'Luật Khiếu nại 2011, Điều 27; Luật Tố cáo 2018, Điều 29' },
  { type: 'guided', from: ['received'], kinds: ['khieu_nai', 'kien_nghi', 'phan_anh'], to: 'guided', action: CASE_PROCESS, deadline: 'stop', basis: 'Thông tư 05/2021/TT-TTCP: hướng dẫn một lần' },
  { type: 'transferred', from: ['received'], kinds: ['to_cao', 'kien_nghi', 'phan_anh'], to: 'transferred', action: CASE_PROCESS, deadline: 'stop', basis: 'Luật Tố cáo 2018, Điều 24: chuyển đơn trong 5 ngày làm việc' },
  { type: 'filed', from: ['received'], kinds: ALL, to: 'filed', action: CASE_PROCESS, deadline: 'stop', basis: 'Thông tư 05/2021/TT-TTCP, Điều 28' },
  { type: 'split', from: ['received'], kinds: ALL, to: 'split', action: CASE_PROCESS, deadline: 'stop' },
  { type: 'verified', from: ['accepted'], kinds: ['khieu_nai', 'to_cao'], to: 'verified', action: CASE_PROCESS, deadline: 'keep', basis: 'Luật Khiếu nại 2011, Điều 29' },
  { type: 'dialogue_held', from: ['verified'], kinds: ['khieu_nai'], to: 'same', action: CASE_PROCESS, deadline: 'keep', basis: 'Luật Khiếu nại 2011, Điều 30, 39' },
  { type: 'extended', from: ['accepted', 'verified'], kinds: ['to_cao'], to: 'same', action: CASE_DECIDE, deadline: { extend: true }, basis: 'Luật Tố cáo 2018, Điều 30' },
  { type: 'decided', from: ['verified'], kinds: ['khieu_nai', 'to_cao'], to: 'decided', action: CASE_DECIDE, deadline: { start: 'send_decision' }, basis: 'Luật Khiếu nại 2011, Điều 31; Luật Tố cáo 2018, Điều 35' },
  { type: 'answered', from: ['accepted'], kinds: ['kien_nghi', 'phan_anh'], to: 'answered', action: CASE_PROCESS, deadline: 'stop' },
  { type: 'answered', from: ['decided'], kinds: ['khieu_nai', 'to_cao'], to: 'answered', action: CASE_PROCESS, deadline: 'stop', basis: 'Luật Khiếu nại 2011, Điều 32' },
  { type: 'withdrawn', from: ['received', 'accepted', 'verified'], kinds: ALL, to: 'withdrawn', action: CASE_PROCESS, deadline: 'stop', basis: 'Luật Khiếu nại 2011, Điều 10; Luật Tố cáo 2018, Điều 33' },
  { type: 'closed', from: ['answered'], kinds: ALL, to: 'closed', action: CASE_PROCESS, deadline: 'stop' },
  { type: 'appealed', from: ['answered', 'closed'], kinds: ['khieu_nai'], to: 'received', action: CASE_PROCESS, deadline: { start: 'intake' }, basis: 'Luật Khiếu nại 2011, Điều 33' },
  { type: 'reopened', from: ['closed'], kinds: ALL, to: 'accepted', action: CASE_DECIDE, deadline: { start: 'resolution' } },
];

/** The transition for an event on a case in this state and kind, if any. */
export function transitionFor(type: EventType, state: State, kind: Kind): Transition | undefined {
  return TRANSITIONS.find((t) => t.type === type && t.from.includes(state) && t.kinds.includes(kind));
}

/** Every event type that may happen now (before checking who asks). */
export function possibleEvents(state: State, kind: Kind): Transition[] {
  return TRANSITIONS.filter((t) => t.from.includes(state) && t.kinds.includes(kind));
}

export const MAX_DENUNCIATION_EXTENSIONS = 2;

/** Which deadline rule applies (ids of cases_deadline_rule). */
export function intakeRule(kind: Kind, complex: boolean): string {
  if (kind === 'to_cao') return complex ? 'denunciation_intake_complex' : 'denunciation_intake';
  return 'handling';
}

export function resolutionRule(c: { kind: Kind; round: number; remote: boolean; complex: boolean }): string {
  if (c.kind === 'khieu_nai') return `complaint_r${c.round === 2 ? 2 : 1}${c.remote ? '_remote' : ''}${c.complex ? '_complex' : ''}`;
  if (c.kind === 'to_cao') return 'denunciation';
  return 'recommendation';
}

/** The state a case's log leads to, walking the table alone: the log is the truth, the state column a cache of it. */
export function replay(events: { type: EventType; data: Record<string, unknown> }[]): State {
  let state: State = 'received';
  let kind = events[0]?.data.kind as Kind;
  for (const e of events.slice(1)) {
    if (e.type === 'attachment_added') continue;
    const t = transitionFor(e.type, state, kind);
    if (!t) throw new Error(`event ${e.type} is not allowed in state ${state} for ${kind}`);
    if (e.type === 'classified' && e.data.kind) kind = e.data.kind as Kind;
    state = e.type === 'transferred' && e.data.toUnitCode ? 'received' : t.to === 'same' ? state : t.to;
  }
  return state;
}

/** Names used in server-made text (error messages, letters, notifications); the web app has its own catalogs. */
export const KIND_NAMES: Record<Kind, string> = { kien_nghi: 'kiến nghị', phan_anh: 'phản ánh', khieu_nai: 'khiếu nại', to_cao: 'tố cáo' };
export const STATE_NAMES: Record<State, string> = {
  received: 'đã tiếp nhận', accepted: 'đã thụ lý', verified: 'đã xác minh', decided: 'đã có quyết định/kết luận', answered: 'đã trả lời',
  guided: 'đã hướng dẫn', transferred: 'đã chuyển đơn', filed: 'đã lưu đơn', split: 'đã tách đơn', withdrawn: 'đã rút đơn', closed: 'đã kết thúc',
};
export const EVENT_NAMES: Record<EventType, string> = {
  received: 'tiếp nhận', classified: 'phân loại', accepted: 'thụ lý', guided: 'hướng dẫn', transferred: 'chuyển đơn', filed: 'lưu đơn',
  split: 'tách đơn', assigned: 'giao xử lý', verified: 'xác minh', dialogue_held: 'đối thoại', extended: 'gia hạn', decided: 'ra quyết định/kết luận',
  answered: 'trả lời', withdrawn: 'rút đơn', appealed: 'khiếu nại lần hai', closed: 'kết thúc', reopened: 'mở lại', attachment_added: 'thêm tệp',
};
export const CHANNEL_NAMES: Record<Channel, string> = {
  portal: 'Cổng thông tin', reception: 'Tiếp công dân', mail: 'Bưu chính', hotline: 'Đường dây nóng', transfer: 'Cơ quan khác chuyển đến',
  dialogue: 'Hội nghị đối thoại', supervision: 'Giám sát', consultation: 'Lấy ý kiến',
};
