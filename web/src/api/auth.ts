// Sign-in, sign-out, the current user and password change.
import { get, post } from './client.ts';
import type { Me } from './types.ts';

export const login = (username: string, password: string) =>
  post<Me>('/api/auth/login', { username, password });

export const logout = () => post<void>('/api/auth/logout');

export const fetchMe = (signal?: AbortSignal) => get<Me>('/api/auth/me', signal);

export const changePassword = (currentPassword: string, newPassword: string) =>
  post<void>('/api/auth/password', { currentPassword, newPassword });
