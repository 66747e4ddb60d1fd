// Vietnam's calendar day and ISO day checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayBefore, isIsoDay, todayVN } from './clock.ts';

test('today in Vietnam is UTC+7 whatever the server zone', () => {
  assert.equal(todayVN(new Date('2026-04-29T17:00:00Z')), '2026-04-30');
  assert.equal(todayVN(new Date('2026-04-29T16:59:59Z')), '2026-04-29');
});

test('isIsoDay accepts real days only', () => {
  assert.ok(isIsoDay('2024-02-29'));
  for (const bad of ['2026-02-29', '2026-13-01', '2026-2-1', '01/02/2026', '']) assert.ok(!isIsoDay(bad), bad);
  assert.equal(dayBefore('2026-03-01'), '2026-02-28');
});
