// One administrative unit in the portal: where it sits, its type and validity, and the units under it.
import { useEffect, useMemo, useRef, useState } from 'react';
import { getUnit, getUnitChildren } from '../api/units.ts';
import type { Unit } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorMessage, isAbort } from '../shared/errors.ts';
import { formatDay, isExpired, vietnameseCollator } from '../shared/format.ts';
import { ancestorsRootFirst, foldVietnamese } from '../shared/units.ts';

interface Loaded {
  unit: Unit;
  children: Unit[];
}

export function UnitDetail({ code, onSelect }: { code: string; onSelect: (code: string) => void }) {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    Promise.all([getUnit(code, controller.signal), getUnitChildren(code, controller.signal)]).then(
      ([unit, children]) => setLoaded({ unit, children }),
      (failure: unknown) => {
        if (!isAbort(failure)) setError(failure);
      },
    );
    return () => controller.abort();
  }, [code, attempt]);

  // Move focus to the new unit so keyboard and screen-reader users land on what they chose.
  useEffect(() => {
    if (loaded?.unit.code === code) heading.current?.focus();
  }, [loaded, code]);

  if (error) {
    return (
      <div className="detail" role="alert" data-testid="unit-detail-error">
        <p className="error">{errorMessage(error, t)}</p>
        <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (!loaded || loaded.unit.code !== code) {
    return (
      <div className="detail" aria-busy="true">
        <p>{t('common.loading')}</p>
      </div>
    );
  }

  const { unit, children } = loaded;
  const trail = ancestorsRootFirst(unit);
  const parent = trail[trail.length - 1];
  const expired = isExpired(unit.validTo);

  return (
    <article className="detail" aria-labelledby="unit-detail-title" data-testid="unit-detail">
      {trail.length > 0 && (
        <nav aria-label={t('portal.lookup.breadcrumb')}>
          <ol className="breadcrumb">
            {trail.map((a) => (
              <li key={a.code}>
                <button type="button" className="link-button" onClick={() => onSelect(a.code)}>
                  {a.name}
                </button>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <h3 id="unit-detail-title" ref={heading} tabIndex={-1}>
        {unit.name}
      </h3>
      <dl className="facts">
        <div>
          <dt>{t('portal.lookup.code')}</dt>
          <dd data-testid="unit-detail-code">{unit.code}</dd>
        </div>
        <div>
          <dt>{t('portal.lookup.type')}</dt>
          <dd>{t(`unitType.${unit.type}`)}</dd>
        </div>
        <div>
          <dt>{t('portal.lookup.level')}</dt>
          <dd>{t(`unitLevel.${unit.level}`)}</dd>
        </div>
        {parent && (
          <div>
            <dt>{t('portal.lookup.parent')}</dt>
            <dd>{parent.name}</dd>
          </div>
        )}
        <div>
          <dt>{t('portal.lookup.validFrom')}</dt>
          <dd>{formatDay(unit.validFrom)}</dd>
        </div>
        <div>
          <dt>{t('portal.lookup.validTo')}</dt>
          <dd>
            {unit.validTo ? formatDay(unit.validTo) : t('portal.lookup.inForce')}
            {expired && <span className="badge badge--muted">{t('portal.lookup.expired')}</span>}
          </dd>
        </div>
      </dl>
      {(unit.level !== 'commune' || children.length > 0) && <ChildList units={children} onSelect={onSelect} />}
    </article>
  );
}

function ChildList({ units, onSelect }: { units: Unit[]; onSelect: (code: string) => void }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState('');
  const sorted = useMemo(
    () => [...units].sort((a, b) => vietnameseCollator.compare(a.shortName || a.name, b.shortName || b.name)),
    [units],
  );
  const needle = foldVietnamese(filter.trim());
  const shown = needle ? sorted.filter((u) => foldVietnamese(u.name).includes(needle)) : sorted;

  return (
    <section className="children" aria-labelledby="unit-children-title">
      <h4 id="unit-children-title">{t('portal.lookup.children', { count: units.length })}</h4>
      {units.length === 0 ? (
        <p>{t('portal.lookup.noChildren')}</p>
      ) : (
        <>
          {units.length > 12 && (
            <div className="children__filter">
              <label htmlFor="unit-children-filter">{t('portal.lookup.filterChildren')}</label>
              <input
                id="unit-children-filter"
                type="search"
                autoComplete="off"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
              />
            </div>
          )}
          <ul className="children__list" data-testid="unit-children">
            {shown.map((child) => (
              <li key={child.code}>
                <button type="button" className="link-button" onClick={() => onSelect(child.code)}>
                  {child.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
