// Unit search by name over the full official list, through HTTP: p50/p99 latency on the embedded database
// and on PostgreSQL (when BENCH_DATABASE_URL is set). Queries are real unit names, half typed without diacritics.
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/unit-search.ts [requests=1000]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { percentile, startServer, table, withScratchDatabase } from './lib.ts';
import { foldKey } from '../src/platform/text.ts';

const total = Number(process.argv[2] ?? 1000);
const names = (parse(readFileSync('src/modules/units/data/units-2025.csv', 'utf8'), { columns: true }) as { short_name: string }[]).map((r) => r.short_name);
// A fixed pseudo-random sequence, so that runs compare.
let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const queries = Array.from({ length: total }, (_, i) => {
  const name = names[Math.floor(rand() * names.length)];
  return i % 2 ? foldKey(name) : name;
});

async function measure(url: string): Promise<number[]> {
  for (const q of queries.slice(0, 50)) await (await fetch(`${url}/api/units?q=${encodeURIComponent(q)}`)).arrayBuffer(); // warm-up
  const times: number[] = [];
  let misses = 0;
  for (const q of queries) {
    const t = performance.now();
    const res = await fetch(`${url}/api/units?q=${encodeURIComponent(q)}&limit=20`);
    const body = await res.json() as { items: unknown[] };
    times.push(performance.now() - t);
    if (res.status !== 200 || body.items.length === 0) misses++;
  }
  if (misses) throw new Error(`${misses} searches found nothing`);
  return times.sort((a, b) => a - b);
}

const rows: (string | number)[][] = [];
const dir = mkdtempSync(join(tmpdir(), 'caunoi-bench-'));
try {
  const s = await startServer({ DATA_DIR: dir, DATABASE_URL: '' }, 3392);
  const t = await measure(s.url);
  rows.push(['embedded (PGlite)', t.length, percentile(t, 50), percentile(t, 99), t.at(-1)!]);
  await s.stop();
} finally { rmSync(dir, { recursive: true, force: true }); }

const serverUrl = process.env.BENCH_DATABASE_URL;
if (serverUrl) {
  await withScratchDatabase(serverUrl, 'caunoi_bench', async (url) => {
    const s = await startServer({ DATABASE_URL: url }, 3393);
    const t = await measure(s.url);
    rows.push(['PostgreSQL', t.length, percentile(t, 50), percentile(t, 99), t.at(-1)!]);
    await s.stop();
  });
}
table('GET /api/units?q=… (sequential, keep-alive, 20 results max)', ['database', 'requests', 'p50 ms', 'p99 ms', 'max ms'], rows);
