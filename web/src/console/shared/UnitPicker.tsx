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

interface UnitPickerProps {
  value: string;
  onChange: (code: string) => void;
  testId?: string;
  style?: CSSProperties;
  id?: string;
}

export function UnitPicker({ value, onChange, testId, style, id }: UnitPickerProps) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const search = useUnitSearch(text);
  const [current, setCurrent] = useState<Unit | null>(null);

  useEffect(() => {
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
      value={value}
      options={options}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      onChange={(code: string) => {
        setText('');
        onChange(code);
      }}
      loading={search.status === 'loading'}
      notFoundContent={search.status === 'done' ? t('units.noResults') : null}
      placeholder={t('units.pickUnitPlaceholder')}
      aria-label={t('units.pickUnit')}
      data-testid={testId}
      style={{ minWidth: 260, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
