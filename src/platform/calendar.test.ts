// The working-day calendar: lunar dates (UTC+7), statutory days off by year, deadlines in working and calendar days.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lunarLabelVi, lunarOf, nationalDayAdjacent, solarOfLunar, statutoryDaysOff, WorkCalendar, type Adjustment } from './calendar.ts';

const range = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

describe('lunar dates', () => {
  test('known solar ↔ lunar pairs', () => {
    const cases: [string, number, number, number, boolean][] = [
      ['2030-02-02', 1, 1, 2030, false],  // Tết Canh Tuất
      ['2026-02-17', 1, 1, 2026, false],  // Tết Bính Ngọ
      ['2026-02-16', 29, 12, 2025, false], // Chạp Ất Tỵ has 29 days
      ['2026-02-14', 27, 12, 2025, false], // S50: "thứ Bảy 14/2/2026 (tức 27 tháng Chạp)"
      ['2026-02-22', 6, 1, 2026, false],   // S50: "Chủ nhật 22/2/2026 (tức mùng 6 tháng Giêng)"
      ['2026-04-26', 10, 3, 2026, false],  // Giỗ Tổ Hùng Vương 2026
      ['2025-07-24', 30, 6, 2025, false],
      ['2025-07-25', 1, 6, 2025, true],    // leap 6th month of Ất Tỵ
      ['2025-08-22', 29, 6, 2025, true],
      ['2025-08-23', 1, 7, 2025, false],
      ['2007-02-17', 1, 1, 2007, false],   // Vietnam (UTC+7); China (UTC+8) had Tết a day later
      ['1985-01-21', 1, 1, 1985, false],   // Vietnam; China's Tết fell a month later
    ];
    for (const [solar, day, month, year, leap] of cases) {
      assert.deepEqual(lunarOf(solar), { day, month, year, leap }, solar);
      assert.equal(solarOfLunar(year, month, day, leap), solar, `${day}/${month}/${year}${leap ? 'n' : ''}`);
    }
  });

  test('2025 and 2026 agree day by day with the Chinese calendar of ICU (an independent computation; the two only differ when a new moon falls between 0:00 and 1:00 in China)', () => {
    const icu = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
    let leapDays = 0;
    for (const day of range('2025-01-01', '2026-12-31')) {
      const p = Object.fromEntries(icu.formatToParts(new Date(`${day}T00:00:00Z`)).map((x) => [x.type, x.value]));
      const l = lunarOf(day);
      assert.equal(`${l.day}/${l.month}${l.leap ? 'bis' : ''}/${l.year}`, `${p.day}/${p.month}/${p.relatedYear}`, day);
      if (l.leap) leapDays++;
    }
    assert.equal(leapDays, 29, 'the leap 6th month of 2025 has 29 days, and 2026 has none');
  });

  test('dates that do not exist are refused', () => {
    assert.throws(() => solarOfLunar(2025, 12, 30), RangeError); // Chạp Ất Tỵ is short
    assert.throws(() => solarOfLunar(2025, 5, 1, true), RangeError); // no leap 5th month in 2025
    assert.throws(() => solarOfLunar(2026, 13, 1), RangeError);
    for (const bad of ['2026-02-30', '2026-2-1', '', '1899-12-31', '2200-01-01']) assert.throws(() => lunarOf(bad), RangeError, bad);
  });

  test('Vietnamese labels', () => {
    assert.equal(lunarLabelVi(lunarOf('2026-02-17')), 'mùng 1 tháng Giêng');
    assert.equal(lunarLabelVi(lunarOf('2026-02-16')), '29 tháng Chạp');
    assert.equal(lunarLabelVi(lunarOf('2025-08-07')), '14 tháng 6 nhuận');
  });
});

describe('statutory days off', () => {
  test('2026: every holiday and the compensatory Monday after Giỗ Tổ', () => {
    assert.deepEqual(statutoryDaysOff(2026).map((d) => [d.date, d.kind, d.name]), [
      ['2026-01-01', 'holiday', 'Tết Dương lịch'],
      ['2026-02-16', 'holiday', 'Tết Nguyên đán (29 tháng Chạp)'],
      ['2026-02-17', 'holiday', 'Tết Nguyên đán (mùng 1 tháng Giêng)'],
      ['2026-02-18', 'holiday', 'Tết Nguyên đán (mùng 2 tháng Giêng)'],
      ['2026-02-19', 'holiday', 'Tết Nguyên đán (mùng 3 tháng Giêng)'],
      ['2026-02-20', 'holiday', 'Tết Nguyên đán (mùng 4 tháng Giêng)'],
      ['2026-04-26', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
      ['2026-04-27', 'compensatory', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
      ['2026-04-30', 'holiday', 'Ngày Chiến thắng'],
      ['2026-05-01', 'holiday', 'Ngày Quốc tế Lao động'],
      ['2026-09-01', 'holiday', 'Quốc khánh (ngày liền kề)'],
      ['2026-09-02', 'holiday', 'Quốc khánh'],
    ]);
  });

  test('Tết on a weekend gives compensatory days after it, one per weekend day (2027: Tết is a Saturday)', () => {
    const tet = statutoryDaysOff(2027).filter((d) => d.date.startsWith('2027-02'));
    assert.deepEqual(tet.map((d) => [d.date, d.kind]), [
      ['2027-02-05', 'holiday'], ['2027-02-06', 'holiday'], ['2027-02-07', 'holiday'], ['2027-02-08', 'holiday'], ['2027-02-09', 'holiday'],
      ['2027-02-10', 'compensatory'], ['2027-02-11', 'compensatory'],
    ]);
  });

  test('30/4 and 1/5 on a weekend give the next two working days (2022: Saturday and Sunday)', () => {
    const may = statutoryDaysOff(2022).filter((d) => d.kind === 'compensatory' && d.date.startsWith('2022-05'));
    assert.deepEqual(may.map((d) => d.date), ['2022-05-02', '2022-05-03']);
  });

  test('the day adjacent to 2/9 by default reproduces 2021–2025, and 2/9 on a Saturday gives Monday off (2023)', () => {
    assert.deepEqual([2021, 2022, 2023, 2024, 2025].map(nationalDayAdjacent), ['2021-09-03', '2022-09-01', '2023-09-01', '2024-09-03', '2025-09-01']);
    const sept2023 = statutoryDaysOff(2023).filter((d) => d.date.startsWith('2023-09')).map((d) => d.date);
    assert.deepEqual(sept2023, ['2023-09-01', '2023-09-02', '2023-09-04']);
    // 2/9 on a Sunday (2029): 3/9 adjacent, Tuesday 4/9 compensatory.
    assert.deepEqual(statutoryDaysOff(2029).filter((d) => d.date.startsWith('2029-09')).map((d) => d.date), ['2029-09-02', '2029-09-03', '2029-09-04']);
    // Before the 2019 Code (in force 2021), 2/9 had no adjacent day.
    assert.deepEqual(statutoryDaysOff(2020).filter((d) => d.date.startsWith('2020-09')).map((d) => d.date), ['2020-09-02']);
  });

  test('no invented holiday: 24/11 is not a day off (not yet law)', () => {
    for (const year of [2026, 2027]) assert.ok(!statutoryDaysOff(year).some((d) => d.date.endsWith('-11-24')));
  });
});

describe('the work calendar', () => {
  const plain = new WorkCalendar();

  test('Tết 2026 for officials is 14–22 Feb with no adjustment (S50)', () => {
    const off = range('2026-02-10', '2026-02-26').filter((d) => plain.isDayOff(d));
    assert.deepEqual(off, range('2026-02-14', '2026-02-22'));
  });

  test('adjustments: a swapped Saturday is worked, a moved default day is cancelled, an added day is off', () => {
    const adjustments: Adjustment[] = [
      { date: '2026-01-02', kind: 'off', name: 'Nghỉ Tết Dương lịch (hoán đổi)', source: 'Văn bản thử' },
      { date: '2026-01-10', kind: 'work', name: 'Làm bù cho ngày 02/01/2026', source: 'Văn bản thử' },
      { date: '2026-09-01', kind: 'work', name: 'Ngày liền kề chuyển sang 03/9', source: 'Văn bản thử' },
      { date: '2026-09-03', kind: 'off', name: 'Quốc khánh (ngày liền kề)', source: 'Văn bản thử' },
    ];
    const cal = new WorkCalendar(adjustments);
    assert.equal(cal.isDayOff('2026-01-02'), true);
    assert.equal(cal.isDayOff('2026-01-10'), false);
    assert.equal(cal.isDayOff('2026-09-01'), false);
    assert.equal(cal.isDayOff('2026-09-03'), true);
    const listed = cal.daysOff(2026);
    assert.deepEqual(listed.filter((d) => d.kind === 'adjustment').map((d) => d.date), ['2026-01-02', '2026-09-03']);
    assert.ok(!listed.some((d) => d.date === '2026-09-01'));
    assert.ok(!listed.some((d) => d.date === '2026-01-03'), 'ordinary weekends are not listed');
    assert.deepEqual(cal.workdays(2026).map((d) => d.date), ['2026-01-10', '2026-09-01']);
    assert.throws(() => new WorkCalendar([adjustments[0], adjustments[0]]), RangeError);
  });

  test('add: working and calendar days', () => {
    const cases: [string, number, 'working' | 'calendar', string, string][] = [
      ['2026-02-12', 1, 'working', '2026-02-13', 'Thursday → Friday'],
      ['2026-02-12', 2, 'working', '2026-02-23', 'across the 9 days of Tết'],
      ['2026-02-10', 10, 'working', '2026-03-03', '10 working days across Tết'],
      ['2026-02-13', 0, 'working', '2026-02-13', 'zero days'],
      ['2026-04-24', 1, 'working', '2026-04-28', 'over the weekend and the compensatory Monday'],
      ['2026-04-29', 1, 'working', '2026-05-04', 'over 30/4, 1/5 and the weekend'],
      ['2026-01-20', 30, 'calendar', '2026-02-23', 'last day 19/2 is Tết → the next working day'],
      ['2026-01-15', 30, 'calendar', '2026-02-23', 'last day Saturday 14/2 → after Tết'],
      ['2026-03-27', 30, 'calendar', '2026-04-28', 'last day Sunday 26/4 (Giỗ Tổ) → past the compensatory Monday'],
      ['2026-03-01', 30, 'calendar', '2026-03-31', 'a working last day stays'],
      ['2026-02-23', -1, 'working', '2026-02-13', 'one working day back, over Tết'],
      ['2026-02-23', -10, 'calendar', '2026-02-13', 'calendar days back: plain subtraction'],
      ['2026-02-23', -9, 'calendar', '2026-02-14', 'nothing moved when counting back'],
      ['2028-02-28', 2, 'calendar', '2028-03-01', 'leap year'],
    ];
    for (const [from, n, unit, want, why] of cases) assert.equal(plain.add(from, n, unit), want, `${from} + ${n} ${unit}: ${why}`);
  });

  test('workingDaysBetween is signed and inverts add', () => {
    assert.equal(plain.workingDaysBetween('2026-02-12', '2026-02-23'), 2);
    assert.equal(plain.workingDaysBetween('2026-02-23', '2026-02-12'), -2);
    assert.equal(plain.workingDaysBetween('2026-02-23', '2026-02-23'), 0);
    assert.equal(plain.workingDaysBetween('2026-02-14', '2026-02-22'), 0, 'all of Tết');
    assert.equal(plain.workingDaysBetween('2025-12-31', '2026-12-31'), 261 - 11, 'working days of 2026: 261 weekdays less 11 weekday days off');
    for (const from of ['2026-02-10', '2026-04-24', '2026-08-28', '2027-02-04']) {
      for (const n of [1, 5, 10, 30, 60]) assert.equal(plain.workingDaysBetween(from, plain.add(from, n, 'working')), n, `${from} + ${n}`);
    }
  });

  test('the weekday of the day: rest days are Saturday and Sunday', () => {
    assert.equal(plain.isDayOff('2026-11-21'), true); // Saturday
    assert.equal(plain.isDayOff('2026-11-22'), true); // Sunday
    assert.equal(plain.isDayOff('2026-11-23'), false); // Monday
    assert.equal(plain.isDayOff('2026-11-24'), false); // 24/11: not a day off
  });

  test('bad input is a RangeError', () => {
    assert.throws(() => plain.add('2026-02-30', 1, 'working'), RangeError);
    assert.throws(() => plain.add('2026-02-10', 1.5, 'calendar'), RangeError);
    assert.throws(() => plain.add('2026-02-10', 1, 'weeks' as 'working'), RangeError);
    assert.throws(() => plain.workingDaysBetween('2026-02-10', 'tomorrow'), RangeError);
    assert.throws(() => new WorkCalendar([{ date: '2026-01-10', kind: 'maybe' as 'off', name: 'x', source: 'y' }]), RangeError);
  });
});
