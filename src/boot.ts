// Brings a database to a working state: migrations, the official unit lists, and (embedded demo installs) the demo data.
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { importUnits } from './modules/units/index.ts';
import { seedDemo, type DemoLogin } from './modules/demo/index.ts';
import { MODULES } from './modules/index.ts';

export interface Booted { database: Database; migrations: string[]; unitSteps: { step: string; rows: number }[]; demo: DemoLogin[] }

export async function boot(config: Config, dataDir: string = config.DATA_DIR): Promise<Booted> {
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir });
  try {
    const migrations = await migrate(database);
    const unitSteps = await importUnits(database);
    const demo = config.demoData ? await seedDemo({ database, config }) : [];
    for (const m of MODULES) await m.onBoot?.({ database, config });
    return { database, migrations, unitSteps, demo };
  } catch (err) {
    await database.close();
    throw err;
  }
}
