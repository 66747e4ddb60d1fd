// Citizen reception (tiếp công dân): schedules with their compliance, residents' slots and bookings, the officer's
// bookings of a day, the register (visits), refusals, one-step cases and the .xlsx export.
import { ApiError, download, get, patch, post, queryString } from './client.ts';
import type { FieldError } from './client.ts';
import { currentLang } from '../i18n/translate.ts';
import type { Items } from './types.ts';
import type { CaseKind } from './cases.ts';

export const leaderKinds = ['commune_chair', 'province_chair', 'agency_head', 'other'] as const;
export type LeaderKind = (typeof leaderKinds)[number];

export type Recurrence =
  | { kind: 'weekly'; weekdays: number[] }
  | { kind: 'monthly_day'; day: number }
  | { kind: 'monthly_nth'; nth: 1 | 2 | 3 | 4 | -1; weekday: number };

export type Period = 'week' | 'month';

export interface Compliance {
  required: { days: number; period: Period };
  actual: { days: number; period: Period };
  basis: string;
}

export interface Schedule {
  id: string;
  unit: { code: string; name: string };
  organisation: { id: string; name: string };
  leaderName: string;
  leaderTitle: string;
  leaderKind: LeaderKind;
  place: string;
  recurrence: Recurrence;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  capacity: number;
  validFrom: string;
  validTo: string | null;
  active: boolean;
  frequencyText: string;
  compliance: Compliance | null;
  upcomingDays: string[];
  abilities: { manage: boolean };
}

export interface ScheduleInput {
  organisationId: string;
  leaderName: string;
  leaderTitle: string;
  leaderKind: LeaderKind;
  place: string;
  recurrence: Recurrence;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  capacity: number;
  validFrom?: string;
  validTo?: string | null;
}

export const listSchedules = (unit: string, includeInactive: boolean, signal?: AbortSignal) =>
  get<Items<Schedule>>(`/api/reception/schedules${queryString({ unit, includeInactive })}`, signal).then((r) => r.items);
export const createSchedule = (unitCode: string, input: ScheduleInput) => post<Schedule>('/api/reception/schedules', { unitCode, ...input });
export const updateSchedule = (id: string, input: Partial<ScheduleInput>) => patch<Schedule>(`/api/reception/schedules/${encodeURIComponent(id)}`, input);
export const setScheduleActive = (id: string, active: boolean) =>
  post<Schedule>(`/api/reception/schedules/${encodeURIComponent(id)}/${active ? 'activate' : 'deactivate'}`);

// ——— Residents ———

export interface PublicSlot {
  start: string;
  end: string;
  remaining: number;
}

export interface PublicSchedule {
  id: string;
  unit: { code: string; name: string };
  organisationName: string;
  leaderName: string;
  leaderTitle: string;
  place: string;
  frequencyText: string;
  slots: PublicSlot[];
}

export interface BookingInput {
  scheduleId: string;
  slotStart: string;
  name: string;
  phone: string;
  subject: string;
}

export interface BookingConfirmation {
  code: string;
  slotStart: string;
  slotEnd: string;
  place: string;
  leaderName: string;
  leaderTitle: string;
  unit: { code: string; name: string };
}

export const publicSchedules = (unit: string, signal?: AbortSignal) =>
  get<Items<PublicSchedule>>(`/api/public/reception/schedules${queryString({ unit })}`, signal).then((r) => r.items);

// The same key the portal's other forms use: one random id per browser.
const DEVICE_KEY = 'cn.deviceId';
let memoryDevice: string | null = null;

/** A random id kept on this device (sent as X-Device-Id), so the booking limit counts per phone as well as per address. */
export function deviceId(): string {
  const fresh = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join(''));
  try {
    const stored = localStorage.getItem(DEVICE_KEY);
    if (stored) return stored;
    const id = fresh();
    localStorage.setItem(DEVICE_KEY, id);
    return id;
  } catch {
    memoryDevice ??= fresh();
    return memoryDevice;
  }
}

/** Books a place. Its own fetch: the booking sends X-Device-Id, which the shared client does not. */
export async function book(input: BookingInput): Promise<BookingConfirmation> {
  let response: Response;
  try {
    response = await fetch('/api/public/reception/bookings', {
      method: 'POST',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Accept-Language': currentLang(),
        'Content-Type': 'application/json',
        'X-Device-Id': deviceId(),
      },
      body: JSON.stringify(input),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error', '');
  }
  if (response.ok) return (await response.json()) as BookingConfirmation;
  let problem: { code?: unknown; detail?: unknown; errors?: unknown } = {};
  try {
    problem = await response.json();
  } catch {
    // Not JSON (a proxy's error page): the status alone.
  }
  const errors = Array.isArray(problem.errors)
    ? problem.errors.filter((e): e is FieldError => typeof e === 'object' && e !== null && typeof e.field === 'string' && typeof e.message === 'string')
    : [];
  throw new ApiError(
    response.status,
    typeof problem.code === 'string' ? problem.code : `http_${response.status}`,
    typeof problem.detail === 'string' ? problem.detail : '',
    errors,
  );
}

// ——— Bookings of a day ———

export const bookingStatuses = ['booked', 'attended', 'no_show'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

export interface Booking {
  id: string;
  code: string;
  schedule: { id: string; leaderName: string; leaderTitle: string; place: string };
  slotStart: string;
  slotEnd: string;
  name: string;
  phone: string;
  subject: string;
  status: BookingStatus;
  visitId: string | null;
  markedAt: string | null;
  abilities: { mark: boolean };
}

export const listBookings = (unit: string, day: string, signal?: AbortSignal) =>
  get<Items<Booking>>(`/api/reception/bookings${queryString({ unit, day })}`, signal).then((r) => r.items);
export const markAttended = (id: string) => post<{ booking: Booking; visit: Visit }>(`/api/reception/bookings/${encodeURIComponent(id)}/attended`);
export const markNoShow = (id: string) => post<Booking>(`/api/reception/bookings/${encodeURIComponent(id)}/no-show`);

// ——— Register ———

export const receptionTypes = ['regular', 'periodic', 'adhoc'] as const;
export type ReceptionType = (typeof receptionTypes)[number];
export const handlings = ['guided', 'transferred', 'accepted', 'answered'] as const;
export type Handling = (typeof handlings)[number];
export const refusalGrounds = ['incapacitated', 'disorderly', 'already_resolved', 'other_legal'] as const;
export type RefusalGround = (typeof refusalGrounds)[number];

export interface Visit {
  id: string;
  unit: { code: string; name: string };
  number: number;
  year: number;
  visitOn: string;
  receptionType: ReceptionType;
  officialName: string;
  leaderName: string | null;
  citizen: { name: string; address: string | null; idNumber: string | null; phone: string | null };
  headCount: number;
  representatives: { name: string; phone?: string }[];
  content: string;
  classification: CaseKind | null;
  fieldCode: string | null;
  documents: string | null;
  handling: Handling | 'refused' | null;
  result: string | null;
  notes: string | null;
  refusal: { ground: RefusalGround; basis: string; reason: string; notice: string | null } | null;
  bookingId: string | null;
  case: { id: string; number: string } | null;
  abilities: { edit: boolean; refuse: boolean; createCase: boolean };
}

export interface VisitInput {
  visitOn?: string;
  receptionType?: ReceptionType;
  officialName?: string;
  leaderName?: string | null;
  citizen: { name: string; address?: string; idNumber?: string; phone?: string };
  headCount?: number;
  representatives?: { name: string; phone?: string }[];
  content: string;
  classification?: CaseKind | null;
  fieldCode?: string | null;
  documents?: string | null;
  handling?: Handling | null;
  result?: string | null;
  notes?: string | null;
}

export interface RefusalGroundInfo {
  code: RefusalGround;
  basis: string;
  noticeRequired: boolean;
}

export const listVisits = (unit: string, from: string, to: string, signal?: AbortSignal) =>
  get<Items<Visit>>(`/api/reception/visits${queryString({ unit, from, to })}`, signal).then((r) => r.items);
export const createVisit = (unitCode: string, input: VisitInput) => post<Visit>('/api/reception/visits', { unitCode, ...input });
export const updateVisit = (id: string, input: Partial<VisitInput>) => patch<Visit>(`/api/reception/visits/${encodeURIComponent(id)}`, input);
export const refuseVisit = (id: string, input: { ground: RefusalGround; reason: string; notice?: string }) =>
  post<Visit>(`/api/reception/visits/${encodeURIComponent(id)}/refusal`, input);
export const visitToCase = (id: string) =>
  post<{ caseId: string; caseNumber: string; created: boolean }>(`/api/reception/visits/${encodeURIComponent(id)}/case`);
export const listRefusalGrounds = (signal?: AbortSignal) =>
  get<Items<RefusalGroundInfo>>('/api/reception/refusal-grounds', signal).then((r) => r.items);

export const exportRegister = (unit: string, from: string, to: string) =>
  download(
    `/api/reception/visits.xlsx${queryString({ unit, from, to })}`,
    `so-tiep-cong-dan-${unit}-${from}-${to}.xlsx`,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/problem+json',
  );
