// The residents' side of cases, no login: send a case (JSON or multipart with files, idempotent), follow it with its code
// and secret, rate the answer, read published answers, and the list of fields.
import { currentLang } from '../i18n/translate.ts';
import { ApiError, queryString, type FieldError } from './client.ts';
import type { CaseKind } from './cases.ts';

export interface UnitName {
  code: string;
  name: string;
}

export interface PublicCaseBody {
  kind: CaseKind;
  fieldCode: string;
  title: string;
  content: string;
  place: { unitCode: string; address?: string; lat?: number; lng?: number };
  petitioner: { name?: string; address?: string; phone?: string; email?: string; idNumber?: string };
  consent: true;
}

/** What the resident keeps: the tracking code and its secret, and the facts printed on the receipt. */
export interface PublicReceipt {
  trackingCode: string;
  secret: string;
  caseNumber: string;
  kind: CaseKind;
  kindName: string;
  title: string;
  receivedOn: string;
  receivingUnit: UnitName;
  dueOn: string | null;
  dueOnLunar: string | null;
  emailQueued: boolean;
  attachments: number;
}

export interface TrackStep {
  on: string;
  text: string;
  reason: string | null;
}

export interface TrackedCase {
  trackingCode: string;
  caseNumber: string;
  kind: CaseKind;
  kindName: string;
  fieldName: string;
  title: string;
  receivedOn: string;
  state: string;
  stateText: string;
  stateHelp: string;
  dueOn: string | null;
  dueOnLunar: string | null;
  daysLeft: number | null;
  overdue: boolean;
  responsibleUnit: UnitName;
  steps: TrackStep[];
  answer: { text: string; on: string } | null;
  canRate: boolean;
  rating: { score: number; comment: string | null; on: string } | null;
}

export interface PublicAnswer {
  id: string;
  title: string;
  kind: CaseKind;
  kindName: string;
  fieldCode: string;
  fieldName: string;
  placeUnit: UnitName;
  responsibleUnit: UnitName;
  answer: string;
  answeredOn: string;
}

export interface CaseField {
  code: string;
  name: string;
  level: 'commune' | 'province';
  active: boolean;
}

/** A failed public call; `retryAfter` (seconds) comes with rate_limited. */
export class PublicApiError extends ApiError {
  readonly retryAfter: number | null;

  constructor(status: number, code: string, detail: string, errors: FieldError[], retryAfter: number | null) {
    super(status, code, detail, errors);
    this.retryAfter = retryAfter;
  }
}

interface CallOptions {
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

// Its own fetch (not client.ts's) because the intake needs extra headers and the Retry-After of a 429.
async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLang(),
    ...options.headers,
  };
  let body: string | FormData | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    // Unreachable server, dropped connection or our own time-out: nothing came back.
    throw new PublicApiError(0, 'network_error', '', [], null);
  }
  if (!response.ok) throw await problem(response);
  return (await response.json()) as T;
}

async function problem(response: Response): Promise<PublicApiError> {
  let body: { code?: unknown; detail?: unknown; title?: unknown; errors?: unknown } = {};
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page: the status alone.
  }
  const code = typeof body.code === 'string' ? body.code : `http_${response.status}`;
  const detail = typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : '';
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(
        (e): e is FieldError => typeof e === 'object' && e !== null && typeof e.field === 'string' && typeof e.message === 'string',
      )
    : [];
  const seconds = Number(response.headers.get('retry-after'));
  return new PublicApiError(response.status, code, detail, errors, Number.isFinite(seconds) && seconds > 0 ? seconds : null);
}

/** A random UUID, also where crypto.randomUUID is missing (plain http on a LAN address is not a secure context). */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const deviceKey = 'cn.deviceId';
let memoryDeviceId: string | null = null;

/** This browser's random id (sent as X-Device-Id so the server can limit floods per device); kept in localStorage. */
export function deviceId(): string {
  try {
    const stored = localStorage.getItem(deviceKey);
    if (stored) return stored;
    const id = randomId();
    localStorage.setItem(deviceKey, id);
    return id;
  } catch {
    memoryDeviceId ??= randomId();
    return memoryDeviceId;
  }
}

/** Sends a case. The same idempotency key always answers with the same case, so a retry never makes a second one. */
export function submitCase(body: PublicCaseBody, files: File[], idempotencyKey: string, timeoutMs = 180_000): Promise<PublicReceipt> {
  const headers = { 'Idempotency-Key': idempotencyKey, 'X-Device-Id': deviceId() };
  // A stalled upload on a bad connection ends as a network failure the resident can retry (older browsers: no time-out).
  const signal = typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(timeoutMs) : undefined;
  if (files.length === 0) return call<PublicReceipt>('POST', '/api/public/cases', { body, headers, signal });
  const form = new FormData();
  form.append('data', JSON.stringify(body));
  for (const file of files) form.append('files', file, file.name);
  return call<PublicReceipt>('POST', '/api/public/cases', { form, headers, signal });
}

export const trackCase = (code: string, secret: string, signal?: AbortSignal) =>
  call<TrackedCase>('POST', '/api/public/track', { body: { code, secret }, signal, headers: { 'X-Device-Id': deviceId() } });

export const rateCase = (input: { code: string; secret: string; score: number; comment?: string }) =>
  call<TrackedCase>('POST', '/api/public/track/rating', { body: input, headers: { 'X-Device-Id': deviceId() } });

export interface AnswerQuery {
  q?: string;
  field?: string;
  unit?: string;
  limit?: number;
  offset?: number;
}

export const listAnswers = (query: AnswerQuery, signal?: AbortSignal) =>
  call<{ items: PublicAnswer[]; total: number }>('GET', `/api/public/answers${queryString({ limit: 20, offset: 0, ...query })}`, { signal });

/** The fields (lĩnh vực) a resident can choose from: the active ones. */
export const listCaseFields = (signal?: AbortSignal) =>
  call<{ items: CaseField[] }>('GET', '/api/case-fields', { signal }).then((r) => r.items.filter((f) => f.active));
