// Sealing secrets for one reader: X25519 key pairs, sealed boxes (ephemeral ECDH + HKDF + AES-256-GCM),
// and wrapping private keys under the server's master key. Only Node's built-in crypto.
import { createCipheriv, createDecipheriv, createHmac, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';

const INFO = Buffer.from('caunoi-seal-v1');

export interface KeyPair { publicKeyPem: string; privateKeyDer: Buffer }

export function generateKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyDer: privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

function gcmEncrypt(key: Buffer, plain: Buffer, aad: Buffer) {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(aad);
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return { iv: iv.toString('base64'), ct: ct.toString('base64'), tag: c.getAuthTag().toString('base64') };
}

function gcmDecrypt(key: Buffer, box: { iv: string; ct: string; tag: string }, aad: Buffer): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
  d.setAAD(aad);
  d.setAuthTag(Buffer.from(box.tag, 'base64'));
  return Buffer.concat([d.update(Buffer.from(box.ct, 'base64')), d.final()]);
}

function boxKey(shared: Buffer, epk: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([epk, recipient]), INFO, 32));
}

function rawPublic(key: KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
}

/** Seals bytes so that only the holder of the private key can open them. Needs only the public key. */
export function seal(publicKeyPem: string, plain: Buffer, context: string): string {
  const recipient = createPublicKey(publicKeyPem);
  const eph = generateKeyPairSync('x25519');
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: recipient });
  const epk = rawPublic(eph.publicKey);
  const key = boxKey(shared, epk, rawPublic(recipient));
  const box = gcmEncrypt(key, plain, Buffer.from(context));
  return Buffer.from(JSON.stringify({ v: 1, epk: epk.toString('base64'), ...box })).toString('base64');
}

/** Opens a sealed box; throws if the key, the context or the bytes do not match. */
export function unseal(privateKeyDer: Buffer, sealed: string, context: string): Buffer {
  const env = JSON.parse(Buffer.from(sealed, 'base64').toString()) as { v: number; epk: string; iv: string; ct: string; tag: string };
  if (env.v !== 1) throw new Error('unknown seal version');
  const privateKey = createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
  const epk = Buffer.from(env.epk, 'base64');
  const ephPublic = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: epk.toString('base64url') }, format: 'jwk' });
  const shared = diffieHellman({ privateKey, publicKey: ephPublic });
  const key = boxKey(shared, epk, rawPublic(createPublicKey(privateKey)));
  return gcmDecrypt(key, env, Buffer.from(context));
}

/** Wraps a private key under the master key (32 bytes); `label` binds it to its row. */
export function wrapKey(master: Buffer, privateKeyDer: Buffer, label: string): string {
  return Buffer.from(JSON.stringify(gcmEncrypt(master, privateKeyDer, Buffer.from(label)))).toString('base64');
}

export function unwrapKey(master: Buffer, wrapped: string, label: string): Buffer {
  return gcmDecrypt(master, JSON.parse(Buffer.from(wrapped, 'base64').toString()), Buffer.from(label));
}

/** A keyed hash for matching equal values (a phone number, an ID number) without storing them in clear. */
export function blindIndex(master: Buffer, kind: string, value: string): string {
  return createHmac('sha256', master).update(`${kind}:${value}`).digest('base64url').slice(0, 22);
}
