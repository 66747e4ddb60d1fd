// Shared bits of the case settings page: who may change the country-wide lists, and errors that keep the server's own sentence.
import { ApiError } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import type { TFunction } from '../../i18n/I18nProvider.tsx';
import { errorMessage } from '../../shared/errors.ts';

/** Fields and deadline rules are changed only by an administrator of the root unit (VN); the server says so too. */
export const isRootAdmin = (me: Me) => me.memberships.some((m) => m.role === 'admin' && m.unitCode === 'VN');

/** A refusal (403) carries a sentence saying who may do it: show that rather than the generic label. */
export function settingsError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.status === 403 && error.detail) return error.detail;
  return errorMessage(error, t);
}

/** For FormModal, which words errors by code: a refusal is passed on with a code that has no label, so its detail shows. */
export async function keepRefusal<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiError && error.status === 403 && error.detail) throw new ApiError(403, 'forbidden_detail', error.detail);
    throw error;
  }
}
