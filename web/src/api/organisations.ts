// Organisations inside a unit: list, create, rename, deactivate and reactivate.
import { get, patch, post, queryString } from './client.ts';
import type { Items, Organisation } from './types.ts';

export interface OrganisationQuery {
  unit: string;
  subtree?: boolean;
  includeInactive?: boolean;
}

export const listOrganisations = (query: OrganisationQuery, signal?: AbortSignal) =>
  get<Items<Organisation>>(
    `/api/organisations${queryString({
      unit: query.unit,
      subtree: query.subtree ?? false,
      includeInactive: query.includeInactive ?? false,
    })}`,
    signal,
  ).then((r) => r.items);

export interface NewOrganisation {
  unitCode: string;
  kind: string;
  name: string;
  parentId?: string;
}

export const createOrganisation = (input: NewOrganisation) => post<Organisation>('/api/organisations', input);

const path = (id: string) => `/api/organisations/${encodeURIComponent(id)}`;

export const renameOrganisation = (id: string, name: string) => patch<Organisation>(path(id), { name });

export const setOrganisationActive = (id: string, active: boolean) =>
  post<Organisation>(`${path(id)}/${active ? 'activate' : 'deactivate'}`);
