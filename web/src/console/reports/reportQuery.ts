// The report page's address: unit and period in the query string, with the API's names
// (?unit=46&period=quarter&year=2026&quarter=1), so a drill-down is a link and the browser's Back goes up again.
import { periodKinds } from '../../api/reports.ts';
import type { PeriodKind, ReportQuery } from '../../api/reports.ts';

const int = (value: string | null): number | undefined => (value && /^\d+$/.test(value) ? Number(value) : undefined);
const day = (value: string | null): string | undefined => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

/** The unit and period the address names, with defaults: the reader's unit and the current year. */
export function readQuery(query: URLSearchParams, homeUnit: string, today: string): ReportQuery {
  const asked = query.get('period') as PeriodKind | null;
  const kind: PeriodKind = asked && (periodKinds as readonly string[]).includes(asked) ? asked : 'year';
  const year = int(query.get('year')) ?? Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const unit = query.get('unit') || homeUnit;
  switch (kind) {
    case 'month': return { unit, kind, year, month: int(query.get('month')) ?? month };
    case 'quarter': return { unit, kind, year, quarter: int(query.get('quarter')) ?? Math.ceil(month / 3) };
    case 'half': return { unit, kind, year, half: int(query.get('half')) ?? (month <= 6 ? 1 : 2) };
    case 'year': return { unit, kind, year };
    case 'custom': {
      const from = day(query.get('from')) ?? `${today.slice(0, 4)}-01-01`;
      const to = day(query.get('to')) ?? today;
      return { unit, kind, from, to };
    }
  }
}

/** The query string of a unit and period, only the fields its kind uses. */
export function searchOf(q: ReportQuery): string {
  const params = new URLSearchParams();
  params.set('unit', q.unit);
  params.set('period', q.kind);
  for (const key of ['year', 'month', 'quarter', 'half', 'from', 'to'] as const) {
    const value = q[key];
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return `?${params.toString()}`;
}
