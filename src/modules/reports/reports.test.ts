// Report v1 against hand-computed figures: a small known set of records in the new Quảng Trị (44), which the old
// provinces Quảng Bình (44) and Quảng Trị (45) became on 1 July 2025, and one record in Huế; the commune, province and
// centre reports, the "x/y" lines of each level and tree, the period before, an empty period, scope and input refusals.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { harness, type Harness } from '../../testing/given.ts';
import { todayVN } from '../../platform/clock.ts';
import { parsePeriod, previousPeriod } from './reports.period.ts';
import { buildReport } from './reports.service.ts';
import type { Report } from './reports.types.ts';

// Units (see units/data): new province 44 and two of its 78 communes; old district 450 (old province 44, 15 communes)
// with communes 18853, 18856; old district 461 (old province 45) with commune 19330; Huế for outside the scope.
const A = { code: '18859', path: 'VN.44.18859', name: 'Phường Đồng Thuận' };   // also an old code: Phường Bắc Lý under 450
const B = { code: '18871', path: 'VN.44.18871' };
const P = { code: '44', path: 'VN.44', name: 'Tỉnh Quảng Trị' };
const D450 = { code: '450', path: 'VN.44.450' };
const D461 = { code: '461', path: 'VN.45.461' };
const C18853 = { code: '18853', path: 'VN.44.450.18853' };
const C18856 = { code: '18856', path: 'VN.44.450.18856' };
const C19330 = { code: '19330', path: 'VN.45.461.19330' };
const OLD45 = { code: '45', path: 'VN.45' };
const HUE_COMMUNE = { code: '19753', path: 'VN.46.19753' };
const HUE_OLD_DISTRICT = { code: '474', path: 'VN.46.474' };
const CENTRE = { code: 'VN', path: 'VN' };

type U = { code: string; path: string };
const levelOf = (u: U, day: string) => {
  const depth = u.path.split('.').length;
  return depth === 1 ? 'central' : depth === 2 ? 'province' : depth === 3 && day < '2025-07-01' ? 'district' : 'commune';
};

let h: Harness;
let orgId: string;
const conf = new Map<string, string>();
const visit = new Map<string, string>();

async function conference(key: string, u: U, held_on: string, type: 'dinh_ky' | 'dot_xuat', status: 'held' | 'not_held' | 'planned', attendance: number | null) {
  const id = randomUUID();
  conf.set(key, id);
  await h.ctx.database.rows(sql`insert into dialogue_conference (id, unit_code, unit_path, level, organiser_name, type, topic, held_on, place, status, attendance, not_held_reason)
    values (${id}, ${u.code}, ${u.path}::ltree, ${levelOf(u, held_on)}, 'Ủy ban nhân dân', ${type}, 'Đối thoại với Nhân dân', ${held_on}, 'Hội trường', ${status}, ${attendance},
      ${status === 'not_held' ? 'Trùng lịch phòng, chống thiên tai' : null})`);
}

let seq = 0;
async function recommendation(confKey: string, u: U, raised_on: string, status: 'answered' | 'in_progress' | 'resolved', field: string, due_on: string | null, resolved_on: string | null) {
  await h.ctx.database.rows(sql`insert into dialogue_recommendation (id, conference_id, seq, raised_by, field_code, content, answer, status, due_on, resolved_on, raised_on, unit_path, level)
    values (${randomUUID()}, ${conf.get(confKey)!}, ${++seq}, 'Cử tri thôn 1', ${field}, 'Đề nghị sửa đường', ${status === 'answered' ? 'Đã trả lời' : null}, ${status},
      ${due_on}, ${resolved_on}, ${raised_on}, ${u.path}::ltree, ${levelOf(u, raised_on)})`);
}

async function supervision(key: string, u: U, started_on: string, form: string, status: 'done' | 'cancelled') {
  const id = randomUUID();
  visit.set(key, id);
  await h.ctx.database.rows(sql`insert into supervision_visit (id, unit_code, unit_path, level, supervisor_name, subject_name, form, topic, started_on, status)
    values (${id}, ${u.code}, ${u.path}::ltree, ${levelOf(u, started_on)}, 'Ủy ban MTTQ', 'Ủy ban nhân dân', ${form}, 'Giám sát an sinh xã hội', ${started_on}, ${status})`);
}

async function supervisionRecommendation(visitKey: string, u: U, raised_on: string, status: 'in_progress' | 'answered' | 'resolved', field: string, answered_on: string | null, resolved_on: string | null) {
  await h.ctx.database.rows(sql`insert into supervision_recommendation (id, visit_id, seq, field_code, content, status, answered_on, resolved_on, raised_on, unit_path, level)
    values (${randomUUID()}, ${visit.get(visitKey)!}, ${++seq}, ${field}, 'Đề nghị công khai danh sách', ${status}, ${answered_on}, ${resolved_on}, ${raised_on}, ${u.path}::ltree, ${levelOf(u, raised_on)})`);
}

async function critique(u: U, received_on: string, session: { held_on: string; form: string }, opinions: [string | null, string | null][]) {
  const draft = randomUUID();
  const s = randomUUID();
  await h.ctx.database.rows(sql`insert into critique_draft (id, unit_code, unit_path, level, organisation_id, title, drafting_body_name, received_on)
    values (${draft}, ${u.code}, ${u.path}::ltree, ${levelOf(u, received_on)}, ${orgId}, 'Dự thảo quy định hỗ trợ', 'Sở Xây dựng', ${received_on})`);
  await h.ctx.database.rows(sql`insert into critique_session (id, draft_id, form, held_on, unit_path, level)
    values (${s}, ${draft}, ${session.form}, ${session.held_on}, ${u.path}::ltree, ${levelOf(u, session.held_on)})`);
  for (const [response, on] of opinions) {
    await h.ctx.database.rows(sql`insert into critique_opinion (id, session_id, seq, content, response, responded_on)
      values (${randomUUID()}, ${s}, ${++seq}, 'Làm rõ tiêu chí', ${response}, ${on})`);
  }
}

interface CaseRow {
  u: U; received_on: string; kind: string; channel: string; field: string; state: string;
  accepted_on?: string | null; resolved_on?: string | null; resolution_due_on?: string | null; due_on?: string | null; closed_at?: string | null;
  mass?: boolean; over_level?: boolean; origin?: boolean;
}
async function kase(c: CaseRow) {
  const id = randomUUID();
  await h.ctx.database.rows(sql`insert into cases_case (id, number, year, kind, channel, field_code, title, content, state, place_unit_code,
      receiving_unit_code, receiving_unit_path, responsible_unit_code, responsible_unit_path, received_on, due_on, mass, over_level, confidential,
      search_key, closed_at, accepted_on, resolved_on, resolution_due_on, origin_type, origin_id)
    values (${id}, ${`${++seq}/${c.received_on.slice(0, 4)}`}, ${Number(c.received_on.slice(0, 4))}, ${c.kind}, ${c.channel}, ${c.field}, 'Vụ việc thử', 'Nội dung', ${c.state}, ${c.u.code},
      ${c.u.code}, ${c.u.path}::ltree, ${c.u.code}, ${c.u.path}::ltree, ${c.received_on}, ${c.due_on ?? null}, ${c.mass ?? false}, ${c.over_level ?? false}, ${c.kind === 'to_cao'},
      'vu viec thu', ${c.closed_at ?? null}, ${c.accepted_on ?? null}, ${c.resolved_on ?? null}, ${c.resolution_due_on ?? null},
      ${c.origin ? 'dialogue' : null}, ${c.origin ? randomUUID() : null})`);
  return id;
}

const cookies: Record<string, string> = {};

before(async () => {
  h = await harness();
  orgId = (await h.given.organisation('44', { kind: 'mttq', name: 'Ủy ban MTTQ Việt Nam tỉnh Quảng Trị' })).id;
  // Conferences: before the reform in the old provinces 44 and 45, after it in the new 44; Huế and the centre outside.
  await conference('c1', C18853, '2025-03-10', 'dinh_ky', 'held', 100);
  await conference('c2', D450, '2025-04-15', 'dot_xuat', 'held', 50);
  await conference('c3', C19330, '2025-05-20', 'dinh_ky', 'held', 80);
  await conference('c4', D461, '2025-06-01', 'dinh_ky', 'not_held', null);
  await conference('c5', OLD45, '2025-02-10', 'dinh_ky', 'held', 200);
  await conference('c6', A, '2025-08-05', 'dinh_ky', 'held', 60);
  await conference('c7', A, '2025-09-10', 'dot_xuat', 'held', 40);
  await conference('c8', B, '2025-10-12', 'dinh_ky', 'held', 70);
  await conference('c9', P, '2025-11-20', 'dot_xuat', 'held', 150);
  await conference('c10', B, '2025-12-01', 'dinh_ky', 'planned', null);
  await conference('c11', HUE_COMMUNE, '2025-08-01', 'dinh_ky', 'held', 30);
  await conference('c12', HUE_OLD_DISTRICT, '2025-03-01', 'dot_xuat', 'held', 20);
  await conference('c13', CENTRE, '2025-09-15', 'dinh_ky', 'held', 500);
  await conference('p1', C18856, '2024-06-10', 'dinh_ky', 'held', 40);
  await conference('p2', D461, '2024-12-01', 'dinh_ky', 'held', 30);
  // Recommendations raised at them.
  await recommendation('c1', C18853, '2025-03-10', 'answered', 'dat_dai', null, null);
  await recommendation('c1', C18853, '2025-03-10', 'in_progress', 'dat_dai', '2025-04-10', null);
  await recommendation('c6', A, '2025-08-05', 'resolved', 'moi_truong', '2025-09-05', '2025-09-01');
  await recommendation('c6', A, '2025-08-05', 'resolved', 'moi_truong', '2025-09-05', '2026-01-15');
  await recommendation('c9', P, '2025-11-20', 'in_progress', 'giao_thong', '2026-01-20', null);
  // Supervision and critique.
  await supervision('v1', D461, '2025-05-05', 'doan_giam_sat', 'done');
  await supervision('v2', A, '2025-08-20', 'nghien_cuu_van_ban', 'done');
  await supervision('v3', B, '2025-09-01', 'doan_giam_sat', 'cancelled');
  await supervision('v4', P, '2025-10-01', 'lay_y_kien', 'done');
  await supervisionRecommendation('v2', A, '2025-08-20', 'resolved', 'dat_dai', '2025-09-01', '2025-09-10');
  await supervisionRecommendation('v2', A, '2025-08-20', 'answered', 'y_te', '2025-09-05', null);
  await supervisionRecommendation('v4', P, '2025-10-01', 'in_progress', 'dat_dai', null, null);
  await critique(P, '2025-09-01', { held_on: '2025-09-15', form: 'hoi_nghi' }, [['tiep_thu', '2025-10-01'], ['giai_trinh', '2025-10-02'], [null, null]]);
  await critique(D450, '2025-04-01', { held_on: '2025-04-20', form: 'van_ban' }, [['tiep_thu_mot_phan', '2026-01-10']]);
  // Cases at their receiving unit.
  await kase({ u: C18853, received_on: '2025-02-10', kind: 'khieu_nai', channel: 'reception', field: 'dat_dai', state: 'closed', accepted_on: '2025-02-15', resolved_on: '2025-03-10', resolution_due_on: '2025-03-17', closed_at: '2025-03-20T03:00:00Z' });
  await kase({ u: D461, received_on: '2025-05-10', kind: 'to_cao', channel: 'mail', field: 'can_bo_cong_chuc', state: 'verified', accepted_on: '2025-05-12', due_on: '2025-06-11', over_level: true });
  await kase({ u: A, received_on: '2025-08-01', kind: 'kien_nghi', channel: 'portal', field: 'moi_truong', state: 'answered', accepted_on: '2025-08-02', resolved_on: '2025-08-25', resolution_due_on: '2025-08-21', mass: true });
  await kase({ u: B, received_on: '2025-09-01', kind: 'phan_anh', channel: 'dialogue', field: 'giao_thong', state: 'received', due_on: '2025-09-15', origin: true });
  await kase({ u: P, received_on: '2025-10-01', kind: 'phan_anh', channel: 'hotline', field: 'dat_dai', state: 'guided', closed_at: '2025-10-03T02:00:00Z' });
  await kase({ u: A, received_on: '2025-12-01', kind: 'kien_nghi', channel: 'portal', field: 'dat_dai', state: 'answered', accepted_on: '2025-12-02', resolved_on: '2026-01-05', resolution_due_on: '2025-12-20' });
  // Written already closed: the insert trigger fills accepted_on, resolved_on (the closing day) and the deadline.
  await kase({ u: HUE_COMMUNE, received_on: '2025-08-10', kind: 'kien_nghi', channel: 'portal', field: 'y_te', state: 'closed', due_on: '2025-08-30', closed_at: '2025-08-20T03:00:00Z' });
  await kase({ u: C18856, received_on: '2024-11-05', kind: 'kien_nghi', channel: 'portal', field: 'dat_dai', state: 'closed', due_on: '2024-11-30', closed_at: '2024-11-20T03:00:00Z' });

  for (const [who, role, unit] of [['leader44', 'leader', '44'], ['mttq44', 'mttq', '44'], ['leaderA', 'leader', A.code], ['leader46', 'leader', '46'], ['handler44', 'handler', '44'], ['centre', 'auditor', 'VN']] as const) {
    cookies[who] = (await h.given.official(role, unit)).cookie;
  }
});
after(() => h.close());

async function report(who: string, query: string): Promise<Report> {
  const res = await h.app.inject({ method: 'GET', url: `/api/reports/summary?${query}`, headers: { cookie: cookies[who] } });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}
async function problem(who: string, url: string): Promise<{ status: number; code: string; detail: string }> {
  const res = await h.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] } });
  const body = res.json();
  return { status: res.statusCode, code: body.code, detail: body.detail };
}
const sentences = (r: Report) => r.current.conferences.byLevel.map((l) => [l.level, l.era, l.sentence]);

describe('periods', () => {
  test('labels and the period before', () => {
    const p = (q: Parameters<typeof parsePeriod>[0]) => { const r = parsePeriod(q); assert.ok(r.ok); return r.period; };
    assert.deepEqual(p({ kind: 'year', year: 2025 }), { kind: 'year', from: '2025-01-01', to: '2025-12-31', label: 'năm 2025' });
    assert.deepEqual(p({ kind: 'quarter', year: 2026, quarter: 3 }), { kind: 'quarter', from: '2026-07-01', to: '2026-09-30', label: 'quý III năm 2026' });
    assert.deepEqual(p({ kind: 'half', year: 2026, half: 1 }), { kind: 'half', from: '2026-01-01', to: '2026-06-30', label: '6 tháng đầu năm 2026' });
    assert.deepEqual(p({ kind: 'month', year: 2024, month: 2 }), { kind: 'month', from: '2024-02-01', to: '2024-02-29', label: 'tháng 2 năm 2024' });
    assert.deepEqual(p({ kind: 'custom', from: '2026-03-01', to: '2026-04-15' }), { kind: 'custom', from: '2026-03-01', to: '2026-04-15', label: 'từ ngày 01/03/2026 đến ngày 15/04/2026' });
    assert.equal(previousPeriod(p({ kind: 'month', year: 2026, month: 1 })).label, 'tháng 12 năm 2025');
    assert.equal(previousPeriod(p({ kind: 'quarter', year: 2026, quarter: 1 })).label, 'quý IV năm 2025');
    assert.equal(previousPeriod(p({ kind: 'quarter', year: 2026, quarter: 3 })).label, 'quý II năm 2026');
    assert.equal(previousPeriod(p({ kind: 'half', year: 2026, half: 1 })).label, '6 tháng cuối năm 2025');
    assert.equal(previousPeriod(p({ kind: 'half', year: 2026, half: 2 })).label, '6 tháng đầu năm 2026');
    assert.equal(previousPeriod(p({ kind: 'year', year: 2025 })).label, 'năm 2024');
    // 46 days, then the 46 days just before.
    assert.deepEqual(previousPeriod(p({ kind: 'custom', from: '2026-03-01', to: '2026-04-15' })), { kind: 'custom', from: '2026-01-14', to: '2026-02-28', label: 'từ ngày 14/01/2026 đến ngày 28/02/2026' });
    // Five years at most.
    assert.ok(parsePeriod({ kind: 'custom', from: '2020-01-01', to: '2024-12-31' }).ok);
    assert.deepEqual(parsePeriod({ kind: 'custom', from: '2020-01-01', to: '2025-01-01' }), { ok: false, reason: 'report_period_too_long', vars: { max: 5 } });
  });
});

describe('the province that two old provinces became (new Quảng Trị, year 2025)', () => {
  let r: Report;
  before(async () => { r = await report('leader44', 'unit=44&period=year&year=2025'); });

  test('conferences: totals and one line per level and tree', () => {
    assert.equal(r.unit.name, P.name);
    assert.equal(r.period.label, 'năm 2025');
    assert.equal(r.empty, false);
    assert.equal(r.coverage, undefined);
    const c = r.current.conferences;
    // c1, c2, c3, c5 before 1 July (old 44 and 45), c6–c9 after; c4 not held; c10 only planned; Huế and the centre outside.
    assert.deepEqual({ held: c.held, periodic: c.periodic, adHoc: c.adHoc, notHeld: c.notHeld, attendance: c.attendance }, { held: 8, periodic: 5, adHoc: 3, notHeld: 1, attendance: 750 });
    assert.deepEqual(c.byLevel.map((l) => [l.level, l.era, l.unitsTotal, l.unitsHeld, l.held, l.periodic, l.adHoc, l.notHeld]), [
      ['province', 'tu_2025', 1, 1, 2, 1, 1, 0],      // c5 of the old province 45 counts for its successor, with c9
      ['district', 'truoc_2025', 18, 1, 1, 0, 1, 1],  // the 8 + 10 districts of old 44 and 45: c2 held, c4 not
      ['commune', 'truoc_2025', 264, 2, 2, 2, 0, 0],  // c1, c3
      ['commune', 'tu_2025', 78, 2, 3, 2, 1, 0],      // c6, c7 in A, c8 in B
    ]);
    assert.deepEqual(sentences(r), [
      ['province', 'tu_2025', 'Tỉnh Quảng Trị đã tổ chức 2 hội nghị, trong đó 1 định kỳ, 1 đột xuất'],
      ['district', 'truoc_2025', '1/18 quận, huyện, thị xã, thành phố thuộc tỉnh đã tổ chức 1 hội nghị, trong đó 0 định kỳ, 1 đột xuất'],
      ['commune', 'truoc_2025', '2/264 xã, phường, thị trấn đã tổ chức 2 hội nghị, trong đó 2 định kỳ, 0 đột xuất'],
      ['commune', 'tu_2025', '2/78 xã, phường, đặc khu đã tổ chức 3 hội nghị, trong đó 2 định kỳ, 1 đột xuất'],
    ]);
    assert.deepEqual(c.recommendations, { raised: 5, answeredOnSpot: 1, resolved: 1, inProgress: 3, overdue: 2 });
  });

  test('supervision and critique', () => {
    const s = r.current.supervision;
    assert.equal(s.visits, 3);
    assert.deepEqual(s.byForm, { nghien_cuu_van_ban: 1, doan_giam_sat: 1, ban_ttnd: 0, ban_gsdtccd: 0, lay_y_kien: 1 });
    assert.deepEqual(s.recommendations, { raised: 3, answered: 2, resolved: 1 });
    assert.deepEqual(s.critique, { drafts: 2, sessions: 2, byForm: { hoi_nghi: 1, van_ban: 1, doi_thoai: 0 }, opinions: 4, responded: 2, accepted: 1 });
    assert.deepEqual(s.byLevel.map((l) => [l.level, l.era, l.visits, l.unitsSupervising, l.critiqueSessions]), [
      ['province', 'tu_2025', 1, 1, 1], ['district', 'truoc_2025', 1, 1, 1], ['commune', 'truoc_2025', 0, 0, 0], ['commune', 'tu_2025', 1, 1, 0],
    ]);
  });

  test('cases, by their definitions at the end of the year', () => {
    assert.deepEqual(r.current.cases, {
      received: 6,
      byChannel: { portal: 2, reception: 1, mail: 1, hotline: 1, transfer: 0, dialogue: 1, supervision: 0, consultation: 0 },
      byKind: { kien_nghi: 2, phan_anh: 2, khieu_nai: 1, to_cao: 1 },
      accepted: 4, resolved: 2, resolvedOnTime: 1, overdue: 4, mass: 1, overLevel: 1, resolutionRate: 50,
    });
  });

  test('the most raised fields over recommendations and cases (a case raised at a conference counted once)', () => {
    assert.deepEqual(r.current.topFields.map((f) => [f.name, f.count]), [
      ['Đất đai', 7], ['Môi trường', 3], ['Cán bộ, công chức', 1], ['Giao thông', 1], ['Y tế', 1],
    ]);
  });

  test('children: the old districts for the months before, the communes from 1 July', () => {
    assert.equal(r.children.length, 18 + 78);
    const row = (code: string) => r.children.find((c) => c.code === code)!;
    assert.deepEqual(row('450'), {
      code: '450', name: 'Thành phố Đồng Hới', level: 'district', era: 'truoc_2025', conferencesHeld: 2, periodic: 1, adHoc: 1,
      recommendationsRaised: 2, recommendationsResolved: 0, supervisionVisits: 0, critiqueSessions: 1, casesReceived: 1, casesResolved: 1, casesOverdue: 0,
    });
    assert.deepEqual([row('461').conferencesHeld, row('461').supervisionVisits, row('461').casesReceived, row('461').casesOverdue], [1, 1, 1, 1]);
    assert.deepEqual(row(A.code), {
      code: A.code, name: A.name, level: 'commune', era: 'tu_2025', conferencesHeld: 2, periodic: 1, adHoc: 1,
      recommendationsRaised: 2, recommendationsResolved: 1, supervisionVisits: 1, critiqueSessions: 0, casesReceived: 2, casesResolved: 1, casesOverdue: 2,
    });
    assert.deepEqual([row(B.code).conferencesHeld, row(B.code).casesReceived, row(B.code).casesOverdue], [1, 1, 1]);
  });

  test('the year before: the old provinces alone, and the comparison sentences', () => {
    assert.equal(r.previous.label, 'năm 2024');
    const c = r.prior.conferences;
    assert.deepEqual([c.held, c.periodic, c.adHoc], [2, 2, 0]);
    assert.deepEqual(c.byLevel.map((l) => [l.level, l.era, l.unitsTotal, l.sentence]), [
      ['province', 'truoc_2025', 2, 'Chưa có tỉnh, thành phố trực thuộc Trung ương nào tổ chức hội nghị (0/2)'],
      ['district', 'truoc_2025', 18, '1/18 quận, huyện, thị xã, thành phố thuộc tỉnh đã tổ chức 1 hội nghị, trong đó 1 định kỳ, 0 đột xuất'],
      ['commune', 'truoc_2025', 264, '1/264 xã, phường, thị trấn đã tổ chức 1 hội nghị, trong đó 1 định kỳ, 0 đột xuất'],
    ]);
    assert.equal(r.prior.cases.received, 1);
    assert.equal(r.prior.cases.resolved, 1);
    assert.ok(r.highlights.includes('Tổ chức 8 hội nghị tiếp xúc, đối thoại với Nhân dân, trong đó 5 định kỳ, 3 đột xuất, với 750 lượt người dự, tăng 6 hội nghị so với kỳ trước.'), r.highlights.join('\n'));
    assert.ok(r.highlights.includes('2/78 xã, phường, đặc khu đã tổ chức 3 hội nghị, trong đó 2 định kỳ, 1 đột xuất.'));
    assert.ok(r.highlights.some((s) => s.startsWith('Tiếp nhận 6 vụ việc (2 kiến nghị, 2 phản ánh, 1 khiếu nại, 1 tố cáo), tăng 5 vụ việc so với kỳ trước; đã thụ lý 4, giải quyết 2 (đạt 50,0% số đã thụ lý), trong đó 1 đúng hạn; 4 vụ việc quá hạn.')), r.highlights.join('\n'));
    assert.ok(r.highlights.includes('Các lĩnh vực được phản ánh, kiến nghị nhiều nhất: Đất đai (7), Môi trường (3), Cán bộ, công chức (1), Giao thông (1), Y tế (1).'));
  });
});

describe('the children of the period before, for the documents', () => {
  test('in the tree in force then: the old districts of both old provinces', async () => {
    const actor = { userId: randomUUID(), username: 'lanhdao', fullName: 'Lãnh đạo', grants: [{ role: 'leader' as const, organisationId: randomUUID(), unitCode: '44', unitPath: 'VN.44' }] };
    const r = await buildReport(h.ctx, actor, { unitCode: '44', period: { kind: 'year', year: 2025 }, withPriorChildren: true });
    assert.ok(r.ok);
    const prior = r.value.priorChildren!;
    assert.equal(prior.length, 18);
    assert.deepEqual(prior.filter((c) => c.conferencesHeld).map((c) => [c.code, c.conferencesHeld]), [['450', 1], ['461', 1]]);
    assert.equal(prior.find((c) => c.code === '450')!.casesReceived, 1);
    const plain = await buildReport(h.ctx, actor, { unitCode: '44', period: { kind: 'year', year: 2025 } });
    assert.ok(plain.ok && plain.value.priorChildren === undefined);
  });
});

describe('a commune of the 2025 tree (Phường Đồng Thuận)', () => {
  test('its own records from 1 July 2025; the months before are outside its validity', async () => {
    const r = await report('leaderA', `unit=${A.code}&period=year&year=2025`);
    assert.equal(r.unit.name, A.name);
    assert.deepEqual(r.coverage, { from: '2025-07-01', to: '2025-12-31' });
    assert.deepEqual(sentences(r), [['commune', 'tu_2025', 'Phường Đồng Thuận đã tổ chức 2 hội nghị, trong đó 1 định kỳ, 1 đột xuất']]);
    assert.deepEqual(r.current.conferences.recommendations, { raised: 2, answeredOnSpot: 0, resolved: 1, inProgress: 1, overdue: 1 });
    assert.equal(r.current.supervision.visits, 1);
    const k = r.current.cases;
    assert.deepEqual([k.received, k.accepted, k.resolved, k.resolvedOnTime, k.overdue, k.mass, k.resolutionRate], [2, 2, 1, 0, 2, 1, 50]);
    assert.deepEqual(r.children, []);
    // The year before, the commune did not exist: no comparison, an empty prior.
    assert.equal(r.prior.conferences.held, 0);
    assert.ok(r.highlights[0].startsWith('Số liệu tính từ ngày 01/07/2025 đến ngày 31/12/2025'));
    assert.ok(r.highlights.includes('Tổ chức 2 hội nghị tiếp xúc, đối thoại với Nhân dân, trong đó 1 định kỳ, 1 đột xuất, với 100 lượt người dự.'));
  });

  test('the same code for the first half of 2025 is the old Phường Bắc Lý, under district 450', async () => {
    const r = await report('leader44', `unit=${A.code}&period=half&year=2025&half=1`);
    assert.equal(r.unit.name, 'Phường Bắc Lý');
    assert.equal(r.unit.path, 'VN.44.450.18859');
    assert.equal(r.empty, true);
  });

  test('an empty period is a clear empty report', async () => {
    const r = await report('leaderA', `unit=${A.code}&period=month&year=2026&month=3`);
    assert.equal(r.empty, true);
    assert.equal(r.period.label, 'tháng 3 năm 2026');
    assert.equal(r.current.conferences.held, 0);
    assert.equal(r.current.cases.resolutionRate, null);
    assert.deepEqual(r.highlights, ['Trong tháng 3 năm 2026, Phường Đồng Thuận chưa ghi nhận hội nghị tiếp xúc, đối thoại, cuộc giám sát, phản biện xã hội hay vụ việc nào.']);
  });
});

describe('old units roll up through their districts', () => {
  test('old district 450 (Đồng Hới), year 2025: its own months only', async () => {
    const r = await report('leader44', 'unit=450&period=year&year=2025');
    assert.deepEqual(r.coverage, { from: '2025-01-01', to: '2025-06-30' });
    assert.deepEqual(sentences(r), [
      ['district', 'truoc_2025', 'Thành phố Đồng Hới đã tổ chức 1 hội nghị, trong đó 0 định kỳ, 1 đột xuất'],
      ['commune', 'truoc_2025', '1/15 xã, phường, thị trấn đã tổ chức 1 hội nghị, trong đó 1 định kỳ, 0 đột xuất'],
    ]);
    assert.equal(r.children.length, 15);
    assert.equal(r.children.find((c) => c.code === '18853')!.conferencesHeld, 1);
    assert.equal(r.prior.conferences.held, 1); // p1 in 18856, 2024
  });

  test('old province 45 in 2024, read by the new province it became part of', async () => {
    const r = await report('leader44', 'unit=45&period=year&year=2024');
    assert.equal(r.unit.name, 'Tỉnh Quảng Trị');
    assert.equal(r.unit.path, 'VN.45');
    assert.deepEqual(sentences(r)[1], ['district', 'truoc_2025', '1/10 quận, huyện, thị xã, thành phố thuộc tỉnh đã tổ chức 1 hội nghị, trong đó 1 định kỳ, 0 đột xuất']);
  });
});

describe('the centre', () => {
  test('year 2025: 34 provinces, old provinces counted for their successor', async () => {
    const r = await report('centre', 'unit=VN&period=year&year=2025');
    assert.deepEqual(sentences(r), [
      ['central', 'tu_2025', 'Cấp Trung ương đã tổ chức 1 hội nghị, trong đó 1 định kỳ, 0 đột xuất'],
      ['province', 'tu_2025', '1/34 tỉnh, thành phố đã tổ chức 2 hội nghị, trong đó 1 định kỳ, 1 đột xuất'],
      ['district', 'truoc_2025', '2/696 quận, huyện, thị xã, thành phố thuộc tỉnh đã tổ chức 2 hội nghị, trong đó 0 định kỳ, 2 đột xuất'],
      ['commune', 'truoc_2025', '2/10.035 xã, phường, thị trấn đã tổ chức 2 hội nghị, trong đó 2 định kỳ, 0 đột xuất'],
      ['commune', 'tu_2025', '3/3.321 xã, phường, đặc khu đã tổ chức 4 hội nghị, trong đó 3 định kỳ, 1 đột xuất'],
    ]);
    assert.equal(r.current.conferences.held, 11);
    assert.equal(r.children.length, 34);
    const row = (code: string) => r.children.find((c) => c.code === code)!;
    assert.equal(row('44').conferencesHeld, 8);
    assert.equal(row('44').casesReceived, 6);
    assert.equal(row('46').conferencesHeld, 2);
    assert.equal(row('46').casesReceived, 1);
    assert.equal(r.current.cases.received, 7);
    assert.equal(r.current.cases.resolved, 3); // the Huế case written closed counts resolved on its closing day
  });

  test('year 2024: the 63 provinces of the old tree', async () => {
    const r = await report('centre', 'unit=VN&period=year&year=2024');
    assert.deepEqual(r.current.conferences.byLevel.map((l) => [l.level, l.era, l.unitsTotal]), [
      ['central', 'truoc_2025', 1], ['province', 'truoc_2025', 63], ['district', 'truoc_2025', 696], ['commune', 'truoc_2025', 10035],
    ]);
    assert.equal(r.children.length, 63);
    assert.equal(r.children.find((c) => c.code === '45')!.conferencesHeld, 1);
  });
});

describe('the drill-down', () => {
  const url = (q: string) => `/api/reports/records?unit=44&period=year&year=2025&${q}`;
  test('records behind a figure, by child and by level', async () => {
    const all = await h.app.inject({ method: 'GET', url: url('kind=conferences'), headers: { cookie: cookies.leader44 } });
    assert.equal(all.statusCode, 200, all.body);
    assert.equal(all.json().total, 9);
    const district = (await h.app.inject({ method: 'GET', url: url('kind=conferences&child=450'), headers: { cookie: cookies.leader44 } })).json();
    assert.deepEqual(district.items.map((i: { date: string; unit: { name: string } }) => [i.date, i.unit.name]), [['2025-04-15', 'Thành phố Đồng Hới'], ['2025-03-10', 'Phường Hải Thành']]);
    const communes = (await h.app.inject({ method: 'GET', url: url('kind=conferences&level=commune&era=tu_2025'), headers: { cookie: cookies.leader44 } })).json();
    assert.equal(communes.total, 3);
    const province = (await h.app.inject({ method: 'GET', url: url('kind=conferences&level=province'), headers: { cookie: cookies.leader44 } })).json();
    assert.deepEqual(province.items.map((i: { unit: { code: string } }) => i.unit.code), ['44', '45']);
    const cases = (await h.app.inject({ method: 'GET', url: url(`kind=cases&child=${A.code}`), headers: { cookie: cookies.leader44 } })).json();
    assert.equal(cases.total, 2);
    assert.ok(cases.items.every((i: { status: string }) => i.status.endsWith('(quá hạn)')));
    for (const kind of ['recommendations', 'supervision', 'critique']) {
      const res = await h.app.inject({ method: 'GET', url: url(`kind=${kind}`), headers: { cookie: cookies.leader44 } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().total, { recommendations: 5, supervision: 3, critique: 2 }[kind]);
    }
  });

  test('refusals: a child or level not in the report, cases without the right to read them', async () => {
    assert.deepEqual((await problem('leader44', url('kind=conferences&child=19753'))).code, 'report_child_not_found');
    assert.deepEqual((await problem('leaderA', `/api/reports/records?unit=${A.code}&period=year&year=2025&kind=conferences&level=district`)).code, 'report_level_invalid');
    const p = await problem('mttq44', url('kind=cases'));
    assert.deepEqual([p.status, p.code], [403, 'forbidden']);
    assert.equal((await problem('mttq44', url('kind=conferences'))).status, 200);
  });
});

describe('scope and input', () => {
  test('a reader sees only units within the scope of their grants', async () => {
    for (const [who, unit] of [['leader46', '44'], ['leaderA', '44'], ['leaderA', '450'], ['handler44', '44'], ['leader46', '45']] as const) {
      const p = await problem(who, `/api/reports/summary?unit=${unit}&period=year&year=2025`);
      assert.deepEqual([who, unit, p.status, p.code], [who, unit, 403, 'report_outside_scope']);
      assert.match(p.detail, /nằm ngoài phạm vi bạn được xem báo cáo/);
    }
    const denied = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_event where action = 'access.denied' and detail->>'attempted' = 'report.read'`);
    assert.ok(denied[0].n >= 5);
    const anonymous = await h.app.inject({ method: 'GET', url: '/api/reports/summary?unit=44&period=year&year=2025' });
    assert.equal(anonymous.statusCode, 401);
  });

  test('bad input: stable codes, Vietnamese messages', async () => {
    const cases: [string, number, string][] = [
      ['unit=99999&period=year&year=2025', 404, 'unit_not_found'],
      ['unit=44&period=month&year=2025&month=13', 400, 'report_period_invalid'],
      ['unit=44&period=quarter&year=2025', 400, 'report_period_invalid'],
      ['unit=44&period=year&year=abc', 400, 'report_period_invalid'],
      ['unit=44&period=custom&from=2025-02-30&to=2025-03-10', 400, 'invalid_date'],
      ['unit=44&period=custom&from=2025-03-10&to=2025-03-01', 400, 'report_period_invalid'],
      ['unit=44&period=custom&from=2019-01-01&to=2025-01-01', 400, 'report_period_too_long'],
      ['unit=450&period=year&year=2026', 400, 'report_unit_not_in_force'],
      ['unit=44&period=week&year=2025', 400, 'validation_failed'],
    ];
    for (const [q, status, code] of cases) {
      const p = await problem('centre', `/api/reports/summary?${q}`);
      assert.deepEqual([q, p.status, p.code], [q, status, code]);
      assert.match(p.detail, /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    }
    assert.equal((await problem('centre', '/api/reports/summary?unit=44&period=custom&from=2025-03-10&to=2025-03-01')).detail,
      'Kỳ báo cáo không hợp lệ: ngày kết thúc 01/03/2025 trước ngày bắt đầu 10/03/2025.');
  });
});

describe('cases through the workflow', () => {
  test('accepting and answering set the report dates; the month counts it resolved on time', async () => {
    const handler = await h.given.official('handler', B.code);
    const created = await h.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: handler.cookie }, payload: {
      kind: 'kien_nghi', channel: 'reception', fieldCode: 'giao_thong', title: 'Đèn đường hỏng', content: 'Đề nghị sửa đèn đường tổ 5.',
      place: { unitCode: B.code }, receivingUnitCode: B.code, petitioner: { name: 'Người dân' },
    } });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id;
    for (const payload of [{ type: 'accepted', reason: 'Thuộc thẩm quyền' }, { type: 'answered', answer: 'Đã thay đèn.', publishable: false }]) {
      const res = await h.app.inject({ method: 'POST', url: `/api/cases/${id}/events`, headers: { cookie: handler.cookie }, payload });
      assert.equal(res.statusCode, 200, res.body);
    }
    const [row] = await h.ctx.database.rows<{ accepted_on: string; resolved_on: string; resolution_due_on: string | null }>(sql`select accepted_on, resolved_on, resolution_due_on from cases_case where id = ${id}`);
    const today = todayVN();
    assert.equal(row.accepted_on, today);
    assert.equal(row.resolved_on, today);
    assert.ok(row.resolution_due_on && row.resolution_due_on > today);
    const r = await report('leader44', `unit=${B.code}&period=month&year=${Number(today.slice(0, 4))}&month=${Number(today.slice(5, 7))}`);
    const k = r.current.cases;
    assert.deepEqual([k.received, k.accepted, k.resolved, k.resolvedOnTime, k.overdue, k.resolutionRate], [1, 1, 1, 1, 0, 100]);
  });
});
