// Residents' submissions through HTTP: POST /api/public/cases (JSON, and multipart with one 200 KB photo) at
// concurrency 8 and 32 against one app process, p50/p99 latency and submissions per second; also tracking lookups.
// PostgreSQL when BENCH_DATABASE_URL is set (a scratch database is made and dropped), else the embedded database.
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/portal.ts [submissions per run]
//   node bench/portal.ts --embedded [submissions per run]
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { boot } from '../src/boot.ts';
import { ensureOrganisation } from '../src/modules/organisations/index.ts';
import { percentile, startServer, table, withScratchDatabase } from './lib.ts';

const embedded = process.argv.includes('--embedded');
const perRun = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? (embedded ? 300 : 1000));
const MASTER = randomBytes(32).toString('base64');
// The limits hold back abuse from one address; a benchmark from one address lifts them.
const LIFTED = { PORTAL_SUBMISSIONS_PER_HOUR_IP: '100000000', PORTAL_SUBMISSIONS_PER_HOUR_DEVICE: '100000000', TRACK_FAILURES_PER_15MIN: '100000000' };

const SUBJECTS = [
  ['moi_truong', 'Rác thải tồn đọng ở đầu kiệt', 'Rác thải sinh hoạt tồn đọng nhiều ngày, bốc mùi, đề nghị phường cho thu gom sớm.'],
  ['giao_thong', 'Ổ gà lớn trên đường', 'Mặt đường có nhiều ổ gà sâu, xe máy dễ ngã khi trời mưa, đề nghị sửa chữa.'],
  ['an_ninh_trat_tu', 'Tụ tập gây ồn ào ban đêm', 'Một nhóm thanh niên thường tụ tập uống rượu, hát karaoke đến khuya.'],
  ['xay_dung', 'Công trình xây dựng lấn vỉa hè', 'Công trình nhà ở đổ vật liệu xây dựng chiếm hết vỉa hè, người đi bộ phải xuống lòng đường.'],
];
const COMMUNES = ['19753', '19789', '19867'];

// A 200 KB JPEG-like payload: a real JPEG header and random bytes, the size of a phone photo after resizing.
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), randomBytes(200 * 1024), Buffer.from('ffd9', 'hex')]);

function body(i: number) {
  const [fieldCode, title, content] = SUBJECTS[i % SUBJECTS.length];
  return {
    kind: i % 5 === 0 ? 'kien_nghi' : 'phan_anh', fieldCode, title: `${title} số ${i}`, content: `${content} (lần ${i})`,
    place: { unitCode: COMMUNES[i % COMMUNES.length], address: `${(i % 200) + 1} Lê Lợi` },
    petitioner: i % 2 ? { name: 'Nguyễn Văn An', phone: '0905123456', email: `nguoidan${i}@example.vn` } : {},
    consent: true,
  };
}

function multipart(data: unknown): { body: Buffer; type: string } {
  const b = `----bench${randomUUID()}`;
  return {
    type: `multipart/form-data; boundary=${b}`,
    body: Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(data)}\r\n--${b}\r\nContent-Disposition: form-data; name="files"; filename="anh.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      JPEG, Buffer.from(`\r\n--${b}--\r\n`),
    ]),
  };
}

async function run(n: number, conc: number, fn: (i: number) => Promise<void>) {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: conc }, async () => {
    for (let i = next++; i < n; i = next++) {
      const s = performance.now();
      await fn(i);
      lat.push(performance.now() - s);
    }
  }));
  const secs = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  return { perSec: n / secs, p50: percentile(lat, 50), p99: percentile(lat, 99) };
}

let seq = 0;
async function submitJson(url: string): Promise<{ trackingCode: string; secret: string }> {
  const i = seq++;
  const r = await fetch(`${url}/api/public/cases`, {
    method: 'POST', body: JSON.stringify(body(i)),
    headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${randomUUID()}`, 'x-device-id': `device-${i % 500}` },
  });
  if (r.status !== 201) throw new Error(`submission ${r.status}: ${await r.text()}`);
  return r.json() as Promise<{ trackingCode: string; secret: string }>;
}

async function submitPhoto(url: string): Promise<void> {
  const m = multipart(body(seq++));
  const r = await fetch(`${url}/api/public/cases`, { method: 'POST', body: new Uint8Array(m.body), headers: { 'content-type': m.type, 'idempotency-key': `bench-${randomUUID()}` } });
  if (r.status !== 201) throw new Error(`submission ${r.status}: ${await r.text()}`);
}

async function measure(label: string, env: Record<string, string>, port: number) {
  const s = await startServer({ ...env, ...LIFTED, JOBS: 'false', COOKIE_SECURE: 'false', SEAL_MASTER_KEY: MASTER }, port);
  const rows: (string | number)[][] = [];
  try {
    for (let i = 0; i < 20; i++) await submitJson(s.url); // warm-up
    const receipts: { trackingCode: string; secret: string }[] = [];
    for (const conc of [8, 32]) {
      const r = await run(perRun, conc, async () => { receipts.push(await submitJson(s.url)); });
      rows.push([label, 'gửi đơn (JSON)', conc, perRun, r.p50, r.p99, r.perSec]);
    }
    for (const conc of [8, 32]) {
      const n = Math.max(50, Math.round(perRun / 5));
      const r = await run(n, conc, () => submitPhoto(s.url));
      rows.push([label, 'gửi đơn kèm ảnh 200 KB', conc, n, r.p50, r.p99, r.perSec]);
    }
    for (const conc of [8, 32]) {
      const r = await run(perRun, conc, async (i) => {
        const t = receipts[i % receipts.length];
        const res = await fetch(`${s.url}/api/public/track`, { method: 'POST', body: JSON.stringify({ code: t.trackingCode, secret: t.secret }), headers: { 'content-type': 'application/json' } });
        if (res.status !== 200) throw new Error(`track ${res.status}`);
        await res.arrayBuffer();
      });
      rows.push([label, 'tra cứu đơn', conc, perRun, r.p50, r.p99, r.perSec]);
    }
  } finally { await s.stop(); }
  return rows;
}

const header = ['cơ sở dữ liệu', 'thao tác', 'đồng thời', 'số yêu cầu', 'p50 ms', 'p99 ms', 'yêu cầu/giây'];
let rows: (string | number)[][];
if (embedded) {
  const dir = mkdtempSync(join(tmpdir(), 'caunoi-bench-portal-'));
  try { rows = await measure('PGlite', { DATA_DIR: dir, DATABASE_URL: '', DEMO_DATA: 'true' }, 3396); } finally { rmSync(dir, { recursive: true, force: true }); }
} else {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) throw new Error('set BENCH_DATABASE_URL (or pass --embedded)');
  rows = await withScratchDatabase(serverUrl, 'caunoi_bench_portal', async (target) => {
    // Receiving organisations for the three communes; a server install makes sealing keys by an administrator's hand.
    const config = loadConfig({ DATABASE_URL: target, DEMO_DATA: 'false', LOG_LEVEL: 'silent', SEAL_MASTER_KEY: MASTER });
    const { database } = await boot(config);
    for (const code of COMMUNES) await ensureOrganisation({ database, config }, { unitCode: code, kind: 'ubnd', name: `UBND ${code}` });
    await database.close();
    return measure('PostgreSQL', { DATABASE_URL: target }, 3397);
  });
}
table('Cổng người dân — gửi và tra cứu đơn qua HTTP (một tiến trình)', header, rows);
