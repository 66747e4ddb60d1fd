// The portal's working feature: search administrative units by name (accents optional) and open one.
import { useState } from 'react';
import type { Unit } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorMessage } from '../shared/errors.ts';
import { isExpired } from '../shared/format.ts';
import { placeLine } from '../shared/units.ts';
import { useUnitSearch } from '../shared/useUnitSearch.ts';
import { UnitDetail } from './UnitDetail.tsx';
import { useUrlUnit } from './useUrlUnit.ts';

export function UnitLookup() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const search = useUnitSearch(text);
  const [selected, select] = useUrlUnit();

  let status = '';
  if (search.status === 'loading') status = t('portal.lookup.searching');
  else if (search.status === 'error') status = errorMessage(search.error, t);
  else if (search.status === 'done')
    status = search.items.length
      ? t('portal.lookup.results', { count: search.items.length })
      : t('portal.lookup.noResults', { q: search.query });

  return (
    <section id="tra-cuu-don-vi" className="lookup" aria-labelledby="lookup-title">
      <div className="container">
        <h2 id="lookup-title">{t('portal.lookup.title')}</h2>
        <p>{t('portal.lookup.intro')}</p>
        <form role="search" className="lookup__form" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor="unit-search">{t('portal.lookup.label')}</label>
          <input
            id="unit-search"
            type="search"
            data-testid="unit-search"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('portal.lookup.placeholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </form>
        <button type="button" className="link-button" data-testid="unit-browse" onClick={() => select('VN')}>
          {t('portal.lookup.browse')}
        </button>
        <p className={search.status === 'error' ? 'lookup__status error' : 'lookup__status'} role="status" aria-live="polite" data-testid="unit-search-status">
          {status}
        </p>
        <div className="lookup__panes">
          {search.items.length > 0 && (
            <ResultList items={search.items} selected={selected} onSelect={select} />
          )}
          {selected && <UnitDetail code={selected} onSelect={select} />}
        </div>
      </div>
    </section>
  );
}

function ResultList(props: { items: Unit[]; selected: string | null; onSelect: (code: string) => void }) {
  const { t } = useI18n();
  return (
    <nav className="results" aria-label={t('portal.lookup.resultsTitle')}>
      <ul data-testid="unit-results">
        {props.items.map((unit) => {
          const place = placeLine(unit);
          return (
            <li key={unit.code}>
              <button
                type="button"
                className="result"
                aria-current={props.selected === unit.code ? 'true' : undefined}
                data-testid={`unit-result-${unit.code}`}
                onClick={() => props.onSelect(unit.code)}
              >
                <span className="result__name">{unit.name}</span>
                <span className="result__meta">
                  {t(`unitType.${unit.type}`)}
                  {place && ` · ${place}`}
                  {isExpired(unit.validTo) && <span className="badge badge--muted">{t('portal.lookup.expired')}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
