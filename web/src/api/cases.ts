// Cases (vụ việc): the inbox, registration, one case with its log and abilities, workflow events, suggestions,
// the sealed identity, bulk assignment, attachments, generated letters, the field list and notifications.
import { download, get, post, queryString, upload } from './client.ts';
import type { Items } from './types.ts';

export const caseKinds = ['kien_nghi', 'phan_anh', 'khieu_nai', 'to_cao'] as const;
export type CaseKind = (typeof caseKinds)[number];

export const caseChannels = ['portal', 'reception', 'mail', 'hotline', 'transfer', 'dialogue', 'supervision', 'consultation'] as const;
export type CaseChannel = (typeof caseChannels)[number];
/** Channels an official registers by hand (the portal files its own). */
export const intakeChannels = caseChannels.filter((c) => c !== 'portal') as Exclude<CaseChannel, 'portal'>[];

export const caseStates = [
  'received', 'accepted', 'verified', 'decided', 'answered', 'guided', 'transferred', 'filed', 'split', 'withdrawn', 'closed',
] as const;
export type CaseState = (typeof caseStates)[number];
export const finalStates: readonly CaseState[] = ['guided', 'transferred', 'filed', 'split', 'withdrawn', 'closed'];

export const caseEventTypes = [
  'received', 'classified', 'accepted', 'guided', 'transferred', 'filed', 'split', 'assigned', 'verified', 'dialogue_held',
  'extended', 'decided', 'answered', 'withdrawn', 'appealed', 'closed', 'reopened', 'attachment_added',
] as const;
export type CaseEventType = (typeof caseEventTypes)[number];

export const caseFlags = ['mass', 'over_level', 'duplicate', 'confidential'] as const;
export type CaseFlagFilter = (typeof caseFlags)[number];

export const filingGrounds = ['not_processable', 'duplicate', 'anonymous', 'already_resolved', 'concluded', 'other'] as const;
export const decisionResults = ['dung', 'sai', 'dung_mot_phan'] as const;
export const caseDocuments = ['receipt', 'transfer', 'guidance', 'answer'] as const;
export type CaseDocument = (typeof caseDocuments)[number];

export interface CaseDeadline {
  dueOn: string | null;
  rule: string | null;
  basis: string | null;
  /** Working days left; negative when overdue. */
  daysLeft: number | null;
  overdue: boolean;
  dueSoon: boolean;
}

export interface CaseSummary {
  id: string;
  number: string;
  kind: CaseKind;
  channel: CaseChannel;
  fieldCode: string;
  fieldName: string;
  title: string;
  state: CaseState;
  round: number;
  receivedOn: string;
  receivingUnit: { code: string; name: string };
  responsibleUnit: { code: string; name: string };
  handler: { id: string; name: string } | null;
  deadline: CaseDeadline;
  flags: { mass: boolean; overLevel: boolean; duplicate: boolean; confidential: boolean; complex: boolean; remote: boolean };
  updatedAt: string;
}

export interface CaseEvent {
  seq: number;
  type: CaseEventType;
  stateAfter: CaseState;
  at: string;
  actorName: string | null;
  reason: string | null;
  data: Record<string, unknown>;
}

export type Petitioner =
  | { sealed: false; name: string | null; address: string | null; phone: string | null; email: string | null; idNumber: string | null }
  | { sealed: true };

export interface Identity {
  name: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  idNumber: string | null;
}

export interface CaseAttachment {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  identity: boolean;
  uploadedAt: string;
}

export interface CaseDetail extends CaseSummary {
  content: string;
  place: { unitCode: string; unitName: string; address: string | null; lat: number | null; lng: number | null };
  petitioner: Petitioner;
  mass: { headCount: number; representatives: { name: string; phone?: string }[] } | null;
  extensions: number;
  outcome: string | null;
  answer: string | null;
  events: CaseEvent[];
  /** The conference or supervision visit that raised it; `path` is a console path. */
  origin: { type: 'dialogue' | 'supervision'; id: string; title: string; on: string | null; path: string } | null;
  links: { id: string; number: string; title: string; state: CaseState; kind: string }[];
  attachments: CaseAttachment[];
  abilities: {
    actions: { type: CaseEventType; basis: string | null }[];
    unseal: boolean;
    attach: boolean;
    documents: string[];
  };
}

export interface CaseFilters {
  state?: string;
  kind?: string;
  channel?: string;
  field?: string;
  unit?: string;
  due?: 'soon' | 'overdue';
  flag?: string;
  handler?: string;
  /** Server default 'true': open cases, nearest deadline first; 'false': finished, newest first; 'all'. */
  open?: 'true' | 'false' | 'all';
  q?: string;
}

export interface CasePage {
  items: CaseSummary[];
  total: number;
  limit: number;
  offset: number;
}

export const listCases = (filters: CaseFilters, limit: number, offset: number, signal?: AbortSignal) =>
  get<CasePage>(`/api/cases${queryString({ ...filters, limit, offset })}`, signal);

export interface NewCase {
  kind: CaseKind;
  channel: Exclude<CaseChannel, 'portal'>;
  fieldCode: string;
  title: string;
  content: string;
  receivedOn?: string;
  place: { unitCode: string; address?: string };
  petitioner: { name?: string; address?: string; phone?: string; email?: string; idNumber?: string };
  mass?: { headCount: number; representatives: { name: string; phone?: string }[] };
  complex?: boolean;
  dueOn?: string;
  transferredFrom?: string;
}

export const createCase = (input: NewCase) => post<CaseDetail>('/api/cases', input);

const path = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

export const getCase = (id: string, signal?: AbortSignal) => get<CaseDetail>(path(id), signal);

/** One workflow step; the body's fields depend on `type` (see the API's eventBody). */
export type CaseEventInput = { type: Exclude<CaseEventType, 'received' | 'attachment_added'> } & Record<string, unknown>;

export const addCaseEvent = (id: string, input: CaseEventInput) => post<CaseDetail>(`${path(id)}/events`, input);

export interface CaseSuggestions {
  competentUnit: { code: string; name: string; level: string } | null;
  overLevel: boolean;
  duplicates: { id: string; number: string; title: string; state: CaseState; similarity: number }[];
}

export const getSuggestions = (id: string, signal?: AbortSignal) => get<CaseSuggestions>(`${path(id)}/suggestions`, signal);

/** Opens the sealed identity of a denouncer; the server records who asked and why. */
export const unsealIdentity = (id: string, reason: string) => post<Identity>(`${path(id)}/identity`, { reason });

export interface AssignResult {
  id: string;
  ok: boolean;
  code?: string;
}

export const assignCases = (caseIds: string[], handlerId: string) =>
  post<{ results: AssignResult[] }>('/api/cases/assign', { caseIds, handlerId }).then((r) => r.results);

export interface CaseHandler {
  id: string;
  fullName: string;
  unitCode: string;
}

export const listHandlers = (unit: string, signal?: AbortSignal) =>
  get<Items<CaseHandler>>(`/api/cases/handlers${queryString({ unit })}`, signal).then((r) => r.items);

/** Uploads one file; `identity` marks a denouncer's handwriting or ID papers, sealed like the identity itself. */
export function uploadAttachment(id: string, file: File, identity: boolean) {
  const form = new FormData();
  // The server reads fields sent before the file part.
  if (identity) form.append('identity', 'true');
  form.append('file', file, file.name);
  return upload<{ id: string }>(`${path(id)}/attachments`, form);
}

export const downloadAttachment = (id: string, attachment: CaseAttachment) =>
  download(`${path(id)}/attachments/${encodeURIComponent(attachment.id)}`, attachment.name, `${attachment.mediaType}, application/problem+json`);

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const downloadDocument = (id: string, document: string, fallbackName: string) =>
  download(`${path(id)}/documents/${encodeURIComponent(document)}`, fallbackName, `${docxType}, application/problem+json`);

export interface CaseField {
  code: string;
  name: string;
  level: 'commune' | 'province';
  active: boolean;
}

export const listCaseFields = (signal?: AbortSignal) => get<Items<CaseField>>('/api/case-fields', signal).then((r) => r.items);

export interface AppNotification {
  id: string;
  caseId: string | null;
  kind: string;
  title: string;
  createdAt: string;
  read: boolean;
}

export const listNotifications = (signal?: AbortSignal) =>
  get<{ items: AppNotification[]; unread: number }>('/api/notifications', signal);

export const markNotificationsRead = (ids: string[]) => post<void>('/api/notifications/read', { ids });
