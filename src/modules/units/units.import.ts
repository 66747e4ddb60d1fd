// Loads the official administrative-unit lists shipped in ./data into the database, each step once.
// Sources and licence: ./data/SOURCE.md (copied from the statistics office register via an MIT-licensed dataset).
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database, Tx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';
import { foldKey } from '../../platform/text.ts';
import { dayBefore } from '../../platform/clock.ts';
import { unitsImport, unitsUnit, type UnitRow } from './units.tables.ts';

const DATA = new URL('./data/', import.meta.url);

/** The central level: the root of every tree. */
export const ROOT_CODE = 'VN';
/** Validity of the lists (see SOURCE.md): the last three-level list, then the two-level system. */
export const LIST_2024 = { from: '2025-03-01', to: '2025-06-30' };
export const LIST_2025 = { from: '2025-07-01' };

type NewUnit = Omit<UnitRow, 'remoteArea'> & { remoteArea?: boolean };

/** A shipped list: its text is read to know its checksum; its rows are parsed only when a step runs. */
function readCsv(file: string): { text: string; rows: () => Record<string, string>[] } {
  const text = readFileSync(new URL(file, DATA), 'utf8');
  return { text, rows: () => parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[] };
}

const checksum = (text: string) => createHash('sha256').update(text).digest('hex');

function unit(fields: Omit<NewUnit, 'id' | 'searchKey' | 'shortKey'>): NewUnit {
  return { id: newId(), ...fields, searchKey: foldKey(fields.name), shortKey: foldKey(fields.shortName) };
}

async function insertAll(tx: Tx, rows: NewUnit[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.insert(unitsUnit).values(rows.slice(i, i + 1000));
  }
}

interface Step { name: string; checksum: string; run(tx: Tx): Promise<number> }

function steps(): Step[] {
  const root: Step = {
    name: 'root',
    checksum: 'v1',
    async run(tx) {
      await insertAll(tx, [unit({
        code: ROOT_CODE, name: 'Việt Nam', shortName: 'Việt Nam', type: 'quoc_gia', level: 'central', parentCode: null,
        path: ROOT_CODE, validFrom: '1945-09-02', validTo: null, source: 'Trung ương',
      })]);
      return 1;
    },
  };

  const list2024 = readCsv('units-2024.csv');
  const old: Step = {
    name: 'units-2024',
    checksum: checksum(list2024.text),
    async run(tx) {
      const list = list2024.rows();
      const byCode = new Map(list.map((r) => [r.code, r]));
      const pathOf = (code: string): string => {
        const r = byCode.get(code);
        if (!r) throw new Error(`units-2024: unknown parent ${code}`);
        return r.parent_code ? `${pathOf(r.parent_code)}.${code}` : `${ROOT_CODE}.${code}`;
      };
      const rows = list.map((r) => unit({
        code: r.code, name: r.name, shortName: r.short_name, type: r.type, level: r.level,
        parentCode: r.parent_code || ROOT_CODE, path: pathOf(r.code),
        validFrom: LIST_2024.from, validTo: LIST_2024.to, source: 'Danh mục ĐVHC 2024 (sau Nghị quyết 1365/NQ-UBTVQH15)',
      }));
      await insertAll(tx, rows);
      return rows.length;
    },
  };

  const list2025 = readCsv('units-2025.csv');
  const current: Step = {
    name: 'units-2025',
    checksum: checksum(list2025.text),
    async run(tx) {
      const rows = list2025.rows().map((r) => unit({
        code: r.code, name: r.name, shortName: r.short_name, type: r.type,
        level: r.parent_code ? 'commune' : 'province',
        parentCode: r.parent_code || ROOT_CODE,
        path: r.parent_code ? `${ROOT_CODE}.${r.parent_code}.${r.code}` : `${ROOT_CODE}.${r.code}`,
        validFrom: LIST_2025.from, validTo: null, source: 'Quyết định 19/2025/QĐ-TTg',
      }));
      await insertAll(tx, rows);
      return rows.length;
    },
  };

  const amendments = readCsv('amendments-after-2025-07-01.csv');
  const amend: Step = {
    name: 'amendments-after-2025-07-01',
    checksum: checksum(amendments.text),
    async run(tx) {
      // Each row closes the version in force and opens a new one on its effective date; the code and place stay.
      const changes = amendments.rows();
      for (const r of changes) {
        const [open] = await tx.select().from(unitsUnit)
          .where(and(eq(unitsUnit.code, r.code), isNull(unitsUnit.validTo)));
        if (!open) throw new Error(`amendment for unknown unit ${r.code}`);
        if (open.validFrom >= r.effective_from) throw new Error(`amendment for ${r.code} predates its current version`);
        await tx.update(unitsUnit).set({ validTo: dayBefore(r.effective_from) }).where(eq(unitsUnit.id, open.id));
        await insertAll(tx, [unit({
          code: r.code, name: r.name, shortName: r.short_name, type: r.type, level: open.level,
          parentCode: r.parent_code || ROOT_CODE, path: open.path,
          validFrom: r.effective_from, validTo: null, source: r.legal_basis,
        })]);
      }
      return changes.length;
    },
  };
  return [root, old, current, amend];
}

/** Runs every step not yet recorded; returns the steps run with their row counts. */
export async function importUnits(database: Database): Promise<{ step: string; rows: number }[]> {
  const done = new Map((await database.db.select().from(unitsImport)).map((r) => [r.step, r.checksum]));
  const ran: { step: string; rows: number }[] = [];
  for (const step of steps()) {
    const seen = done.get(step.name);
    if (seen === step.checksum) continue;
    if (seen) throw new Error(`Unit list "${step.name}" changed since it was imported; ship the change as an amendment file.`);
    const rows = await database.db.transaction(async (tx) => {
      const n = await step.run(tx);
      await tx.insert(unitsImport).values({ step: step.name, checksum: step.checksum, rows: n });
      return n;
    });
    ran.push({ step: step.name, rows });
  }
  return ran;
}
