// The public answers page (/tra-loi): answers the authorities chose to publish, searchable (diacritics optional),
// filtered by field and place, twenty at a time. Text is shown as text, never as HTML.
import { useEffect, useRef, useState } from 'react';
import { listAnswers, listCaseFields, type CaseField, type PublicAnswer } from '../../api/publicCases.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage, isAbort } from '../../shared/errors.ts';
import { getUnit } from '../../api/units.ts';
import { formatDay } from '../../shared/format.ts';
import { placeLine } from '../../shared/units.ts';
import { useDebounced } from '../../shared/useDebounced.ts';
import { kindLabel } from '../labels.ts';
import { replaceQuery, usePageTitle } from '../router.tsx';
import { UnitPicker, type PickedUnit } from '../UnitPicker.tsx';

const PAGE = 20;

interface Results {
  status: 'loading' | 'done' | 'error';
  items: PublicAnswer[];
  total: number;
  error?: unknown;
}

export default function AnswersPage() {
  const { t } = useI18n();
  usePageTitle(t('portal.answers.title'));
  const initial = new URLSearchParams(window.location.search);
  const [text, setText] = useState(initial.get('q') ?? '');
  const [field, setField] = useState(initial.get('linh-vuc') ?? '');
  // Only the code survives a reload through the address; the picker then shows the code until a new choice.
  const [unit, setUnit] = useState<PickedUnit | null>(() => {
    const code = initial.get('dia-ban');
    return code ? { code, name: code, place: '' } : null;
  });
  const q = useDebounced(text.trim(), 400);
  const [results, setResults] = useState<Results>({ status: 'loading', items: [], total: 0 });
  const [more, setMore] = useState<'idle' | 'loading' | 'error'>('idle');
  const [attempt, setAttempt] = useState(0);
  const [fields, setFields] = useState<CaseField[]>([]);
  const firstNew = useRef<number | null>(null);

  // A unit code from the address gets its name back.
  useEffect(() => {
    if (!unit || unit.name !== unit.code) return;
    const controller = new AbortController();
    getUnit(unit.code, controller.signal).then(
      (u) => setUnit((current) => (current?.code === u.code ? { code: u.code, name: u.name, place: placeLine(u) } : current)),
      () => {
        // An unknown code stays as typed; the list will simply be empty.
      },
    );
    return () => controller.abort();
  }, [unit]);

  useEffect(() => {
    const controller = new AbortController();
    listCaseFields(controller.signal).then(setFields, () => {
      // Without the list the filter offers "all fields" only; the answers still load.
    });
    return () => controller.abort();
  }, []);

  useEffect(() => {
    replaceQuery({ q: q || null, 'linh-vuc': field || null, 'dia-ban': unit?.code ?? null });
    const controller = new AbortController();
    setResults((r) => ({ ...r, status: 'loading' }));
    setMore('idle');
    listAnswers({ q: q || undefined, field: field || undefined, unit: unit?.code, limit: PAGE, offset: 0 }, controller.signal).then(
      (page) => setResults({ status: 'done', items: page.items, total: page.total }),
      (error: unknown) => {
        if (!isAbort(error)) setResults({ status: 'error', items: [], total: 0, error });
      },
    );
    return () => controller.abort();
  }, [q, field, unit?.code, attempt]);

  // After "Xem thêm", the keyboard lands on the first answer that was added.
  useEffect(() => {
    if (firstNew.current === null) return;
    document.getElementById(`answer-${firstNew.current}`)?.focus();
    firstNew.current = null;
  }, [results.items.length]);

  const loadMore = async () => {
    setMore('loading');
    try {
      const page = await listAnswers({ q: q || undefined, field: field || undefined, unit: unit?.code, limit: PAGE, offset: results.items.length });
      firstNew.current = results.items.length;
      setResults((r) => ({ status: 'done', items: [...r.items, ...page.items], total: page.total }));
      setMore('idle');
    } catch {
      setMore('error');
    }
  };

  const filtered = Boolean(text || field || unit);
  let status = '';
  if (results.status === 'loading') status = t('common.loading');
  else if (results.status === 'error') status = errorMessage(results.error, t);
  else if (results.total === 0) status = filtered ? t('portal.answers.none') : t('portal.answers.empty');
  else status = t('portal.answers.count', { count: results.total });

  return (
    <div className="container page answers">
      <h1>{t('portal.answers.title')}</h1>
      <p className="lead">{t('portal.answers.intro')}</p>

      <form role="search" className="filters" aria-label={t('portal.answers.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor="answers-q">
            {t('portal.answers.search')}
          </label>
          <input
            id="answers-q"
            type="search"
            className="input"
            autoComplete="off"
            placeholder={t('portal.answers.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="answers-search"
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="answers-field">
            {t('portal.answers.field')}
          </label>
          <select id="answers-field" className="input" value={field} onChange={(e) => setField(e.target.value)} data-testid="answers-field">
            <option value="">{t('portal.answers.allFields')}</option>
            {fields.map((f) => (
              <option key={f.code} value={f.code}>
                {f.name}
              </option>
            ))}
            {field && !fields.some((f) => f.code === field) && <option value={field}>{field}</option>}
          </select>
        </div>
        <UnitPicker
          id="answers-unit"
          testId="answers-unit"
          label={t('portal.answers.unit')}
          hint={t('portal.answers.unitHint')}
          noMark
          value={unit}
          onChange={setUnit}
        />
        {filtered && (
          <button
            type="button"
            className="link-button"
            data-testid="answers-clear"
            onClick={() => {
              setText('');
              setField('');
              setUnit(null);
              document.getElementById('answers-q')?.focus();
            }}
          >
            {t('portal.answers.clear')}
          </button>
        )}
      </form>

      <p className={results.status === 'error' ? 'answers__status error' : 'answers__status'} role="status" aria-live="polite" data-testid="answers-status">
        {status}
        {results.status === 'error' && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => setAttempt((n) => n + 1)}>
              {t('common.retry')}
            </button>
          </>
        )}
      </p>

      {results.items.length > 0 && (
        <ol className="answer-list" data-testid="answers-list" aria-busy={results.status === 'loading' || undefined}>
          {results.items.map((a, i) => (
            <li key={a.id}>
              <AnswerItem answer={a} index={i} />
            </li>
          ))}
        </ol>
      )}

      {results.status === 'done' && results.items.length < results.total && (
        <div className="answers__more">
          <p>{t('portal.answers.shown', { shown: results.items.length, total: results.total })}</p>
          <button type="button" className="button button--secondary" onClick={loadMore} disabled={more === 'loading'} data-testid="answers-more">
            {more === 'loading' ? t('common.loading') : t('portal.answers.more')}
          </button>
          {more === 'error' && (
            <p className="error" role="alert">
              {t('portal.answers.moreFailed')}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

const LONG = 600;

function AnswerItem({ answer, index }: { answer: PublicAnswer; index: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const long = answer.answer.length > LONG;
  const shown = long && !open ? `${answer.answer.slice(0, LONG).replace(/\s+\S*$/, '')}…` : answer.answer;
  return (
    <article className="answer-item" aria-labelledby={`answer-${index}`} data-testid={`answer-${answer.id}`}>
      <h2 id={`answer-${index}`} tabIndex={-1}>
        {answer.title}
      </h2>
      <p className="answer-item__meta">
        <span className="badge">{kindLabel(t, answer.kind, answer.kindName)}</span> {answer.fieldName} · {answer.placeUnit.name}
      </p>
      <div className="answer-box">
        <p className="answer-box__date">{t('portal.answers.answeredBy', { unit: answer.responsibleUnit.name, date: formatDay(answer.answeredOn) })}</p>
        <p className="prewrap" id={`answer-${index}-text`}>
          {shown}
        </p>
        {long && (
          <button type="button" className="link-button" aria-expanded={open} aria-controls={`answer-${index}-text`} onClick={() => setOpen((o) => !o)}>
            {open ? t('portal.answers.readLess') : t('portal.answers.readMore')}
          </button>
        )}
      </div>
    </article>
  );
}
