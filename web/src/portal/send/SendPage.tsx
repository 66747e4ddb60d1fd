// The send page (/gui-y-kien): one form in numbered steps for a recommendation, reflection, complaint or denunciation,
// kept as a draft while typed, sent once whatever the connection does, ending on the receipt.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { CaseKind } from '../../api/cases.ts';
import { caseKinds } from '../../api/cases.ts';
import { ApiError } from '../../api/client.ts';
import { listCaseFields, PublicApiError, randomId, submitCase, type CaseField, type PublicReceipt } from '../../api/publicCases.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage, isAbort } from '../../shared/errors.ts';
import { formatInstant } from '../../shared/format.ts';
import { ProblemAlert, TextField, type Problem } from '../form.tsx';
import { usePageTitle } from '../router.tsx';
import { UnitPicker } from '../UnitPicker.tsx';
import { Attachments, type Attachment } from './Attachments.tsx';
import { clearDraft, emptyValues, hasContent, loadDraft, newDraft, saveDraft, type Draft, type DraftValues } from './draft.ts';
import { KindChoice } from './KindChoice.tsx';
import { Location } from './Location.tsx';
import { keepReceipt, keptReceipt, Receipt } from './Receipt.tsx';
import { CONTENT_MAX, fieldIds, fieldOrder, needsIdentity, TITLE_MAX, toBody, validate } from './validate.ts';

type Failure =
  | { type: 'invalid' }
  | { type: 'server'; message: string }
  | { type: 'network' }
  | { type: 'conflict'; message: string }
  | { type: 'rate'; message: string; until: number };

function initialDraft(): { draft: Draft; restored: Draft | null } {
  const stored = loadDraft();
  // Something typed comes back with a note saying so; a kind alone is replaced by the link's ?loai= if there is one.
  if (stored && hasContent(stored.values, true)) return { draft: { ...stored, fileCount: 0 }, restored: stored };
  const kind = new URLSearchParams(window.location.search).get('loai');
  const values = caseKinds.includes(kind as CaseKind) ? { ...emptyValues, kind: kind as CaseKind } : (stored?.values ?? emptyValues);
  return { draft: stored ? { ...stored, values } : newDraft(values), restored: null };
}

export default function SendPage() {
  const [receipt, setReceipt] = useState<PublicReceipt | null>(keptReceipt);
  if (receipt) {
    return (
      <Receipt
        receipt={receipt}
        onAnother={() => {
          keepReceipt(null);
          setReceipt(null);
          window.scrollTo(0, 0);
        }}
      />
    );
  }
  return (
    <SendForm
      onSent={(r) => {
        keepReceipt(r);
        setReceipt(r);
        window.scrollTo(0, 0);
      }}
    />
  );
}

function SendForm({ onSent }: { onSent: (receipt: PublicReceipt) => void }) {
  const { t } = useI18n();
  usePageTitle(t('portal.send.title'));
  const [start] = useState(initialDraft);
  const [draft, setDraft] = useState<Draft>(start.draft);
  const [restored, setRestored] = useState<Draft | null>(start.restored);
  const [files, setFiles] = useState<Attachment[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [sending, setSending] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const alertRef = useRef<HTMLDivElement>(null);
  const fields = useCaseFields();
  const v = draft.values;

  // Save as the resident types (a short pause so a long text is not written on every key), and when the page is left.
  const latest = useRef({ draft, fileCount: files.length });
  latest.current = { draft, fileCount: files.length };
  useEffect(() => {
    const timer = setTimeout(() => persist(latest.current.draft, latest.current.fileCount), 300);
    return () => clearTimeout(timer);
  }, [draft, files.length]);
  useEffect(() => {
    const flush = () => persist(latest.current.draft, latest.current.fileCount);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  // Bring the alert into view and under the screen reader as soon as it appears.
  useEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);

  // While the server asks us to wait, count down so the button comes back by itself.
  const waitUntil = failure?.type === 'rate' ? failure.until : 0;
  useEffect(() => {
    if (!waitUntil) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= waitUntil) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [waitUntil]);
  const waiting = waitUntil > now;

  const update = (patch: Partial<DraftValues>) => {
    setDraft((d) => ({ ...d, values: { ...d.values, ...patch } }));
    const touched = Object.keys(patch).flatMap((k) => pathsOf[k as keyof DraftValues] ?? []);
    if (touched.some((p) => errors[p])) {
      setErrors((e) => {
        const next = { ...e };
        for (const p of touched) delete next[p];
        return next;
      });
    }
  };

  const startOver = () => {
    for (const a of files) if (a.preview) URL.revokeObjectURL(a.preview);
    setFiles([]);
    clearDraft();
    setDraft(newDraft());
    setRestored(null);
    setErrors({});
    setFailure(null);
    document.getElementById('send-title-heading')?.focus();
  };

  const send = async (options: { freshKey?: boolean } = {}) => {
    if (sending) return;
    const found = validate(v, t);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setFailure({ type: 'invalid' });
      return;
    }
    let current = draft;
    if (options.freshKey) {
      current = { ...draft, key: randomId(), attempted: false };
      setDraft(current);
    }
    persist(current, files.length);
    setSending(true);
    setFailure(null);
    setErrors({});
    try {
      const receipt = await submitCase(toBody(current.values), files.map((a) => a.file), current.key);
      clearDraft();
      for (const a of files) if (a.preview) URL.revokeObjectURL(a.preview);
      latest.current = { draft: newDraft(), fileCount: 0 };
      onSent(receipt);
    } catch (error) {
      setSending(false);
      if (isAbort(error)) return;
      if (!(error instanceof ApiError)) {
        setFailure({ type: 'server', message: t('error.generic') });
      } else if (error.status === 0) {
        // The request may or may not have arrived: keep the key, so resending gives back that same case if it did.
        const attempted = { ...current, attempted: true };
        setDraft(attempted);
        persist(attempted, files.length);
        setFailure({ type: 'network' });
      } else if (error.code === 'idempotency_conflict') {
        setFailure({ type: 'conflict', message: t('portal.send.conflict') });
      } else if (error.code === 'rate_limited') {
        const seconds = error instanceof PublicApiError && error.retryAfter ? error.retryAfter : 60;
        setNow(Date.now());
        setFailure({ type: 'rate', message: error.detail || errorMessage(error, t), until: Date.now() + seconds * 1000 });
      } else {
        const fieldErrors = serverFieldErrors(error, current.values, t);
        setErrors(fieldErrors);
        setFailure({ type: 'server', message: error.detail || errorMessage(error, t) });
      }
    }
  };

  const identity = needsIdentity(v.kind);
  const restoredAt = restored ? formatInstant(restored.savedAt) : '';

  return (
    <div className="container page send">
      <h1 id="send-title-heading" tabIndex={-1}>
        {t('portal.send.title')}
      </h1>
      <p className="lead">{t('portal.send.intro')}</p>

      {restored && (
        <div className="notice" role="status" data-testid="send-restored">
          <p>{t('portal.send.restored', { time: restoredAt })}</p>
          {restored.fileCount > 0 && <p>{t('portal.send.restoredFiles', { count: restored.fileCount })}</p>}
          {restored.attempted && <p>{t('portal.send.restoredAttempted')}</p>}
          <button type="button" className="link-button" onClick={startOver} data-testid="send-start-over">
            {t('portal.send.startOver')}
          </button>
        </div>
      )}

      <form
        className="send__form"
        noValidate
        data-testid="send-form"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <KindChoice value={v.kind} onChange={(kind) => update({ kind })} error={errors.kind} />

        <section className="step" aria-labelledby="send-step-place">
          <h2 className="step__title" id="send-step-place">
            {t('portal.send.step.place')}
          </h2>
          <UnitPicker
            id="send-unit"
            testId="send-unit"
            label={t('portal.send.unit')}
            hint={t('portal.send.unitHint')}
            required
            value={v.unit}
            onChange={(unit) => update({ unit })}
            error={errors['place.unitCode']}
          />
          <TextField
            id="send-address"
            testId="send-address"
            label={t('portal.send.address')}
            hint={t('portal.send.addressHint')}
            value={v.address}
            onChange={(address) => update({ address })}
            maxLength={500}
            autoComplete="street-address"
            error={errors['place.address']}
          />
          <Location lat={v.lat} lng={v.lng} onChange={(lat, lng) => update({ lat, lng })} error={errors['place.lat']} />
        </section>

        <section className="step" aria-labelledby="send-step-content">
          <h2 className="step__title" id="send-step-content">
            {t('portal.send.step.content')}
          </h2>
          <div className={errors.fieldCode ? 'field field--error' : 'field'}>
            <label className="field__label" htmlFor="send-field">
              {t('portal.send.field')}
              <span className="field__mark">{t('portal.form.required')}</span>
            </label>
            <p className="field__hint" id="send-field-hint">
              {t('portal.send.fieldHint')}
            </p>
            {errors.fieldCode && (
              <p className="field__error" id="send-field-error">
                {errors.fieldCode}
              </p>
            )}
            <select
              id="send-field"
              className="input"
              data-testid="send-field"
              value={v.fieldCode}
              aria-required="true"
              aria-invalid={errors.fieldCode ? true : undefined}
              aria-describedby={errors.fieldCode ? 'send-field-hint send-field-error' : 'send-field-hint'}
              onChange={(e) => update({ fieldCode: e.target.value })}
            >
              <option value="">{fields.status === 'loading' ? t('common.loading') : t('portal.send.fieldChoose')}</option>
              {fields.items.map((f) => (
                <option key={f.code} value={f.code}>
                  {f.name}
                </option>
              ))}
              {/* A restored draft keeps its choice visible even before (or without) the list. */}
              {v.fieldCode && !fields.items.some((f) => f.code === v.fieldCode) && <option value={v.fieldCode}>{v.fieldCode}</option>}
            </select>
            {fields.status === 'error' && (
              <p className="field__status error" role="alert">
                {t('portal.send.fieldsFailed')}{' '}
                <button type="button" className="link-button" onClick={fields.retry}>
                  {t('common.retry')}
                </button>
              </p>
            )}
          </div>
          <TextField
            id="send-title"
            testId="send-title"
            label={t('portal.send.titleLabel')}
            hint={t('portal.send.titleHint')}
            required
            value={v.title}
            onChange={(title) => update({ title })}
            maxLength={TITLE_MAX}
            counter
            error={errors.title}
          />
          <TextField
            id="send-content"
            testId="send-content"
            label={t('portal.send.content')}
            hint={t('portal.send.contentHint')}
            required
            multiline
            rows={8}
            value={v.content}
            onChange={(content) => update({ content })}
            maxLength={CONTENT_MAX}
            counter
            error={errors.content}
          />
        </section>

        <Attachments files={files} onChange={setFiles} error={errors.files} />

        <section className="step" aria-labelledby="send-step-contact">
          <h2 className="step__title" id="send-step-contact">
            {t('portal.send.step.contact')}
          </h2>
          <p className={identity ? 'notice notice--warn' : 'field__hint'} data-testid="send-contact-note">
            {v.kind === 'khieu_nai'
              ? t('portal.send.contact.complaint')
              : v.kind === 'to_cao'
                ? t('portal.send.contact.denunciation')
                : t('portal.send.contact.anonymous')}
          </p>
          <TextField
            id="send-name"
            testId="send-name"
            label={t('portal.send.name')}
            required={identity}
            value={v.name}
            onChange={(name) => update({ name })}
            maxLength={200}
            autoComplete="name"
            error={errors['petitioner.name']}
          />
          <TextField
            id="send-contact-address"
            testId="send-contact-address"
            label={t('portal.send.contactAddress')}
            hint={t('portal.send.contactAddressHint')}
            required={identity}
            value={v.contactAddress}
            onChange={(contactAddress) => update({ contactAddress })}
            maxLength={500}
            autoComplete="street-address"
            error={errors['petitioner.address']}
          />
          <TextField
            id="send-phone"
            testId="send-phone"
            label={t('portal.send.phone')}
            type="tel"
            inputMode="tel"
            value={v.phone}
            onChange={(phone) => update({ phone })}
            maxLength={20}
            autoComplete="tel"
            error={errors['petitioner.phone']}
          />
          <TextField
            id="send-email"
            testId="send-email"
            label={t('portal.send.email')}
            hint={t('portal.send.emailHint')}
            type="email"
            inputMode="email"
            value={v.email}
            onChange={(email) => update({ email })}
            maxLength={254}
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            error={errors['petitioner.email']}
          />
          <TextField
            id="send-id-number"
            testId="send-id-number"
            label={t('portal.send.idNumber')}
            hint={t('portal.send.idNumberHint')}
            inputMode="numeric"
            value={v.idNumber}
            onChange={(idNumber) => update({ idNumber })}
            maxLength={12}
            error={errors['petitioner.idNumber']}
          />
        </section>

        <section className="step" aria-labelledby="send-step-consent">
          <h2 className="step__title" id="send-step-consent">
            {t('portal.send.step.consent')}
          </h2>
          <div className="privacy" id="send-privacy" data-testid="send-privacy">
            <h3>{t('portal.send.privacy.title')}</h3>
            <ul>
              <li>{t('portal.send.privacy.kept')}</li>
              <li>{t('portal.send.privacy.who')}</li>
              <li>{t('portal.send.privacy.sealed')}</li>
            </ul>
          </div>
          <div className={errors.consent ? 'field field--error' : 'field'}>
            {errors.consent && (
              <p className="field__error" id="send-consent-error">
                {errors.consent}
              </p>
            )}
            <label className="check">
              <input
                id="send-consent"
                type="checkbox"
                data-testid="send-consent"
                checked={v.consent}
                aria-invalid={errors.consent ? true : undefined}
                aria-describedby={errors.consent ? 'send-consent-error send-privacy' : 'send-privacy'}
                onChange={(e) => update({ consent: e.target.checked })}
              />
              <span>{t('portal.send.consent')}</span>
            </label>
          </div>
        </section>

        {/* The list of what to fix shrinks as boxes are fixed; a check-only alert goes once nothing is left. */}
        {failure && (failure.type !== 'invalid' || Object.keys(errors).length > 0) && (
          <FailureAlert
            failure={failure}
            errors={errors}
            alertRef={alertRef}
            sending={sending}
            waiting={waiting}
            onRetry={() => send()}
            onFresh={() => send({ freshKey: true })}
          />
        )}

        <div className="actions send__actions">
          <button type="submit" className="button button--big" disabled={sending || waiting} aria-busy={sending || undefined} data-testid="send-submit">
            {sending ? (files.length ? t('portal.send.sendingFiles') : t('portal.send.sending')) : waiting ? t('portal.send.waiting') : t('portal.send.submit')}
          </button>
        </div>
        <p className="field__hint">{t('portal.send.savedNote')}</p>
      </form>
    </div>
  );
}

function FailureAlert(props: {
  failure: Failure;
  errors: Record<string, string>;
  alertRef: RefObject<HTMLDivElement | null>;
  sending: boolean;
  waiting: boolean;
  onRetry: () => void;
  onFresh: () => void;
}) {
  const { t } = useI18n();
  const { failure } = props;
  if (failure.type === 'invalid' || failure.type === 'server') {
    const problem: Problem = {
      message: failure.type === 'server' ? failure.message : t('portal.send.fix', { count: Object.keys(props.errors).length }),
      list: listOf(props.errors),
    };
    return <ProblemAlert problem={problem} innerRef={props.alertRef} testId="send-error" />;
  }
  if (failure.type === 'network') {
    return (
      <div className="alert alert--warn" role="alert" tabIndex={-1} ref={props.alertRef} data-testid="send-offline">
        <p className="alert__title">{t('portal.send.network.title')}</p>
        <p>{t('portal.send.network.text')}</p>
        <button type="button" className="button" onClick={props.onRetry} disabled={props.sending} data-testid="send-retry">
          {props.sending ? t('portal.send.sending') : t('portal.send.retry')}
        </button>
      </div>
    );
  }
  if (failure.type === 'conflict') {
    return (
      <div className="alert alert--warn" role="alert" tabIndex={-1} ref={props.alertRef} data-testid="send-conflict">
        <p className="alert__title">{failure.message}</p>
        <button type="button" className="button" onClick={props.onFresh} disabled={props.sending} data-testid="send-as-new">
          {t('portal.send.newCase')}
        </button>
      </div>
    );
  }
  return (
    <div className="alert alert--warn" role="alert" tabIndex={-1} ref={props.alertRef} data-testid="send-error">
      <p className="alert__title">{failure.message}</p>
      {!props.waiting && <p>{t('portal.send.waitOver')}</p>}
    </div>
  );
}

/** Which server field paths each draft value feeds, so typing in a box clears its error. */
const pathsOf: Partial<Record<keyof DraftValues, string[]>> = {
  kind: ['kind', 'petitioner.name', 'petitioner.address'],
  unit: ['place.unitCode', 'place'],
  address: ['place.address'],
  lat: ['place.lat', 'place.lng'],
  fieldCode: ['fieldCode'],
  title: ['title'],
  content: ['content'],
  name: ['petitioner.name'],
  contactAddress: ['petitioner.address'],
  phone: ['petitioner.phone'],
  email: ['petitioner.email'],
  idNumber: ['petitioner.idNumber'],
  consent: ['consent'],
};

const labelKeys: Record<string, string> = {
  kind: 'portal.send.kindLabel',
  'place.unitCode': 'portal.send.unit',
  place: 'portal.send.unit',
  'place.address': 'portal.send.address',
  'place.lat': 'portal.send.location.label',
  'place.lng': 'portal.send.location.label',
  fieldCode: 'portal.send.field',
  title: 'portal.send.titleLabel',
  content: 'portal.send.content',
  files: 'portal.send.files.label',
  'petitioner.name': 'portal.send.name',
  'petitioner.address': 'portal.send.contactAddress',
  'petitioner.phone': 'portal.send.phone',
  'petitioner.email': 'portal.send.email',
  'petitioner.idNumber': 'portal.send.idNumber',
  consent: 'portal.send.consentLabel',
};

function listOf(errors: Record<string, string>): [string, string][] {
  return Object.entries(errors)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([path, message]) => [fieldIds[path] ?? 'send-title-heading', message]);
}

function rank(path: string): number {
  const i = fieldOrder.indexOf(path);
  return i < 0 ? fieldOrder.length : i;
}

/** The server's field errors by path, plus the fields a whole-request refusal points at. */
function serverFieldErrors(error: ApiError, v: DraftValues, t: (key: string, vars?: Record<string, string | number>) => string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const e of error.errors) {
    const path = e.field.replace(/^body\./, '').replace(/^data\./, '');
    const at = fieldIds[path] ? path : (path.split('.')[0] ?? path);
    // The server's messages do not name the box ("Quá ngắn"): the list above the button needs its label.
    const label = labelKeys[at];
    found[at] ??= label ? `${t(label)}: ${e.message}` : e.message;
  }
  const kindName = v.kind ? t(`portal.kind.${v.kind}.name`).toLowerCase() : '';
  switch (error.code) {
    case 'consent_required':
      found.consent ??= t('portal.send.error.consent');
      break;
    case 'complaint_needs_identity':
    case 'denunciation_needs_identity':
      if (!v.name.trim()) found['petitioner.name'] ??= t('portal.send.error.nameRequired', { kind: kindName });
      if (!v.contactAddress.trim()) found['petitioner.address'] ??= t('portal.send.error.addressRequired', { kind: kindName });
      break;
    case 'unit_not_found':
      found['place.unitCode'] ??= error.detail || t('portal.send.error.unit');
      break;
    case 'field_not_found':
      found.fieldCode ??= error.detail || t('portal.send.error.field');
      break;
    case 'attachment_type_mismatch':
    case 'attachment_type_not_allowed':
    case 'attachment_too_large':
    case 'attachment_missing':
    case 'too_many_files':
    case 'payload_too_large':
      found.files ??= error.detail || t('portal.send.error.files');
      break;
  }
  // Only paths the form shows; others stay in the alert's main message.
  for (const path of Object.keys(found)) if (!fieldIds[path]) delete found[path];
  return found;
}

function persist(draft: Draft, fileCount: number): void {
  if (hasContent(draft.values) || draft.attempted) saveDraft({ ...draft, fileCount });
  else clearDraft();
}

function useCaseFields(): { status: 'loading' | 'done' | 'error'; items: CaseField[]; retry: () => void } {
  const [state, setState] = useState<{ status: 'loading' | 'done' | 'error'; items: CaseField[] }>({ status: 'loading', items: [] });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, status: 'loading' }));
    listCaseFields(controller.signal).then(
      (items) => setState({ status: 'done', items }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'error', items: [] });
      },
    );
    return () => controller.abort();
  }, [attempt]);
  return useMemo(() => ({ ...state, retry: () => setAttempt((n) => n + 1) }), [state]);
}
