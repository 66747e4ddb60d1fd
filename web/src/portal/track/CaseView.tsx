// One followed case as its sender sees it: the state in plain words, the deadline with its lunar date, the steps with
// their reasons, the answer, and the satisfaction rating.
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { ApiError } from '../../api/client.ts';
import { rateCase, type TrackedCase } from '../../api/publicCases.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { formatDay } from '../../shared/format.ts';
import { kindLabel } from '../labels.ts';

interface Props {
  item: TrackedCase;
  secret: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onUpdated: (item: TrackedCase) => void;
}

export function CaseView({ item, secret, headingRef, onUpdated }: Props) {
  const { t } = useI18n();
  const finished = item.answer !== null;
  // A case that has ended has no deadline left to show (not "to be announced").
  const ended = finished || ['answered', 'guided', 'transferred', 'filed', 'split', 'withdrawn', 'closed'].includes(item.state);

  let deadline = '';
  if (item.dueOn && !finished) {
    if (item.overdue) deadline = item.daysLeft !== null && item.daysLeft < 0 ? t('portal.track.overdueDays', { count: -item.daysLeft }) : t('portal.track.overdue');
    else if (item.daysLeft === 0) deadline = t('portal.track.dueToday');
    else if (item.daysLeft !== null) deadline = t('portal.track.daysLeft', { count: item.daysLeft });
  }

  return (
    <article className="case-view" aria-labelledby="track-case-title" data-testid="track-result">
      <p className="case-view__code">
        {t('portal.track.code')}: <strong data-testid="track-result-code">{item.trackingCode}</strong>
      </p>
      <h2 id="track-case-title" ref={headingRef} tabIndex={-1}>
        {item.title}
      </h2>

      <div className={item.overdue && !finished ? 'state state--late' : finished ? 'state state--done' : 'state'} data-testid="track-state">
        <p className="state__label">{t('portal.track.state')}</p>
        <p className="state__text" data-testid="track-state-text">
          {item.stateText}
        </p>
        {item.stateHelp && <p className="state__help">{item.stateHelp}</p>}
      </div>

      <dl className="facts facts--wide">
        <div>
          <dt>{t('portal.receipt.caseNumber')}</dt>
          <dd>{item.caseNumber}</dd>
        </div>
        <div>
          <dt>{t('portal.receipt.receivedOn')}</dt>
          <dd>{formatDay(item.receivedOn)}</dd>
        </div>
        <div>
          <dt>{t('portal.receipt.kind')}</dt>
          <dd>{kindLabel(t, item.kind, item.kindName)}</dd>
        </div>
        <div>
          <dt>{t('portal.track.field')}</dt>
          <dd>{item.fieldName}</dd>
        </div>
        <div className="facts__full">
          <dt>{t('portal.track.unit')}</dt>
          <dd>{item.responsibleUnit.name}</dd>
        </div>
        {(item.dueOn || !ended) && (
          <div className="facts__full">
            <dt>{t('portal.receipt.dueOn')}</dt>
            <dd data-testid="track-due">
              {item.dueOn ? formatDay(item.dueOn) : t('portal.receipt.dueLater')}
              {item.dueOn && item.dueOnLunar && <span className="lunar"> ({item.dueOnLunar})</span>}
              {deadline && <span className={item.overdue ? 'deadline deadline--late' : 'deadline'}>{deadline}</span>}
            </dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="track-steps-title">
        <h3 id="track-steps-title">{t('portal.track.steps')}</h3>
        <ol className="steps" data-testid="track-steps">
          {item.steps.map((step, i) => (
            <li key={`${step.on}-${i}`}>
              <span className="steps__date">{formatDay(step.on)}</span>
              <span className="steps__text">{step.text}</span>
              {step.reason && <span className="steps__reason">{t('portal.track.reason', { reason: step.reason })}</span>}
            </li>
          ))}
        </ol>
      </section>

      {item.answer && (
        <section className="answer-box" aria-labelledby="track-answer-title" data-testid="track-answer">
          <h3 id="track-answer-title">{t('portal.track.answer')}</h3>
          <p className="answer-box__date">{t('portal.track.answeredOn', { date: formatDay(item.answer.on) })}</p>
          <p className="prewrap">{item.answer.text}</p>
        </section>
      )}

      {item.rating && (
        <p className="notice" id="track-rated" tabIndex={-1} data-testid="track-rated">
          {t('portal.track.rated', { score: t(`portal.track.rate.score${item.rating.score}`), date: formatDay(item.rating.on) })}
          {item.rating.comment && (
            <>
              <br />
              <span className="prewrap">“{item.rating.comment}”</span>
            </>
          )}
        </p>
      )}
      {item.canRate && <Rating item={item} secret={secret} onUpdated={onUpdated} />}
    </article>
  );
}

const scores = [1, 2, 3, 4, 5] as const;

function Rating({ item, secret, onUpdated }: { item: TrackedCase; secret: string; onUpdated: (item: TrackedCase) => void }) {
  const { t } = useI18n();
  const [score, setScore] = useState<number | null>(item.rating?.score ?? null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = async () => {
    if (score === null) {
      setError(t('portal.track.rate.pick'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      const updated = await rateCase({ code: item.trackingCode, secret, score, comment: comment.trim() || undefined });
      onUpdated(updated);
      // The form may be gone now: the thank-you line takes the focus.
      requestAnimationFrame(() => document.getElementById('track-rated')?.focus());
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 0) setError(t('portal.track.rate.offline'));
      else setError((failure instanceof ApiError && failure.detail) || errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="rating"
      noValidate
      data-testid="track-rating"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset aria-describedby={error ? 'track-rating-error' : undefined}>
        <legend>
          <h3>{t('portal.track.rate.title')}</h3>
        </legend>
        {error && (
          <p className="field__error" id="track-rating-error" role="alert" tabIndex={-1} ref={errorRef}>
            {error}
          </p>
        )}
        <div className="rating__scale">
          {scores.map((n) => (
            <label key={n} className="rating__option">
              <input type="radio" name="score" value={n} checked={score === n} onChange={() => setScore(n)} data-testid={`track-rate-${n}`} />
              <span>
                <span className="rating__number" aria-hidden="true">
                  {n}
                </span>
                {t(`portal.track.rate.score${n}`)}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor="track-rate-comment">
          {t('portal.track.rate.comment')}
          <span className="field__mark">{t('portal.form.optional')}</span>
        </label>
        <textarea
          id="track-rate-comment"
          className="input input--area"
          rows={3}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          data-testid="track-rate-comment"
        />
      </div>
      <button type="submit" className="button" disabled={busy} aria-busy={busy || undefined} data-testid="track-rate-submit">
        {busy ? t('portal.send.sending') : t('portal.track.rate.submit')}
      </button>
    </form>
  );
}
