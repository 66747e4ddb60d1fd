// Choosing one administrative unit in a form: type a name (diacritics optional), pick from the list, change it later.
import { useEffect, useRef, useState } from 'react';
import type { Unit } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorMessage } from '../shared/errors.ts';
import { isExpired } from '../shared/format.ts';
import { placeLine } from '../shared/units.ts';
import { useUnitSearch } from '../shared/useUnitSearch.ts';
import { FieldNotes } from './form.tsx';

/** What a form keeps of the chosen unit (enough to show it again after a reload). */
export interface PickedUnit {
  code: string;
  name: string;
  place: string;
}

interface Props {
  id: string;
  label: string;
  hint?: string;
  value: PickedUnit | null;
  onChange: (unit: PickedUnit | null) => void;
  required?: boolean;
  /** Hides the "(bắt buộc)" / "(không bắt buộc)" mark, for filters. */
  noMark?: boolean;
  error?: string;
  testId: string;
}

export function UnitPicker({ id, label, hint, value, onChange, required, noMark, error, testId }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const search = useUnitSearch(value ? '' : text);
  const changeButton = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [justPicked, setJustPicked] = useState<'picked' | 'cleared' | null>(null);

  // After a choice, keep keyboard focus on the control that replaced the list; after "change", back in the box.
  useEffect(() => {
    if (justPicked === 'picked') changeButton.current?.focus();
    if (justPicked === 'cleared') input.current?.focus();
    setJustPicked(null);
  }, [justPicked]);

  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const labelText = (
    <>
      {label}
      {!noMark && <span className="field__mark">{required ? t('portal.form.required') : t('portal.form.optional')}</span>}
    </>
  );

  if (value) {
    return (
      <div className="field" data-testid={testId}>
        <p className="field__label" id={`${id}-label`}>
          {labelText}
        </p>
        <div className="picked" aria-labelledby={`${id}-label`} role="group">
          <p className="picked__name" data-testid={`${testId}-value`}>
            {value.name}
            {value.place && <span className="picked__place">{value.place}</span>}
          </p>
          <button
            ref={changeButton}
            id={id}
            type="button"
            className="button button--quiet"
            data-testid={`${testId}-change`}
            onClick={() => {
              onChange(null);
              setJustPicked('cleared');
            }}
          >
            {t('portal.unitPicker.change')}
            <span className="visually-hidden">: {label}</span>
          </button>
        </div>
        {error && (
          <p className="field__error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
    );
  }

  let status = '';
  if (search.status === 'loading') status = t('portal.lookup.searching');
  else if (search.status === 'error') status = errorMessage(search.error, t);
  else if (search.status === 'done')
    status = search.items.length
      ? t('portal.unitPicker.results', { count: search.items.length })
      : t('portal.lookup.noResults', { q: search.query });

  const choices = search.items.filter((u) => u.code !== 'VN' && !isExpired(u.validTo));

  return (
    <div className="field" data-testid={testId}>
      <label className="field__label" htmlFor={id}>
        {labelText}
      </label>
      <FieldNotes id={id} hint={hint} error={error} />
      <input
        ref={input}
        id={id}
        type="search"
        className="input"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('portal.lookup.placeholder')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        data-testid={`${testId}-search`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Enter in the box picks the only match, and never submits the surrounding form.
          if (e.key === 'Enter') {
            e.preventDefault();
            if (choices.length === 1) {
              pick(choices[0]!);
            }
          }
        }}
      />
      <p className={search.status === 'error' ? 'field__status error' : 'field__status'} role="status" aria-live="polite">
        {status}
      </p>
      {choices.length > 0 && (
        <ul className="results picker-results" aria-label={t('portal.lookup.resultsTitle')} data-testid={`${testId}-results`}>
          {choices.map((unit) => (
            <li key={unit.code}>
              <button type="button" className="result" data-testid={`${testId}-result-${unit.code}`} onClick={() => pick(unit)}>
                <span className="result__name">{unit.name}</span>
                <span className="result__meta">
                  {t(`unitType.${unit.type}`)}
                  {placeLine(unit) && ` · ${placeLine(unit)}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  function pick(unit: Unit) {
    onChange({ code: unit.code, name: unit.name, place: placeLine(unit) });
    setText('');
    setJustPicked('picked');
  }
}
