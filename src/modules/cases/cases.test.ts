// The case core over HTTP on a real database: workflows walked end to end, deadlines, sealed identities, bad input, scope.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { harness, type Harness } from '../../testing/given.ts';
import { todayVN } from '../../platform/clock.ts';
import { replay, TRANSITIONS, KINDS, STATES } from './cases.workflow.ts';
import { claim } from '../../platform/jobs.ts';
import { scanDeadlines } from './cases.jobs.ts';
import { documentXml, plainText } from '../../testing/docx.ts';

let h: Harness;
let handlerA: string; let handlerAId: string; let leaderA: string; let receptionA: string; let auditorA: string;
let handlerProvince: string; let handlerB: string; let adminProvince: string; let handlerOther: string;
const A = '19753'; const B = '19789'; const PROVINCE = '46';

before(async () => {
  h = await harness();
  const orgA = await h.given.organisation(A, { name: 'UBND phường Phú Xuân' });
  const ha = await h.given.official('handler', A, { organisation: orgA });
  handlerA = ha.cookie; handlerAId = ha.user.id;
  leaderA = (await h.given.official('leader', A, { organisation: orgA })).cookie;
  receptionA = (await h.given.official('reception', A, { organisation: orgA })).cookie;
  auditorA = (await h.given.official('auditor', A, { organisation: orgA })).cookie;
  handlerProvince = (await h.given.official('handler', PROVINCE)).cookie;
  adminProvince = (await h.given.official('admin', PROVINCE)).cookie;
  handlerB = (await h.given.official('handler', B)).cookie;
  handlerOther = (await h.given.official('handler', '01')).cookie;
  if (h.ctx.database.kind === 'server') {
    // A server install does not make keys by itself: a denunciation is refused until an administrator makes one.
    const refused = await call(handlerA, 'POST', '/api/cases', denunciation());
    assert.equal(refused.statusCode, 503);
    assert.equal(refused.json().code, 'seal_key_missing');
    assert.equal((await call(adminProvince, 'POST', `/api/case-keys/${A}/rotate`)).statusCode, 200);
  }
  await h.given.sealingKeys(A, B, PROVINCE);
});
after(() => h.close());

const call = (cookie: string | undefined, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
  h.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

const complaint = (over: Record<string, unknown> = {}) => ({
  kind: 'khieu_nai', channel: 'reception', fieldCode: 'dat_dai',
  title: 'Khiếu nại quyết định thu hồi đất', content: 'Gia đình tôi không đồng ý với quyết định thu hồi đất số 12/QĐ-UBND vì chưa được bồi thường thỏa đáng.',
  place: { unitCode: A, address: '12 Lê Lợi' },
  petitioner: { name: 'Nguyễn Văn An', address: '12 Lê Lợi, Phú Xuân', phone: '0905123456' },
  ...over,
});
const denunciation = (over: Record<string, unknown> = {}) => ({
  kind: 'to_cao', channel: 'mail', fieldCode: 'tham_nhung_tieu_cuc',
  title: 'Tố cáo cán bộ địa chính nhận tiền', content: 'Tôi tố cáo cán bộ địa chính phường nhận tiền khi làm thủ tục cấp giấy chứng nhận quyền sử dụng đất.',
  place: { unitCode: A },
  petitioner: { name: 'Trần Thị Bình', address: '5 Hùng Vương', phone: '0912000111', idNumber: '046190001234' },
  ...over,
});

async function create(body: unknown, cookie = handlerA) {
  const res = await call(cookie, 'POST', '/api/cases', body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}
async function act(id: string, body: Record<string, unknown>, cookie = handlerA, status = 200) {
  const res = await call(cookie, 'POST', `/api/cases/${id}/events`, body);
  assert.equal(res.statusCode, status, res.body);
  return res.json();
}
async function addDays(from: string, days: number, unit: 'working' | 'calendar') {
  const res = await h.app.inject({ method: 'GET', url: `/api/calendar/add?from=${from}&days=${days}&unit=${unit}` });
  return res.json().date as string;
}
async function eventsCount(id: string) {
  const rows = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from cases_event where case_id = ${id}`);
  return rows[0].n;
}

describe('the workflow table', () => {
  test('every transition names known states and kinds, and every kind can reach an end', () => {
    for (const t of TRANSITIONS) {
      for (const s of t.from) assert.ok(STATES.includes(s));
      for (const k of t.kinds) assert.ok(KINDS.includes(k));
    }
    for (const kind of KINDS) {
      const reach = new Set<string>(['received']);
      let grew = true;
      while (grew) {
        grew = false;
        for (const t of TRANSITIONS) if (t.kinds.includes(kind) && t.from.some((s) => reach.has(s)) && t.to !== 'same' && !reach.has(t.to)) { reach.add(t.to); grew = true; }
      }
      assert.ok(reach.has('closed'), `${kind} reaches closed`);
    }
  });
});

describe('a complaint, round 1', () => {
  test('registered, classified, accepted, verified, dialogue, decided, answered, closed; deadlines follow the calendar', async () => {
    const today = todayVN();
    const c = await create(complaint());
    assert.equal(c.state, 'received');
    assert.match(c.number, /^\d+\/\d{4}$/);
    assert.equal(c.deadline.dueOn, await addDays(today, 10, 'working'));
    assert.equal(c.petitioner.name, 'Nguyễn Văn An');
    assert.deepEqual(c.abilities.actions.map((a: { type: string }) => a.type).sort(), ['accepted', 'assigned', 'classified', 'filed', 'guided', 'split', 'withdrawn']);

    await act(c.id, { type: 'classified', fieldCode: 'xay_dung', reason: 'Nội dung về trật tự xây dựng' });
    const accepted = await act(c.id, { type: 'accepted', complex: false });
    assert.equal(accepted.state, 'accepted');
    assert.equal(accepted.deadline.dueOn, await addDays(today, 30, 'calendar'));
    assert.equal(accepted.deadline.rule, 'complaint_r1');
    assert.match(accepted.deadline.basis, /Điều 28/);

    await act(c.id, { type: 'verified', findings: 'Kết quả xác minh khác với yêu cầu của người khiếu nại.', differsFromRequest: true });
    // A dialogue is required before the decision when the findings differ from the request.
    const early = await act(c.id, { type: 'decided', decisionNumber: '15/QĐ-UBND', decidedOn: today, result: 'dung_mot_phan', summary: 'Khiếu nại đúng một phần.' }, leaderA, 409);
    assert.equal(early.code, 'dialogue_required');
    await act(c.id, { type: 'dialogue_held', heldOn: today, summary: 'Đã đối thoại với người khiếu nại.' });
    // Deciding is the head's act: a handler is refused.
    const byHandler = await call(handlerA, 'POST', `/api/cases/${c.id}/events`, { type: 'decided', decisionNumber: '15/QĐ-UBND', decidedOn: today, result: 'dung_mot_phan', summary: 'x' });
    assert.equal(byHandler.statusCode, 403);
    const decided = await act(c.id, { type: 'decided', decisionNumber: '15/QĐ-UBND', decidedOn: today, result: 'dung_mot_phan', summary: 'Khiếu nại đúng một phần.' }, leaderA);
    assert.equal(decided.deadline.dueOn, await addDays(today, 3, 'working'));
    const answered = await act(c.id, { type: 'answered', answer: 'Gửi ông quyết định giải quyết khiếu nại số 15/QĐ-UBND.' });
    assert.equal(answered.state, 'answered');
    assert.equal(answered.deadline.dueOn, null);
    const closed = await act(c.id, { type: 'closed' });
    assert.equal(closed.state, 'closed');
    assert.deepEqual(closed.events.map((e: { type: string }) => e.type),
      ['received', 'classified', 'accepted', 'verified', 'dialogue_held', 'decided', 'answered', 'closed']);
    // The log alone gives the state.
    const events = closed.events.map((e: { type: string; data: Record<string, unknown> }) => ({ type: e.type, data: e.data }));
    events[0].data.kind = 'khieu_nai';
    assert.equal(replay(events), 'closed');
  });

  test('a remote area gets the longer deadline', async () => {
    await h.ctx.database.rows(sql`update units_unit set remote_area = true where code = ${B}`);
    try {
      const c = await create(complaint({ place: { unitCode: B } }));
      const accepted = await act(c.id, { type: 'accepted', complex: true });
      assert.equal(accepted.deadline.rule, 'complaint_r1_remote_complex');
      assert.equal(accepted.deadline.dueOn, await addDays(todayVN(), 60, 'calendar'));
    } finally {
      await h.ctx.database.rows(sql`update units_unit set remote_area = false where code = ${B}`);
    }
  });

  test('an appeal moves it to the province as round 2, where a dialogue is mandatory', async () => {
    const c = await create(complaint());
    await act(c.id, { type: 'accepted' });
    await act(c.id, { type: 'verified', findings: 'Xác minh xong.' });
    await act(c.id, { type: 'decided', decisionNumber: '20/QĐ-UBND', decidedOn: todayVN(), result: 'sai', summary: 'Khiếu nại sai.' }, leaderA);
    await act(c.id, { type: 'answered', answer: 'Thông báo quyết định giải quyết khiếu nại lần đầu.' });
    const appealed = await act(c.id, { type: 'appealed', reason: 'Người khiếu nại không đồng ý, khiếu nại lần hai.' });
    assert.equal(appealed.round, 2);
    assert.equal(appealed.state, 'received');
    assert.equal(appealed.responsibleUnit.code, PROVINCE);
    assert.deepEqual(appealed.abilities.actions, []);
    await act(c.id, { type: 'accepted' }, handlerProvince);
    const r2 = await call(handlerProvince, 'GET', `/api/cases/${c.id}`);
    assert.equal(r2.json().deadline.rule, 'complaint_r2');
  });
});

describe('a denunciation', () => {
  test('its identity is sealed at intake and opened only by a handler of the responsible unit, with an audit row', async () => {
    const c = await create(denunciation());
    assert.deepEqual(c.petitioner, { sealed: true });
    assert.equal(c.flags.confidential, true);
    assert.equal(c.deadline.dueOn, await addDays(todayVN(), 7, 'working'));
    // Nowhere in the case row, its log, or the sealed box in clear.
    const raw = await h.ctx.database.rows<Record<string, unknown>>(sql`select c.*, i.sealed, (select json_agg(e) from cases_event e where e.case_id = c.id) as events from cases_case c join cases_identity i on i.case_id = c.id where c.id = ${c.id}`);
    const dump = JSON.stringify(raw);
    assert.ok(!dump.includes('Trần Thị Bình') && !dump.includes('0912000111') && !dump.includes('046190001234'), 'identity in clear');
    // Not findable by the denouncer's name.
    const search = await call(handlerA, 'GET', `/api/cases?q=${encodeURIComponent('tran thi binh')}`);
    assert.equal(search.json().total, 0);

    for (const [cookie, who] of [[leaderA, 'leader'], [receptionA, 'reception'], [auditorA, 'auditor'], [handlerProvince, 'provincial handler']] as const) {
      const res = await call(cookie, 'POST', `/api/cases/${c.id}/identity`, { reason: 'Cần liên hệ xác minh' });
      assert.equal(res.statusCode, 403, who);
    }
    assert.equal((await call(handlerOther, 'POST', `/api/cases/${c.id}/identity`, { reason: 'Cần liên hệ xác minh' })).statusCode, 404);
    const opened = await call(handlerA, 'POST', `/api/cases/${c.id}/identity`, { reason: 'Cần liên hệ xác minh' });
    assert.equal(opened.statusCode, 200, opened.body);
    assert.equal(opened.json().name, 'Trần Thị Bình');
    const audit = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_event where action = 'case.identity.unsealed' and target_id = ${c.id} and detail->>'reason' = 'Cần liên hệ xác minh'`);
    assert.equal(audit[0].n, 1);
  });

  test('accepted for 30 days, extended twice by written decision, never a third time', async () => {
    const c = await create(denunciation());
    const accepted = await act(c.id, { type: 'accepted' });
    const due = await addDays(todayVN(), 30, 'calendar');
    assert.equal(accepted.deadline.dueOn, due);
    const ext1 = await act(c.id, { type: 'extended', decisionNumber: '01/QĐ-GH', days: 30, reason: 'Vụ việc phức tạp' }, leaderA);
    assert.equal(ext1.deadline.dueOn, await addDays(due, 30, 'calendar'));
    const tooLong = await act(c.id, { type: 'extended', decisionNumber: '02/QĐ-GH', days: 45, reason: 'x' }, leaderA, 400);
    assert.equal(tooLong.code, 'validation_failed');
    await act(c.id, { type: 'extended', decisionNumber: '02/QĐ-GH', days: 30, reason: 'Đặc biệt phức tạp' }, leaderA);
    const third = await act(c.id, { type: 'extended', decisionNumber: '03/QĐ-GH', days: 10, reason: 'x' }, leaderA, 409);
    assert.equal(third.code, 'extension_limit');
    assert.match(third.detail, /90 ngày/);
  });

  test('a transfer to another commune re-seals the identity for that commune\'s handler only', async () => {
    const c = await create(denunciation());
    const moved = await act(c.id, { type: 'transferred', toUnitCode: B, reason: 'Thuộc thẩm quyền phường Thuận Hóa' });
    assert.equal(moved.responsibleUnit.code, B);
    assert.equal(moved.state, 'received');
    assert.equal((await call(handlerA, 'POST', `/api/cases/${c.id}/identity`, { reason: 'Kiểm tra lại' })).statusCode, 403);
    const opened = await call(handlerB, 'POST', `/api/cases/${c.id}/identity`, { reason: 'Xác minh người tố cáo' });
    assert.equal(opened.statusCode, 200, opened.body);
    assert.equal(opened.json().phone, '0912000111');
  });

  test('rotating a unit\'s key keeps every sealed identity readable', async () => {
    const c = await create(denunciation());
    const rotated = await call(adminProvince, 'POST', `/api/case-keys/${A}/rotate`);
    assert.equal(rotated.statusCode, 200, rotated.body);
    assert.ok(rotated.json().resealed >= 1);
    const keys = (await call(adminProvince, 'GET', `/api/case-keys/${A}`)).json().items;
    assert.equal(keys.filter((k: { active: boolean }) => k.active).length, 1);
    assert.ok(keys.length >= 2);
    const opened = await call(handlerA, 'POST', `/api/cases/${c.id}/identity`, { reason: 'Sau khi đổi khóa' });
    assert.equal(opened.json().name, 'Trần Thị Bình');
    assert.equal((await call(handlerA, 'POST', `/api/case-keys/${A}/rotate`)).statusCode, 403);
  });

  test('an anonymous denunciation is refused with the law\'s reason', async () => {
    const res = await call(handlerA, 'POST', '/api/cases', denunciation({ petitioner: {} }));
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'denunciation_needs_identity');
  });
});

describe('bad input changes nothing', () => {
  test('invalid transitions: answering a filed case, extending a recommendation', async () => {
    const c = await create(complaint({ kind: 'phan_anh', petitioner: {} }));
    await act(c.id, { type: 'filed', ground: 'not_processable', reason: 'Không đủ điều kiện xử lý' });
    const before = await eventsCount(c.id);
    const res = await act(c.id, { type: 'answered', answer: 'Trả lời một vụ đã lưu đơn.' }, handlerA, 409);
    assert.equal(res.code, 'transition_not_allowed');
    assert.match(res.detail, /trả lời/);
    assert.equal(await eventsCount(c.id), before);

    const rec = await create(complaint({ kind: 'kien_nghi', petitioner: {} }));
    await act(rec.id, { type: 'accepted' });
    const ext = await act(rec.id, { type: 'extended', decisionNumber: '1/GH', days: 10, reason: 'x' }, leaderA, 409);
    assert.equal(ext.code, 'transition_not_allowed');
  });

  test('missing inputs, markup, dates in the future, deadlines in the past, bad group size', async () => {
    const noReason = await call(handlerA, 'POST', '/api/cases', { ...complaint(), title: undefined });
    assert.equal(noReason.statusCode, 400);
    assert.ok(noReason.json().errors.some((e: { field: string }) => e.field === 'title'));
    const script = await call(handlerA, 'POST', '/api/cases', complaint({ content: 'Xin chào <script>alert(1)</script> các anh chị cán bộ' }));
    assert.equal(script.statusCode, 400);
    assert.equal(script.json().errors[0].code, 'markup');
    const future = await call(handlerA, 'POST', '/api/cases', complaint({ receivedOn: '2099-01-01' }));
    assert.equal(future.json().code, 'received_on_invalid');
    const past = await call(handlerA, 'POST', '/api/cases', complaint({ kind: 'kien_nghi', dueOn: '2020-01-01' }));
    assert.equal(past.json().code, 'due_in_past');
    const lawDeadline = await call(handlerA, 'POST', '/api/cases', complaint({ dueOn: '2099-01-01' }));
    assert.equal(lawDeadline.json().code, 'due_not_allowed');
    const group = await call(handlerA, 'POST', '/api/cases', complaint({ mass: { headCount: 8, representatives: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] } }));
    assert.equal(group.json().code, 'mass_representatives');
    const okGroup = await create(complaint({ mass: { headCount: 25, representatives: [{ name: 'Lê Văn C' }, { name: 'Phạm Thị D' }] } }));
    assert.equal(okGroup.flags.mass, true);
    const unknownField = await call(handlerA, 'POST', '/api/cases', complaint({ fieldCode: 'khong_co' }));
    assert.equal(unknownField.json().code, 'field_not_found');
    const unknownUnit = await call(handlerA, 'POST', '/api/cases', complaint({ place: { unitCode: '99999' } }));
    assert.equal(unknownUnit.json().code, 'unit_not_found');
    const dialogueLater = await create(complaint());
    await act(dialogueLater.id, { type: 'accepted' });
    await act(dialogueLater.id, { type: 'verified', findings: 'Xong' });
    const tomorrow = await addDays(todayVN(), 1, 'calendar');
    assert.equal((await act(dialogueLater.id, { type: 'dialogue_held', heldOn: tomorrow, summary: 'x' }, handlerA, 400)).code, 'event_date_invalid');
  });

  test('cases outside the caller\'s scope are not found; other roles may not act', async () => {
    const c = await create(complaint());
    assert.equal((await call(handlerOther, 'GET', `/api/cases/${c.id}`)).statusCode, 404);
    assert.equal((await call(handlerB, 'POST', `/api/cases/${c.id}/events`, { type: 'accepted' })).statusCode, 404);
    assert.equal((await call(auditorA, 'POST', `/api/cases/${c.id}/events`, { type: 'accepted' })).statusCode, 403);
    assert.equal((await call(handlerProvince, 'GET', `/api/cases/${c.id}`)).statusCode, 200);
    assert.equal((await call(undefined, 'GET', `/api/cases/${c.id}`)).statusCode, 401);
  });
});

describe('attachments are checked by content', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  function form(name: string, bytes: Buffer, identity = false) {
    const boundary = '----caunoi';
    const parts = [
      ...(identity ? [`--${boundary}\r\nContent-Disposition: form-data; name="identity"\r\n\r\ntrue\r\n`] : []),
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ];
    return { payload: Buffer.concat([Buffer.from(parts.join('')), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  }
  test('a photo is kept; a PDF named .png and a text file are refused; a handwriting scan is sealed', async () => {
    const c = await create(denunciation());
    const up = async (name: string, bytes: Buffer, identity = false) => {
      const f = form(name, bytes, identity);
      return h.app.inject({ method: 'POST', url: `/api/cases/${c.id}/attachments`, payload: f.payload, headers: { ...f.headers, cookie: handlerA } });
    };
    const photo = await up('anh-hien-truong.png', PNG);
    assert.equal(photo.statusCode, 201, photo.body);
    const liar = await up('anh.png', PDF);
    assert.equal(liar.statusCode, 415);
    assert.equal(liar.json().code, 'attachment_type_mismatch');
    const text = await up('ghi-chu.pdf', Buffer.from('chỉ là văn bản thường'));
    assert.equal(text.json().code, 'attachment_type_not_allowed');
    const scan = await up('chu-ky-nguoi-to-cao.pdf', PDF, true);
    assert.equal(scan.statusCode, 201, scan.body);
    const stored = await h.ctx.database.rows<{ content: Buffer }>(sql`select content from cases_attachment where id = ${scan.json().id}`);
    assert.ok(!Buffer.from(stored[0].content).includes(Buffer.from('%PDF')), 'sealed content');
    const asLeader = await call(leaderA, 'GET', `/api/cases/${c.id}/attachments/${scan.json().id}`);
    assert.equal(asLeader.statusCode, 403);
    const asHandler = await call(handlerA, 'GET', `/api/cases/${c.id}/attachments/${scan.json().id}`);
    assert.equal(asHandler.statusCode, 200);
    assert.ok(asHandler.rawPayload.equals(PDF));
    const detail = (await call(leaderA, 'GET', `/api/cases/${c.id}`)).json();
    assert.equal(detail.attachments.length, 2);
    assert.ok(!JSON.stringify(detail.attachments).includes('chu-ky-nguoi-to-cao'));
    assert.ok(!JSON.stringify(detail.events).includes('chu-ky-nguoi-to-cao'));
  });
});

describe('the inbox', () => {
  test('diacritics-insensitive search, filters, urgency order and scope', async () => {
    const a = await create(complaint({ title: 'Ô nhiễm tiếng ồn từ quán karaoke', kind: 'phan_anh', fieldCode: 'moi_truong', petitioner: {} }));
    await create(complaint({ title: 'Đường hỏng ở tổ dân phố 3', kind: 'kien_nghi', fieldCode: 'giao_thong', petitioner: {}, receivedOn: await addDays(todayVN(), -20, 'calendar') }));
    const found = (await call(handlerA, 'GET', `/api/cases?q=${encodeURIComponent('O NHIEM tieng on')}`)).json();
    assert.deepEqual(found.items.map((c: { id: string }) => c.id), [a.id]);
    const byNumber = (await call(handlerA, 'GET', `/api/cases?q=${encodeURIComponent(a.number)}`)).json();
    assert.ok(byNumber.items.some((c: { id: string }) => c.id === a.id));
    const overdue = (await call(handlerA, 'GET', '/api/cases?due=overdue')).json();
    assert.ok(overdue.items.length >= 1);
    for (const c of overdue.items) assert.equal(c.deadline.overdue, true);
    const list = (await call(leaderA, 'GET', '/api/cases?open=true&limit=200')).json();
    const dues = list.items.map((c: { deadline: { dueOn: string | null } }) => c.deadline.dueOn ?? '9999');
    assert.deepEqual(dues, [...dues].sort());
    const kinds = (await call(handlerA, 'GET', '/api/cases?kind=to_cao&flag=confidential')).json();
    for (const c of kinds.items) assert.equal(c.kind, 'to_cao');
    assert.equal((await call(handlerOther, 'GET', '/api/cases')).json().total, 0);
    assert.equal((await call(handlerA, 'GET', '/api/cases?state=bogus')).statusCode, 400);
  });

  test('bulk assignment reports each case; only handlers of the unit can be assigned', async () => {
    const x = await create(complaint());
    const y = await create(complaint());
    const res = await call(leaderA, 'POST', '/api/cases/assign', { caseIds: [x.id, y.id], handlerId: handlerAId });
    assert.deepEqual(res.json().results.map((r: { ok: boolean }) => r.ok), [true, true]);
    const mine = (await call(handlerA, 'GET', '/api/cases?handler=me&limit=200')).json();
    assert.ok(mine.items.some((c: { id: string }) => c.id === x.id));
    const leaderId = (await call(leaderA, 'GET', '/api/auth/me')).json().id;
    const bad = await call(leaderA, 'POST', '/api/cases/assign', { caseIds: [x.id], handlerId: leaderId });
    assert.deepEqual(bad.json().results, [{ id: x.id, ok: false, code: 'handler_invalid' }]);
  });

  test('duplicates of the same person and similar content are suggested', async () => {
    const first = await create(complaint({ petitioner: { name: 'Hoàng Văn Em', address: '3 Nguyễn Huệ', phone: '0977000333' } }));
    const second = await create(complaint({ title: 'Khiếu nại lại quyết định thu hồi đất', petitioner: { name: 'Hoàng Văn Em', address: 'khác', phone: '0977 000 333' } }));
    const s = (await call(handlerA, 'GET', `/api/cases/${second.id}/suggestions`)).json();
    assert.ok(s.duplicates.some((d: { id: string }) => d.id === first.id), JSON.stringify(s));
    assert.equal(s.competentUnit.code, A);
    const atProvince = await create(complaint({ receivingUnitCode: PROVINCE }), handlerProvince);
    const p = (await call(handlerProvince, 'GET', `/api/cases/${atProvince.id}/suggestions`)).json();
    assert.equal(p.overLevel, true);
  });
});

describe('the daily deadline job', () => {
  test('runs once per day across processes and notifies handler and leaders once', async () => {
    assert.equal(await claim(h.ctx.database.db, 'test.job', '2026-11-23', 30, 'process-1'), true);
    assert.equal(await claim(h.ctx.database.db, 'test.job', '2026-11-23', 30, 'process-2'), false);
    const c = await create(complaint({ kind: 'kien_nghi', petitioner: {}, receivedOn: await addDays(todayVN(), -30, 'calendar') }));
    await act(c.id, { type: 'assigned', handlerId: handlerAId });
    const first = await scanDeadlines(h.ctx, todayVN());
    assert.ok(first.cases >= 1 && first.notifications >= 2);
    const again = await scanDeadlines(h.ctx, todayVN());
    assert.equal(again.notifications, 0);
    const mine = (await call(handlerA, 'GET', '/api/notifications')).json();
    assert.ok(mine.items.some((n: { caseId: string; kind: string }) => n.caseId === c.id && n.kind === 'overdue'));
    const leaders = (await call(leaderA, 'GET', '/api/notifications')).json();
    assert.ok(leaders.items.some((n: { caseId: string }) => n.caseId === c.id));
  });
});

describe('letters as .docx', () => {
  test('the receipt never names a denouncer; the answer names them only for the responsible handler, audited', async () => {
    const c = await create(denunciation());
    const receipt = await call(leaderA, 'GET', `/api/cases/${c.id}/documents/receipt`);
    assert.equal(receipt.statusCode, 200);
    assert.match(String(receipt.headers['content-type']), /wordprocessingml/);
    const text = plainText(documentXml(receipt.rawPayload));
    assert.match(text, new RegExp(c.number.replace('/', '\\/')));
    assert.match(text, /giữ bí mật/);
    assert.ok(!text.includes('Trần Thị Bình'));
    assert.equal((await call(leaderA, 'GET', `/api/cases/${c.id}/documents/answer`)).statusCode, 403);
    await act(c.id, { type: 'accepted' });
    await act(c.id, { type: 'verified', findings: 'Đã xác minh nội dung tố cáo.' });
    await act(c.id, { type: 'decided', decisionNumber: '07/KL-UBND', decidedOn: todayVN(), result: 'dung_mot_phan', summary: 'Tố cáo đúng một phần.' }, leaderA);
    await act(c.id, { type: 'answered', answer: 'Kết luận: nội dung tố cáo đúng một phần; đã xử lý kỷ luật cán bộ liên quan.' });
    assert.equal((await call(leaderA, 'GET', `/api/cases/${c.id}/documents/answer`)).statusCode, 403);
    const answer = await call(handlerA, 'GET', `/api/cases/${c.id}/documents/answer`);
    assert.equal(answer.statusCode, 200);
    const answerText = plainText(documentXml(answer.rawPayload));
    assert.match(answerText, /Trần Thị Bình/);
    assert.match(answerText, /07\/KL-UBND/);
    const audit = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_event where action = 'case.identity.unsealed' and target_id = ${c.id}`);
    assert.equal(audit[0].n, 1);
    assert.equal((await call(handlerA, 'GET', `/api/cases/${c.id}/documents/guidance`)).statusCode, 409);
  });
});
