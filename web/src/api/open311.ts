// Open311 keys for integrating apps (central administrators).
import { get, post, request } from './client.ts';
import type { Items } from './types.ts';

export interface Open311Key { id: string; name: string; hint: string; createdAt: string; revokedAt: string | null; requests: number }

export const listOpen311Keys = (signal?: AbortSignal) => get<Items<Open311Key>>('/api/open311/keys', signal).then((r) => r.items);
export const issueOpen311Key = (name: string) => post<{ id: string; name: string; key: string }>('/api/open311/keys', { name });
export const revokeOpen311Key = (id: string) => request<{ id: string }>('DELETE', `/api/open311/keys/${encodeURIComponent(id)}`);
