// Opens the database, embedded (PGlite in a folder or in memory) or a PostgreSQL server, behind one Drizzle handle.
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { mkdirSync } from 'node:fs';

// Calendar days stay 'YYYY-MM-DD' strings on both drivers, never JS Dates shifted by a time zone.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (v) => v);

// Both drivers expose the same query builder; the type of the PostgreSQL one stands for both.
export type Db = ReturnType<typeof drizzlePg>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

/** A session on which a multi-statement script can run inside one transaction. */
interface ScriptRunner {
  /** Runs fn in a transaction on one connection; exec runs a script of several statements. */
  inTransaction<T>(fn: (exec: (script: string) => Promise<void>, query: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T>;
}

export interface Database {
  kind: 'embedded' | 'server';
  db: Db;
  scripts: ScriptRunner;
  /** Rows of a raw SQL statement (drizzle `sql` template). */
  rows<T = Record<string, unknown>>(query: SQL, executor?: Executor): Promise<T[]>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** Folder for the embedded database; 'memory://' keeps it in memory (tests). */
  dataDir?: string;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openServer(opts.databaseUrl);
  return openEmbedded(opts.dataDir ?? './data');
}

async function rowsOf<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

async function openEmbedded(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, {
    extensions: { ltree, pg_trgm },
    parsers: { [DATE_OID]: (v: string) => v },
  });
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    kind: 'embedded',
    db,
    scripts: {
      inTransaction: (fn) =>
        client.transaction((tx) =>
          fn(
            async (script) => { await tx.exec(script); },
            async (text, params) => (await tx.query<Record<string, unknown>>(text, params)).rows,
          ),
        ),
    },
    rows: (query, executor = db) => rowsOf(executor, query),
    ping: async () => (await client.query('select 1 as ok')).rows.length === 1,
    close: async () => { if (!client.closed) await client.close(); },
  };
}

async function openServer(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 });
  // An idle connection the server ends (a restart, an administrator's command) is dropped from the pool and the next
  // query opens a new one; unhandled, the pool's 'error' event would stop the whole process.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool });
  let closed = false;
  return {
    kind: 'server',
    db,
    scripts: {
      async inTransaction(fn) {
        const c = await pool.connect();
        try {
          await c.query('begin');
          const out = await fn(
            async (script) => { await c.query(script); },
            async (text, params) => (await c.query(text, params)).rows,
          );
          await c.query('commit');
          return out;
        } catch (err) {
          await c.query('rollback').catch(() => {});
          throw err;
        } finally {
          c.release();
        }
      },
    },
    rows: (query, executor = db) => rowsOf(executor, query),
    ping: async () => {
      try { return (await pool.query('select 1 as ok')).rowCount === 1; } catch { return false; }
    },
    close: async () => { if (!closed) { closed = true; await pool.end(); } },
  };
}

export { sql };
