// Tracking codes and secrets. The code is random; the secret is derived from the case id with the master key, so it
// is never stored and a retried submission can show it again.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U.

function base32(bytes: Buffer, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

const group = (s: string) => `${s.slice(0, 4)}-${s.slice(4, 8)}`;

/** "CN-7K3F-9QXD": 40 random bits. */
export function newTrackingCode(): string {
  return `CN-${group(base32(randomBytes(5), 8))}`;
}

/** "4M2P-XW8R": 40 bits of HMAC(master, case id). */
export function secretFor(master: Buffer, caseId: string): string {
  return group(base32(createHmac('sha256', master).update(`track:${caseId}`).digest(), 8));
}

/** What people type: lower case, spaces, dashes, O for 0, I or L for 1. */
function normalise(s: string): string {
  return s.toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The canonical code for a typed one, or null when it cannot be one. */
export function parseTrackingCode(typed: string): string | null {
  const n = normalise(typed);
  const body = n.startsWith('CN') ? n.slice(2) : n;
  if (body.length !== 8 || [...body].some((ch) => !ALPHABET.includes(ch))) return null;
  return `CN-${group(body)}`;
}

export function secretMatches(master: Buffer, caseId: string, typed: string): boolean {
  const want = Buffer.from(normalise(secretFor(master, caseId)));
  const got = Buffer.from(normalise(typed));
  return got.length === want.length && timingSafeEqual(got, want);
}
