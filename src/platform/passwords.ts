// Password hashing with argon2id (Node's built-in implementation), stored as a PHC string, and the password rule.
import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';

// OWASP's minimum recommendation for argon2id: 19 MiB, 2 passes, 1 lane.
const PARAMS = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 };
export const MIN_PASSWORD_LENGTH = 10;

function derive(password: string, salt: Buffer, p: typeof PARAMS): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    argon2('argon2id', { message: password, nonce: salt, ...p }, (err, key) => (err ? reject(err) : resolve(Buffer.from(key))));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return `$argon2id$v=19$m=${PARAMS.memory},t=${PARAMS.passes},p=${PARAMS.parallelism}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored);
  if (!m) return false;
  const expected = Buffer.from(m[5], 'base64url');
  const key = await derive(password, Buffer.from(m[4], 'base64url'), {
    memory: +m[1], passes: +m[2], parallelism: +m[3], tagLength: expected.length,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Spends the same time as a real check, so that unknown usernames cannot be told apart by timing. */
let dummy: Promise<string> | undefined;
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword('cau-noi-dummy-password-1');
  await verifyPassword(password, await dummy);
  return false;
}

/** At least MIN_PASSWORD_LENGTH characters, letters and digits, not the username. */
export function isAcceptablePassword(password: string, username: string): boolean {
  return password.length >= MIN_PASSWORD_LENGTH
    && /\p{L}/u.test(password) && /\p{N}/u.test(password)
    && password.toLowerCase() !== username.toLowerCase();
}
