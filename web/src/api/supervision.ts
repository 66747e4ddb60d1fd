// Supervision and social critique (giám sát, phản biện xã hội): the Front's programmes and supervisions with their
// recommendations (each followed as a case), and drafts under critique with the drafting body's responses.
import { get, post, queryString } from './client.ts';
import type { Items, UnitLevel } from './types.ts';

export const supervisingKinds = ['mttq', 'hoi_lhpn', 'doan_tn', 'hoi_nong_dan', 'hoi_ccb', 'cong_doan'] as const;
export const supervisionForms = ['nghien_cuu_van_ban', 'doan_giam_sat', 'ban_ttnd', 'ban_gsdtccd', 'lay_y_kien'] as const;
export type SupervisionForm = (typeof supervisionForms)[number];
export type VisitStatus = 'planned' | 'done' | 'cancelled';
export type RecommendationStatus = 'in_progress' | 'answered' | 'resolved';
export const critiqueForms = ['hoi_nghi', 'van_ban', 'doi_thoai'] as const;
export type CritiqueForm = (typeof critiqueForms)[number];
export const critiqueResponses = ['tiep_thu', 'tiep_thu_mot_phan', 'giai_trinh'] as const;
export type CritiqueResponse = (typeof critiqueResponses)[number];

interface Ref { id: string; name: string }
interface UnitRef { code: string; name: string }

export interface ListQuery { unit: string; year?: number; subtree?: boolean }
const qs = (q: ListQuery) => queryString({ unit: q.unit, ...(q.year ? { year: q.year } : {}), subtree: q.subtree ?? false });

export interface Programme {
  id: string;
  unit: UnitRef;
  level: UnitLevel;
  organisation: Ref;
  year: number;
  title: string;
  content: string | null;
  visits: number;
  abilities: { manage: boolean };
}

export interface Recommendation {
  id: string;
  seq: number;
  fieldCode: string;
  content: string;
  status: RecommendationStatus;
  raisedOn: string;
  dueOn: string | null;
  answer: string | null;
  answeredOn: string | null;
  resolvedOn: string | null;
  case: { id: string; number: string } | null;
}

export interface Visit {
  id: string;
  unit: UnitRef;
  level: UnitLevel;
  programme: { id: string; title: string } | null;
  organisation: Ref | null;
  supervisorName: string;
  subject: { id: string | null; name: string; unit: UnitRef | null };
  form: SupervisionForm;
  formName: string;
  topic: string;
  startedOn: string;
  endedOn: string | null;
  status: VisitStatus;
  findings: string | null;
  cancelReason: string | null;
  source: 'console' | 'import';
  recommendations: Recommendation[];
  abilities: { record: boolean; cancel: boolean };
}

export interface ProgrammeInput { organisationId: string; year: number; title: string; content?: string }
export interface VisitInput {
  organisationId: string;
  programmeId?: string | null;
  subjectOrganisationId: string;
  form: SupervisionForm;
  topic: string;
  startedOn: string;
  endedOn?: string | null;
}
export interface RecommendationInput { fieldCode: string; content: string; dueOn?: string }
export interface RecordInput { startedOn?: string; endedOn: string; findings: string; recommendations: RecommendationInput[] }

export const listProgrammes = (q: ListQuery, signal?: AbortSignal) => get<Items<Programme>>(`/api/supervision/programmes${qs(q)}`, signal).then((r) => r.items);
export const createProgramme = (input: ProgrammeInput) => post<Programme>('/api/supervision/programmes', input);
export const listVisits = (q: ListQuery, signal?: AbortSignal) => get<Items<Visit>>(`/api/supervision/visits${qs(q)}`, signal).then((r) => r.items);
export const getVisit = (id: string, signal?: AbortSignal) => get<Visit>(`/api/supervision/visits/${encodeURIComponent(id)}`, signal);
export const planVisit = (input: VisitInput) => post<Visit>('/api/supervision/visits', input);
export const recordVisit = (id: string, input: RecordInput) => post<Visit>(`/api/supervision/visits/${encodeURIComponent(id)}/record`, input);
export const cancelVisit = (id: string, reason: string) => post<Visit>(`/api/supervision/visits/${encodeURIComponent(id)}/cancel`, { reason });

export interface Opinion {
  id: string;
  seq: number;
  content: string;
  response: CritiqueResponse | null;
  responseName: string | null;
  responseNote: string | null;
  respondedOn: string | null;
}

export interface CritiqueSession {
  id: string;
  form: CritiqueForm;
  formName: string;
  heldOn: string;
  place: string | null;
  participants: number | null;
  opinions: Opinion[];
}

export interface Draft {
  id: string;
  unit: UnitRef;
  level: UnitLevel;
  organisation: Ref;
  title: string;
  drafting: { organisation: Ref | null; name: string; unit: UnitRef | null };
  receivedOn: string;
  summary: string | null;
  sessions: CritiqueSession[];
  abilities: { manage: boolean; respond: boolean };
}

export interface DraftInput {
  organisationId: string;
  title: string;
  draftingOrganisationId?: string;
  draftingBodyName?: string;
  receivedOn: string;
  summary?: string;
}
export interface SessionInput { form: CritiqueForm; heldOn: string; place?: string; participants?: number; opinions: { content: string }[] }
export interface ResponseInput { opinionId: string; response: CritiqueResponse; note?: string; respondedOn: string }

export const listDrafts = (q: ListQuery, signal?: AbortSignal) => get<Items<Draft>>(`/api/critique/drafts${qs(q)}`, signal).then((r) => r.items);
export const createDraft = (input: DraftInput) => post<Draft>('/api/critique/drafts', input);
export const addSession = (draftId: string, input: SessionInput) => post<Draft>(`/api/critique/drafts/${encodeURIComponent(draftId)}/sessions`, input);
export const addOpinions = (sessionId: string, opinions: { content: string }[]) =>
  post<Draft>(`/api/critique/sessions/${encodeURIComponent(sessionId)}/opinions`, { opinions });
export const respond = (draftId: string, items: ResponseInput[]) => post<Draft>(`/api/critique/drafts/${encodeURIComponent(draftId)}/responses`, { items });
