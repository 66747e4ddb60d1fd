// Citizen reception on a real database: the rules of schedules (legal frequency, days off, slots), residents' bookings
// (past, unknown, full slots, the race for the last place, rate limits), the officer's day, the register, refusals,
// one-step cases, the .xlsx export and the unit scope.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { harness, type Harness } from '../../testing/given.ts';
import { unzip } from '../../testing/docx.ts';
import { todayVN } from '../../platform/clock.ts';
import { WorkCalendar } from '../../platform/calendar.ts';
import { calendarOf } from '../calendar/index.ts';
import {
  complianceWarning, frequencyText, meetingDays, slotsOn, upcomingSlots, vnDay, type FrequencyRule, type Recurrence,
} from './reception.rules.ts';

const A = '19753'; const B = '19789'; const PROVINCE = '46';
const RULES: Record<string, FrequencyRule> = {
  commune_chair: { leaderKind: 'commune_chair', minDays: 1, period: 'week', basis: 'Luật Tiếp công dân 2013, Điều 15' },
  province_chair: { leaderKind: 'province_chair', minDays: 1, period: 'month', basis: 'Luật Tiếp công dân 2013, Điều 12' },
  agency_head: { leaderKind: 'agency_head', minDays: 1, period: 'month', basis: 'Luật Tiếp công dân 2013, Điều 18' },
};

describe('the rules of a schedule', () => {
  test('compliance: a commune chair meets at least one working day a week, a province chair or agency head one day a month', () => {
    const weekly = (...weekdays: number[]): Recurrence => ({ kind: 'weekly', weekdays });
    const monthly: Recurrence = { kind: 'monthly_day', day: 15 };
    const third: Recurrence = { kind: 'monthly_nth', nth: 3, weekday: 5 };
    assert.equal(complianceWarning(weekly(4), RULES.commune_chair), null);
    assert.equal(complianceWarning(weekly(2, 4), RULES.commune_chair), null);
    assert.deepEqual(complianceWarning(monthly, RULES.commune_chair), { required: { days: 1, period: 'week' }, actual: { days: 1, period: 'month' }, basis: RULES.commune_chair.basis });
    assert.deepEqual(complianceWarning(third, RULES.commune_chair)?.required, { days: 1, period: 'week' });
    // Saturdays and Sundays are rest days: a weekly Saturday meets no working day.
    assert.deepEqual(complianceWarning(weekly(6), RULES.commune_chair)?.actual, { days: 0, period: 'week' });
    assert.equal(complianceWarning(monthly, RULES.province_chair), null);
    assert.equal(complianceWarning(third, RULES.agency_head), null);
    assert.equal(complianceWarning(weekly(1), RULES.agency_head), null);
    assert.deepEqual(complianceWarning(weekly(7), RULES.agency_head)?.required, { days: 1, period: 'month' });
    assert.equal(complianceWarning(monthly, undefined), null, 'no rule for other leaders');
  });

  test('meeting days skip days off: a weekly day is dropped, a monthly one moves to the next working day of its month', () => {
    const calendar = new WorkCalendar([{ date: '2026-05-12', kind: 'off', name: 'Ngày nghỉ thử', source: 'Quyết định thử' }]);
    const valid = { validFrom: '2026-01-01', validTo: null };
    // 30/4/2026 is a Thursday holiday; the adjustment closes Tuesday 12/5.
    assert.deepEqual(meetingDays({ ...valid, recurrence: { kind: 'weekly', weekdays: [4] } }, '2026-04-20', '2026-05-10', calendar), ['2026-04-23', '2026-05-07']);
    assert.deepEqual(meetingDays({ ...valid, recurrence: { kind: 'weekly', weekdays: [2] } }, '2026-05-04', '2026-05-20', calendar), ['2026-05-05', '2026-05-19']);
    // Tết 2026 (the statutory days: 16–20 February): the Tuesday of Tết is skipped.
    assert.deepEqual(meetingDays({ ...valid, recurrence: { kind: 'weekly', weekdays: [2] } }, '2026-02-09', '2026-02-25', calendar), ['2026-02-10', '2026-02-24']);
    // 1/5 is a holiday then a weekend: the 1st of May moves to Monday 4/5. The 30th of April has no working day after it in April: the 29th.
    assert.deepEqual(meetingDays({ ...valid, recurrence: { kind: 'monthly_day', day: 1 } }, '2026-05-01', '2026-05-31', calendar), ['2026-05-04']);
    assert.deepEqual(meetingDays({ ...valid, recurrence: { kind: 'monthly_day', day: 30 } }, '2026-04-01', '2026-04-30', calendar), ['2026-04-29']);
    // A 31st in a 30-day month is its last day (30/6/2026, a Tuesday).
    assert.deepEqual(meetingDays({ ...valid, recurrence: { kind: 'monthly_day', day: 31 } }, '2026-06-01', '2026-06-30', calendar), ['2026-06-30']);
    // The third Friday, and the last Thursday (30/4, a holiday, moves back to Wednesday 29/4).
    assert.deepEqual(meetingDays({ ...valid, recurrence: { kind: 'monthly_nth', nth: 3, weekday: 5 } }, '2026-03-01', '2026-04-30', calendar), ['2026-03-20', '2026-04-17']);
    assert.deepEqual(meetingDays({ ...valid, recurrence: { kind: 'monthly_nth', nth: -1, weekday: 4 } }, '2026-04-01', '2026-04-30', calendar), ['2026-04-29']);
    // Validity bounds the days.
    assert.deepEqual(meetingDays({ validFrom: '2026-04-24', validTo: '2026-05-06', recurrence: { kind: 'weekly', weekdays: [4] } }, '2026-04-01', '2026-05-31', calendar), []);
  });

  test('slots are Vietnam times (UTC+7), each within the hours', () => {
    const slots = slotsOn({ startTime: '07:30', endTime: '11:30', slotMinutes: 30 }, '2026-04-23');
    assert.equal(slots.length, 8);
    assert.equal(slots[0].start.toISOString(), '2026-04-23T00:30:00.000Z');
    assert.equal(slots[7].end.toISOString(), '2026-04-23T04:30:00.000Z');
    assert.equal(slotsOn({ startTime: '07:30', endTime: '09:00', slotMinutes: 45 }, '2026-04-23').length, 2);
    assert.equal(slotsOn({ startTime: '07:30', endTime: '08:00', slotMinutes: 45 }, '2026-04-23').length, 0);
    // Upcoming slots start after now and stay within 30 days.
    const s = { recurrence: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5] } as Recurrence, startTime: '07:00', endTime: '17:00', slotMinutes: 60, validFrom: '2026-01-01', validTo: null };
    const now = new Date('2026-04-22T05:10:00Z'); // 12:10 in Vietnam
    const upcoming = upcomingSlots(s, now, new WorkCalendar());
    assert.equal(upcoming[0].start.toISOString(), '2026-04-22T06:00:00.000Z');
    assert.ok(upcoming.every((x) => vnDay(x.start) <= '2026-05-21'));
    assert.ok(!upcoming.some((x) => vnDay(x.start) === '2026-04-30' || vnDay(x.start) === '2026-05-01'));
  });

  test('frequency reads as residents say it', () => {
    assert.equal(frequencyText({ recurrence: { kind: 'weekly', weekdays: [4, 2] }, startTime: '07:30', endTime: '11:30' }, 'vi'), 'Thứ Ba, Thứ Năm hằng tuần, 07:30–11:30');
    assert.match(frequencyText({ recurrence: { kind: 'monthly_nth', nth: 3, weekday: 5 }, startTime: '08:00', endTime: '11:00' }, 'vi'), /^Thứ Sáu tuần thứ ba hằng tháng, 08:00–11:00/);
    assert.match(frequencyText({ recurrence: { kind: 'monthly_day', day: 15 }, startTime: '08:00', endTime: '11:00' }, 'en'), /^Day 15 of every month/);
  });
});

let h: Harness;
let receptionA: string; let leaderA: string; let adminA: string; let auditorA: string; let handlerA: string;
let receptionB: string; let receptionProvince: string;
let orgA: string; let orgB: string; let orgProvince: string;
let ipSeq = 0;
const freshIp = () => `10.1.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

before(async () => {
  h = await harness();
  const a = await h.given.organisation(A, { name: 'Ủy ban nhân dân phường Phú Xuân' });
  orgA = a.id;
  receptionA = (await h.given.official('reception', A, { organisation: a })).cookie;
  leaderA = (await h.given.official('leader', A, { organisation: a })).cookie;
  adminA = (await h.given.official('admin', A, { organisation: a })).cookie;
  auditorA = (await h.given.official('auditor', A, { organisation: a })).cookie;
  handlerA = (await h.given.official('handler', A, { organisation: a })).cookie;
  const b = await h.given.organisation(B, { name: 'Ủy ban nhân dân phường Thuận Hóa' });
  orgB = b.id;
  receptionB = (await h.given.official('reception', B, { organisation: b })).cookie;
  const p = await h.given.organisation(PROVINCE, { name: 'Ủy ban nhân dân thành phố Huế' });
  orgProvince = p.id;
  receptionProvince = (await h.given.official('reception', PROVINCE, { organisation: p })).cookie;
  await h.given.sealingKeys(A);
});
after(() => h.close());

type Method = 'GET' | 'POST' | 'PATCH';
const call = (cookie: string | undefined, method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
  h.app.inject({ method, url, remoteAddress, headers: { ...headers, ...(cookie ? { cookie } : {}) }, ...(payload !== undefined ? { payload: payload as object } : {}) });

const weeklyAllDays = (over: Record<string, unknown> = {}) => ({
  unitCode: A, organisationId: orgA, leaderName: 'Nguyễn Văn Thử', leaderTitle: 'Chủ tịch Ủy ban nhân dân phường Phú Xuân', leaderKind: 'commune_chair',
  place: 'Phòng tiếp công dân, 1 Lê Lợi', recurrence: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5] }, startTime: '07:00', endTime: '17:00',
  slotMinutes: 30, capacity: 3, ...over,
});

async function createSchedule(body: Record<string, unknown>, cookie = receptionA) {
  const res = await call(cookie, 'POST', '/api/reception/schedules', body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function slotsOf(scheduleId: string, unit = A) {
  const res = await call(undefined, 'GET', `/api/public/reception/schedules?unit=${unit}`);
  assert.equal(res.statusCode, 200, res.body);
  const item = res.json().items.find((i: { id: string }) => i.id === scheduleId);
  assert.ok(item, 'schedule listed');
  return item.slots as { start: string; end: string; remaining: number }[];
}

const bookingOf = (scheduleId: string, slotStart: string, over: Record<string, unknown> = {}) => ({
  scheduleId, slotStart, name: 'Lê Thị Dân', phone: '0905 123 456', subject: 'Hỏi về việc cấp giấy chứng nhận quyền sử dụng đất', ...over,
});

async function book(scheduleId: string, slotStart: string, over: Record<string, unknown> = {}, ip = freshIp(), headers: Record<string, string> = {}) {
  return call(undefined, 'POST', '/api/public/reception/bookings', bookingOf(scheduleId, slotStart, over), headers, ip);
}

describe('schedules in the console', () => {
  test('officers create schedules; the list warns when a leader meets less often than the law asks', async () => {
    const ok = await createSchedule(weeklyAllDays({ recurrence: { kind: 'weekly', weekdays: [4] } }));
    assert.equal(ok.compliance, null);
    assert.equal(ok.frequencyText, 'Thứ Năm hằng tuần, 07:00–17:00');
    assert.equal(ok.organisation.name, 'Ủy ban nhân dân phường Phú Xuân');
    assert.equal(ok.unit.name, 'Phường Phú Xuân');
    assert.equal(ok.abilities.manage, true);
    assert.ok(ok.upcomingDays.length >= 3);
    const calendar = await calendarOf(h.ctx);
    assert.ok(ok.upcomingDays.every((d: string) => !calendar.isDayOff(d)));

    const monthly = await createSchedule(weeklyAllDays({ recurrence: { kind: 'monthly_day', day: 15 }, leaderName: 'Trần Văn Tháng' }), leaderA);
    assert.deepEqual(monthly.compliance.required, { days: 1, period: 'week' });
    assert.deepEqual(monthly.compliance.actual, { days: 1, period: 'month' });
    assert.match(monthly.compliance.basis, /Luật Tiếp công dân 2013, Điều 15/);

    const byAdmin = await createSchedule(weeklyAllDays({ leaderKind: 'other', leaderName: 'Phó Chủ tịch Thử', recurrence: { kind: 'monthly_nth', nth: -1, weekday: 5 } }), adminA);
    assert.equal(byAdmin.compliance, null);

    const list = await call(auditorA, 'GET', `/api/reception/schedules?unit=${A}`);
    assert.equal(list.statusCode, 200);
    const items = list.json().items as { id: string; compliance: unknown; abilities: { manage: boolean } }[];
    assert.ok([ok.id, monthly.id, byAdmin.id].every((id) => items.some((i) => i.id === id)));
    assert.ok(items.every((i) => i.abilities.manage === false), 'an auditor reads but does not manage');
    assert.ok(items.find((i) => i.id === monthly.id)!.compliance);
  });

  test('refusals: wrong organisation, wrong level, too short hours, no right, out of scope', async () => {
    const expect = async (cookie: string, body: Record<string, unknown>, status: number, code: string) => {
      const res = await call(cookie, 'POST', '/api/reception/schedules', body);
      assert.equal(res.statusCode, status, res.body);
      assert.equal(res.json().code, code);
    };
    await expect(receptionA, weeklyAllDays({ organisationId: orgB }), 400, 'reception_organisation_invalid');
    await expect(receptionProvince, weeklyAllDays({ unitCode: PROVINCE, organisationId: orgProvince }), 400, 'reception_leader_level');
    await expect(receptionA, weeklyAllDays({ leaderKind: 'province_chair' }), 400, 'reception_leader_level');
    await expect(receptionA, weeklyAllDays({ startTime: '08:00', endTime: '08:20' }), 400, 'reception_times_invalid');
    await expect(receptionA, weeklyAllDays({ validFrom: '2026-06-01', validTo: '2026-05-01' }), 400, 'reception_validity_invalid');
    await expect(receptionA, weeklyAllDays({ recurrence: { kind: 'weekly', weekdays: [] } }), 400, 'validation_failed');
    await expect(receptionA, weeklyAllDays({ place: '<b>Phòng</b> tiếp dân' }), 400, 'validation_failed');
    await expect(auditorA, weeklyAllDays(), 403, 'forbidden');
    await expect(handlerA, weeklyAllDays(), 403, 'forbidden');
    await expect(receptionB, weeklyAllDays(), 403, 'forbidden');
    assert.equal((await call(handlerA, 'GET', `/api/reception/schedules?unit=${A}`)).statusCode, 403);
    assert.equal((await call(receptionB, 'GET', `/api/reception/schedules?unit=${A}`)).statusCode, 403);
    assert.equal((await call(undefined, 'GET', `/api/reception/schedules?unit=${A}`)).statusCode, 401);
  });

  test('update and deactivate: audited; an official of another commune is told it does not exist', async () => {
    const s = await createSchedule(weeklyAllDays({ leaderName: 'Lê Văn Sửa' }));
    const patched = await call(receptionA, 'PATCH', `/api/reception/schedules/${s.id}`, { recurrence: { kind: 'monthly_day', day: 10 }, capacity: 5 });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(patched.json().capacity, 5);
    assert.ok(patched.json().compliance, 'now below the weekly minimum');
    assert.equal((await call(receptionB, 'PATCH', `/api/reception/schedules/${s.id}`, { capacity: 2 })).statusCode, 404);
    assert.equal((await call(auditorA, 'PATCH', `/api/reception/schedules/${s.id}`, { capacity: 2 })).statusCode, 403);
    const off = await call(receptionA, 'POST', `/api/reception/schedules/${s.id}/deactivate`);
    assert.equal(off.statusCode, 200);
    assert.equal(off.json().active, false);
    assert.equal(off.json().compliance, null);
    const pub = await call(undefined, 'GET', `/api/public/reception/schedules?unit=${A}`);
    assert.ok(!pub.json().items.some((i: { id: string }) => i.id === s.id), 'inactive schedules are not public');
    const all = await call(receptionA, 'GET', `/api/reception/schedules?unit=${A}&includeInactive=true`);
    assert.ok(all.json().items.some((i: { id: string }) => i.id === s.id));
    const rows = await h.ctx.database.rows<{ action: string }>(sql`select action from audit_event where target_id = ${s.id} and action <> 'access.denied' order by at`);
    assert.deepEqual(rows.map((r) => r.action), ['reception.schedule.created', 'reception.schedule.updated', 'reception.schedule.deactivated']);
  });
});

describe('residents book a slot', () => {
  test('public schedules: the unit and its province, slots ahead with the places left, never on a day off', async () => {
    const commune = await createSchedule(weeklyAllDays({ leaderName: 'Chủ tịch Công Khai' }));
    const province = await createSchedule({
      ...weeklyAllDays({ unitCode: PROVINCE, organisationId: orgProvince, leaderKind: 'province_chair', leaderName: 'Chủ tịch Tỉnh Thử', leaderTitle: 'Chủ tịch UBND thành phố Huế' }),
      recurrence: { kind: 'monthly_day', day: 20 },
    }, receptionProvince);
    const other = await createSchedule(weeklyAllDays({ unitCode: B, organisationId: orgB, leaderName: 'Chủ tịch Thuận Hóa' }), receptionB);
    const res = await call(undefined, 'GET', `/api/public/reception/schedules?unit=${A}`);
    assert.equal(res.statusCode, 200);
    const ids = res.json().items.map((i: { id: string }) => i.id);
    assert.ok(ids.includes(commune.id) && ids.includes(province.id));
    assert.ok(!ids.includes(other.id));
    const item = res.json().items.find((i: { id: string }) => i.id === commune.id);
    assert.deepEqual(Object.keys(item).sort(), ['frequencyText', 'id', 'leaderName', 'leaderTitle', 'organisationName', 'place', 'slots', 'unit']);
    assert.deepEqual(item.unit, { code: A, name: 'Phường Phú Xuân' });
    const calendar = await calendarOf(h.ctx);
    const now = Date.now();
    assert.ok(item.slots.length > 20);
    for (const s of item.slots) {
      assert.ok(Date.parse(s.start) > now);
      assert.equal(Date.parse(s.end) - Date.parse(s.start), 30 * 60_000);
      assert.equal(s.remaining, 3);
      assert.ok(!calendar.isDayOff(vnDay(new Date(s.start))), `slot on a day off: ${s.start}`);
    }
    assert.equal((await call(undefined, 'GET', '/api/public/reception/schedules?unit=99999')).statusCode, 404);
  });

  test('a booking: its confirmation, then past, unknown and full slots', async () => {
    const s = await createSchedule(weeklyAllDays({ leaderName: 'Chủ tịch Một Chỗ', capacity: 1 }));
    const slots = await slotsOf(s.id);
    const first = slots[0];
    const res = await book(s.id, first.start);
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.match(body.code, /^TCD-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    assert.deepEqual({ ...body, code: undefined }, {
      code: undefined, slotStart: first.start, slotEnd: first.end, place: 'Phòng tiếp công dân, 1 Lê Lợi', leaderName: 'Chủ tịch Một Chỗ',
      leaderTitle: 'Chủ tịch Ủy ban nhân dân phường Phú Xuân', unit: { code: A, name: 'Phường Phú Xuân' },
    });
    assert.equal((await slotsOf(s.id))[0].remaining, 0);

    const full = await book(s.id, first.start);
    assert.equal(full.statusCode, 409);
    assert.equal(full.json().code, 'slot_full');
    assert.match(full.json().detail, /hết chỗ/);

    const lastWeek = new Date(Date.parse(first.start) - 7 * 86_400_000).toISOString();
    const past = await book(s.id, lastWeek);
    assert.equal(past.statusCode, 400);
    assert.equal(past.json().code, 'slot_in_past');

    const offGrid = new Date(Date.parse(slots[1].start) + 5 * 60_000).toISOString();
    const unknown = await book(s.id, offGrid);
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().code, 'slot_unknown');
    const tooFar = new Date(Date.parse(slots.at(-1)!.start) + 35 * 86_400_000).toISOString();
    assert.equal((await book(s.id, tooFar)).json().code, 'slot_unknown');
    const english = await call(undefined, 'POST', '/api/public/reception/bookings', bookingOf(s.id, offGrid), { 'accept-language': 'en' }, freshIp());
    assert.match(english.json().detail, /not a slot of this schedule/);

    assert.equal((await book('01900000-0000-7000-8000-000000000000', first.start)).json().code, 'reception_schedule_not_found');
    const invalid = await book(s.id, 'ngày mai', { phone: '12' });
    assert.equal(invalid.statusCode, 400);
    assert.deepEqual(invalid.json().errors.map((e: { field: string }) => e.field).sort(), ['phone', 'slotStart']);
    const markup = await book(s.id, slots[2].start, { subject: '<script>alert(1)</script> xin gặp lãnh đạo' });
    assert.equal(markup.statusCode, 400);
    // Nothing about the resident goes to the audit log.
    const audit = await h.ctx.database.rows<{ detail: Record<string, unknown> }>(sql`select detail from audit_event where action = 'reception.booking.created' and target_id = (select id::text from reception_booking where code = ${body.code})`);
    assert.equal(audit.length, 1);
    assert.ok(!JSON.stringify(audit[0].detail).includes('Lê Thị Dân'));
  });

  test('two residents racing for the last place: exactly one gets it', async () => {
    const s = await createSchedule(weeklyAllDays({ leaderName: 'Chủ tịch Chạy Đua', capacity: 2 }));
    const slot = (await slotsOf(s.id))[3].start;
    assert.equal((await book(s.id, slot)).statusCode, 201);
    const results = await Promise.all(Array.from({ length: 4 }, (_, i) => book(s.id, slot, { name: `Người thứ ${i + 2}` })));
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409, 409, 409], results.map((r) => r.body).join('\n'));
    const [{ n }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from reception_booking where schedule_id = ${s.id}`);
    assert.equal(n, 2);
  });

  test('rate limits: per address and per device, with Retry-After', async () => {
    const s = await createSchedule(weeklyAllDays({ leaderName: 'Chủ tịch Đông Khách', capacity: 100 }));
    const slot = (await slotsOf(s.id))[5].start;
    const ip = freshIp();
    const max = h.ctx.config.BOOKING_PER_HOUR;
    assert.equal(max, 10);
    for (let i = 0; i < max; i++) assert.equal((await book(s.id, slot, {}, ip)).statusCode, 201);
    const limited = await book(s.id, slot, {}, ip);
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().code, 'rate_limited');
    assert.ok(Number(limited.headers['retry-after']) > 0);

    const device = { 'x-device-id': 'thiet-bi-thu-0001' };
    for (let i = 0; i < max; i++) assert.equal((await book(s.id, slot, {}, freshIp(), device)).statusCode, 201);
    const byDevice = await book(s.id, slot, {}, freshIp(), device);
    assert.equal(byDevice.statusCode, 429);
    assert.equal((await book(s.id, slot, {}, freshIp(), { 'x-device-id': 'thiet-bi-thu-0002' })).statusCode, 201);
  });
});

describe('the officer\'s day and the register', () => {
  let schedule: { id: string };
  let bookingId: string;
  let visitId: string;
  let slotDay: string;

  test('the bookings of a day; marking one attended opens a register entry prefilled from it', async () => {
    schedule = await createSchedule(weeklyAllDays({ leaderName: 'Chủ tịch Tiếp Dân', capacity: 4 }));
    const slot = (await slotsOf(schedule.id))[0];
    slotDay = vnDay(new Date(slot.start));
    const booked = await book(schedule.id, slot.start, { name: 'Phạm Văn Đến', subject: 'Đề nghị sửa đường kiệt 5 bị ngập khi mưa lớn' });
    assert.equal(booked.statusCode, 201);
    const other = await book(schedule.id, slot.start, { name: 'Hồ Thị Vắng' });
    assert.equal(other.statusCode, 201);

    const list = await call(receptionA, 'GET', `/api/reception/bookings?unit=${A}&day=${slotDay}`);
    assert.equal(list.statusCode, 200, list.body);
    const mine = list.json().items.filter((b: { schedule: { id: string } }) => b.schedule.id === schedule.id);
    assert.deepEqual(mine.map((b: { name: string }) => b.name), ['Phạm Văn Đến', 'Hồ Thị Vắng']);
    assert.equal(mine[0].status, 'booked');
    assert.equal(mine[0].abilities.mark, true);
    assert.equal(mine[0].phone, '0905123456');
    bookingId = mine[0].id;
    const noShowId = mine[1].id;
    assert.equal((await call(receptionB, 'GET', `/api/reception/bookings?unit=${A}&day=${slotDay}`)).statusCode, 403);
    const auditorList = await call(auditorA, 'GET', `/api/reception/bookings?unit=${A}&day=${slotDay}`);
    assert.equal(auditorList.json().items[0].abilities.mark, false);

    assert.equal((await call(receptionB, 'POST', `/api/reception/bookings/${bookingId}/attended`)).statusCode, 404);
    assert.equal((await call(auditorA, 'POST', `/api/reception/bookings/${bookingId}/attended`)).statusCode, 403);
    const came = await call(receptionA, 'POST', `/api/reception/bookings/${bookingId}/attended`);
    assert.equal(came.statusCode, 201, came.body);
    const { booking, visit } = came.json();
    assert.equal(booking.status, 'attended');
    assert.equal(booking.visitId, visit.id);
    assert.equal(visit.visitOn, todayVN());
    assert.equal(visit.receptionType, 'periodic');
    assert.equal(visit.leaderName, 'Chủ tịch Tiếp Dân');
    assert.equal(visit.officialName, 'Cán bộ reception 19753');
    assert.deepEqual(visit.citizen, { name: 'Phạm Văn Đến', address: null, idNumber: null, phone: '0905123456' });
    assert.equal(visit.content, 'Đề nghị sửa đường kiệt 5 bị ngập khi mưa lớn');
    assert.equal(visit.bookingId, bookingId);
    visitId = visit.id;
    const again = await call(receptionA, 'POST', `/api/reception/bookings/${bookingId}/attended`);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'booking_already_marked');

    // A no-show only once the slot has started.
    const early = await call(receptionA, 'POST', `/api/reception/bookings/${noShowId}/no-show`);
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().code, 'booking_not_started');
    await h.ctx.database.db.execute(sql`update reception_booking set slot_start = now() - interval '1 hour', slot_end = now() - interval '30 minutes' where id = ${noShowId}`);
    const noShow = await call(receptionA, 'POST', `/api/reception/bookings/${noShowId}/no-show`);
    assert.equal(noShow.statusCode, 200, noShow.body);
    assert.equal(noShow.json().status, 'no_show');
  });

  test('the entry is completed, turned into a case in one step, and a second call returns the same case', async () => {
    const patch = await call(receptionA, 'PATCH', `/api/reception/visits/${visitId}`, {
      citizen: { name: 'Phạm Văn Đến', address: 'Kiệt 5 Lê Lợi, phường Phú Xuân', idNumber: '046090001234', phone: '0905123456' },
      classification: 'kien_nghi', fieldCode: 'giao_thong', documents: 'Ảnh chụp đoạn đường ngập', result: 'Đã tiếp nhận, chuyển bộ phận xử lý',
    });
    assert.equal(patch.statusCode, 200, patch.body);
    assert.equal(patch.json().abilities.createCase, true);
    assert.equal((await call(receptionB, 'POST', `/api/reception/visits/${visitId}/case`)).statusCode, 404);
    const byLeader = await call(leaderA, 'POST', `/api/reception/visits/${visitId}/case`);
    assert.equal(byLeader.statusCode, 403, 'a leader records visits but does not register cases');

    const made = await call(receptionA, 'POST', `/api/reception/visits/${visitId}/case`);
    assert.equal(made.statusCode, 201, made.body);
    assert.equal(made.json().created, true);
    const c = await call(receptionA, 'GET', `/api/cases/${made.json().caseId}`);
    assert.equal(c.statusCode, 200);
    assert.equal(c.json().channel, 'reception');
    assert.equal(c.json().kind, 'kien_nghi');
    assert.equal(c.json().fieldCode, 'giao_thong');
    assert.equal(c.json().number, made.json().caseNumber);
    assert.equal(c.json().content, 'Đề nghị sửa đường kiệt 5 bị ngập khi mưa lớn');
    assert.equal(c.json().petitioner.name, 'Phạm Văn Đến');
    assert.equal(c.json().petitioner.idNumber, '046090001234');
    assert.equal(c.json().receivingUnit.code, A);

    const again = await call(receptionA, 'POST', `/api/reception/visits/${visitId}/case`);
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), { ...made.json(), created: false });
    const twice = await Promise.all([1, 2].map(() => call(receptionA, 'POST', `/api/reception/visits/${visitId}/case`)));
    assert.deepEqual(twice.map((r) => r.json().caseId), [made.json().caseId, made.json().caseId]);
    const [{ n }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from cases_case where content = 'Đề nghị sửa đường kiệt 5 bị ngập khi mưa lớn'`);
    assert.equal(n, 1);

    const list = await call(receptionA, 'GET', `/api/reception/visits?unit=${A}&from=${todayVN()}&to=${todayVN()}`);
    const entry = list.json().items.find((v: { id: string }) => v.id === visitId);
    assert.deepEqual(entry.case, { id: made.json().caseId, number: made.json().caseNumber });
    assert.equal(entry.abilities.createCase, false);
    assert.equal(entry.abilities.refuse, false);
    const refused = await call(receptionA, 'POST', `/api/reception/visits/${visitId}/refusal`, { ground: 'disorderly', reason: 'Lớn tiếng xúc phạm cán bộ' });
    assert.equal(refused.json().code, 'visit_has_case');
    const audit = await h.ctx.database.rows<{ action: string }>(sql`select action from audit_event where target_id = ${visitId} and action <> 'access.denied' order by at`);
    assert.deepEqual(audit.map((r) => r.action), ['reception.visit.updated', 'reception.visit.case_created']);
  });

  test('a visit recorded at the desk; a refusal needs its ground (and for ground 3 the written notice); a refused visit makes no case', async () => {
    const desk = await call(receptionA, 'POST', '/api/reception/visits', {
      unitCode: A, citizen: { name: 'Võ Văn Lặp', address: '3 Hùng Vương' }, content: 'Tiếp tục khiếu nại việc thu hồi đất đã được giải quyết năm 2024',
      classification: 'khieu_nai',
    });
    assert.equal(desk.statusCode, 201, desk.body);
    const v = desk.json();
    assert.equal(v.receptionType, 'regular');
    assert.equal(v.visitOn, todayVN());
    assert.ok(v.number >= 1);
    const noNotice = await call(receptionA, 'POST', `/api/reception/visits/${v.id}/refusal`, { ground: 'already_resolved', reason: 'Vụ việc đã có quyết định giải quyết lần hai có hiệu lực' });
    assert.equal(noNotice.statusCode, 400);
    assert.equal(noNotice.json().code, 'refusal_notice_required');
    assert.equal((await call(receptionA, 'POST', `/api/reception/visits/${v.id}/refusal`, { ground: 'mat_trat_tu', reason: 'Không rõ' })).statusCode, 400);
    const refused = await call(receptionA, 'POST', `/api/reception/visits/${v.id}/refusal`, { ground: 'already_resolved', reason: 'Vụ việc đã có quyết định giải quyết lần hai có hiệu lực', notice: '15/TB-UBND' });
    assert.equal(refused.statusCode, 200, refused.body);
    assert.equal(refused.json().handling, 'refused');
    assert.equal(refused.json().refusal.ground, 'already_resolved');
    assert.match(refused.json().refusal.basis, /Điều 9 khoản 3/);
    assert.equal(refused.json().refusal.notice, '15/TB-UBND');
    assert.equal(refused.json().abilities.createCase, false);
    assert.equal((await call(receptionA, 'POST', `/api/reception/visits/${v.id}/refusal`, { ground: 'disorderly', reason: 'Lần nữa' })).json().code, 'visit_already_refused');
    assert.equal((await call(receptionA, 'POST', `/api/reception/visits/${v.id}/case`)).json().code, 'visit_refused');

    const unclassified = await call(receptionA, 'POST', '/api/reception/visits', { unitCode: A, citizen: { name: 'Ngô Thị Hỏi' }, content: 'Hỏi thủ tục đăng ký thường trú' });
    assert.equal((await call(receptionA, 'POST', `/api/reception/visits/${unclassified.json().id}/case`)).json().code, 'visit_needs_classification');
    const withKind = await call(receptionA, 'POST', `/api/reception/visits/${unclassified.json().id}/case`, { kind: 'kien_nghi', title: 'Hỏi thủ tục đăng ký thường trú' });
    assert.equal(withKind.statusCode, 201, withKind.body);

    const grounds = await call(auditorA, 'GET', '/api/reception/refusal-grounds');
    assert.deepEqual(grounds.json().items.map((g: { code: string }) => g.code), ['incapacitated', 'disorderly', 'already_resolved', 'other_legal']);
  });

  test('groups send representatives by the rule of Nghị định 124/2020; dates cannot be in the future', async () => {
    const base = { unitCode: A, citizen: { name: 'Đoàn công dân tổ 7' }, content: 'Phản ánh ô nhiễm từ cơ sở sản xuất', classification: 'phan_anh' };
    const reps = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Đại diện ${i + 1}` }));
    const tooMany = await call(receptionA, 'POST', '/api/reception/visits', { ...base, headCount: 8, representatives: reps(3) });
    assert.equal(tooMany.statusCode, 400);
    assert.equal(tooMany.json().code, 'mass_representatives');
    const group = await call(receptionA, 'POST', '/api/reception/visits', { ...base, headCount: 12, representatives: reps(4) });
    assert.equal(group.statusCode, 201, group.body);
    const made = await call(receptionA, 'POST', `/api/reception/visits/${group.json().id}/case`);
    assert.equal(made.statusCode, 201, made.body);
    const c = await call(receptionA, 'GET', `/api/cases/${made.json().caseId}`);
    assert.equal(c.json().mass.headCount, 12);
    assert.equal(c.json().flags.mass, true);
    const future = await call(receptionA, 'POST', '/api/reception/visits', { ...base, visitOn: '2099-01-01' });
    assert.equal(future.json().code, 'visit_date_invalid');
  });

  test('the register as .xlsx: Vietnamese headers, rows, dates dd/mm/yyyy; audited; in scope only', async () => {
    const today = todayVN();
    const res = await call(leaderA, 'GET', `/api/reception/visits.xlsx?unit=${A}&from=${today}&to=${today}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(String(res.headers['content-disposition']), /so-tiep-cong-dan-19753-/);
    const files = unzip(res.rawPayload);
    const sheetName = [...files.keys()].find((k) => /^xl\/worksheets\/sheet\d*\.xml$/.test(k));
    assert.ok(sheetName, [...files.keys()].join(', '));
    const text = [files.get(sheetName!)!, files.get('xl/sharedStrings.xml')].filter(Boolean).map((b) => b!.toString('utf8')).join('\n');
    for (const header of ['SỔ TIẾP CÔNG DÂN', 'STT', 'Ngày tiếp', 'Người tiếp', 'Họ và tên', 'Địa chỉ', 'Số CCCD/CMND', 'Nội dung vụ việc', 'Phân loại', 'Hướng xử lý', 'Kết quả', 'Ghi chú']) {
      assert.ok(text.includes(header), `header ${header}`);
    }
    for (const value of ['Phạm Văn Đến', 'Kiệt 5 Lê Lợi, phường Phú Xuân', '046090001234', 'Kiến nghị', 'Võ Văn Lặp', 'Từ chối tiếp', '15/TB-UBND', 'Phường Phú Xuân']) {
      assert.ok(text.includes(value), `value ${value}`);
    }
    assert.match(files.get('xl/styles.xml')!.toString('utf8'), /formatCode="dd\/mm\/yyyy"/);
    const serial = Date.UTC(+today.slice(0, 4), +today.slice(5, 7) - 1, +today.slice(8, 10)) / 86_400_000 + 25_569;
    assert.ok(text.includes(`<v>${serial}</v>`), 'the visit day as a date serial');
    assert.ok(text.includes(today.split('-').reverse().join('/')), 'the period in the title row, dd/MM/yyyy');

    const [audit] = await h.ctx.database.rows<{ detail: { rows: number } }>(sql`select detail from audit_event where action = 'reception.register.exported' order by at desc limit 1`);
    assert.ok(audit.detail.rows >= 4);
    assert.equal((await call(receptionB, 'GET', `/api/reception/visits.xlsx?unit=${A}&from=${today}&to=${today}`)).statusCode, 403);
    assert.equal((await call(adminA, 'GET', `/api/reception/visits.xlsx?unit=${A}&from=${today}&to=${today}`)).statusCode, 403);
    assert.equal((await call(leaderA, 'GET', `/api/reception/visits.xlsx?unit=${A}&from=${today}&to=2000-01-01`)).json().code, 'reception_range_invalid');
  });

  test('scope: an official of another commune gets 404 for the records and 403 for the lists', async () => {
    assert.equal((await call(receptionB, 'PATCH', `/api/reception/visits/${visitId}`, { notes: 'Thử' })).statusCode, 404);
    assert.equal((await call(receptionB, 'POST', `/api/reception/visits/${visitId}/refusal`, { ground: 'disorderly', reason: 'Thử quyền' })).statusCode, 404);
    assert.equal((await call(receptionB, 'POST', `/api/reception/bookings/${bookingId}/no-show`)).statusCode, 404);
    assert.equal((await call(receptionB, 'GET', `/api/reception/visits?unit=${A}&from=${todayVN()}&to=${todayVN()}`)).statusCode, 403);
    assert.equal((await call(receptionB, 'POST', '/api/reception/visits', { unitCode: A, citizen: { name: 'Người thử' }, content: 'Nội dung thử quyền' })).statusCode, 403);
    // The province sees its communes' register.
    const province = await call(receptionProvince, 'GET', `/api/reception/visits?unit=${A}&from=${todayVN()}&to=${todayVN()}`);
    assert.equal(province.statusCode, 200);
    assert.ok(province.json().items.some((v: { id: string }) => v.id === visitId));
    const denied = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_event where action = 'access.denied' and target_id = ${visitId}`);
    assert.ok(denied[0].n >= 2);
    assert.ok(slotDay);
  });
});
