// Start-up: config → database → migrations and unit lists → app → listen; graceful shutdown on SIGTERM/SIGINT.
import { loadConfig } from './config.ts';
import { boot } from './boot.ts';
import { buildApp } from './app.ts';
import { DEMO_PASSWORD } from './modules/demo/index.ts';
import { MODULES } from './modules/index.ts';
import { startScheduler, startWorkers } from './platform/jobs.ts';

const ROLE_VI: Record<string, string> = {
  admin: 'quản trị', leader: 'lãnh đạo', handler: 'xử lý đơn', reception: 'tiếp công dân', danvan: 'dân vận', mttq: 'MTTQ', auditor: 'kiểm tra',
};

const config = loadConfig();
const started = Date.now();
const { database, migrations, unitSteps, demo } = await boot(config);
const draining = { value: false };
const app = await buildApp({ database, config }, { draining });
await app.listen({ port: config.PORT, host: config.HOST });
const ctx = { database, config };
const stopJobs = config.JOBS
  ? startScheduler(database.db, MODULES.flatMap((m) => m.jobs?.(ctx) ?? []), 60_000, (msg, detail) => app.log.info({ detail }, msg))
  : async () => {};
const stopWorkers = config.JOBS
  ? startWorkers(MODULES.flatMap((m) => m.workers?.(ctx) ?? []), (msg, detail) => app.log.warn({ detail }, msg))
  : async () => {};

const shown = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
const url = `http://${shown}:${app.server.address() && typeof app.server.address() === 'object' ? (app.server.address() as { port: number }).port : config.PORT}`;
const lines = [
  '',
  `Cầu Nối đã sẵn sàng sau ${((Date.now() - started) / 1000).toFixed(1)} giây — cơ sở dữ liệu: ${database.kind === 'embedded' ? `nhúng (${config.DATA_DIR})` : 'PostgreSQL'}`,
  `  Cổng thông tin người dân:  ${url}/`,
  `  Trang cán bộ:              ${url}/console/`,
  `  Tài liệu API:              ${url}/api/docs`,
];
if (migrations.length) lines.push(`  Đã áp dụng migration: ${migrations.join(', ')}`);
for (const s of unitSteps) lines.push(`  Đã nhập danh mục đơn vị hành chính "${s.step}": ${s.rows} dòng`);
if (demo.length) {
  lines.push('', `  DỮ LIỆU MẪU (demo) — mật khẩu chung: ${DEMO_PASSWORD}`);
  for (const d of demo) lines.push(`    ${d.username.padEnd(22)} ${ROLE_VI[d.role].padEnd(14)} ${d.organisation}`);
} else if (config.demoData) {
  lines.push('', `  Dữ liệu mẫu đã có từ lần chạy trước; mật khẩu chung: ${DEMO_PASSWORD} (ví dụ: hue.quantri, phuxuan.xuly).`);
}
console.log(lines.join('\n'));

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down: finishing requests in flight');
  try {
    // /readyz turns 503 at once so a load balancer stops sending; requests already sent still get served.
    draining.value = true;
    await new Promise((r) => setTimeout(r, config.SHUTDOWN_GRACE_MS));
    await stopJobs();
    await stopWorkers();
    await app.close();
    await database.close();
    process.exit(0);
  } catch (err) {
    app.log.error({ err }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
