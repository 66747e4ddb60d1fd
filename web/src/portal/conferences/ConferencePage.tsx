// One conference's results page (/hoi-nghi/<id>): when and where, who chaired it, and each recommendation raised —
// by which group (never a person) — with what was answered on the spot, what is being resolved and by when, and what
// has been resolved with its answer. It follows the cases, so it changes as they are answered.
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { publicConference, type PublicConferenceDetail, type PublicRecommendation } from '../../api/dialogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage, isAbort } from '../../shared/errors.ts';
import { formatDay } from '../../shared/format.ts';
import { paths, usePageTitle, usePath } from '../router.tsx';
import './conferences.css';

type Loaded = { status: 'loading' } | { status: 'done'; c: PublicConferenceDetail } | { status: 'error'; error: unknown };

export default function ConferencePage() {
  const { t } = useI18n();
  const path = usePath();
  const id = decodeURIComponent(path.slice(paths.conferences.length + 1));
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  usePageTitle(loaded.status === 'done' ? loaded.c.topic : t('portal.conferences.resultsTitle'));

  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ status: 'loading' });
    publicConference(id, controller.signal).then(
      (c) => setLoaded({ status: 'done', c }),
      (error: unknown) => {
        if (!isAbort(error)) setLoaded({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [id, attempt]);

  if (loaded.status === 'loading') {
    return (
      <div className="container page" aria-busy="true">
        <p className="page-loading">{t('common.loading')}</p>
      </div>
    );
  }
  if (loaded.status === 'error') {
    const missing = loaded.error instanceof ApiError && (loaded.error.status === 404 || loaded.error.status === 400);
    return (
      <div className="container page" data-testid="conference-missing">
        <h1>{missing ? t('portal.conferences.notFound') : t('portal.conferences.resultsTitle')}</h1>
        {!missing && (
          <p role="alert">
            {errorMessage(loaded.error, t)}{' '}
            <button type="button" className="link-button" onClick={() => setAttempt((n) => n + 1)}>
              {t('common.retry')}
            </button>
          </p>
        )}
        <p>
          <a href={paths.conferences}>{t('portal.conferences.backToCalendar')}</a>
        </p>
      </div>
    );
  }

  const c = loaded.c;
  const spot = c.recommendations.filter((r) => r.status === 'answered');
  const inProgress = c.recommendations.filter((r) => r.status === 'in_progress');
  const resolved = c.recommendations.filter((r) => r.status === 'resolved');

  return (
    <div className="container page conference" data-testid="conference-page">
      <p className="conference__back">
        <a href={paths.conferences}>{t('portal.conferences.backToCalendar')}</a>
      </p>
      <p className="conference__kind">
        <span className="badge">{t(`portal.conferences.form.${c.form}`)}</span> {t(`portal.conferences.type.${c.type}`)}
      </p>
      <h1>{c.topic}</h1>
      <dl className="conference__facts">
        <dt>{t('portal.conferences.when')}</dt>
        <dd>
          {c.startsAt ? `${c.startsAt}, ` : ''}
          {formatDay(c.heldOn)}
        </dd>
        <dt>{t('portal.conferences.where')}</dt>
        <dd>{c.place}</dd>
        <dt>{t('portal.conferences.organiser')}</dt>
        <dd>
          {c.organiser} ({c.unit.name})
        </dd>
        {c.chairs.length > 0 && (
          <>
            <dt>{t('portal.conferences.chairs')}</dt>
            <dd>
              <ul>
                {c.chairs.map((x, i) => (
                  <li key={i}>
                    {x.name}, {x.position}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {c.status === 'held' && c.attendance !== null && (
          <>
            <dt>{t('portal.conferences.attendance')}</dt>
            <dd>{t('portal.conferences.people', { n: c.attendance })}</dd>
          </>
        )}
      </dl>

      {c.status === 'planned' ? (
        <p className="conference__notice" data-testid="conference-planned">{t('portal.conferences.plannedNotice')}</p>
      ) : (
        <>
          <p className="conference__summary" data-testid="conference-summary">
            {t('portal.conferences.summary', { raised: c.recommendations.length, spot: spot.length, inProgress: inProgress.length, resolved: resolved.length })}
          </p>
          <Group title={t('portal.conferences.inProgressTitle')} items={inProgress} testId="conference-in-progress" />
          <Group title={t('portal.conferences.resolvedTitle')} items={resolved} testId="conference-resolved" />
          <Group title={t('portal.conferences.spotTitle')} items={spot} testId="conference-answered" />
          {c.recommendations.length === 0 && <p>{t('portal.conferences.noRecommendations')}</p>}
          <p className="conference__privacy">{t('portal.conferences.privacy')}</p>
        </>
      )}
    </div>
  );
}

function Group({ title, items, testId }: { title: string; items: PublicRecommendation[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <section aria-label={title} className="conference__group">
      <h2>
        {title} <span className="conference__count">({items.length})</span>
      </h2>
      <ol className="rec-list" data-testid={testId}>
        {items.map((r) => (
          <li key={r.seq}>
            <Item r={r} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function Item({ r }: { r: PublicRecommendation }) {
  const { t } = useI18n();
  return (
    <article className="rec" data-testid={`conference-rec-${r.seq}`}>
      <p className="rec__meta">
        <strong>{r.raisedBy}</strong> · {r.field}
        {r.place ? ` · ${r.place}` : ''}
      </p>
      <p className="prewrap rec__content">{r.content}</p>
      {r.status === 'in_progress' && (
        <p className="rec__due">
          {r.answeredBy ? t('portal.conferences.dueBy', { by: r.answeredBy, date: formatDay(r.dueOn) }) : t('portal.conferences.due', { date: formatDay(r.dueOn) })}
        </p>
      )}
      {r.answer && (
        <div className="answer-box">
          <p className="answer-box__date">
            {r.status === 'answered'
              ? t('portal.conferences.answeredOnSpot', { by: r.answeredBy ?? '' })
              : t('portal.conferences.resolvedOn', { by: r.answeredBy ?? '', date: formatDay(r.resolvedOn) })}
          </p>
          <p className="prewrap">{r.answer}</p>
        </div>
      )}
    </article>
  );
}
