// The real server process: starts on an empty embedded folder, answers, and on SIGTERM finishes what is
// in flight, closes the database cleanly and exits 0; the folder then opens again with its data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = 3000 + (process.pid % 2000) + 1000;

async function start(dir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'warn', WEB_DIST: 'web/dist-none' };
  delete env.DATABASE_URL;
  const proc = spawn(process.execPath, ['src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (d) => { out += d; });
  proc.stderr.on('data', (d) => { out += d; });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  for (let i = 0; i < 600; i++) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${out}`);
    try { if ((await fetch(`http://127.0.0.1:${PORT}/readyz`)).ok) return { proc, exited, output: () => out }; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill('SIGKILL');
  throw new Error(`server not ready: ${out}`);
}

test('start, demo logins printed, graceful SIGTERM, clean reopen', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'caunoi-main-'));
  try {
    const first = await start(dir);
    assert.match(first.output(), /DỮ LIỆU MẪU/);
    assert.match(first.output(), /hue\.quantri/);
    assert.match(first.output(), new RegExp(`http://127.0.0.1:${PORT}/console/`));
    const login = await fetch(`http://127.0.0.1:${PORT}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'hue.quantri', password: 'caunoi-demo-2026' }) });
    assert.equal(login.status, 200);

    const inFlight = Array.from({ length: 20 }, () => fetch(`http://127.0.0.1:${PORT}/api/units?q=phuong`).then((r) => r.status));
    await new Promise((r) => setTimeout(r, 5));
    first.proc.kill('SIGTERM');
    const statuses = await Promise.all(inFlight);
    assert.ok(statuses.every((s) => s === 200 || s === 503), `statuses: ${statuses}`);
    assert.equal(await first.exited, 0);

    const again = await start(dir);
    assert.match(again.output(), /Dữ liệu mẫu đã có từ lần chạy trước/);
    const relogin = await fetch(`http://127.0.0.1:${PORT}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'hue.quantri', password: 'caunoi-demo-2026' }) });
    assert.equal(relogin.status, 200);
    again.proc.kill('SIGTERM');
    assert.equal(await again.exited, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('kill -9 during a burst of case writes loses no acknowledged case', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'caunoi-kill-'));
  try {
    const first = await start(dir);
    const login = await fetch(`http://127.0.0.1:${PORT}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'phuxuan.xuly', password: 'caunoi-demo-2026' }) });
    assert.equal(login.status, 200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('cn_session='))!;
    const acknowledged: string[] = [];
    let killed = false;
    const write = async (i: number) => {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/cases`, {
        method: 'POST', headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: i % 4 === 0 ? 'to_cao' : 'phan_anh', channel: 'hotline', fieldCode: 'moi_truong', title: `Phản ánh dồn dập số ${i}`,
          content: 'Khói bụi từ bãi đốt rác gây khó thở cho người dân trong tổ dân phố.', place: { unitCode: '19753' },
          petitioner: { name: 'Người dân thử', address: 'Phú Xuân' },
        }),
      });
      if (res.status === 201) acknowledged.push((await res.json()).id);
    };
    // Eight writers; the process is killed with SIGKILL once 40 writes are acknowledged, others still in flight.
    await Promise.all(Array.from({ length: 8 }, async (_, w) => {
      for (let i = w; !killed; i += 8) {
        try { await write(i); } catch { return; }
        if (acknowledged.length >= 40 && !killed) { killed = true; first.proc.kill('SIGKILL'); }
      }
    }));
    await first.exited;
    const again = await start(dir);
    const relogin = await fetch(`http://127.0.0.1:${PORT}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'phuxuan.xuly', password: 'caunoi-demo-2026' }) });
    const cookie2 = relogin.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('cn_session='))!;
    const missing: string[] = [];
    for (const id of acknowledged) {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/cases/${id}`, { headers: { cookie: cookie2 } });
      if (res.status !== 200) missing.push(id);
      else assert.equal((await res.json()).events[0].type, 'received');
    }
    assert.ok(acknowledged.length >= 40);
    assert.deepEqual(missing, []);
    again.proc.kill('SIGTERM');
    assert.equal(await again.exited, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
