// argon2id hashing and the password rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, isAcceptablePassword, verifyPassword } from './passwords.ts';

test('argon2id hashes verify the right password only, and never repeat', async () => {
  const a = await hashPassword('mật khẩu 2026');
  const b = await hashPassword('mật khẩu 2026');
  assert.match(a, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.notEqual(a, b);
  assert.ok(await verifyPassword('mật khẩu 2026', a));
  assert.ok(!(await verifyPassword('mật khẩu 2025', a)));
  assert.ok(!(await verifyPassword('x', 'not-a-hash')));
});

test('passwords need length, letters and digits, and differ from the username', () => {
  assert.ok(isAcceptablePassword('caunoi-demo-2026', 'hue.quantri'));
  assert.ok(!isAcceptablePassword('short1', 'x'));
  assert.ok(!isAcceptablePassword('onlyletterslong', 'x'));
  assert.ok(!isAcceptablePassword('1234567890123', 'x'));
  assert.ok(!isAcceptablePassword('Nguyenvan123', 'nguyenvan123'));
});
