// The one validated configuration object; nothing else in the server reads process.env.
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DEMO_DATA: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(120),
  COOKIE_SECURE: bool.default(true),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(20),
  TRUST_PROXY: bool.default(false),
  WEB_DIST: z.string().min(1).default('web/dist'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  SEAL_MASTER_KEY: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 of 32 bytes').optional(),
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().positive().max(50 * 1_048_576).default(10 * 1_048_576),
  JOBS: bool.default(true),
  DUE_SOON_WORKING_DAYS: z.coerce.number().int().min(1).max(30).default(3),
  BOOKING_PER_HOUR: z.coerce.number().int().positive().default(10),
  PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'smtp://host:port or smtps://user:pass@host:port').optional(),
  MAIL_FROM: z.string().min(3).default('Cầu Nối <khong-tra-loi@caunoi.local>'),
  SMS_TRANSPORT: z.enum(['dev', 'off']).default('dev'),
  ZALO_TRANSPORT: z.enum(['dev', 'off']).default('dev'),
  PORTAL_SUBMISSIONS_PER_HOUR_IP: z.coerce.number().int().positive().default(30),
  PORTAL_SUBMISSIONS_PER_HOUR_DEVICE: z.coerce.number().int().positive().default(10),
  PORTAL_PUBLIC_FILES: z.coerce.number().int().min(0).max(10).default(5),
  TRACK_FAILURES_PER_15MIN: z.coerce.number().int().positive().default(20),
});

export type Config = z.infer<typeof schema> & { demoData: boolean };

/** Reads and validates the environment; throws with every problem listed. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = schema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ (invalid configuration):\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  // Demo data only on the embedded database unless asked for explicitly.
  return { ...c, demoData: c.DEMO_DATA ?? !c.DATABASE_URL };
}
