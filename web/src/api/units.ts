// Administrative unit look-ups (public, no login needed).
import { get, queryString } from './client.ts';
import type { Items, Unit } from './types.ts';

const path = (code: string) => `/api/units/${encodeURIComponent(code)}`;

export const getUnit = (code: string, signal?: AbortSignal) => get<Unit>(path(code), signal);

export const getUnitChildren = (code: string, signal?: AbortSignal) =>
  get<Items<Unit>>(`${path(code)}/children`, signal).then((r) => r.items);

export const searchUnits = (q: string, signal?: AbortSignal, limit = 20) =>
  get<Items<Unit>>(`/api/units${queryString({ q, limit })}`, signal).then((r) => r.items);

export const rootUnitCode = 'VN';
