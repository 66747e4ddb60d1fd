// Turns any failure into a sentence for the user, in the current language.
import { ApiError } from '../api/client.ts';
import { hasKey } from '../i18n/translate.ts';
import type { TFunction } from '../i18n/I18nProvider.tsx';

// For these codes the server's message says more than our label (until when an account is locked,
// what the password rules are).
const serverSaysMore = new Set(['account_locked', 'rate_limited', 'weak_password']);

export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('error.generic');
  if (serverSaysMore.has(error.code) && error.detail) return error.detail;
  const key = `error.${error.code}`;
  if (hasKey(key)) return t(key);
  if (error.detail) return error.detail;
  if (error.status === 401) return t('error.unauthenticated');
  if (error.status === 403) return t('error.forbidden');
  if (error.status === 404) return t('error.not_found');
  if (error.status >= 500) return t('error.internal_error');
  return t('error.generic');
}

/** True for an aborted fetch, which is not an error to show. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
