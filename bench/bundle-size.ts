// Initial JavaScript of each face of the web app, gzipped: the entry script of its HTML page and every
// module it preloads (what the browser fetches before the page can run). Needs `npm run build` first.
//   node bench/bundle-size.ts
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { table } from './lib.ts';

const DIST = process.env.WEB_DIST ?? 'web/dist';
function initialScripts(html: string): string[] {
  const srcs = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
  return [...new Set(srcs)];
}

const rows: (string | number)[][] = [];
for (const [face, page, budget] of [['Cổng thông tin (portal) /', 'index.html', 100], ['Trang cán bộ (console) /console/', 'console/index.html', null]] as const) {
  const files = initialScripts(readFileSync(`${DIST}/${page}`, 'utf8'));
  let raw = 0; let gz = 0;
  for (const f of files) {
    const buf = readFileSync(`${DIST}${f.startsWith('/') ? f : `/${f}`}`);
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  rows.push([face, files.length, raw / 1024, gz / 1024, budget === null ? '—' : `${budget} KB: ${gz / 1024 <= budget ? 'đạt' : 'VƯỢT'}`]);
}
table('Initial JavaScript per face', ['face', 'files', 'raw KB', 'gzip KB', 'budget'], rows);
