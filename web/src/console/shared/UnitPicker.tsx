// A searchable unit selector (remote search on /api/units?q=, accents optional) used by the organisation and account pages.
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { CSSProperties } from 'react';
import { getUnit } from '../../api/units.ts';
import type { Unit } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { placeLine } from '../../shared/units.ts';
import { useUnitSearch } from '../../shared/useUnitSearch.ts';

export function unitLabel(unit: Unit): string {
  const place = placeLine(unit);
  return place ? `${unit.name}, ${place}` : unit.name;
}

interface UnitSelectProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
  testId?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
}

/** The unit search (accents optional), which may be empty: filters and optional form fields. */
export function UnitSelect({ value, onChange, id, testId, placeholder, allowClear = true, style }: UnitSelectProps) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const search = useUnitSearch(text);
  const [current, setCurrent] = useState<Unit | null>(null);

  useEffect(() => {
    if (!value) {
      setCurrent(null);
      return;
    }
    if (current?.code === value) return;
    const known = search.items.find((u) => u.code === value);
    if (known) {
      setCurrent(known);
      return;
    }
    const controller = new AbortController();
    getUnit(value, controller.signal).then(setCurrent, () => undefined);
    return () => controller.abort();
    // search.items is only a shortcut; fetching again is harmless.
  }, [value]);

  const options = useMemo(() => {
    const units = [...search.items];
    if (current && !units.some((u) => u.code === current.code)) units.unshift(current);
    return units.map((u) => ({ value: u.code, label: unitLabel(u) }));
  }, [search.items, current]);

  return (
    <Select
      id={id}
      value={value || undefined}
      options={options}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      onChange={(code: string | undefined) => {
        setText('');
        onChange?.(code || undefined);
      }}
      loading={search.status === 'loading'}
      notFoundContent={search.status === 'done' ? t('units.noResults') : null}
      placeholder={placeholder ?? t('units.pickUnitPlaceholder')}
      aria-label={placeholder ?? t('units.pickUnit')}
      data-testid={testId}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
    />
  );
}

interface UnitPickerProps {
  value: string;
  onChange: (code: string) => void;
  testId?: string;
  style?: CSSProperties;
  id?: string;
}

/** A unit that must be chosen: the organisation and account pages. */
export function UnitPicker({ value, onChange, testId, style, id }: UnitPickerProps) {
  return <UnitSelect id={id} value={value} onChange={(code) => { if (code) onChange(code); }} allowClear={false} testId={testId} style={{ minWidth: 260, ...style }} />;
}
