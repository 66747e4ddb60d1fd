// The calendar over HTTP on a real database: public look-ups, the seeded 2026 decisions, adjustments by a central administrator only, bad input.
import { after, before, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { harness, type Harness } from '../../testing/given.ts';
import { todayVN } from '../../platform/clock.ts';
import { calendarOf } from './index.ts';

let h: Harness;
let central: string; let provinceAdmin: string; let handler: string;
before(async () => {
  h = await harness();
  central = (await h.given.official('admin', 'VN')).cookie;
  provinceAdmin = (await h.given.official('admin', '46')).cookie;
  handler = (await h.given.official('handler', '19753')).cookie;
});
after(() => h.close());

const call = async (method: string, url: string, cookie?: string, payload?: unknown, headers: Record<string, string> = {}) => {
  const res = await h.app.inject({ method: method as 'GET', url, headers: { ...(cookie ? { cookie } : {}), ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: res.statusCode, body: res.body ? res.json() : null, type: res.headers['content-type'] };
};
const add = async (from: string, days: number, unit: 'working' | 'calendar') => (await call('GET', `/api/calendar/add?from=${from}&days=${days}&unit=${unit}`)).body.date as string;

test('the days off of 2026, public, with lunar dates, the seeded New Year swap and Tết as decided (14–22 Feb)', async () => {
  const r = await call('GET', '/api/calendar/holidays?year=2026');
  assert.equal(r.status, 200);
  assert.equal(r.body.year, 2026);
  const byDate = new Map(r.body.items.map((d: { date: string }) => [d.date, d]));
  assert.deepEqual(r.body.items.map((d: { date: string; kind: string }) => `${d.date} ${d.kind}`), [
    '2026-01-01 holiday', '2026-01-02 adjustment',
    '2026-02-16 holiday', '2026-02-17 holiday', '2026-02-18 holiday', '2026-02-19 holiday', '2026-02-20 holiday',
    '2026-04-26 holiday', '2026-04-27 compensatory', '2026-04-30 holiday', '2026-05-01 holiday', '2026-09-01 holiday', '2026-09-02 holiday',
  ]);
  assert.deepEqual(byDate.get('2026-02-17'), {
    date: '2026-02-17', name: 'Tết Nguyên đán (mùng 1 tháng Giêng)', kind: 'holiday', source: 'Bộ luật Lao động 2019, Điều 112 khoản 1',
    lunar: { day: 1, month: 1, year: 2026, leap: false },
  });
  assert.deepEqual((byDate.get('2026-04-26') as { lunar: unknown }).lunar, { day: 10, month: 3, year: 2026, leap: false });
  assert.match((byDate.get('2026-04-27') as { name: string }).name, /^Nghỉ bù Giỗ Tổ Hùng Vương/);
  assert.match((byDate.get('2026-01-02') as { source: string }).source, /12729\/VPCP-KGVX/);
  assert.deepEqual(r.body.workdays.map((d: { date: string }) => d.date), ['2026-01-10']);
  assert.ok(!r.body.items.some((d: { date: string }) => d.date === '2026-11-24'), '24/11 is not law yet');
  // The whole Tết break: nothing between Friday 13 and Monday 23 February is a working day.
  assert.equal(await add('2026-02-13', 1, 'working'), '2026-02-23');
  assert.equal((await call('GET', '/api/calendar/holidays')).body.year, Number(todayVN().slice(0, 4)), 'the year defaults to this year in Vietnam');
});

test('deadlines in working and calendar days, and the lunar date of a day', async () => {
  assert.equal(await add('2026-02-10', 10, 'working'), '2026-03-03');
  assert.equal(await add('2026-01-20', 30, 'calendar'), '2026-02-23', 'last day on Tết moves to the next working day');
  assert.equal(await add('2026-03-27', 30, 'calendar'), '2026-04-28', 'last day on Giỗ Tổ (Sunday) moves past the compensatory Monday');
  assert.equal(await add('2026-01-09', 1, 'working'), '2026-01-10', 'the Saturday worked back counts');
  assert.equal(await add('2026-01-01', 1, 'working'), '2026-01-05', 'Friday 2 January is off');
  assert.equal(await add('2026-03-10', 0, 'calendar'), '2026-03-10');
  assert.equal(await add('2026-02-23', -1, 'working'), '2026-02-13');
  assert.deepEqual((await call('GET', '/api/calendar/lunar?date=2025-07-25')).body, { day: 1, month: 6, year: 2025, leap: true });
  assert.deepEqual((await call('GET', '/api/calendar/lunar?date=2030-02-02')).body, { day: 1, month: 1, year: 2030, leap: false });
  const calendar = await calendarOf(h.ctx);
  assert.equal(calendar.add('2026-02-10', 10, 'working'), '2026-03-03');
  assert.equal(calendar.workingDaysBetween('2026-02-13', '2026-02-23'), 1);
});

test('bad input: 400 problem+json with a stable code, in Vietnamese or English', async () => {
  const cases: [string, string, string?][] = [
    ['/api/calendar/add?from=2026-02-30&days=1&unit=working', 'invalid_date'],
    ['/api/calendar/add?from=17/02/2026&days=1&unit=working', 'invalid_date'],
    ['/api/calendar/add?from=1999-12-31&days=1&unit=working', 'calendar_out_of_range'],
    ['/api/calendar/add?from=2101-01-01&days=1&unit=calendar', 'calendar_out_of_range'],
    ['/api/calendar/add?from=2026-02-10&days=3651&unit=working', 'calendar_number_invalid'],
    ['/api/calendar/add?from=2026-02-10&days=1.5&unit=working', 'calendar_number_invalid'],
    ['/api/calendar/add?from=2026-02-10&days=muoi&unit=working', 'calendar_number_invalid'],
    ['/api/calendar/add?from=2026-02-10&unit=working', 'validation_failed', 'query.days'],
    ['/api/calendar/add?from=2026-02-10&days=10&unit=weeks', 'validation_failed', 'query.unit'],
    ['/api/calendar/add?days=10&unit=working', 'validation_failed', 'query.from'],
    ['/api/calendar/add?from=2026-02-10&days=10&unit=working&tz=UTC', 'validation_failed', 'query.tz'],
    ['/api/calendar/holidays?year=1999', 'calendar_number_invalid'],
    ['/api/calendar/holidays?year=nam-nay', 'calendar_number_invalid'],
    ['/api/calendar/lunar?date=2026-13-01', 'invalid_date'],
    ['/api/calendar/lunar', 'validation_failed', 'query.date'],
  ];
  for (const [url, code, field] of cases) {
    const r = await call('GET', url);
    assert.equal(r.status, 400, `${url}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.code, code, url);
    assert.match(r.type!, /application\/problem\+json/);
    assert.ok(r.body.detail.length > 0);
    if (field) assert.ok(r.body.errors.some((e: { field: string }) => e.field === field), `${field} in ${JSON.stringify(r.body.errors)}`);
  }
  const vi = await call('GET', '/api/calendar/add?from=2026-02-30&days=1&unit=working');
  assert.equal(vi.body.detail, 'Ngày không hợp lệ: "2026-02-30" (định dạng YYYY-MM-DD).');
  assert.equal((await call('GET', '/api/calendar/add?from=2026-02-10&days=muoi&unit=working')).body.detail, 'Số ngày "muoi" không hợp lệ: cần một số nguyên từ -3650 đến 3650.');
  assert.equal((await call('GET', '/api/calendar/holidays?year=1999')).body.detail, 'Năm "1999" không hợp lệ: cần một số nguyên từ 2000 đến 2100.');
  const en = await call('GET', '/api/calendar/add?from=1999-12-31&days=1&unit=working', undefined, undefined, { 'accept-language': 'en' });
  assert.equal(en.body.detail, 'Date "1999-12-31" is outside the supported calendar (years 2000 to 2100).');
  const enDays = await call('GET', '/api/calendar/add?from=2026-02-10&days=9999&unit=working', undefined, undefined, { 'accept-language': 'en' });
  assert.equal(enDays.body.detail, 'Invalid days "9999": a whole number from -3650 to 3650 is expected.');
});

test('adjustments: every official reads them; only a central administrator changes them, each change audited, the calendar follows at once', async () => {
  assert.equal((await call('GET', '/api/calendar/adjustments')).status, 401);
  const seen = await call('GET', '/api/calendar/adjustments?year=2026', handler);
  assert.equal(seen.status, 200);
  assert.equal(seen.body.canManage, false);
  assert.deepEqual(seen.body.items.map((a: { date: string; kind: string }) => `${a.date} ${a.kind}`), ['2026-01-02 off', '2026-01-10 work']);
  assert.equal((await call('GET', '/api/calendar/adjustments?year=2026', provinceAdmin)).body.canManage, false);
  assert.equal((await call('GET', '/api/calendar/adjustments?year=2026', central)).body.canManage, true);
  assert.equal((await call('GET', '/api/calendar/adjustments?year=2027', central)).body.items.length, 0);
  assert.equal((await call('GET', '/api/calendar/adjustments?year=20x6', central)).body.code, 'calendar_number_invalid');
  assert.equal((await call('GET', '/api/calendar/adjustments', central)).body.items.length, 2, 'every year');

  const swap = { date: '2026-08-31', kind: 'off', name: 'Nghỉ hoán đổi dịp Quốc khánh', source: 'Quyết định thử số 1/QĐ-TEST' };
  const refused = await call('POST', '/api/calendar/adjustments', provinceAdmin, swap);
  assert.equal(refused.status, 403);
  assert.equal(refused.body.code, 'forbidden');
  assert.equal((await call('POST', '/api/calendar/adjustments', handler, swap)).status, 403);
  assert.equal(await add('2026-08-28', 1, 'working'), '2026-08-31');

  const created = await call('POST', '/api/calendar/adjustments', central, swap);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.date, '2026-08-31');
  assert.equal(created.body.kind, 'off');
  assert.equal(await add('2026-08-28', 1, 'working'), '2026-09-03', 'Monday 31/8, 1/9 and 2/9 are now off');
  const listed = (await call('GET', '/api/calendar/holidays?year=2026')).body.items;
  assert.ok(listed.some((d: { date: string; kind: string; source: string }) => d.date === '2026-08-31' && d.kind === 'adjustment' && d.source === swap.source));

  const again = await call('POST', '/api/calendar/adjustments', central, { ...swap, name: 'Lần nữa' });
  assert.equal(again.status, 409);
  assert.equal(again.body.code, 'calendar_adjustment_exists');
  assert.match(again.body.detail, /31\/08\/2026/);
  const onSaturday = await call('POST', '/api/calendar/adjustments', central, { ...swap, date: '2026-08-29' });
  assert.equal(onSaturday.body.code, 'calendar_day_already_off');
  const onHoliday = await call('POST', '/api/calendar/adjustments', central, { ...swap, date: '2026-09-02' });
  assert.equal(onHoliday.body.code, 'calendar_day_already_off');
  const workOnWeekday = await call('POST', '/api/calendar/adjustments', central, { ...swap, date: '2026-09-07', kind: 'work' });
  assert.equal(workOnWeekday.body.code, 'calendar_day_already_working');
  const outOfRange = await call('POST', '/api/calendar/adjustments', central, { ...swap, date: '2199-01-01' });
  assert.equal(outOfRange.body.code, 'calendar_out_of_range');

  // The default day adjacent to 2/9 moved by a decision: 1/9 worked, 3/9 off.
  const moved = await call('POST', '/api/calendar/adjustments', central, { date: '2026-09-01', kind: 'work', name: 'Ngày liền kề Quốc khánh chuyển sang 03/9', source: 'Quyết định thử số 2/QĐ-TEST' });
  assert.equal(moved.status, 201, JSON.stringify(moved.body));
  assert.equal((await calendarOf(h.ctx)).isDayOff('2026-09-01'), false);
  assert.ok(!(await call('GET', '/api/calendar/holidays?year=2026')).body.items.some((d: { date: string }) => d.date === '2026-09-01'));

  assert.equal((await call('DELETE', `/api/calendar/adjustments/${created.body.id}`, provinceAdmin)).status, 403);
  assert.equal((await call('DELETE', `/api/calendar/adjustments/${created.body.id}`, central)).status, 204);
  assert.equal((await call('DELETE', `/api/calendar/adjustments/${moved.body.id}`, central)).status, 204);
  assert.equal(await add('2026-08-28', 1, 'working'), '2026-08-31', 'back to the default');
  const gone = await call('DELETE', `/api/calendar/adjustments/${created.body.id}`, central);
  assert.equal(gone.status, 404);
  assert.equal(gone.body.code, 'calendar_adjustment_not_found');
  assert.equal((await call('DELETE', '/api/calendar/adjustments/khong-phai-uuid', central)).status, 400);

  const trail = await h.ctx.database.rows<{ action: string; unit_path: string; outcome: string }>(
    sql`select action, unit_path::text, outcome from audit_event where action like 'calendar.%' or (action = 'access.denied' and detail->>'attempted' = 'calendar.manage') order by id`);
  assert.deepEqual(trail.map((t) => `${t.action} ${t.outcome} ${t.unit_path}`), [
    'access.denied denied VN', 'access.denied denied VN',
    'calendar.adjustment.created success VN', 'calendar.adjustment.created success VN',
    'access.denied denied VN',
    'calendar.adjustment.deleted success VN', 'calendar.adjustment.deleted success VN',
  ]);
});

test('bad adjustment bodies are refused field by field and change nothing', async () => {
  const before = (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from calendar_adjustment`))[0].n;
  const cases: [unknown, string, string?][] = [
    [{ date: '2026-09-05', kind: 'off', name: 'X' }, 'validation_failed', 'source'],
    [{ date: '2026-09-05', kind: 'nghi', name: 'X', source: 'Y' }, 'validation_failed', 'kind'],
    [{ date: '2026-09-05', kind: 'work', name: '<b>X</b>', source: 'Y' }, 'validation_failed', 'name'],
    [{ date: '2026-09-05', kind: 'work', name: 'X', source: 'Y', id: 'z' }, 'validation_failed', 'id'],
    [{ date: '05/09/2026', kind: 'work', name: 'X', source: 'Y' }, 'invalid_date'],
  ];
  for (const [payload, code, field] of cases) {
    const r = await call('POST', '/api/calendar/adjustments', central, payload);
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal(r.body.code, code);
    if (field) assert.ok(r.body.errors.some((e: { field: string }) => e.field === field), `${field} in ${JSON.stringify(r.body.errors)}`);
  }
  assert.equal((await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from calendar_adjustment`))[0].n, before);
});

test('a loaded calendar never waits for the database, even stale and asked from inside a transaction (the embedded database has one connection)', async () => {
  await calendarOf(h.ctx);
  const inside = (label: string) => h.ctx.database.db.transaction(async () => {
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`${label}: calendarOf waited for the database`)), 2000));
    const calendar = await Promise.race([calendarOf(h.ctx), timeout]) as Awaited<ReturnType<typeof calendarOf>>;
    assert.equal(calendar.add('2026-02-13', 1, 'working'), '2026-02-23');
  });
  await inside('fresh');
  mock.timers.enable({ apis: ['Date'], now: Date.now() + 10 * 60_000 });
  try {
    await inside('stale');
  } finally {
    mock.timers.reset();
  }
  // The background reload finishes once the transaction is over.
  assert.equal((await calendarOf(h.ctx)).isDayOff('2026-01-02'), true);
});
