// The policy function: role × scope, deny by default, smallest scope sets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { can, definePolicy, isWithin, scopesFor, type Actor, type Role } from './access.ts';

definePolicy({ 'test.read': ['admin', 'auditor'], 'test.write': ['admin'] });

const actor = (...grants: [Role, string][]): Actor => ({
  userId: 'u', username: 'u', fullName: 'U',
  grants: grants.map(([role, unitPath]) => ({ role, unitPath, unitCode: unitPath.split('.').pop()!, organisationId: 'o' })),
});

test('isWithin follows ltree labels, not string prefixes', () => {
  assert.ok(isWithin('VN.46.19753', 'VN.46'));
  assert.ok(isWithin('VN.46', 'VN.46'));
  assert.ok(!isWithin('VN.460', 'VN.46'));
  assert.ok(!isWithin('VN.46', 'VN.46.19753'));
});

test('table: who may do what where', () => {
  const cases: [Actor | null, string, string, boolean][] = [
    [actor(['admin', 'VN.46']), 'test.write', 'VN.46.19753', true],   // province admin, commune record
    [actor(['admin', 'VN.46.19753']), 'test.write', 'VN.46', false],  // commune admin, province record
    [actor(['admin', 'VN.46.19753']), 'test.write', 'VN.46.19789', false], // sibling commune
    [actor(['auditor', 'VN.46']), 'test.read', 'VN.46.19753', true],
    [actor(['auditor', 'VN.46']), 'test.write', 'VN.46.19753', false], // read-only role
    [actor(['handler', 'VN']), 'test.read', 'VN.46', false],           // role without the action
    [actor(['admin', 'VN']), 'test.write', 'VN.01.00004', true],       // central sees all
    [actor(['handler', 'VN.46'], ['admin', 'VN.01']), 'test.write', 'VN.46', false], // roles do not mix across units
    [null, 'test.read', 'VN', false],
  ];
  for (const [a, action, path, expected] of cases) assert.equal(can(a, action, { unitPath: path }), expected, `${JSON.stringify(a?.grants)} ${action} ${path}`);
});

test('unknown actions are refused loudly, not silently allowed', () => {
  assert.throws(() => can(actor(['admin', 'VN']), 'no.such.action', { unitPath: 'VN' }));
});

test('scopesFor drops nested scopes', () => {
  assert.deepEqual(scopesFor(actor(['admin', 'VN.46'], ['auditor', 'VN.46.19753'], ['admin', 'VN.01']), 'test.read'), ['VN.01', 'VN.46']);
  assert.deepEqual(scopesFor(actor(['handler', 'VN']), 'test.read'), []);
});
