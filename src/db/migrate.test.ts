// Migrations: applied once, in order; a failing one leaves the database as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { migrate, listMigrations, type Migration } from './migrate.ts';
import { emptyTestDatabase } from '../testing/database.ts';

const m = (version: string, name: string, text: string): Migration => ({ version, name, sql: text, checksum: `${version}:${text.length}` });

test('the shipped migrations apply once and a second run does nothing', async () => {
  const t = await emptyTestDatabase();
  try {
    assert.deepEqual(await migrate(t.database), listMigrations().map((x) => `${x.version}_${x.name}`));
    assert.deepEqual(await migrate(t.database), []);
  } finally { await t.drop(); }
});

test('a failing migration rolls back entirely and stops the run', async () => {
  const t = await emptyTestDatabase();
  try {
    const good = m('0001', 'good', 'create table t_good (id int);');
    const bad = m('0002', 'bad', 'create table t_half (id int); insert into t_half values (1); select no_such_function();');
    const later = m('0003', 'later', 'create table t_later (id int);');
    await assert.rejects(migrate(t.database, [good, bad, later]), /0002_bad failed and was rolled back/);
    const tables = await t.database.rows<{ name: string }>(sql`select table_name as name from information_schema.tables where table_name like 't\\_%' order by 1`);
    assert.deepEqual(tables.map((r) => r.name), ['t_good']);
    const versions = await t.database.rows<{ version: string }>(sql`select version from schema_migrations order by 1`);
    assert.deepEqual(versions.map((r) => r.version), ['0001']);
  } finally { await t.drop(); }
});

test('an applied migration that was edited is refused', async () => {
  const t = await emptyTestDatabase();
  try {
    await migrate(t.database, [m('0001', 'one', 'create table t_one (id int);')]);
    await assert.rejects(migrate(t.database, [m('0001', 'one', 'create table t_one (id bigint);')]), /was changed after it was applied/);
  } finally { await t.drop(); }
});
