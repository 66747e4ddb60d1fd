// Applies the versioned SQL files in src/db/migrations in order, each in its own transaction, once.
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Database } from './database.ts';

const DIR = new URL('./migrations/', import.meta.url);
// One fixed key so two app processes starting together on one server never race.
const LOCK_KEY = 4_721_001;

export interface Migration { version: string; name: string; sql: string; checksum: string }

export function listMigrations(dir: URL = DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(new URL(file, dir), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.slice(5, -4),
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    });
}

/** Applies pending migrations; returns the versions applied. A failing one rolls back whole and stops the run. */
export async function migrate(database: Database, migrations: Migration[] = listMigrations()): Promise<string[]> {
  const applied: string[] = [];
  await database.scripts.inTransaction(async (exec) => {
    await exec(`create table if not exists schema_migrations (
      version text primary key, name text not null, checksum text not null,
      applied_at timestamptz not null default now())`);
  });
  for (const m of migrations) {
    const done = await database.scripts.inTransaction(async (exec, query) => {
      if (database.kind === 'server') await query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const rows = await query('select checksum from schema_migrations where version = $1', [m.version]);
      if (rows.length > 0) {
        if (rows[0].checksum !== m.checksum) {
          throw new Error(`Migration ${m.version}_${m.name} was changed after it was applied; add a new migration instead.`);
        }
        return false;
      }
      try {
        await exec(m.sql);
      } catch (err) {
        throw new Error(`Migration ${m.version}_${m.name} failed and was rolled back: ${(err as Error).message}`, { cause: err });
      }
      await query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [m.version, m.name, m.checksum]);
      return true;
    });
    if (done) applied.push(`${m.version}_${m.name}`);
  }
  return applied;
}
