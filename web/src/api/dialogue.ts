// Dialogue conferences (hội nghị tiếp xúc, đối thoại): officials plan, record and publish them; residents read the
// calendar and each conference's results.
import { get, patch, post, queryString } from './client.ts';

export const conferenceTypes = ['dinh_ky', 'dot_xuat'] as const;
export type ConferenceType = (typeof conferenceTypes)[number];
export const conferenceForms = ['doi_thoai', 'tiep_xuc'] as const;
export type ConferenceForm = (typeof conferenceForms)[number];
export const conferenceStatuses = ['planned', 'held', 'not_held'] as const;
export type ConferenceStatus = (typeof conferenceStatuses)[number];
export const chairSides = ['cap_uy', 'chinh_quyen', 'mttq'] as const;
export type ChairSide = (typeof chairSides)[number];
export const invitedGroups = ['mttq', 'doan_the', 'can_bo', 'tri_thuc', 'nguoi_dan', 'khac'] as const;
export type InvitedGroup = (typeof invitedGroups)[number];
export type RecommendationStatus = 'answered' | 'in_progress' | 'resolved';

export interface Chair { side: ChairSide; name: string; position: string }
export interface Invited { group: InvitedGroup; note?: string }
export interface UnitRef { code: string; name: string }
export interface Counts { raised: number; answered: number; inProgress: number; resolved: number }

export interface ConferenceSummary {
  id: string;
  unit: UnitRef;
  level: string;
  organisation: { id: string | null; name: string };
  type: ConferenceType;
  form: ConferenceForm;
  topic: string;
  heldOn: string;
  startsAt: string | null;
  place: string;
  status: ConferenceStatus;
  published: boolean;
  attendance: number | null;
  counts: Counts;
  remindedAt: string | null;
}

export interface Recommendation {
  id: string;
  seq: number;
  raisedBy: string;
  field: { code: string; name: string };
  place: UnitRef | null;
  content: string;
  status: RecommendationStatus;
  answer: string | null;
  answeredBy: string | null;
  dueOn: string | null;
  resolvedOn: string | null;
  case: { id: string; number: string } | null;
}

export interface Conference extends ConferenceSummary {
  chairs: Chair[];
  invited: Invited[];
  residentsUnit: UnitRef | null;
  notHeldReason: string | null;
  recordedAt: string | null;
  source: 'console' | 'import';
  recommendations: Recommendation[];
  abilities: { edit: boolean; record: boolean; publish: boolean };
}

export interface PlanInput {
  organisationId: string;
  type: ConferenceType;
  form: ConferenceForm;
  topic: string;
  heldOn: string;
  startsAt?: string | null;
  place: string;
  chairs: Chair[];
  invited: Invited[];
  residentsUnitCode?: string | null;
}

export type RecommendationInput =
  | { raisedBy: string; fieldCode: string; placeUnitCode?: string | null; content: string; outcome: 'answered'; answer: string; answeredBy: string }
  | { raisedBy: string; fieldCode: string; placeUnitCode?: string | null; content: string; outcome: 'case'; ownerOrganisationId: string; dueOn?: string };

export interface RecordInput { heldOn?: string; attendance: number; recommendations: RecommendationInput[] }

export interface OrganisationChoice { id: string; name: string; kind: string; unit: UnitRef }

export interface ListFilter { unit?: string; from?: string; to?: string; status?: ConferenceStatus; limit?: number; offset?: number }

const enc = encodeURIComponent;

export const listConferences = (filter: ListFilter, signal?: AbortSignal) =>
  get<{ items: ConferenceSummary[]; total: number }>(`/api/dialogue/conferences${queryString({ ...filter })}`, signal);
export const getConference = (id: string, signal?: AbortSignal) => get<Conference>(`/api/dialogue/conferences/${enc(id)}`, signal);
export const planConference = (unitCode: string, input: PlanInput & { published: boolean }) => post<Conference>('/api/dialogue/conferences', { unitCode, ...input });
export const updatePlan = (id: string, input: Partial<PlanInput>) => patch<Conference>(`/api/dialogue/conferences/${enc(id)}`, input);
export const setPublished = (id: string, published: boolean) => post<Conference>(`/api/dialogue/conferences/${enc(id)}/publish`, { published });
export const recordHeld = (id: string, input: RecordInput) => post<Conference>(`/api/dialogue/conferences/${enc(id)}/record`, input);
export const recordNotHeld = (id: string, reason: string) => post<Conference>(`/api/dialogue/conferences/${enc(id)}/not-held`, { reason });
export const organisationChoices = (unit: string, signal?: AbortSignal) =>
  get<{ organisers: OrganisationChoice[]; owners: OrganisationChoice[] }>(`/api/dialogue/organisations${queryString({ unit })}`, signal);

// ——— Residents ———

export interface PublicConference {
  id: string;
  unit: UnitRef;
  level: string;
  organiser: string;
  type: ConferenceType;
  form: ConferenceForm;
  topic: string;
  heldOn: string;
  startsAt: string | null;
  place: string;
  status: 'planned' | 'held';
  counts: Counts;
}

export interface PublicRecommendation {
  seq: number;
  raisedBy: string;
  field: string;
  place: string | null;
  content: string;
  status: RecommendationStatus;
  answer: string | null;
  answeredBy: string | null;
  dueOn: string | null;
  resolvedOn: string | null;
}

export interface PublicConferenceDetail extends PublicConference {
  chairs: Chair[];
  attendance: number | null;
  recommendations: PublicRecommendation[];
}

export const publicConferences = (filter: { unit?: string; from?: string; to?: string }, signal?: AbortSignal) =>
  get<{ items: PublicConference[] }>(`/api/public/conferences${queryString(filter)}`, signal).then((r) => r.items);
export const publicConference = (id: string, signal?: AbortSignal) => get<PublicConferenceDetail>(`/api/public/conferences/${enc(id)}`, signal);
