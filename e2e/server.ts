// Starts the built app on a fresh embedded database for a browser test, and Debian's Chromium through playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const SHOTS = 'test-results/screenshots';

export interface Running { url: string; proc: ChildProcess; stop(): Promise<void> }

export async function startApp(port: number): Promise<Running> {
  const dist = process.env.WEB_DIST ?? 'web/dist';
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} is missing: run \`npm run build\` first`);
  const dir = mkdtempSync(join(tmpdir(), 'caunoi-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'warn', SHUTDOWN_GRACE_MS: '0' };
  delete env.DATABASE_URL;
  const proc = spawn(process.execPath, ['src/main.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (proc.exitCode !== null) throw new Error('server exited');
    try { if ((await fetch(`${url}/readyz`)).ok) break; } catch { /* starting */ }
    if (i > 1200) throw new Error('server not ready');
    await new Promise((r) => setTimeout(r, 100));
  }
  mkdirSync(SHOTS, { recursive: true });
  return {
    url, proc,
    stop: () => new Promise((resolve) => {
      proc.once('exit', () => { rmSync(dir, { recursive: true, force: true }); resolve(); });
      proc.kill('SIGTERM');
    }),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
