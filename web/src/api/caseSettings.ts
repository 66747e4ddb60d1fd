// Case settings for administrators: the field list, the deadline rules, the units' sealing keys and the remote-area mark.
import { get, patch, post, put } from './client.ts';
import type { CaseField } from './cases.ts';
import type { Items, Unit } from './types.ts';

export type { CaseField };
export type FieldLevel = CaseField['level'];
export type RuleUnit = 'working' | 'calendar';

export interface DeadlineRule {
  id: string;
  days: number;
  unit: RuleUnit;
  basis: string;
}

export interface SealingKey {
  id: string;
  active: boolean;
  createdAt: string;
  retiredAt: string | null;
}

export interface Rotation {
  keyId: string;
  resealed: number;
}

const enc = encodeURIComponent;

export const listFields = (signal?: AbortSignal) => get<Items<CaseField>>('/api/case-fields', signal).then((r) => r.items);
export const createField = (input: { code: string; name: string; level: FieldLevel }) => post<CaseField>('/api/case-fields', input);
export const updateField = (code: string, change: { name?: string; level?: FieldLevel; active?: boolean }) =>
  patch<CaseField>(`/api/case-fields/${enc(code)}`, change);

export const listRules = (signal?: AbortSignal) => get<Items<DeadlineRule>>('/api/case-rules', signal).then((r) => r.items);
export const updateRule = (id: string, change: { days: number; unit: RuleUnit; basis: string }) =>
  put<DeadlineRule>(`/api/case-rules/${enc(id)}`, change);

export const listKeys = (unit: string, signal?: AbortSignal) => get<Items<SealingKey>>(`/api/case-keys/${enc(unit)}`, signal).then((r) => r.items);
export const rotateKey = (unit: string) => post<Rotation>(`/api/case-keys/${enc(unit)}/rotate`);

export const setRemoteArea = (unit: string, remoteArea: boolean) => put<Unit>(`/api/units/${enc(unit)}/remote-area`, { remoteArea });
