// The track page (/theo-doi): the tracking code (prefilled from ?ma=) and the secret, then where the case stands.
// The secret is sent in a POST body and kept in memory only, never in the address.
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { trackCase, type TrackedCase } from '../../api/publicCases.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage, isAbort } from '../../shared/errors.ts';
import { ProblemAlert, TextField, type Problem } from '../form.tsx';
import { replaceQuery, usePageTitle } from '../router.tsx';
import { CaseView } from './CaseView.tsx';

/** "cn 1234 5678" → "CN-1234-5678": people copy codes from paper with spaces or without dashes. */
export function normaliseCode(text: string): string {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  const match = /^CN([A-Z0-9]{4})([A-Z0-9]{4})$/.exec(compact);
  return match ? `CN-${match[1]}-${match[2]}` : text.trim().toUpperCase();
}

export function normaliseSecret(text: string): string {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  const match = /^([A-Z0-9]{4})([A-Z0-9]{4})$/.exec(compact);
  return match ? `${match[1]}-${match[2]}` : text.trim().toUpperCase();
}

/** The secret handed over by the receipt screen through history state, taken once and then removed from it. */
function takeSecretFromHistory(): string {
  const state = window.history.state as { secret?: unknown } | null;
  if (!state || typeof state.secret !== 'string') return '';
  window.history.replaceState(null, '', window.location.href);
  return state.secret;
}

export default function TrackPage() {
  const { t } = useI18n();
  usePageTitle(t('portal.track.title'));
  const [code, setCode] = useState(() => new URLSearchParams(window.location.search).get('ma') ?? '');
  const [secret, setSecret] = useState(takeSecretFromHistory);
  const [errors, setErrors] = useState<{ code?: string; secret?: string }>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<{ item: TrackedCase; secret: string } | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);

  useEffect(() => {
    if (found) resultHeading.current?.focus();
  }, [found?.item.trackingCode]);

  useEffect(() => () => controller.current?.abort(), []);

  const lookUp = async (rawCode: string, rawSecret: string) => {
    const c = normaliseCode(rawCode);
    const s = normaliseSecret(rawSecret);
    const missing: { code?: string; secret?: string } = {};
    if (!c) missing.code = t('portal.track.required', { field: t('portal.track.code').toLowerCase() });
    if (!s) missing.secret = t('portal.track.required', { field: t('portal.track.secret').toLowerCase() });
    setErrors(missing);
    if (missing.code || missing.secret) {
      setProblem({
        message: t('portal.track.fix'),
        list: [
          ...(missing.code ? [['track-code', missing.code] as [string, string]] : []),
          ...(missing.secret ? [['track-secret', missing.secret] as [string, string]] : []),
        ],
      });
      return;
    }
    setCode(c);
    setSecret(s);
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setBusy(true);
    setProblem(null);
    try {
      const item = await trackCase(c, s, current.signal);
      setFound({ item, secret: s });
      replaceQuery({ ma: item.trackingCode });
    } catch (error) {
      if (isAbort(error)) return;
      if (error instanceof ApiError && error.code === 'tracking_not_found') setProblem({ message: t('portal.track.notFound') });
      else if (error instanceof ApiError && error.status === 0) setProblem({ message: t('portal.track.offline') });
      else setProblem({ message: (error instanceof ApiError && error.detail) || errorMessage(error, t) });
    } finally {
      if (controller.current === current) setBusy(false);
    }
  };

  // Coming from the receipt with both codes: show the case at once.
  const auto = useRef(false);
  useEffect(() => {
    if (auto.current) return;
    auto.current = true;
    if (code && secret) void lookUp(code, secret);
  }, []);

  if (found) {
    return (
      <div className="container page track">
        <h1>{t('portal.track.title')}</h1>
        <CaseView
          item={found.item}
          secret={found.secret}
          headingRef={resultHeading}
          onUpdated={(item) => setFound({ item, secret: found.secret })}
        />
        <p className="track__another">
          <button
            type="button"
            className="button button--secondary"
            data-testid="track-another"
            onClick={() => {
              setFound(null);
              setSecret('');
              setCode('');
              replaceQuery({ ma: null });
              requestAnimationFrame(() => document.getElementById('track-code')?.focus());
            }}
          >
            {t('portal.track.another')}
          </button>
        </p>
      </div>
    );
  }

  return (
    <div className="container page track">
      <h1>{t('portal.track.title')}</h1>
      <p className="lead">{t('portal.track.intro')}</p>
      <form
        className="track__form"
        noValidate
        data-testid="track-form"
        onSubmit={(event) => {
          event.preventDefault();
          void lookUp(code, secret);
        }}
      >
        {problem && <ProblemAlert problem={problem} innerRef={alertRef} testId="track-error" />}
        <TextField
          id="track-code"
          testId="track-code"
          label={t('portal.track.code')}
          hint={t('portal.track.codeHint')}
          noMark
          value={code}
          onChange={(value) => {
            setCode(value);
            setErrors((e) => ({ ...e, code: undefined }));
          }}
          maxLength={40}
          autoCapitalize="characters"
          spellCheck={false}
          error={errors.code}
        />
        <TextField
          id="track-secret"
          testId="track-secret"
          label={t('portal.track.secret')}
          hint={t('portal.track.secretHint')}
          noMark
          value={secret}
          onChange={(value) => {
            setSecret(value);
            setErrors((e) => ({ ...e, secret: undefined }));
          }}
          maxLength={40}
          autoCapitalize="characters"
          spellCheck={false}
          error={errors.secret}
        />
        <div className="actions">
          <button type="submit" className="button button--big" disabled={busy} aria-busy={busy || undefined} data-testid="track-submit">
            {busy ? t('portal.track.looking') : t('portal.track.submit')}
          </button>
        </div>
      </form>
      <p className="field__hint">{t('portal.track.lost')}</p>
    </div>
  );
}
