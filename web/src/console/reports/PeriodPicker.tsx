// The report period: month, quarter, six months, year or a custom range, each with the picker that fits it.
import { DatePicker, Segmented, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { periodKinds } from '../../api/reports.ts';
import type { PeriodKind, PeriodQuery } from '../../api/reports.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

interface Props {
  value: PeriodQuery;
  onChange: (next: PeriodQuery) => void;
  today: string;
}

const year = (p: PeriodQuery, today: string) => p.year ?? Number((p.from ?? today).slice(0, 4));

/** The same moment in the new kind: a quarter becomes the year, the half or a month within it. */
function switchKind(p: PeriodQuery, kind: PeriodKind, today: string): PeriodQuery {
  const y = year(p, today);
  const month = p.month ?? (p.quarter ? p.quarter * 3 - 2 : p.half === 2 ? 7 : Number(today.slice(5, 7)));
  switch (kind) {
    case 'month': return { kind, year: y, month };
    case 'quarter': return { kind, year: y, quarter: Math.ceil(month / 3) };
    case 'half': return { kind, year: y, half: month <= 6 ? 1 : 2 };
    case 'year': return { kind, year: y };
    case 'custom': {
      const from = p.from ?? `${y}-01-01`;
      const to = p.to ?? (`${y}-12-31` < today ? `${y}-12-31` : today);
      return { kind, from, to };
    }
  }
}

export function PeriodPicker({ value, onChange, today }: Props) {
  const { t } = useI18n();
  const y = year(value, today);
  const disabledDate = (d: Dayjs) => d.year() < 2000 || d.isAfter(dayjs(today).endOf('year'));

  let detail;
  switch (value.kind) {
    case 'month':
      detail = (
        <DatePicker
          picker="month" allowClear={false} format="MM/YYYY" aria-label={t('console.reports.pickMonth')} data-testid="report-period-month"
          value={dayjs(`${y}-${String(value.month ?? 1).padStart(2, '0')}-01`)} disabledDate={disabledDate}
          onChange={(d: Dayjs | null) => d && onChange({ kind: 'month', year: d.year(), month: d.month() + 1 })}
        />
      );
      break;
    case 'quarter':
      detail = (
        <DatePicker
          picker="quarter" allowClear={false} aria-label={t('console.reports.pickQuarter')} data-testid="report-period-quarter"
          value={dayjs(`${y}-${String((value.quarter ?? 1) * 3 - 2).padStart(2, '0')}-01`)} disabledDate={disabledDate}
          format={(d: Dayjs) => `${t('console.reports.kind.quarter')} ${Math.floor(d.month() / 3) + 1}/${d.year()}`}
          onChange={(d: Dayjs | null) => d && onChange({ kind: 'quarter', year: d.year(), quarter: Math.floor(d.month() / 3) + 1 })}
        />
      );
      break;
    case 'half':
      detail = (
        <Space.Compact>
          <Select
            aria-label={t('console.reports.kind.half')} data-testid="report-period-half" value={value.half ?? 1} style={{ minWidth: 160 }}
            options={[1, 2].map((h) => ({ value: h, label: t(`console.reports.half.${h}`) }))}
            onChange={(h: number) => onChange({ kind: 'half', year: y, half: h })}
          />
          <DatePicker
            picker="year" allowClear={false} aria-label={t('console.reports.pickYear')} value={dayjs(`${y}-01-01`)} disabledDate={disabledDate}
            onChange={(d: Dayjs | null) => d && onChange({ kind: 'half', year: d.year(), half: value.half ?? 1 })}
          />
        </Space.Compact>
      );
      break;
    case 'year':
      detail = (
        <DatePicker
          picker="year" allowClear={false} aria-label={t('console.reports.pickYear')} data-testid="report-period-year"
          value={dayjs(`${y}-01-01`)} disabledDate={disabledDate}
          onChange={(d: Dayjs | null) => d && onChange({ kind: 'year', year: d.year() })}
        />
      );
      break;
    case 'custom':
      detail = (
        <DatePicker.RangePicker
          allowClear={false} format="DD/MM/YYYY" aria-label={t('console.reports.pickRange')} data-testid="report-period-range"
          value={[dayjs(value.from), dayjs(value.to)]} disabledDate={(d: Dayjs) => d.year() < 2000 || d.isAfter(dayjs(today))}
          onChange={(range) => {
            const [from, to] = range ?? [];
            if (from && to) onChange({ kind: 'custom', from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
          }}
        />
      );
      break;
  }

  return (
    <Space wrap size={8} className="report-period">
      <Segmented<PeriodKind>
        value={value.kind}
        options={periodKinds.map((k) => ({ value: k, label: <span data-testid={`report-kind-${k}`}>{t(`console.reports.kind.${k}`)}</span> }))}
        onChange={(kind) => onChange(switchKind(value, kind, today))}
        aria-label={t('console.reports.period')}
      />
      {detail}
    </Space>
  );
}
