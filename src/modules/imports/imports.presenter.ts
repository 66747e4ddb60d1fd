// The fields of an import batch that leave the server, with what the reader may do with it.
import { can, type Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/http.ts';
import { unitNames } from '../units/index.ts';
import { IMPORT_RUN } from './imports.policy.ts';
import type { BatchRow } from './imports.tables.ts';

export async function presentBatches(ctx: AppContext, actor: Actor, rows: BatchRow[]) {
  const names = await unitNames(ctx, rows.map((r) => r.unitCode));
  return rows.map((b) => ({
    id: b.id,
    unit: { code: b.unitCode, name: names.get(b.unitCode) ?? b.unitCode },
    kind: b.kind as 'xlsx' | 'csv',
    filename: b.filename,
    checksum: b.checksum,
    size: b.size,
    counts: b.counts,
    importedBy: b.importedByName,
    importedAt: b.importedAt.toISOString(),
    undoneAt: b.undoneAt?.toISOString() ?? null,
    undoneBy: b.undoneByName,
    abilities: { undo: !b.undoneAt && can(actor, IMPORT_RUN, { unitPath: b.unitPath }) },
  }));
}
