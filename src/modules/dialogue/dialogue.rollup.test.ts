// The centre's report reads dialogue recommendations from their monthly roll-up (migration 0013): its figures must be
// the ones counted one by one, for closed periods and the running one, after recommendations are raised, resolved,
// reopened, moved and deleted, and after the deltas are folded.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { harness, type Harness } from '../../testing/given.ts';
import { addDays, todayVN } from '../../platform/clock.ts';
import { centrePeriods, minDay, random } from '../../testing/rollup.ts';
import { reportScope } from '../units/index.ts';
import { dialogueFigures } from './dialogue.figures.ts';
import { foldDialogueRollup } from './dialogue.rollup.ts';

let h: Harness;

const OLD = ['VN.44.450.18853', 'VN.45.461.19330', 'VN.44.450', 'VN.45'];
const NEW = ['VN.44.18859', 'VN.46.19753', 'VN.44', 'VN'];
const FIELDS = ['dat_dai', 'moi_truong', 'giao_thong'];

let today: string;
const ids: string[] = [];
let seq = 0;

async function raise(rnd: () => number, day: string): Promise<void> {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const path = pick(day < '2025-07-01' ? OLD : NEW);
  const depth = path.split('.').length;
  const level = depth === 1 ? 'central' : depth === 2 ? 'province' : depth === 3 && day < '2025-07-01' ? 'district' : 'commune';
  const conference = randomUUID();
  await h.ctx.database.rows(sql`insert into dialogue_conference (id, unit_code, unit_path, level, organiser_name, type, topic, held_on, place, status, attendance)
    values (${conference}, ${path.split('.').at(-1)!}, ${path}::ltree, ${level}, 'Ủy ban nhân dân', 'dinh_ky', 'Đối thoại với Nhân dân', ${day}, 'Hội trường', 'held', 50)`);
  for (let i = 0; i < 3; i++) {
    const r = rnd();
    const status = r < 0.3 ? 'answered' : r < 0.65 ? 'resolved' : 'in_progress';
    const due = status === 'answered' ? null : addDays(day, 5 + Math.floor(rnd() * 50));
    const resolved = status === 'resolved' ? minDay(addDays(day, Math.floor(rnd() * 60)), today) : null;
    const id = randomUUID();
    await h.ctx.database.rows(sql`insert into dialogue_recommendation (id, conference_id, seq, raised_by, field_code, content, answer, status, due_on, resolved_on, raised_on, unit_path, level)
      values (${id}, ${conference}, ${++seq}, 'Cử tri thôn 1', ${pick(FIELDS)}, 'Đề nghị sửa đường', ${status === 'answered' ? 'Đã trả lời' : null}, ${status},
        ${due}, ${resolved}, ${day}, ${path}::ltree, ${level})`);
    ids.push(id);
  }
}

async function compare(label: string) {
  for (const period of centrePeriods(today)) {
    const found = await reportScope(h.ctx, 'VN', period);
    assert.ok(found.ok);
    const asOf = period.to < today ? period.to : today;
    const plain = (f: Awaited<ReturnType<typeof dialogueFigures>>) => ({ conferences: f.conferences, children: [...f.children].sort(), fields: [...f.fields].sort() });
    const rolled = await dialogueFigures(h.ctx, found.scope, { asOf });
    const counted = await dialogueFigures(h.ctx, found.scope, { asOf }, { oneByOne: true });
    assert.deepEqual(plain(rolled), plain(counted), `${label} ${period.from}..${period.to} at ${asOf}`);
  }
}

before(async () => {
  h = await harness();
  today = todayVN();
  const rnd = random(4242);
  const span = Math.round((Date.parse(today) - Date.parse('2024-01-01')) / 86_400_000);
  for (let i = 0; i < 50; i++) await raise(rnd, addDays(today, -Math.floor(rnd() * (i % 3 === 0 ? 60 : span))));
  // Due around today, still in progress: yesterday, today, tomorrow, the last day of last month.
  const monthStart = `${today.slice(0, 8)}01`;
  for (const due of [addDays(today, -1), today, addDays(today, 1), addDays(monthStart, -1)]) {
    await raise(() => 0.9, addDays(monthStart, -20));
    await h.ctx.database.rows(sql`update dialogue_recommendation set due_on = ${due} where id = ${ids.at(-1)!}`);
  }
});
after(() => h.close());

describe('the monthly roll-up of dialogue recommendations', () => {
  test('gives the figures counted one by one', async () => {
    await compare('raised');
  });

  test('follows recommendations resolved, reopened, moved and deleted', async () => {
    const rnd = random(99);
    for (const id of ids.slice(0, 60)) {
      const r = rnd();
      if (r < 0.25) await h.ctx.database.rows(sql`update dialogue_recommendation set status = 'resolved', resolved_on = least(raised_on + 7, ${today}::date) where id = ${id} and status = 'in_progress'`);
      else if (r < 0.45) await h.ctx.database.rows(sql`update dialogue_recommendation set status = 'in_progress', resolved_on = null where id = ${id} and status = 'resolved'`);
      else if (r < 0.6) await h.ctx.database.rows(sql`update dialogue_recommendation set due_on = due_on + 20, field_code = 'y_te' where id = ${id}`);
      else if (r < 0.7) await h.ctx.database.rows(sql`update dialogue_recommendation set content = 'Đề nghị sửa cầu' where id = ${id}`);
      else if (r < 0.8) await h.ctx.database.rows(sql`delete from dialogue_recommendation where id = ${id}`);
    }
    await compare('changed');
  });

  test('folding keeps every figure and a second fold has nothing to do', async () => {
    const { folded } = await foldDialogueRollup(h.ctx);
    assert.ok(folded > 0);
    await compare('folded');
    assert.equal((await foldDialogueRollup(h.ctx)).folded, 0);
  });
});
