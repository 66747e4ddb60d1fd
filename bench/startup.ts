// Embedded start-up: time from `npm start` to /readyz = 200 on an empty data folder and on an existing one,
// and resident memory once ready. The web app is built beforehand, so the build is not counted.
//   node bench/startup.ts [runs=3]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rssMiB, startServer, table } from './lib.ts';

const runs = Number(process.argv[2] ?? 3);
const rows: (string | number)[][] = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'caunoi-bench-'));
  try {
    const first = await startServer({ DATA_DIR: dir, DATABASE_URL: '' }, 3391);
    await new Promise((r) => setTimeout(r, 500));
    const firstRss = rssMiB(first.proc.pid!);
    await first.stop();
    const again = await startServer({ DATA_DIR: dir, DATABASE_URL: '' }, 3391);
    await new Promise((r) => setTimeout(r, 500));
    const againRss = rssMiB(again.proc.pid!);
    await again.stop();
    rows.push([i + 1, first.readyMs, firstRss, again.readyMs, againRss]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
table('Embedded start-up (npm start → /readyz 200)', ['run', 'empty folder ms', 'RSS MiB', 'existing folder ms', 'RSS MiB'], rows);
