// Dialogue conferences over HTTP on a real database: plan, edit, record (answers on the spot and follow-up cases in
// one transaction), not held, the cases' answers flowing back, the public calendar and results, the reminder.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { harness, type Harness } from '../../testing/given.ts';
import { todayVN } from '../../platform/clock.ts';
import type { OrganisationRow } from '../organisations/index.ts';
import { remindOrganisers } from './dialogue.jobs.ts';
import { addDays } from './dialogue.rules.ts';

let h: Harness;
let party: OrganisationRow; let ubnd: OrganisationRow; let province: OrganisationRow; let otherProvince: OrganisationRow; let partyB: OrganisationRow;
let danvan: string; let leader: string; let handler: string; let mttq: string; let danvanB: string; let handlerProvince: string;
const A = '19753'; const B = '19789';
const today = todayVN();

before(async () => {
  h = await harness();
  party = await h.given.organisation(A, { kind: 'cap_uy', name: 'Đảng ủy phường Phú Xuân' });
  ubnd = await h.given.organisation(A, { kind: 'ubnd', name: 'Ủy ban nhân dân phường Phú Xuân' });
  province = await h.given.organisation('46', { kind: 'ubnd', name: 'Ủy ban nhân dân thành phố Huế' });
  otherProvince = await h.given.organisation('01', { kind: 'ubnd', name: 'Ủy ban nhân dân thành phố Hà Nội' });
  partyB = await h.given.organisation(B, { kind: 'cap_uy', name: 'Đảng ủy phường Thuận Hóa' });
  const d = await h.given.official('danvan', A, { organisation: party });
  danvan = d.cookie;
  await h.ctx.database.db.execute(sql`update accounts_user set email = 'danvan.phuxuan@example.vn' where id = ${d.user.id}`);
  leader = (await h.given.official('leader', A, { organisation: ubnd })).cookie;
  handler = (await h.given.official('handler', A, { organisation: ubnd })).cookie;
  mttq = (await h.given.official('mttq', A)).cookie;
  danvanB = (await h.given.official('danvan', B, { organisation: partyB })).cookie;
  handlerProvince = (await h.given.official('handler', '46', { organisation: province })).cookie;
});
after(() => h.close());

const call = (cookie: string | undefined, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  h.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

const plan = (over: Record<string, unknown> = {}) => ({
  unitCode: A, organisationId: party.id, type: 'dinh_ky', form: 'doi_thoai', topic: 'Chỉnh trang đô thị và vỉa hè', heldOn: addDays(today, -2), startsAt: '08:00',
  place: 'Hội trường Ủy ban nhân dân phường', chairs: [{ side: 'cap_uy', name: 'Hoàng Văn Bí', position: 'Bí thư Đảng ủy phường' }, { side: 'chinh_quyen', name: 'Nguyễn Văn Chủ', position: 'Chủ tịch UBND phường' }],
  invited: [{ group: 'mttq' }, { group: 'nguoi_dan', note: 'Cử tri tổ dân phố 5' }], residentsUnitCode: A, ...over,
});

async function planned(over: Record<string, unknown> = {}, cookie = danvan) {
  const res = await call(cookie, 'POST', '/api/dialogue/conferences', plan(over));
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}
async function counts() {
  const [r] = await h.ctx.database.rows<{ c: number; r: number; k: number }>(sql`select
    (select count(*)::int from dialogue_conference) c, (select count(*)::int from dialogue_recommendation) r, (select count(*)::int from cases_case) k`);
  return r;
}
async function expectError(res: { statusCode: number; json(): { code: string }; body: string }, status: number, code: string) {
  assert.equal(res.statusCode, status, res.body);
  assert.equal(res.json().code, code);
}

const answered = { raisedBy: 'Hội Liên hiệp Phụ nữ phường', fieldCode: 'moi_truong', content: 'Rác quanh chợ tồn đọng vào buổi chiều.', outcome: 'answered', answer: 'Từ tháng tới thu gom hai lần mỗi ngày.', answeredBy: 'Chủ tịch UBND phường' };
const followed = (over: Record<string, unknown> = {}) => ({ raisedBy: 'Cử tri tổ dân phố 5', fieldCode: 'giao_thong', content: 'Đèn chiếu sáng kiệt 12 hỏng đã lâu, đề nghị sửa chữa.', outcome: 'case', ownerOrganisationId: ubnd.id, ...over });

describe('planning', () => {
  test('an official of Ban Dân vận plans a conference of their unit: level from the unit, audited', async () => {
    const c = await planned();
    assert.equal(c.status, 'planned');
    assert.equal(c.level, 'commune');
    assert.equal(c.unit.code, A);
    assert.equal(c.organisation.name, 'Đảng ủy phường Phú Xuân');
    assert.equal(c.published, false);
    assert.deepEqual(c.abilities, { edit: true, record: true, publish: true });
    assert.equal(c.chairs.length, 2);
    assert.equal(c.residentsUnit.code, A);
    const [a] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int n from audit_event where action = 'dialogue.conference.planned' and target_id = ${c.id}`);
    assert.equal(a.n, 1);
  });

  test('outside the scope, with another unit\'s body, an impossible date or an unknown unit: refused, nothing written', async () => {
    const before = await counts();
    await expectError(await call(danvanB, 'POST', '/api/dialogue/conferences', plan()), 403, 'conference_out_of_scope');
    await expectError(await call(mttq, 'POST', '/api/dialogue/conferences', plan()), 403, 'forbidden');
    await expectError(await call(danvan, 'POST', '/api/dialogue/conferences', plan({ organisationId: partyB.id })), 400, 'conference_organisation_invalid');
    await expectError(await call(danvan, 'POST', '/api/dialogue/conferences', plan({ heldOn: '2026-02-30' })), 400, 'validation_failed');
    await expectError(await call(danvan, 'POST', '/api/dialogue/conferences', plan({ heldOn: addDays(today, -400) })), 400, 'conference_date_out_of_range');
    await expectError(await call(danvan, 'POST', '/api/dialogue/conferences', plan({ unitCode: '99999' })), 404, 'unit_not_found');
    await expectError(await call(danvan, 'POST', '/api/dialogue/conferences', plan({ residentsUnitCode: B })), 400, 'conference_residents_invalid');
    await expectError(await call(danvan, 'POST', '/api/dialogue/conferences', plan({ topic: '<b>Chủ đề</b>' })), 400, 'validation_failed');
    await expectError(await call(danvan, 'POST', '/api/dialogue/conferences', plan({ chairs: [] })), 400, 'validation_failed');
    assert.deepEqual(await counts(), before);
    const [d] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int n from audit_event where action = 'access.denied' and detail->>'attempted' = 'dialogue.manage'`);
    assert.ok(d.n >= 2);
  });

  test('the plan is edited while planned; the province sees it, another commune does not', async () => {
    const c = await planned();
    const res = await call(leader, 'PATCH', `/api/dialogue/conferences/${c.id}`, { topic: 'Chỉnh trang đô thị (sửa)', type: 'dot_xuat' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().topic, 'Chỉnh trang đô thị (sửa)');
    assert.equal(res.json().type, 'dot_xuat');
    assert.equal((await call(handlerProvince, 'GET', `/api/dialogue/conferences/${c.id}`)).statusCode, 200);
    await expectError(await call(danvanB, 'GET', `/api/dialogue/conferences/${c.id}`), 404, 'conference_not_found');
    await expectError(await call(mttq, 'PATCH', `/api/dialogue/conferences/${c.id}`, { topic: 'Không được sửa' }), 403, 'forbidden');
    const list = await call(danvanB, 'GET', '/api/dialogue/conferences');
    assert.ok(!list.json().items.some((x: { id: string }) => x.id === c.id));
    await expectError(await call(danvanB, 'GET', `/api/dialogue/conferences?unit=${A}`), 403, 'forbidden');
    const mine = await call(mttq, 'GET', `/api/dialogue/conferences?unit=${A}&status=planned`);
    assert.ok(mine.json().items.some((x: { id: string }) => x.id === c.id));
  });
});

describe('recording', () => {
  test('held: answers on the spot, and follow-up cases in the same transaction with channel, owner, due date and a link back', async () => {
    const c = await planned({ topic: 'Trật tự đô thị quý này' });
    const due = addDays(today, 20);
    const res = await call(danvan, 'POST', `/api/dialogue/conferences/${c.id}/record`, {
      attendance: 120, recommendations: [answered, followed({ dueOn: due }), followed({ raisedBy: 'Cử tri tổ dân phố 9', fieldCode: 'dat_dai', content: 'Đề nghị công khai tiến độ cấp giấy chứng nhận.', ownerOrganisationId: province.id })],
    });
    assert.equal(res.statusCode, 200, res.body);
    const r = res.json();
    assert.equal(r.status, 'held');
    assert.equal(r.attendance, 120);
    assert.deepEqual(r.counts, { raised: 3, answered: 1, inProgress: 2, resolved: 0 });
    assert.deepEqual(r.abilities, { edit: false, record: false, publish: true });
    const [spot, withDue, byDefault] = r.recommendations;
    assert.equal(spot.status, 'answered');
    assert.equal(spot.case, null);
    assert.equal(withDue.status, 'in_progress');
    assert.equal(withDue.dueOn, due);
    assert.equal(withDue.answeredBy, 'Ủy ban nhân dân phường Phú Xuân');
    assert.ok(withDue.case.number.endsWith(`/${c.heldOn.slice(0, 4)}`));
    // The default deadline: the 'recommendation' rule, counted on working days.
    assert.ok(byDefault.dueOn >= today);

    const kase = await call(handler, 'GET', `/api/cases/${withDue.case.id}`);
    assert.equal(kase.statusCode, 200, kase.body);
    const k = kase.json();
    assert.equal(k.kind, 'kien_nghi');
    assert.equal(k.channel, 'dialogue');
    assert.equal(k.receivingUnit.code, A);
    assert.equal(k.responsibleUnit.code, A);
    assert.equal(k.receivedOn, c.heldOn);
    assert.match(k.content, /Cử tri tổ dân phố 5 tại hội nghị đối thoại “Trật tự đô thị quý này” ngày \d\d\/\d\d\/\d{4}/);
    assert.deepEqual(k.origin, { type: 'dialogue', id: withDue.id, title: 'Trật tự đô thị quý này', on: c.heldOn, path: `/dialogue/${c.id}` });
    assert.equal(k.petitioner.name, null);
    // Addressed to the province: it is in the province's inbox, not the commune handler's to act on.
    const other = await call(handlerProvince, 'GET', `/api/cases/${byDefault.case.id}`);
    assert.equal(other.json().responsibleUnit.code, '46');
    const inbox = await call(handler, 'GET', '/api/cases?channel=dialogue');
    assert.ok(inbox.json().items.some((x: { id: string }) => x.id === withDue.case.id));
    const [a] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int n from audit_event where action = 'dialogue.conference.held' and target_id = ${c.id}`);
    assert.equal(a.n, 1);
    // Recorded once: a second record, an edit or a not-held is a conflict.
    await expectError(await call(danvan, 'POST', `/api/dialogue/conferences/${c.id}/record`, { attendance: 1 }), 409, 'conference_not_planned');
    await expectError(await call(danvan, 'PATCH', `/api/dialogue/conferences/${c.id}`, { topic: 'Muộn rồi' }), 409, 'conference_not_planned');
    await expectError(await call(danvan, 'POST', `/api/dialogue/conferences/${c.id}/not-held`, { reason: 'Muộn rồi' }), 409, 'conference_not_planned');
  });

  test('bad input changes nothing: a future date, an unknown field, a past deadline, an owner elsewhere, a place outside', async () => {
    const c = await planned({ heldOn: addDays(today, 5) });
    const before = await counts();
    const rec = (body: Record<string, unknown>) => call(danvan, 'POST', `/api/dialogue/conferences/${c.id}/record`, body);
    await expectError(await rec({ attendance: 50 }), 400, 'conference_date_future');
    await expectError(await rec({ attendance: 50, heldOn: '2026-02-30' }), 400, 'validation_failed');
    await expectError(await rec({ attendance: 50, heldOn: today, recommendations: [answered, followed({ fieldCode: 'khong_co' })] }), 400, 'recommendation_field_invalid');
    await expectError(await rec({ attendance: 50, heldOn: today, recommendations: [followed({ dueOn: addDays(today, -1) })] }), 400, 'recommendation_due_in_past');
    await expectError(await rec({ attendance: 50, heldOn: today, recommendations: [followed({ ownerOrganisationId: otherProvince.id })] }), 400, 'recommendation_owner_invalid');
    await expectError(await rec({ attendance: 50, heldOn: today, recommendations: [followed({ placeUnitCode: B })] }), 400, 'recommendation_place_invalid');
    await expectError(await rec({ attendance: 50, heldOn: today, recommendations: [{ ...answered, answer: undefined }] }), 400, 'validation_failed');
    await expectError(await rec({ attendance: 50, heldOn: today, recommendations: [{ ...followed(), ownerOrganisationId: undefined }] }), 400, 'validation_failed');
    await expectError(await call(danvanB, 'POST', `/api/dialogue/conferences/${c.id}/record`, { attendance: 50, heldOn: today }), 404, 'conference_not_found');
    assert.deepEqual(await counts(), before);
    assert.equal((await call(danvan, 'GET', `/api/dialogue/conferences/${c.id}`)).json().status, 'planned');
    // Held earlier than planned: the recorded day replaces the planned one.
    const ok = await rec({ attendance: 50, heldOn: today });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().heldOn, today);
  });

  test('did not take place: a reason is required, and then it cannot be recorded', async () => {
    const c = await planned();
    await expectError(await call(danvan, 'POST', `/api/dialogue/conferences/${c.id}/not-held`, {}), 400, 'validation_failed');
    const res = await call(danvan, 'POST', `/api/dialogue/conferences/${c.id}/not-held`, { reason: 'Trùng lịch ứng phó bão' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'not_held');
    assert.equal(res.json().notHeldReason, 'Trùng lịch ứng phó bão');
    await expectError(await call(danvan, 'POST', `/api/dialogue/conferences/${c.id}/record`, { attendance: 10 }), 409, 'conference_not_planned');
  });
});

describe('following the cases', () => {
  test('the case\'s answer resolves the recommendation on that day with its text; a reopening puts it back in progress', async () => {
    const c = await planned();
    const rec = (await call(danvan, 'POST', `/api/dialogue/conferences/${c.id}/record`, { attendance: 30, recommendations: [followed()] })).json().recommendations[0];
    const act = async (body: Record<string, unknown>, cookie = handler) => {
      const res = await call(cookie, 'POST', `/api/cases/${rec.case.id}/events`, body);
      assert.equal(res.statusCode, 200, res.body);
    };
    const current = async () => (await call(danvan, 'GET', `/api/dialogue/conferences/${c.id}`)).json().recommendations[0];
    await act({ type: 'accepted' });
    assert.equal((await current()).status, 'in_progress');
    await act({ type: 'answered', answer: 'Phường đã thay bóng đèn kiệt 12 ngày hôm qua.', publishable: true });
    let now = await current();
    assert.equal(now.status, 'resolved');
    assert.equal(now.resolvedOn, today);
    assert.equal(now.answer, 'Phường đã thay bóng đèn kiệt 12 ngày hôm qua.');
    await act({ type: 'closed' });
    assert.equal((await current()).status, 'resolved');
    await act({ type: 'reopened', reason: 'Đèn lại hỏng' }, leader);
    now = await current();
    assert.equal(now.status, 'in_progress');
    assert.equal(now.resolvedOn, null);
    assert.equal(now.answer, null);
    await act({ type: 'answered', answer: 'Đã thay cả cụm đèn mới.' });
    assert.equal((await current()).status, 'resolved');
    assert.equal((await current()).answer, 'Đã thay cả cụm đèn mới.');
  });

  test('a case moved to another unit stays in progress and names who answers now', async () => {
    const c = await planned();
    const rec = (await call(danvan, 'POST', `/api/dialogue/conferences/${c.id}/record`, { attendance: 30, recommendations: [followed()] })).json().recommendations[0];
    const res = await call(handler, 'POST', `/api/cases/${rec.case.id}/events`, { type: 'transferred', toUnitCode: '46', reason: 'Thuộc thẩm quyền thành phố' });
    assert.equal(res.statusCode, 200, res.body);
    const now = (await call(danvan, 'GET', `/api/dialogue/conferences/${c.id}`)).json().recommendations[0];
    assert.equal(now.status, 'in_progress');
    assert.equal(now.answeredBy, 'Thành phố Huế');
  });
});

describe('residents', () => {
  test('the calendar and results show published conferences only, and never a person', async () => {
    const hidden = await planned({ topic: 'Hội nghị chưa công bố' });
    const shown = await planned({ topic: 'Hội nghị đã công bố', published: true });
    const upcoming = await planned({ topic: 'Hội nghị sắp tới', heldOn: addDays(today, 9), published: true });
    const cancelled = await planned({ topic: 'Hội nghị không tổ chức', published: true });
    await call(danvan, 'POST', `/api/dialogue/conferences/${cancelled.id}/not-held`, { reason: 'Mưa bão' });
    const rec = await call(danvan, 'POST', `/api/dialogue/conferences/${shown.id}/record`, { attendance: 80, recommendations: [answered, followed()] });
    const caseId = rec.json().recommendations[1].case.id;
    await h.ctx.database.db.execute(sql`update cases_case set petitioner = '{"name":"Trần Văn Riêng","phone":"0905999888"}'::jsonb where id = ${caseId}`);

    const list = await h.app.inject({ method: 'GET', url: `/api/public/conferences?unit=${A}` });
    assert.equal(list.statusCode, 200, list.body);
    const ids = list.json().items.map((x: { id: string }) => x.id);
    assert.ok(ids.includes(shown.id) && ids.includes(upcoming.id));
    assert.ok(!ids.includes(hidden.id) && !ids.includes(cancelled.id));
    const forB = (await h.app.inject({ method: 'GET', url: `/api/public/conferences?unit=${B}` })).json().items.map((x: { id: string }) => x.id);
    assert.ok(!forB.includes(shown.id));
    assert.equal((await h.app.inject({ method: 'GET', url: '/api/public/conferences?unit=99999' })).statusCode, 404);
    assert.equal((await h.app.inject({ method: 'GET', url: '/api/public/conferences?from=2026-02-30' })).statusCode, 400);

    await expectError(await h.app.inject({ method: 'GET', url: `/api/public/conferences/${hidden.id}` }), 404, 'conference_not_found');
    await expectError(await h.app.inject({ method: 'GET', url: `/api/public/conferences/${cancelled.id}` }), 404, 'conference_not_found');
    const detail = await h.app.inject({ method: 'GET', url: `/api/public/conferences/${shown.id}` });
    assert.equal(detail.statusCode, 200, detail.body);
    const d = detail.json();
    assert.equal(d.status, 'held');
    assert.equal(d.attendance, 80);
    assert.deepEqual(d.recommendations.map((r: { raisedBy: string; status: string }) => [r.raisedBy, r.status]), [['Hội Liên hiệp Phụ nữ phường', 'answered'], ['Cử tri tổ dân phố 5', 'in_progress']]);
    assert.equal(d.recommendations[1].dueOn !== null, true);
    assert.deepEqual(Object.keys(d.recommendations[1]).sort(), ['answer', 'answeredBy', 'content', 'dueOn', 'field', 'place', 'raisedBy', 'resolvedOn', 'seq', 'status']);
    for (const secret of ['Trần Văn Riêng', '0905999888', caseId, 'Cán bộ']) assert.ok(!detail.body.includes(secret), `public page shows ${secret}`);
    // Unpublishing takes it off the portal.
    assert.equal((await call(danvan, 'POST', `/api/dialogue/conferences/${shown.id}/publish`, { published: false })).statusCode, 200);
    assert.equal((await h.app.inject({ method: 'GET', url: `/api/public/conferences/${shown.id}` })).statusCode, 404);
  });
});

describe('reminders', () => {
  test('organisers with an email are reminded once of a conference within three days', async () => {
    const soon = await planned({ heldOn: addDays(today, 2), topic: 'Hội nghị cần nhắc' });
    const later = await planned({ heldOn: addDays(today, 10), topic: 'Hội nghị còn xa' });
    const first = await remindOrganisers(h.ctx, today);
    assert.ok(first.conferences >= 1);
    const sent = await h.ctx.database.rows<{ ref: string; subject: string; body: string }>(sql`select ref, subject, body from message_outbox where ref like 'dialogue:%'`);
    const mine = sent.filter((m) => m.ref === `dialogue:${soon.id}`);
    assert.equal(mine.length, 1);
    assert.match(mine[0].subject, /Nhắc lịch hội nghị đối thoại 08:00 ngày \d\d\/\d\d\/\d{4}: Hội nghị cần nhắc/);
    assert.match(mine[0].body, new RegExp(`/console/dialogue/${soon.id}`));
    assert.ok(!sent.some((m) => m.ref === `dialogue:${later.id}`));
    const second = await remindOrganisers(h.ctx, today);
    assert.equal(second.emails, 0);
    const again = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int n from message_outbox where ref = ${`dialogue:${soon.id}`}`);
    assert.equal(again[0].n, 1);
    assert.notEqual((await call(danvan, 'GET', `/api/dialogue/conferences/${soon.id}`)).json().remindedAt, null);
  });
});
