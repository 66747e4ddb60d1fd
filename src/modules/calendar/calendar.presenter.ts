// The fields of a calendar adjustment that leave the server.
import type { AdjustmentRow } from './calendar.tables.ts';

export function presentAdjustment(row: AdjustmentRow) {
  return {
    id: row.id,
    date: row.day,
    kind: row.kind as 'off' | 'work',
    name: row.name,
    source: row.source,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
  };
}
