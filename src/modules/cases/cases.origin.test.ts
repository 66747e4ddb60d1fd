// Cases raised by another activity: written on the caller's transaction, addressed to the owner, linked back to
// the record that raised them, and never creatable with an origin from an HTTP body.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { harness, type Harness } from '../../testing/given.ts';
import { todayVN } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { inTx } from '../../platform/transaction.ts';
import { fail } from '../../platform/http.ts';
import type { Actor } from '../../platform/access.ts';
import { createCaseFrom, registerOriginResolver } from './index.ts';

let h: Harness;
let handler: { cookie: string; user: { id: string } };
let actor: Actor;
const A = '19753';

before(async () => {
  h = await harness();
  const org = await h.given.organisation(A, { name: 'UBND phường Phú Xuân' });
  handler = await h.given.official('handler', A, { organisation: org });
  const danvan = await h.given.official('danvan', A);
  actor = { userId: danvan.user.id, username: 'danvan', fullName: 'Cán bộ dân vận', grants: [{ role: 'danvan', organisationId: danvan.organisation.id, unitCode: A, unitPath: 'VN.46.19753' }] };
});
after(() => h.close());

const intake = (over: Record<string, unknown> = {}) => ({
  kind: 'kien_nghi' as const, fieldCode: 'dat_dai', title: 'Kiến nghị sửa đường kiệt 12', content: 'Cử tri kiến nghị sửa đường kiệt 12 bị ngập khi mưa.',
  receivedOn: todayVN(), receivingUnitCode: A, responsibleUnitCode: A, placeUnitCode: A, ...over,
});

test('a case raised by a conference: same transaction, owner, channel, due date, origin on the detail', async () => {
  const origin = { type: 'dialogue' as const, id: newId() };
  registerOriginResolver('dialogue', async (_ctx, ids) => new Map(ids.map((id) => [id, { title: 'Chỉnh trang đô thị', on: '2026-01-10', path: `/dialogue/${id}` }])));
  const r = await inTx(h.ctx, (tx, ctx) => createCaseFrom(ctx, tx, actor, intake({ responsibleUnitCode: '46' }), origin));
  assert.ok(r.ok);
  const c = r.value;
  assert.equal(c.channel, 'dialogue');
  assert.equal(c.responsibleUnitCode, '46');
  assert.equal(c.receivingUnitCode, A);
  assert.equal(c.originType, 'dialogue');
  assert.equal(c.originId, origin.id);
  assert.ok(c.dueOn > todayVN());
  const detail = await h.app.inject({ method: 'GET', url: `/api/cases/${c.id}`, headers: { cookie: (await h.given.official('handler', '46')).cookie } });
  assert.equal(detail.statusCode, 200, detail.body);
  assert.deepEqual(detail.json().origin, { type: 'dialogue', id: origin.id, title: 'Chỉnh trang đô thị', on: '2026-01-10', path: `/dialogue/${origin.id}` });
  const [e] = await h.ctx.database.rows<{ data: { dueOn: string; origin: unknown } }>(sql`select data from cases_event where case_id = ${c.id}`);
  assert.equal(e.data.dueOn, c.dueOn);
});

test('a failure of the caller rolls the case back; bad input is a named failure', async () => {
  const before = (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int n from cases_case`))[0].n;
  const rolled = await inTx(h.ctx, async (tx, ctx) => {
    const r = await createCaseFrom(ctx, tx, actor, intake(), { type: 'dialogue', id: newId() });
    assert.ok(r.ok);
    return fail('validation_failed');
  });
  assert.equal(rolled.ok, false);
  for (const [over, code] of [[{ dueOn: '2020-01-01' }, 'due_in_past'], [{ fieldCode: 'khong_co' }, 'field_not_found'], [{ responsibleUnitCode: '99999' }, 'unit_not_found']] as const) {
    const r = await inTx(h.ctx, (tx, ctx) => createCaseFrom(ctx, tx, actor, intake(over), { type: 'dialogue', id: newId() }));
    assert.equal(r.ok ? 'ok' : r.reason, code);
  }
  const after = (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int n from cases_case`))[0].n;
  assert.equal(after, before);
});

test('an official cannot set an origin through the API body', async () => {
  const res = await h.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: handler.cookie }, payload: {
    kind: 'kien_nghi', channel: 'reception', fieldCode: 'dat_dai', title: 'Kiến nghị thử', content: 'Nội dung kiến nghị thử nghiệm.', place: { unitCode: A },
    origin: { type: 'dialogue', id: newId() },
  } });
  assert.equal(res.statusCode, 400);
});
