// Folding and normalising Vietnamese text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareVi, foldKey, nfc, normaliseStrings } from './text.ts';

test('foldKey ignores diacritics, đ, case and extra spaces', () => {
  for (const s of ['Hà Nội', 'HÀ NỘI', 'ha noi', '  Ha   Noi ']) assert.equal(foldKey(s), 'ha noi');
  assert.equal(foldKey('Phường Ba Đình'), 'phuong ba dinh');
  assert.equal(foldKey('Xã Ea H’Leo'), "xa ea h'leo");
});

test('foldKey gives one key for both tone-mark placements (Hòa / Hoà, Thủy / Thuỷ)', () => {
  assert.equal(foldKey('Hòa Bình'), foldKey('Hoà Bình'));
  assert.equal(foldKey('Thủy Xuân'), foldKey('Thuỷ Xuân'));
});

test('normaliseStrings turns decomposed input into NFC everywhere in a JSON value', () => {
  const decomposed = 'Nguyễn'.normalize('NFD');
  assert.notEqual(decomposed, 'Nguyễn');
  const out = normaliseStrings({ a: decomposed, b: [decomposed, 1, null], c: { d: decomposed } });
  assert.deepEqual(out, { a: 'Nguyễn', b: ['Nguyễn', 1, null], c: { d: 'Nguyễn' } });
  assert.equal(nfc(decomposed), 'Nguyễn');
});

test('Vietnamese collation puts Đ after D and Ư after U', () => {
  const sorted = ['Ước', 'Đông', 'Dương', 'Uông', 'An'].sort(compareVi);
  assert.deepEqual(sorted, ['An', 'Dương', 'Đông', 'Uông', 'Ước']);
});
