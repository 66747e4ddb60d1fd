// Officials' accounts: list within a unit's subtree, create, edit, memberships, (de)activate, reset password.
import { get, patch, post, put, queryString } from './client.ts';
import type { Account, Items, MembershipInput } from './types.ts';

export const listAccounts = (unit: string, q: string, signal?: AbortSignal) =>
  get<Items<Account>>(`/api/accounts${queryString({ unit, q })}`, signal).then((r) => r.items);

export interface NewAccount {
  username: string;
  fullName: string;
  email?: string;
  password: string;
  memberships: MembershipInput[];
}

export const createAccount = (input: NewAccount) => post<Account>('/api/accounts', input);

const path = (id: string) => `/api/accounts/${encodeURIComponent(id)}`;

export const updateAccount = (id: string, input: { fullName?: string; email?: string | null }) =>
  patch<Account>(path(id), input);

export const setMemberships = (id: string, memberships: MembershipInput[]) =>
  put<Account>(`${path(id)}/memberships`, { memberships });

export const setAccountActive = (id: string, active: boolean) =>
  post<Account>(`${path(id)}/${active ? 'activate' : 'deactivate'}`);

export const resetPassword = (id: string, newPassword: string) =>
  post<Account>(`${path(id)}/password`, { newPassword });
