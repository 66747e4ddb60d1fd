// The portal's calendar of dialogue conferences (/hoi-nghi): upcoming ones first, then those held, for a chosen place
// (its own conferences, those of the units below it and above it) or everywhere. Each links to its results page.
import { useEffect, useState } from 'react';
import { getUnit } from '../../api/units.ts';
import { publicConferences, type PublicConference } from '../../api/dialogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage, isAbort } from '../../shared/errors.ts';
import { formatDay, todayInVietnam } from '../../shared/format.ts';
import { placeLine } from '../../shared/units.ts';
import { paths, replaceQuery, usePageTitle } from '../router.tsx';
import { UnitPicker, type PickedUnit } from '../UnitPicker.tsx';
import './conferences.css';

interface Loaded { status: 'loading' | 'done' | 'error'; items: PublicConference[]; error?: unknown }

export default function ConferencesPage() {
  const { t } = useI18n();
  usePageTitle(t('portal.conferences.title'));
  const [unit, setUnit] = useState<PickedUnit | null>(() => {
    const code = new URLSearchParams(window.location.search).get('unit');
    return code ? { code, name: code, place: '' } : null;
  });
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading', items: [] });
  const [attempt, setAttempt] = useState(0);

  // A unit code from the address gets its name back.
  useEffect(() => {
    if (!unit || unit.name !== unit.code) return;
    const controller = new AbortController();
    getUnit(unit.code, controller.signal).then(
      (u) => setUnit((current) => (current?.code === u.code ? { code: u.code, name: u.name, place: placeLine(u) } : current)),
      () => undefined,
    );
    return () => controller.abort();
  }, [unit]);

  useEffect(() => {
    replaceQuery({ unit: unit?.code ?? null });
    const controller = new AbortController();
    setLoaded((l) => ({ ...l, status: 'loading' }));
    publicConferences({ unit: unit?.code }, controller.signal).then(
      (items) => setLoaded({ status: 'done', items }),
      (error: unknown) => {
        if (!isAbort(error)) setLoaded({ status: 'error', items: [], error });
      },
    );
    return () => controller.abort();
  }, [unit?.code, attempt]);

  const today = todayInVietnam();
  const upcoming = loaded.items.filter((c) => c.status === 'planned' && c.heldOn >= today);
  const past = loaded.items.filter((c) => c.status === 'held').reverse();

  return (
    <div className="container page conferences">
      <h1>{t('portal.conferences.title')}</h1>
      <p className="lead">{t('portal.conferences.intro')}</p>
      <form role="search" className="filters" aria-label={t('portal.conferences.filter')} onSubmit={(e) => e.preventDefault()}>
        <UnitPicker id="conferences-unit" testId="conferences-unit" label={t('portal.conferences.unit')} hint={t('portal.conferences.unitHint')} noMark value={unit} onChange={setUnit} />
      </form>
      <p className={loaded.status === 'error' ? 'conferences__status error' : 'conferences__status'} role="status" aria-live="polite" data-testid="conferences-status">
        {loaded.status === 'loading' ? t('common.loading') : loaded.status === 'error' ? errorMessage(loaded.error, t) : ''}
        {loaded.status === 'error' && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => setAttempt((n) => n + 1)}>
              {t('common.retry')}
            </button>
          </>
        )}
      </p>
      {loaded.status === 'done' && (
        <>
          <section aria-labelledby="conferences-upcoming">
            <h2 id="conferences-upcoming">{t('portal.conferences.upcoming')}</h2>
            {upcoming.length === 0 ? <p className="conferences__empty">{t('portal.conferences.noUpcoming')}</p> : <List items={upcoming} testId="conferences-upcoming-list" />}
          </section>
          <section aria-labelledby="conferences-past">
            <h2 id="conferences-past">{t('portal.conferences.past')}</h2>
            {past.length === 0 ? <p className="conferences__empty">{t('portal.conferences.noPast')}</p> : <List items={past} testId="conferences-past-list" />}
          </section>
        </>
      )}
    </div>
  );
}

function List({ items, testId }: { items: PublicConference[]; testId: string }) {
  const { t } = useI18n();
  return (
    <ol className="conference-list" data-testid={testId}>
      {items.map((c) => (
        <li key={c.id} className="conference-card" data-testid={`conference-${c.id}`}>
          <p className="conference-card__date">
            <time dateTime={c.heldOn}>{formatDay(c.heldOn)}</time>
            {c.startsAt && <span> · {c.startsAt}</span>}
          </p>
          <h3>
            <a href={`${paths.conferences}/${c.id}`}>{c.topic}</a>
          </h3>
          <p className="conference-card__meta">
            <span className="badge">{t(`portal.conferences.form.${c.form}`)}</span> {c.organiser} · {c.place}
          </p>
          {c.status === 'held' && (
            <p className="conference-card__counts">
              {t('portal.conferences.counts', { raised: c.counts.raised, answered: c.counts.answered + c.counts.resolved, inProgress: c.counts.inProgress })}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
