// Runs every benchmark in turn and prints their tables: `npm run bench` (set BENCH_DATABASE_URL for PostgreSQL figures).
import { spawnSync } from 'node:child_process';

for (const script of ['bench/bundle-size.ts', 'bench/startup.ts', 'bench/unit-search.ts']) {
  const r = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
