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
