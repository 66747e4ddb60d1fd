// The centre's report reads cases from the monthly roll-up (migration 0012): its figures must be the ones counted case
// by case, for closed periods and for the running one, after cases are written, changed, reopened and deleted, and
// after the deltas are folded.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { harness, type Harness } from '../../testing/given.ts';
import { addDays, todayVN } from '../../platform/clock.ts';
import { centrePeriods, minDay, random } from '../../testing/rollup.ts';
import { reportScope } from '../units/index.ts';
import { caseFigures, countCases } from './cases.figures.ts';
import { foldRollup, rollupAnswers } from './cases.rollup.ts';

let h: Harness;

// Units of both trees: old communes and districts (before 1 July 2025), new communes and provinces, the centre.
const OLD = ['VN.44.450.18853', 'VN.45.461.19330', 'VN.44.450', 'VN.45', 'VN.46.474'];
const NEW = ['VN.44.18859', 'VN.44.18871', 'VN.46.19753', 'VN.44', 'VN.46', 'VN'];
const KINDS = ['kien_nghi', 'phan_anh', 'khieu_nai', 'to_cao'];
const CHANNELS = ['reception', 'mail', 'portal', 'dialogue', 'hotline'];
const FIELDS = ['dat_dai', 'moi_truong', 'giao_thong', 'y_te'];

let today: string;
const ids: string[] = [];

async function insertCase(rnd: () => number, received: string): Promise<string> {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const path = pick(received < '2025-07-01' ? OLD : NEW);
  const code = path.split('.').at(-1)!;
  const r = rnd();
  const accepted = r < 0.85 ? minDay(addDays(received, Math.floor(rnd() * 20)), today) : null;
  const resolved = accepted && r < 0.6 ? minDay(addDays(accepted, Math.floor(rnd() * 70)), today) : null;
  const due = addDays(received, 5 + Math.floor(rnd() * 60));
  const closed = resolved && rnd() < 0.5 ? `${minDay(addDays(resolved, Math.floor(rnd() * 10)), today)}T04:00:00Z`
    : !resolved && rnd() < 0.15 ? `${minDay(addDays(received, 3), today)}T20:30:00Z` : null;
  const state = resolved ? (closed ? 'closed' : 'answered') : closed ? 'guided' : accepted ? 'accepted' : 'received';
  const kind = pick(KINDS);
  const origin = rnd() < 0.2 ? randomUUID() : null;
  const id = randomUUID();
  await h.ctx.database.rows(sql`insert into cases_case (id, number, year, kind, channel, field_code, title, content, state, place_unit_code,
      receiving_unit_code, receiving_unit_path, responsible_unit_code, responsible_unit_path, received_on, due_on, mass, over_level, confidential,
      search_key, closed_at, accepted_on, resolved_on, resolution_due_on, origin_type, origin_id)
    values (${id}, ${`R${ids.length + 1}/${received.slice(0, 4)}`}, ${Number(received.slice(0, 4))}, ${kind}, ${pick(CHANNELS)}, ${pick(FIELDS)},
      'Vụ việc thử', 'Nội dung', ${state}, ${code}, ${code}, ${path}::ltree, ${code}, ${path}::ltree, ${received},
      ${resolved ? null : due}, ${rnd() < 0.1}, ${rnd() < 0.1}, ${kind === 'to_cao'}, 'vu viec thu', ${closed}, ${accepted}, ${resolved},
      ${resolved ? (rnd() < 0.3 ? null : due) : null}, ${origin ? 'dialogue' : null}, ${origin})`);
  ids.push(id);
  return id;
}

async function compare(label: string) {
  for (const period of centrePeriods(today)) {
    const found = await reportScope(h.ctx, 'VN', period);
    assert.ok(found.ok);
    const asOf = period.to < today ? period.to : today;
    assert.ok(rollupAnswers(found.scope, asOf), `${label} ${period.from}..${period.to}: the roll-up answers`);
    const fromRollup = await caseFigures(h.ctx, found.scope, { asOf });
    const counted = await countCases(h.ctx, found.scope, { asOf });
    const plain = (f: typeof counted) => ({ cases: f.cases, children: [...f.children].sort(), fields: [...f.fields].sort() });
    assert.deepEqual(plain(fromRollup), plain(counted), `${label} ${period.from}..${period.to} at ${asOf}`);
  }
}

before(async () => {
  h = await harness();
  today = todayVN();
  const rnd = random(20251);
  // 150 cases from January 2024 to today, a third of them in the last three months (the running period's edge cases).
  for (let i = 0; i < 150; i++) {
    const span = i % 3 === 0 ? 90 : Math.max(1, Math.round((Date.parse(today) - Date.parse('2024-01-01')) / 86_400_000));
    await insertCase(rnd, addDays(today, -Math.floor(rnd() * span)));
  }
  // Deadlines around today: passed yesterday, passing today, passing tomorrow, passed on the last day of last month.
  const monthStart = `${today.slice(0, 8)}01`;
  for (const due of [addDays(today, -1), today, addDays(today, 1), addDays(monthStart, -1), monthStart]) {
    const id = await insertCase(() => 0.7, addDays(monthStart, -20));
    await h.ctx.database.rows(sql`update cases_case set due_on = ${due} where id = ${id}`);
  }
});
after(() => h.close());

describe('the monthly roll-up of cases', () => {
  test('answers the centre over whole months only', async () => {
    const centre = await reportScope(h.ctx, 'VN', { from: '2025-01-01', to: '2025-12-31' });
    const province = await reportScope(h.ctx, '44', { from: '2025-01-01', to: '2025-12-31' });
    const cut = await reportScope(h.ctx, 'VN', { from: '2025-01-05', to: '2025-12-31' });
    assert.ok(centre.ok && province.ok && cut.ok);
    assert.equal(rollupAnswers(centre.scope, '2025-12-31'), true);
    assert.equal(rollupAnswers(centre.scope, '2025-12-15'), false);
    assert.equal(rollupAnswers(province.scope, '2025-12-31'), false);
    assert.equal(rollupAnswers(cut.scope, '2025-12-31'), false);
  });

  test('gives the figures counted case by case', async () => {
    const [{ n, cases }] = await h.ctx.database.rows<{ n: number; cases: number }>(sql`
      select (select sum(n) from cases_rollup_place)::int as n, (select count(*) from cases_case)::int as cases`);
    assert.ok(cases >= ids.length);
    assert.equal(n, cases);
    await compare('written');
  });

  test('follows cases changed, reopened, reclassified, moved and deleted', async () => {
    const rnd = random(7);
    for (const id of ids.slice(0, 60)) {
      const r = rnd();
      if (r < 0.2) await h.ctx.database.rows(sql`update cases_case set state = 'accepted', closed_at = null where id = ${id} and state in ('answered', 'closed')`);
      else if (r < 0.4) await h.ctx.database.rows(sql`update cases_case set due_on = coalesce(due_on, received_on) + 15 where id = ${id}`);
      else if (r < 0.55) await h.ctx.database.rows(sql`update cases_case set kind = 'khieu_nai', field_code = 'y_te', mass = not mass where id = ${id}`);
      else if (r < 0.7) await h.ctx.database.rows(sql`update cases_case set state = 'answered', answered_on = least(received_on + 3, ${today}::date) where id = ${id} and state in ('received', 'accepted')`);
      else if (r < 0.8) await h.ctx.database.rows(sql`update cases_case set closed_at = least(received_on + 4, ${today}::date)::timestamptz where id = ${id} and closed_at is null`);
      else if (r < 0.9) await h.ctx.database.rows(sql`update cases_case set origin_id = null, origin_type = null, channel = 'mail' where id = ${id}`);
      else await h.ctx.database.rows(sql`delete from cases_case where id = ${id}`);
    }
    await compare('changed');
  });

  test('folding the deltas keeps every sum and leaves one row per key', async () => {
    const count = async () => (await h.ctx.database.rows<{ n: number; k: number }>(sql`
      select count(*)::int as n, count(distinct (month, depth, province, accepted_m, resolved_m, late, due_m, ended_m))::int as k from cases_rollup_place`))[0];
    const before = await count();
    assert.ok(before.n > before.k, 'changes left delta rows');
    const { folded } = await foldRollup(h.ctx);
    assert.ok(folded > 0);
    const afterFold = await count();
    assert.equal(afterFold.n, afterFold.k);
    await compare('folded');
    assert.equal((await foldRollup(h.ctx)).folded, 0);
  });
});
