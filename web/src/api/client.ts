// The one fetch wrapper every screen uses: JSON in and out, the session cookie, Accept-Language, and problem+json errors as ApiError.
import { currentLang } from '../i18n/translate.ts';

export interface FieldError {
  field: string;
  code?: string;
  message: string;
}

/** A failed API call. `status` is 0 when the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];

  constructor(status: number, code: string, detail: string, errors: FieldError[] = []) {
    super(detail || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds `?a=1&b=2`, leaving out empty values. */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

let unauthenticatedListener: (() => void) | null = null;

/** The console registers here to go back to the login page when a session ends mid-work. */
export function onUnauthenticated(listener: (() => void) | null): void {
  unauthenticatedListener = listener;
}

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  accept?: string;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: options.accept ?? 'application/json, application/problem+json',
    'Accept-Language': currentLang(),
  };
  let body: string | FormData | undefined;
  if (options.body instanceof FormData) {
    // Multipart upload: the browser sets the content type with its boundary.
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', '');
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: { code?: unknown; detail?: unknown; title?: unknown; errors?: unknown } = {};
  try {
    problem = await response.json();
  } catch {
    // Not JSON (a proxy error page, say): keep the status alone.
  }
  const code = typeof problem.code === 'string' ? problem.code : `http_${response.status}`;
  const detail =
    typeof problem.detail === 'string'
      ? problem.detail
      : typeof problem.title === 'string'
        ? problem.title
        : '';
  const errors = Array.isArray(problem.errors)
    ? problem.errors.filter(
        (e): e is FieldError =>
          typeof e === 'object' && e !== null && typeof e.field === 'string' && typeof e.message === 'string',
      )
    : [];
  if (response.status === 401 && code === 'unauthenticated') unauthenticatedListener?.();
  return new ApiError(response.status, code, detail, errors);
}

/** Calls the API and returns its parsed JSON body (undefined for 204). */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await response.json()) as T;
}

export const get = <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, { signal });
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body });
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, { body });
export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, { body });
/** Sends a multipart form (a file upload) and returns the parsed JSON answer. */
export const upload = <T>(path: string, form: FormData) => request<T>('POST', path, { body: form });

/** Fetches a file (e.g. a CSV export) with the same headers and saves it through the browser. */
export async function download(path: string, fallbackName: string, accept = 'text/csv, application/problem+json'): Promise<void> {
  const response = await send('GET', path, { accept });
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  // RFC 6266: the UTF-8 name (filename*) wins over the plain fallback when the server sends both.
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const match = star ?? /filename="?([^";]+)"?/i.exec(disposition);
  const name = match?.[1] ? decodeURIComponent(match[1]) : fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
