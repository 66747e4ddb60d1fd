// The server's master key, which wraps the units' private keys: from SEAL_MASTER_KEY, or a file in DATA_DIR made on first use.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';

const cache = new WeakMap<Config, Buffer>();

export function masterKey(config: Config): Buffer {
  const known = cache.get(config);
  if (known) return known;
  let key: Buffer;
  if (config.SEAL_MASTER_KEY) key = Buffer.from(config.SEAL_MASTER_KEY, 'base64');
  else {
    const file = join(config.DATA_DIR, 'seal-master.key');
    if (!existsSync(file)) {
      mkdirSync(config.DATA_DIR, { recursive: true });
      // 'wx' refuses to overwrite a key another process wrote a moment ago.
      try { writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' }); } catch (err) { if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; }
    }
    key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  }
  if (key.length !== 32) throw new Error('SEAL_MASTER_KEY must be 32 bytes');
  cache.set(config, key);
  return key;
}
