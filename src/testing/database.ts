// Test databases: a fresh in-memory PGlite, or, when DATABASE_URL is set, a fresh database on that PostgreSQL server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { importUnits } from '../modules/units/index.ts';

export interface TestDatabase { database: Database; drop(): Promise<void> }

/** An empty database (no migrations), on the engine the suite runs against. */
export async function emptyTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, drop: () => database.close() };
  }
  const name = `caunoi_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString() });
  return {
    database,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A database with every migration applied and the official unit lists loaded. */
export async function testDatabase(): Promise<TestDatabase> {
  const t = await emptyTestDatabase();
  await migrate(t.database);
  await importUnits(t.database);
  return t;
}
