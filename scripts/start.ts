// `npm start`: builds the web app when it is missing or older than its sources, then starts the server.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const built = 'web/dist/index.html';
const sources = Math.max(newest('web'), existsSync('vite.config.ts') ? statSync('vite.config.ts').mtimeMs : 0);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Đang dựng giao diện web (lần đầu hoặc mã nguồn đã đổi)…');
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  const c = spawnSync(process.execPath, ['scripts/precompress.ts'], { stdio: 'inherit' });
  if (c.status !== 0) process.exit(c.status ?? 1);
}
await import('../src/main.ts');
