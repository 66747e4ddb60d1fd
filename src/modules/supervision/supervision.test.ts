// Supervision and social critique on a real database: a Front programme and its supervisions, recommendations raised
// as cases addressed to the supervised body (same transaction, link back, answers carried back by the case events),
// cancelled supervisions, the critique of a draft with the drafting body's responses, every kind of bad input
// refused with nothing written, the unit scope, and the demo data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { harness, type Harness } from '../../testing/given.ts';
import { todayVN } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { OrganisationRow } from '../organisations/index.ts';
import { seedDemo } from '../demo/index.ts';
import { seedSupervisionDemo } from './supervision.demo.ts';
import { addDays } from './supervision.rules.ts';

const A = '19753'; const B = '19789'; const PROVINCE = '46';
const today = todayVN();
const started = addDays(today, -6);
const YEAR = Number(started.slice(0, 4));

let h: Harness;
let mttqA: OrganisationRow; let womenA: OrganisationRow; let ubndA: OrganisationRow; let mttqB: OrganisationRow; let ubndB: OrganisationRow;
let mttqProvince: OrganisationRow;
let frontA: string; let frontB: string; let frontProvince: string; let adminA: string; let leaderA: string; let handlerA: string;
let danvanA: string; let auditorA: string; let handlerB: string; let receptionA: string;

before(async () => {
  h = await harness();
  mttqA = await h.given.organisation(A, { kind: 'mttq', name: 'Ủy ban MTTQ Việt Nam phường Phú Xuân' });
  womenA = await h.given.organisation(A, { kind: 'hoi_lhpn', name: 'Hội Liên hiệp Phụ nữ phường Phú Xuân', parentId: mttqA.id });
  ubndA = await h.given.organisation(A, { kind: 'ubnd', name: 'Ủy ban nhân dân phường Phú Xuân' });
  mttqB = await h.given.organisation(B, { kind: 'mttq', name: 'Ủy ban MTTQ Việt Nam phường Thuận Hóa' });
  ubndB = await h.given.organisation(B, { kind: 'ubnd', name: 'Ủy ban nhân dân phường Thuận Hóa' });
  mttqProvince = await h.given.organisation(PROVINCE, { kind: 'mttq', name: 'Ủy ban MTTQ Việt Nam thành phố Huế' });
  frontA = (await h.given.official('mttq', A, { organisation: mttqA })).cookie;
  frontB = (await h.given.official('mttq', B, { organisation: mttqB })).cookie;
  frontProvince = (await h.given.official('mttq', PROVINCE, { organisation: mttqProvince })).cookie;
  adminA = (await h.given.official('admin', A, { organisation: ubndA })).cookie;
  leaderA = (await h.given.official('leader', A, { organisation: ubndA })).cookie;
  handlerA = (await h.given.official('handler', A, { organisation: ubndA })).cookie;
  receptionA = (await h.given.official('reception', A, { organisation: ubndA })).cookie;
  danvanA = (await h.given.official('danvan', A)).cookie;
  auditorA = (await h.given.official('auditor', A, { organisation: ubndA })).cookie;
  handlerB = (await h.given.official('handler', B, { organisation: ubndB })).cookie;
});
after(() => h.close());

type Method = 'GET' | 'POST';
const call = (cookie: string | undefined, method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  h.app.inject({ method, url, headers: { ...headers, ...(cookie ? { cookie } : {}) }, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function ok(cookie: string, method: Method, url: string, payload?: unknown, status = method === 'POST' ? 201 : 200) {
  const res = await call(cookie, method, url, payload);
  assert.equal(res.statusCode, status, res.body);
  return res.json();
}

const count = async (table: string) => (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;
const TABLES = ['supervision_programme', 'supervision_visit', 'supervision_recommendation', 'critique_draft', 'critique_session', 'critique_opinion', 'cases_case', 'cases_event'];
const snapshot = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await count(t)] as const)));

const visitOf = (over: Record<string, unknown> = {}) => ({
  organisationId: mttqA.id, subjectOrganisationId: ubndA.id, form: 'doan_giam_sat',
  topic: 'Việc thu gom rác thải sinh hoạt trên địa bàn phường', startedOn: started, endedOn: addDays(started, 1), ...over,
});

const recording = (over: Record<string, unknown> = {}) => ({
  endedOn: addDays(started, 1),
  findings: 'Một số kiệt nhỏ chỉ được thu gom rác hai ngày một lần; còn điểm tập kết tự phát gần chợ.',
  recommendations: [
    { fieldCode: 'moi_truong', content: 'Bố trí thu gom rác hằng ngày tại các kiệt nhỏ của tổ dân phố 5 và 6.', dueOn: addDays(today, 20) },
    { fieldCode: 'xay_dung', content: 'Xóa điểm tập kết rác tự phát gần chợ, lắp biển cấm đổ rác.' },
  ],
  ...over,
});

describe('supervision', () => {
  let programmeId = '';
  let visitId = '';

  test('the Front adds its yearly programme; readers see it, others do not', async () => {
    const p = await ok(frontA, 'POST', '/api/supervision/programmes', { organisationId: mttqA.id, year: YEAR, title: `Chương trình giám sát năm ${YEAR}`, content: 'Giám sát thu gom rác thải.' });
    programmeId = p.id;
    assert.equal(p.level, 'commune');
    assert.deepEqual(p.unit, { code: A, name: 'Phường Phú Xuân' });
    assert.equal(p.organisation.name, mttqA.name);
    assert.equal(p.abilities.manage, true);
    const [audit] = await h.ctx.database.rows<{ action: string; unit_code: string }>(sql`select action, unit_code from audit_event where target_id = ${p.id}`);
    assert.deepEqual(audit, { action: 'supervision.programme.created', unit_code: A });
    // A women's union under the Front has its own programme.
    await ok(frontA, 'POST', '/api/supervision/programmes', { organisationId: womenA.id, year: YEAR, title: 'Chương trình giám sát của Hội Phụ nữ' });
    for (const cookie of [frontA, leaderA, danvanA, auditorA, adminA]) {
      const list = await ok(cookie, 'GET', `/api/supervision/programmes?unit=${A}&year=${YEAR}`);
      assert.equal(list.items.length, 2);
      assert.equal(list.items.find((x: { id: string }) => x.id === programmeId).abilities.manage, cookie === frontA || cookie === adminA);
    }
    assert.equal((await ok(frontA, 'GET', `/api/supervision/programmes?unit=${A}&year=${YEAR - 1}`)).items.length, 0);
    assert.equal((await call(handlerA, 'GET', `/api/supervision/programmes?unit=${A}`)).statusCode, 403);
    assert.equal((await call(frontB, 'GET', `/api/supervision/programmes?unit=${A}`)).statusCode, 403);
    // The province's Front sees the ward's programmes with the subtree.
    assert.equal((await ok(frontProvince, 'GET', `/api/supervision/programmes?unit=${PROVINCE}&subtree=true`)).items.length, 2);
    assert.equal((await ok(frontProvince, 'GET', `/api/supervision/programmes?unit=${PROVINCE}`)).items.length, 0);
  });

  test('a supervision is planned, then recorded: each recommendation becomes a case addressed to the supervised body, linked back', async () => {
    const v = await ok(frontA, 'POST', '/api/supervision/visits', visitOf({ programmeId }));
    visitId = v.id;
    assert.equal(v.status, 'planned');
    assert.equal(v.level, 'commune');
    assert.equal(v.formName, 'Đoàn giám sát');
    assert.deepEqual(v.programme, { id: programmeId, title: `Chương trình giám sát năm ${YEAR}` });
    assert.deepEqual(v.subject, { id: ubndA.id, name: ubndA.name, unit: { code: A, name: 'Phường Phú Xuân' } });
    assert.deepEqual(v.abilities, { record: true, cancel: true });
    const before = await snapshot();

    const done = await ok(frontA, 'POST', `/api/supervision/visits/${visitId}/record`, recording(), 200);
    assert.equal(done.status, 'done');
    assert.match(done.findings, /điểm tập kết tự phát/);
    assert.deepEqual(done.abilities, { record: false, cancel: false });
    assert.equal(done.recommendations.length, 2);
    const [r1, r2] = done.recommendations;
    assert.equal(r1.seq, 1);
    assert.equal(r1.status, 'in_progress');
    assert.equal(r1.raisedOn, addDays(started, 1));
    assert.equal(r1.dueOn, addDays(today, 20));
    assert.ok(r2.dueOn > today, 'a deadline by the recommendation rule');
    assert.match(r1.case.number, /^\d+\/\d{4}$/);
    const after = await snapshot();
    assert.equal(after.cases_case - before.cases_case, 2);
    assert.equal(after.supervision_recommendation - before.supervision_recommendation, 2);

    // The supervised body's handler finds the case in its inbox, on the supervision channel, with the link back.
    const inbox = await ok(handlerA, 'GET', `/api/cases?unit=${A}&channel=supervision`);
    assert.ok(inbox.items.some((c: { id: string }) => c.id === r1.case.id));
    const c = await ok(handlerA, 'GET', `/api/cases/${r1.case.id}`);
    assert.equal(c.kind, 'kien_nghi');
    assert.equal(c.channel, 'supervision');
    assert.equal(c.responsibleUnit.code, A);
    assert.match(c.content, /Bố trí thu gom rác hằng ngày/);
    assert.match(c.content, /Kiến nghị của Ủy ban MTTQ Việt Nam phường Phú Xuân sau giám sát/);
    assert.deepEqual(c.origin, { type: 'supervision', id: visitId, title: v.topic, on: addDays(started, 1), path: `/supervision?unit=${A}&visit=${visitId}` });
    const [audit] = await h.ctx.database.rows<{ detail: { recommendations: { caseId: string }[] } }>(sql`select detail from audit_event where action = 'supervision.visit.recorded' and target_id = ${visitId}`);
    assert.deepEqual(audit.detail.recommendations.map((r) => r.caseId), [r1.case.id, r2.case.id]);
    // The Front's official may not process the case; the supervised body's officials may read the supervision behind it.
    assert.equal((await call(frontA, 'GET', `/api/cases/${r1.case.id}`)).statusCode, 404);
    const behind = await ok(handlerA, 'GET', `/api/supervision/visits/${visitId}`);
    assert.deepEqual(behind.abilities, { record: false, cancel: false });
    assert.equal(behind.recommendations.length, 2);
    assert.equal((await call(handlerA, 'GET', `/api/supervision/visits?unit=${A}`)).statusCode, 403);
  });

  test('the supervised body answers and closes: the recommendation follows, and a reopening takes it back', async () => {
    const v = await ok(frontA, 'GET', `/api/supervision/visits/${visitId}`);
    const caseId = v.recommendations[0].case.id;
    const event = (payload: Record<string, unknown>) => ok(handlerA, 'POST', `/api/cases/${caseId}/events`, payload, 200);
    await event({ type: 'accepted' });
    await event({ type: 'answered', answer: 'Ủy ban nhân dân phường đã bố trí xe thu gom hằng ngày tại các kiệt của tổ dân phố 5 và 6.' });
    let r = (await ok(frontA, 'GET', `/api/supervision/visits/${visitId}`)).recommendations[0];
    assert.equal(r.status, 'answered');
    assert.match(r.answer, /bố trí xe thu gom hằng ngày/);
    assert.equal(r.answeredOn, today);
    assert.equal(r.resolvedOn, null);
    await event({ type: 'closed' });
    r = (await ok(frontA, 'GET', `/api/supervision/visits/${visitId}`)).recommendations[0];
    assert.equal(r.status, 'resolved');
    assert.equal(r.resolvedOn, today);
    assert.match(r.answer, /bố trí xe thu gom/);
    const actions = (await h.ctx.database.rows<{ action: string }>(sql`select action from audit_event where target_id = ${v.recommendations[0].id} order by at`)).map((x) => x.action);
    assert.deepEqual(actions, ['supervision.recommendation.answered', 'supervision.recommendation.resolved']);
    const leader = (await h.given.official('leader', A, { organisation: ubndA })).cookie;
    await ok(leader, 'POST', `/api/cases/${caseId}/events`, { type: 'reopened', reason: 'Cử tri phản ánh việc thu gom chưa đều.' }, 200);
    r = (await ok(frontA, 'GET', `/api/supervision/visits/${visitId}`)).recommendations[0];
    assert.deepEqual([r.status, r.answer, r.resolvedOn], ['in_progress', null, null]);
    // The other recommendation is untouched.
    assert.equal((await ok(frontA, 'GET', `/api/supervision/visits/${visitId}`)).recommendations[1].status, 'in_progress');
  });

  test('a planned supervision that did not take place is cancelled with its reason, and cannot be recorded after', async () => {
    const v = await ok(frontA, 'POST', '/api/supervision/visits', visitOf({ form: 'lay_y_kien', topic: 'Lấy ý kiến nhân dân về giờ mở cửa chợ', startedOn: addDays(today, 5), endedOn: null }));
    assert.equal(v.endedOn, null);
    const cancelled = await ok(frontA, 'POST', `/api/supervision/visits/${v.id}/cancel`, { reason: 'Ủy ban nhân dân phường đề nghị lùi sang quý sau.' }, 200);
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.cancelReason, 'Ủy ban nhân dân phường đề nghị lùi sang quý sau.');
    for (const [path, body] of [['record', recording()], ['cancel', { reason: 'Hủy lần nữa' }]] as const) {
      const again = await call(frontA, 'POST', `/api/supervision/visits/${v.id}/${path}`, body);
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, 'supervision_visit_not_planned');
      assert.match(again.json().detail, /đã hủy/);
    }
  });

  test('the province Front may record a ward supervision; the other ward\'s Front neither sees nor changes it', async () => {
    const v = await ok(frontA, 'POST', '/api/supervision/visits', visitOf({ form: 'nghien_cuu_van_ban', topic: 'Việc công khai ngân sách phường' }));
    assert.equal((await call(frontB, 'GET', `/api/supervision/visits/${v.id}`)).statusCode, 404);
    assert.equal((await call(frontB, 'POST', `/api/supervision/visits/${v.id}/cancel`, { reason: 'Không có quyền' })).statusCode, 404);
    assert.equal((await call(frontB, 'GET', `/api/supervision/visits?unit=${A}`)).statusCode, 403);
    assert.equal((await call(handlerB, 'GET', `/api/supervision/visits/${v.id}`)).statusCode, 404);
    // Readers who do not manage: the leader sees it but may not record it.
    const seen = await ok(leaderA, 'GET', `/api/supervision/visits/${v.id}`);
    assert.deepEqual(seen.abilities, { record: false, cancel: false });
    assert.equal((await call(leaderA, 'POST', `/api/supervision/visits/${v.id}/record`, recording({ recommendations: [] }))).statusCode, 403);
    const listed = await ok(frontProvince, 'GET', `/api/supervision/visits?unit=${PROVINCE}&subtree=true&year=${YEAR}`);
    assert.ok(listed.items.some((x: { id: string }) => x.id === v.id));
    assert.ok(listed.items.every((x: { unit: { code: string } }) => x.unit.code === A));
    const done = await ok(frontProvince, 'POST', `/api/supervision/visits/${v.id}/record`, recording({ recommendations: [] }), 200);
    assert.equal(done.status, 'done');
    assert.equal(done.recommendations.length, 0);
    // The province's own supervision is at province level.
    const own = await ok(frontProvince, 'POST', '/api/supervision/visits', visitOf({ organisationId: mttqProvince.id, subjectOrganisationId: ubndB.id }));
    assert.equal(own.level, 'province');
    assert.equal(own.subject.unit.code, B);
  });
});

describe('social critique', () => {
  let draftId = '';
  let opinionIds: string[] = [];
  let sessionId = '';

  test('the Front receives a draft of the ward committee, holds a conference and records the opinions', async () => {
    const d = await ok(frontA, 'POST', '/api/critique/drafts', {
      organisationId: mttqA.id, title: 'Dự thảo Kế hoạch chỉnh trang đô thị phường Phú Xuân', draftingOrganisationId: ubndA.id,
      receivedOn: addDays(today, -10), summary: 'Chỉnh trang vỉa hè và chiếu sáng.',
    });
    draftId = d.id;
    assert.deepEqual(d.drafting, { organisation: { id: ubndA.id, name: ubndA.name }, name: ubndA.name, unit: { code: A, name: 'Phường Phú Xuân' } });
    assert.deepEqual(d.abilities, { manage: true, respond: true });
    const withSession = await ok(frontA, 'POST', `/api/critique/drafts/${draftId}/sessions`, {
      form: 'hoi_nghi', heldOn: addDays(today, -7), place: 'Hội trường phường', participants: 40,
      opinions: [{ content: 'Cần lấy ý kiến hộ kinh doanh quanh chợ.' }, { content: 'Bổ sung lộ trình và kinh phí từng tuyến.' }],
    });
    const [s] = withSession.sessions;
    sessionId = s.id;
    assert.equal(s.formName, 'Hội nghị phản biện');
    assert.deepEqual(s.opinions.map((o: { seq: number; response: null }) => [o.seq, o.response]), [[1, null], [2, null]]);
    const more = await ok(frontA, 'POST', `/api/critique/sessions/${sessionId}/opinions`, { opinions: [{ content: 'Ưu tiên đèn chiếu sáng các kiệt chưa có điện.' }] });
    opinionIds = more.sessions[0].opinions.map((o: { id: string }) => o.id);
    assert.deepEqual(more.sessions[0].opinions.map((o: { seq: number }) => o.seq), [1, 2, 3]);
    // Written comments, a second session.
    const written = await ok(frontA, 'POST', `/api/critique/drafts/${draftId}/sessions`, { form: 'van_ban', heldOn: addDays(today, -5) });
    assert.deepEqual(written.sessions.map((x: { formName: string }) => x.formName), ['Hội nghị phản biện', 'Gửi văn bản phản biện']);
  });

  test('the drafting body\'s officials find the draft and answer each opinion; the Front may record answers too', async () => {
    const list = await ok(handlerA, 'GET', `/api/critique/drafts?unit=${A}`);
    const d = list.items.find((x: { id: string }) => x.id === draftId);
    assert.deepEqual(d.abilities, { manage: false, respond: true });
    const answered = await ok(handlerA, 'POST', `/api/critique/drafts/${draftId}/responses`, { items: [
      { opinionId: opinionIds[0], response: 'tiep_thu', note: 'Đã bổ sung bước lấy ý kiến.', respondedOn: addDays(today, -2) },
      { opinionId: opinionIds[1], response: 'giai_trinh', note: 'Kinh phí lập theo dự toán hằng năm.', respondedOn: addDays(today, -2) },
    ] }, 200);
    const ops = answered.sessions[0].opinions;
    assert.deepEqual(ops.map((o: { responseName: string | null }) => o.responseName), ['Tiếp thu', 'Giải trình', null]);
    assert.equal(ops[0].responseNote, 'Đã bổ sung bước lấy ý kiến.');
    assert.equal(ops[0].respondedOn, addDays(today, -2));
    const byFront = await ok(frontA, 'POST', `/api/critique/drafts/${draftId}/responses`, { items: [{ opinionId: opinionIds[2], response: 'tiep_thu_mot_phan', respondedOn: today }] }, 200);
    assert.equal(byFront.sessions[0].opinions[2].responseName, 'Tiếp thu một phần');
    const [audit] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_event where action = 'critique.responses.recorded' and target_id = ${draftId}`);
    assert.equal(audit.n, 2);
    // The drafting body's officials may not add sessions; officials elsewhere do not see the draft.
    assert.equal((await call(handlerA, 'POST', `/api/critique/drafts/${draftId}/sessions`, { form: 'doi_thoai', heldOn: today })).statusCode, 403);
    assert.equal((await call(handlerB, 'POST', `/api/critique/drafts/${draftId}/responses`, { items: [{ opinionId: opinionIds[0], response: 'tiep_thu', respondedOn: today }] })).statusCode, 404);
    assert.equal((await ok(handlerB, 'GET', `/api/critique/drafts?unit=${B}`)).items.length, 0);
    assert.equal((await call(handlerB, 'GET', `/api/critique/drafts?unit=${A}`)).statusCode, 403);
    assert.equal((await call(receptionA, 'GET', `/api/critique/drafts?unit=${A}`)).statusCode, 403);
    // A draft by a body outside the system: only the Front answers for it.
    const outside = await ok(frontA, 'POST', '/api/critique/drafts', { organisationId: mttqA.id, title: 'Dự thảo quy chế của hợp tác xã', draftingBodyName: 'Hợp tác xã Phú Xuân', receivedOn: today });
    assert.deepEqual(outside.drafting, { organisation: null, name: 'Hợp tác xã Phú Xuân', unit: null });
    assert.deepEqual((await ok(handlerA, 'GET', `/api/critique/drafts?unit=${A}`)).items.map((x: { id: string }) => x.id), [draftId]);
  });

  test('bad input: a stable code, a Vietnamese message, and nothing written', async () => {
    const before = await snapshot();
    const unknown = newId();
    const cases: [string, Method, string, unknown, number, string, RegExp?][] = [
      [frontA, 'POST', '/api/supervision/visits', visitOf({ organisationId: ubndA.id }), 400, 'supervision_organisation_invalid', /Mặt trận Tổ quốc/],
      [frontA, 'POST', '/api/supervision/visits', visitOf({ organisationId: unknown }), 400, 'supervision_organisation_invalid'],
      [frontA, 'POST', '/api/supervision/visits', visitOf({ organisationId: mttqB.id }), 403, 'forbidden'],
      [frontA, 'POST', '/api/supervision/programmes', { organisationId: mttqProvince.id, year: YEAR, title: 'Chương trình của cấp trên' }, 403, 'forbidden'],
      [frontA, 'POST', '/api/supervision/visits', visitOf({ subjectOrganisationId: unknown }), 400, 'supervision_subject_invalid'],
      [frontA, 'POST', '/api/supervision/visits', visitOf({ subjectOrganisationId: mttqA.id }), 400, 'supervision_subject_invalid'],
      [frontA, 'POST', '/api/supervision/visits', visitOf({ startedOn: `${YEAR}-02-30` }), 400, 'validation_failed'],
      [frontA, 'POST', '/api/supervision/visits', visitOf({ startedOn: '1999-12-31', endedOn: null }), 400, 'supervision_day_out_of_range'],
      [frontA, 'POST', '/api/supervision/visits', visitOf({ endedOn: addDays(started, -1) }), 400, 'supervision_dates_invalid', /không được trước ngày bắt đầu/],
      [frontA, 'POST', '/api/supervision/visits', visitOf({ form: 'thanh_tra' }), 400, 'validation_failed'],
      [frontA, 'POST', '/api/supervision/visits', visitOf({ programmeId: unknown }), 400, 'supervision_programme_invalid'],
      [frontA, 'POST', '/api/supervision/visits', visitOf({ startedOn: `${YEAR + 1}-03-02`, endedOn: null, programmeId: (await ok(frontA, 'GET', `/api/supervision/programmes?unit=${A}`)).items[0].id }), 400, 'supervision_programme_year'],
      [frontA, 'POST', '/api/supervision/visits', visitOf({ topic: '<script>alert(1)</script>' }), 400, 'validation_failed'],
      [frontA, 'POST', '/api/supervision/programmes', { organisationId: mttqA.id, year: 1990, title: 'Chương trình cũ' }, 400, 'validation_failed'],
      [frontA, 'GET', '/api/supervision/visits?unit=99999', undefined, 404, 'unit_not_found'],
      [frontA, 'GET', `/api/supervision/visits/${unknown}`, undefined, 404, 'supervision_visit_not_found'],
      [frontA, 'POST', `/api/supervision/visits/${unknown}/record`, recording(), 404, 'supervision_visit_not_found'],
      [undefined as unknown as string, 'GET', `/api/supervision/visits?unit=${A}`, undefined, 401, 'unauthenticated'],
      [frontA, 'POST', '/api/critique/drafts', { organisationId: mttqA.id, title: 'Dự thảo thử', draftingOrganisationId: unknown, receivedOn: today }, 400, 'critique_drafting_invalid'],
      [frontA, 'POST', '/api/critique/drafts', { organisationId: mttqA.id, title: 'Dự thảo thử', receivedOn: today }, 400, 'critique_drafting_required'],
      [frontA, 'POST', '/api/critique/drafts', { organisationId: mttqA.id, title: 'Dự thảo thử', draftingBodyName: 'Sở Xây dựng', receivedOn: addDays(today, 3) }, 400, 'critique_received_invalid'],
      [frontA, 'POST', '/api/critique/drafts', { organisationId: ubndA.id, title: 'Dự thảo thử', draftingBodyName: 'Sở Xây dựng', receivedOn: today }, 400, 'supervision_organisation_invalid'],
      [frontA, 'POST', `/api/critique/drafts/${draftId}/sessions`, { form: 'hoi_nghi', heldOn: addDays(today, -11), opinions: [{ content: 'Ý kiến thử nghiệm' }] }, 400, 'critique_before_received'],
      [frontA, 'POST', `/api/critique/drafts/${draftId}/sessions`, { form: 'hoi_nghi', heldOn: addDays(today, 1) }, 400, 'supervision_day_after_today'],
      [frontA, 'POST', `/api/critique/drafts/${unknown}/sessions`, { form: 'hoi_nghi', heldOn: today }, 404, 'critique_draft_not_found'],
      [frontA, 'POST', `/api/critique/sessions/${unknown}/opinions`, { opinions: [{ content: 'Ý kiến thử nghiệm' }] }, 404, 'critique_session_not_found'],
      // The first response is valid; the unknown opinion after it refuses the whole request.
      [handlerA, 'POST', `/api/critique/drafts/${draftId}/responses`, { items: [{ opinionId: opinionIds[2], response: 'giai_trinh', respondedOn: today }, { opinionId: unknown, response: 'tiep_thu', respondedOn: today }] }, 400, 'critique_opinion_unknown', /không thuộc dự thảo này/],
      [handlerA, 'POST', `/api/critique/drafts/${draftId}/responses`, { items: [{ opinionId: opinionIds[2], response: 'giai_trinh', respondedOn: today }, { opinionId: opinionIds[2], response: 'tiep_thu', respondedOn: today }] }, 400, 'critique_opinion_repeated'],
      [handlerA, 'POST', `/api/critique/drafts/${draftId}/responses`, { items: [{ opinionId: opinionIds[2], response: 'giai_trinh', respondedOn: addDays(today, -8) }] }, 400, 'critique_response_before_session'],
      [handlerA, 'POST', `/api/critique/drafts/${draftId}/responses`, { items: [{ opinionId: opinionIds[2], response: 'bac_bo', respondedOn: today }] }, 400, 'validation_failed'],
      [handlerA, 'POST', `/api/critique/drafts/${draftId}/responses`, { items: [] }, 400, 'validation_failed'],
    ];
    for (const [cookie, method, url, payload, status, code, message] of cases) {
      const res = await call(cookie, method, url, payload);
      assert.equal(res.statusCode, status, `${url} ${JSON.stringify(payload)}: ${res.body}`);
      assert.equal(res.json().code, code, res.body);
      if (message) assert.match(res.json().detail, message);
    }
    assert.deepEqual(await snapshot(), before);
    // The opinion left unanswered stays as it was.
    const d = (await ok(frontA, 'GET', `/api/critique/drafts?unit=${A}`)).items.find((x: { id: string }) => x.id === draftId);
    assert.equal(d.sessions[0].opinions[2].responseName, 'Tiếp thu một phần');
  });
});

describe('recording that fails writes nothing', () => {
  test('an unknown field, a past deadline, a future end, a supervision too old for cases: the visit stays planned and no case is made', async () => {
    const v = await ok(frontA, 'POST', '/api/supervision/visits', visitOf({ topic: 'Việc sửa chữa nhà văn hóa tổ dân phố 3' }));
    const old = await ok(frontA, 'POST', '/api/supervision/visits', visitOf({ topic: 'Việc cấp giấy chứng nhận quyền sử dụng đất', startedOn: addDays(today, -400), endedOn: null }));
    const before = await snapshot();
    const bad: [string, Record<string, unknown>, number, string][] = [
      // The second recommendation's field is unknown: the first one's case is rolled back with it.
      [v.id, recording({ recommendations: [recording().recommendations[0], { fieldCode: 'khong_co', content: 'Kiến nghị với lĩnh vực không có.' }] }), 400, 'field_not_found'],
      [v.id, recording({ recommendations: [{ fieldCode: 'moi_truong', content: 'Kiến nghị với hạn đã qua.', dueOn: addDays(today, -1) }] }), 400, 'due_in_past'],
      [v.id, recording({ endedOn: addDays(today, 1) }), 400, 'supervision_day_after_today'],
      [v.id, recording({ endedOn: addDays(started, -2) }), 400, 'supervision_dates_invalid'],
      [v.id, recording({ findings: '' }), 400, 'validation_failed'],
      [old.id, recording({ endedOn: addDays(today, -399) }), 400, 'supervision_too_old_for_cases'],
    ];
    for (const [id, body, status, code] of bad) {
      const res = await call(frontA, 'POST', `/api/supervision/visits/${id}/record`, body);
      assert.equal(res.statusCode, status, res.body);
      assert.equal(res.json().code, code, res.body);
    }
    assert.deepEqual(await snapshot(), before);
    assert.equal((await ok(frontA, 'GET', `/api/supervision/visits/${v.id}`)).status, 'planned');
    // The old one may still be recorded without recommendations.
    assert.equal((await ok(frontA, 'POST', `/api/supervision/visits/${old.id}/record`, recording({ endedOn: addDays(today, -399), recommendations: [] }), 200)).status, 'done');
  });
});

describe('demo data', () => {
  let d: Harness;
  before(async () => { d = await harness(); });
  after(() => d.close());

  test('Phú Xuân: a programme, a recorded supervision with two cases (one answered), a planned one, a critiqued draft with answers', async () => {
    const ctx = { ...d.ctx, config: { ...d.ctx.config, demoData: true } };
    await d.given.sealingKeys(A, B, '19867', PROVINCE); // a server install makes them; the demo's denunciation needs one
    await seedDemo(ctx);
    await seedSupervisionDemo(ctx);
    await seedSupervisionDemo(ctx); // once only
    const q = <T>(text: string) => d.ctx.database.rows<T>(sql.raw(text));
    assert.equal((await q<{ n: number }>('select count(*)::int as n from supervision_programme'))[0].n, 1);
    const visits = await q<{ status: string; unit_code: string }>('select status, unit_code from supervision_visit order by started_on');
    assert.deepEqual(visits.map((v) => [v.status, v.unit_code]), [['done', A], ['planned', A]]);
    const recs = await q<{ status: string; channel: string; responsible_unit_code: string }>(
      'select r.status, c.channel, c.responsible_unit_code from supervision_recommendation r join cases_case c on c.id = r.case_id order by r.seq');
    assert.deepEqual(recs.map((r) => [r.status, r.channel, r.responsible_unit_code]), [['in_progress', 'supervision', A], ['answered', 'supervision', A]]);
    const opinions = await q<{ response: string | null }>('select response from critique_opinion order by seq');
    assert.deepEqual(opinions.map((o) => o.response), ['tiep_thu', 'giai_trinh', null]);
    const front = await d.given.signIn('phuxuan.mttq', 'caunoi-demo-2026');
    const list = await d.app.inject({ method: 'GET', url: `/api/supervision/visits?unit=${A}`, headers: { cookie: front } });
    assert.equal(list.statusCode, 200, list.body);
    assert.equal(list.json().items.length, 2);
  });
});
