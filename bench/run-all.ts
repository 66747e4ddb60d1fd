// Runs every benchmark in turn and prints their tables: `npm run bench` (set BENCH_DATABASE_URL for PostgreSQL figures,
// among them the case core on 1,000,000 generated cases; BENCH_NATIONAL=1 adds the report at national scale, about 5
// minutes; BENCH_LIGHTHOUSE=1 adds Lighthouse on the portal, a few minutes).
import { spawnSync } from 'node:child_process';

const runs: string[][] = [['bench/bundle-size.ts'], ['bench/startup.ts'], ['bench/unit-search.ts'], ['bench/cases.ts', '--embedded'], ['bench/portal.ts', '--embedded']];
if (process.env.BENCH_DATABASE_URL) runs.push(['bench/cases.ts'], ['bench/portal.ts']);
if (process.env.BENCH_DATABASE_URL && process.env.BENCH_NATIONAL === '1') runs.push(['bench/national.ts']);
if (process.env.BENCH_LIGHTHOUSE === '1') runs.push(['bench/lighthouse.ts']);
for (const args of runs) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
