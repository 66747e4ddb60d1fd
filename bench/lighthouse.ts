// Lighthouse on the portal's pages, as a phone sees them: Lighthouse's default (mobile) config with simulated
// throttling, categories performance and accessibility, each page 3 times, the median of each column.
// Targets: performance ≥ 90, accessibility ≥ 95 (pages below are marked ✗; a benchmark never fails on them).
// Builds nothing: it serves WEB_DIST (or web/dist) on a fresh embedded database, or measures a running app. Build as
// `npm run build` does, with the Brotli/gzip copies, or the transferred sizes are those of uncompressed files:
//   npx vite build --outDir /tmp/lh-dist && node scripts/precompress.ts /tmp/lh-dist
//   WEB_DIST=/tmp/lh-dist node bench/lighthouse.ts [--runs 3] [--json out.json]
//   node bench/lighthouse.ts --url http://127.0.0.1:3000 [--pages /,/theo-doi]
// Chromium: Debian's /usr/bin/chromium (CHROMIUM_PATH overrides); nothing is downloaded.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startApp, type Running } from '../e2e/server.ts';
import { table } from './lib.ts';

/** The portal's pages; those not written yet are answered with the home page by the server. */
export const PORTAL_PAGES = ['/', '/gui-y-kien', '/theo-doi', '/tra-loi', '/tiep-cong-dan'];
const TARGET = { performance: 90, accessibility: 95 };
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    json: { type: 'string' },
    runs: { type: 'string', default: '3' },
    pages: { type: 'string' },
    port: { type: 'string', default: '3491' },
  },
});
const runs = Math.max(1, Number(args.runs));
const pages = args.pages ? args.pages.split(',').map((p) => p.trim()).filter(Boolean) : PORTAL_PAGES;

interface Run { performance: number; accessibility: number; fcpMs: number; lcpMs: number; tbtMs: number; cls: number; transferredKB: number; failingA11y: { id: string; title: string }[] }
interface PageResult { page: string; url: string; runs: Run[]; median: Omit<Run, 'failingA11y'>; failingA11y: { id: string; title: string }[]; belowTarget: string[] }

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function measure(url: string, port: number): Promise<Run> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (id: 'performance' | 'accessibility') => {
    const s = lhr.categories[id]?.score;
    if (s === null || s === undefined) throw new Error(`Lighthouse gave no ${id} score for ${url}`);
    return Math.round(s * 100);
  };
  const value = (id: string) => {
    const v = lhr.audits[id]?.numericValue;
    if (v === undefined) throw new Error(`Lighthouse gave no ${id} for ${url}: ${lhr.audits[id]?.errorMessage ?? 'missing'}`);
    return v;
  };
  const failingA11y = lhr.categories.accessibility.auditRefs
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && a.scoreDisplayMode === 'binary' && a.score !== null && a.score < 1)
    .map((a) => ({ id: a.id, title: a.title }));
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    fcpMs: value('first-contentful-paint'),
    lcpMs: value('largest-contentful-paint'),
    tbtMs: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    transferredKB: value('total-byte-weight') / 1024,
    failingA11y,
  };
}

let app: Running | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    chrome?.kill();
    void (app?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}
try {
  let base = args.url?.replace(/\/$/, '');
  if (!base) {
    const dist = process.env.WEB_DIST ?? 'web/dist';
    if (!existsSync(join(dist, 'index.html.br'))) console.warn(`${dist} has no Brotli copies (node scripts/precompress.ts ${dist}): the page is sent uncompressed, unlike in production`);
    app = await startApp(Number(args.port));
    base = app.url;
  }
  chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS, logLevel: 'error' });

  const results: PageResult[] = [];
  for (const page of pages) {
    const url = `${base}${page}`;
    const pageRuns: Run[] = [];
    for (let i = 0; i < runs; i++) {
      process.stderr.write(`lighthouse ${page} run ${i + 1}/${runs}\n`);
      pageRuns.push(await measure(url, chrome.port));
    }
    const col = (k: keyof Omit<Run, 'failingA11y'>) => median(pageRuns.map((r) => r[k]));
    const m = { performance: col('performance'), accessibility: col('accessibility'), fcpMs: col('fcpMs'), lcpMs: col('lcpMs'), tbtMs: col('tbtMs'), cls: col('cls'), transferredKB: col('transferredKB') };
    const failing = new Map(pageRuns.flatMap((r) => r.failingA11y).map((a) => [a.id, a]));
    const belowTarget = (['performance', 'accessibility'] as const).filter((k) => m[k] < TARGET[k]);
    results.push({ page, url, runs: pageRuns, median: m, failingA11y: [...failing.values()], belowTarget });
  }

  const mark = (r: PageResult, k: 'performance' | 'accessibility') => `${r.median[k]}${r.belowTarget.includes(k) ? ' ✗' : ''}`;
  table(
    `Lighthouse, mobile (simulated throttling), median of ${runs} run(s) per column; targets: performance ≥ ${TARGET.performance}, accessibility ≥ ${TARGET.accessibility} (✗ = below)`,
    ['page', 'performance', 'accessibility', 'FCP', 'LCP', 'TBT', 'CLS', 'transferred KB'],
    results.map((r) => [
      r.page, mark(r, 'performance'), mark(r, 'accessibility'),
      `${(r.median.fcpMs / 1000).toFixed(1)} s`, `${(r.median.lcpMs / 1000).toFixed(1)} s`, `${Math.round(r.median.tbtMs)} ms`,
      r.median.cls.toFixed(3), r.median.transferredKB.toFixed(1),
    ]),
  );
  const below = results.filter((r) => r.belowTarget.length);
  console.log(below.length ? `\nBelow target: ${below.map((r) => `${r.page} (${r.belowTarget.join(', ')})`).join('; ')}` : '\nEvery page meets the targets.');
  for (const r of results) {
    if (!r.failingA11y.length) continue;
    console.log(`\nFailing accessibility audits on ${r.page}:`);
    for (const a of r.failingA11y) console.log(`- ${a.id}: ${a.title}`);
  }
  if (args.json) {
    writeFileSync(args.json, `${JSON.stringify({ date: new Date().toISOString(), config: 'lighthouse default (mobile, simulated throttling)', targets: TARGET, runs, pages: results }, null, 2)}\n`);
    console.log(`\nResults written to ${args.json}`);
  }
} catch (failure) {
  console.error(failure);
  process.exitCode = 1;
} finally {
  chrome?.kill();
  await app?.stop();
}
