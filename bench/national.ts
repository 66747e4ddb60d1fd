// Report v1 at national scale, on PostgreSQL, through HTTP: the national annual report, one province's, and the .docx export.
// Data, generated in SQL over 2024-01-01..2026-11-22 in the unit tree in force on each record's date (the three-level
// tree before 1 July 2025, the 3,355 units of the two-level tree from then): 100,000 conferences, 500,000 recommendations,
// 50,000 supervision visits (with 100,000 recommendations), 5,000 drafts critiqued in 10,000 sessions, 1,000,000 cases.
//   BENCH_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres node bench/national.ts [scale=1]
// A scale below 1 shrinks every count (0.1 for a quick run).
import pg from 'pg';
import { percentile, startServer, table, withScratchDatabase } from './lib.ts';
import { loadConfig } from '../src/config.ts';
import { boot } from '../src/boot.ts';
import type { Database } from '../src/db/database.ts';
import { ensureOrganisation } from '../src/modules/organisations/index.ts';
import { createSystemAccount } from '../src/modules/accounts/index.ts';
import { foldRollup } from '../src/modules/cases/index.ts';
import { foldDialogueRollup } from '../src/modules/dialogue/index.ts';

const scale = Number(process.argv[2] ?? 1);
const N = {
  conferences: Math.round(100_000 * scale), recommendations: Math.round(500_000 * scale), visits: Math.round(50_000 * scale),
  visitRecommendations: Math.round(100_000 * scale), drafts: Math.round(5_000 * scale), sessions: Math.round(10_000 * scale),
  opinions: Math.round(40_000 * scale), cases: Math.round(1_000_000 * scale),
};
const PASSWORD = 'bench-mat-khau-1';
const MASTER = Buffer.alloc(32, 7).toString('base64');
const FIRST_DAY = '2024-01-01';
const DAYS = 1057; // to 2026-11-22
const REFORM = '2025-07-01';

const lit = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;
const h = (s: string, salt: number) => `(hashint4(${s} + ${salt}) & 2147483647)`;

const TOPICS = [
  'Tiếp xúc, đối thoại về công tác bồi thường, giải phóng mặt bằng', 'Đối thoại với Nhân dân về xây dựng nông thôn mới',
  'Đối thoại về cải cách thủ tục hành chính ở cấp xã', 'Tiếp xúc với đoàn viên, hội viên về an sinh xã hội',
  'Đối thoại về vệ sinh môi trường và thu gom rác thải', 'Đối thoại với thanh niên về việc làm, khởi nghiệp',
  'Tiếp xúc với cử tri về trật tự xây dựng đô thị', 'Đối thoại về chính sách đối với người có công',
];
const RAISED = ['Cử tri thôn 1', 'Cử tri tổ dân phố 3', 'Hội Nông dân', 'Hội Liên hiệp Phụ nữ', 'Đoàn Thanh niên', 'Hội Cựu chiến binh', 'Người cao tuổi trong xóm', 'Các hộ kinh doanh chợ'];
const REC_TEXT = [
  'Đề nghị sớm sửa chữa tuyến đường liên thôn bị xuống cấp', 'Đề nghị công khai danh sách hộ nghèo, cận nghèo',
  'Đề nghị xử lý điểm tập kết rác gây ô nhiễm', 'Đề nghị rút ngắn thời gian cấp giấy chứng nhận quyền sử dụng đất',
  'Đề nghị bố trí thêm đèn chiếu sáng đường làng', 'Đề nghị hỗ trợ vốn vay cho hộ sản xuất nhỏ',
];
const FIELDS = ['giao_thong', 'chinh_sach_xa_hoi', 'moi_truong', 'dat_dai', 'giao_thong', 'kinh_te_doanh_nghiep'];
const CASE_FIELDS = ['dat_dai', 'dat_dai', 'moi_truong', 'xay_dung', 'giao_thong', 'chinh_sach_xa_hoi', 'y_te', 'giao_duc', 'an_ninh_trat_tu', 'tu_phap_ho_tich', 'can_bo_cong_chuc', 'khac'];
const KINDS = ['kien_nghi', 'phan_anh', 'phan_anh', 'kien_nghi', 'khieu_nai', 'to_cao'];
const CHANNELS = ['reception', 'mail', 'hotline', 'portal', 'transfer', 'dialogue', 'supervision', 'portal'];
const FORMS = ['nghien_cuu_van_ban', 'doan_giam_sat', 'ban_ttnd', 'ban_gsdtccd', 'lay_y_kien'];

/** The units a record may belong to, by era and level, numbered for picking by a hash. */
const UNITS = `
  create temporary table bu as
    select era, level, row_number() over (partition by era, level order by code) as i, code, path
    from (
      select 'old' as era, level, code, path from units_unit where valid_from = '2025-03-01'
      union all
      (select distinct on (code) 'new', level, code, path from units_unit where valid_from >= '${REFORM}' order by code, valid_from)
    ) x;
  create temporary table bn as select era, level, count(*)::int as n from bu group by 1, 2;
  insert into bu select era, 'central', 1, 'VN', 'VN'::ltree from (values ('old'), ('new')) v(era);
  insert into bn values ('old', 'central', 1), ('new', 'central', 1);
  create unique index on bu (era, level, i);
  analyze bu; analyze bn;`;

/** A generated row s: its date, era, a level drawn from the weights, and a unit of that level in force on the date. */
function picked(n: number, salt: number, levels: string): string {
  return `
    g as (
      select s, date '${FIRST_DAY}' + ${h('s', salt)} % ${DAYS} as d, ${h('s', salt + 1)} % 1000 as r from generate_series(1, ${n}) s
    ), e as (
      select g.*, case when d < date '${REFORM}' then 'old' else 'new' end as era from g
    ), l as (
      select e.*, ${levels} as lvl from e
    ), u as (
      select l.*, bu.code, bu.path from l join bn on bn.era = l.era and bn.level = l.lvl
        join bu on bu.era = l.era and bu.level = l.lvl and bu.i = 1 + ${h('l.s', salt + 2)} % bn.n
    )`;
}

async function generate(run: (q: string) => Promise<unknown>, fold: () => Promise<unknown>): Promise<Record<string, number>> {
  const took: Record<string, number> = {};
  const step = async (name: string, q: string | (() => Promise<unknown>)) => {
    const t0 = performance.now();
    await (typeof q === 'string' ? run(q) : q());
    took[name] = (performance.now() - t0) / 1000;
    process.stderr.write(`  ${name}: ${took[name].toFixed(0)} s\n`);
  };
  await step('đơn vị', UNITS);
  // Conferences: mostly communes; districts before the reform; a few provinces and the centre.
  await step('hội nghị', `with ${picked(N.conferences, 100, `case when r < 2 then 'central' when r < 60 then 'province' when r < 260 and era = 'old' then 'district' else 'commune' end`)}
    insert into dialogue_conference (id, unit_code, unit_path, level, organiser_name, type, form, topic, held_on, place, status, attendance, not_held_reason, published, source, created_at)
    select md5('conf' || s)::uuid, code, path, lvl, 'Ủy ban nhân dân ' || code, case when r % 3 = 0 then 'dinh_ky' else 'dot_xuat' end,
      case when r % 2 = 0 then 'doi_thoai' else 'tiep_xuc' end, (${lit(TOPICS)})[1 + r % ${TOPICS.length}], d, 'Hội trường Ủy ban nhân dân',
      case when r % 25 = 0 then 'not_held' else 'held' end, case when r % 25 = 0 then null else 40 + r % 200 end,
      case when r % 25 = 0 then 'Trùng lịch phòng, chống thiên tai' end, r % 4 = 0, 'console', d::timestamptz
    from u`);
  await step('kiến nghị tại hội nghị', `
    with g as (select s, 1 + ${h('s', 200)} % ${N.conferences} as c, ${h('s', 201)} % 1000 as r from generate_series(1, ${N.recommendations}) s)
    insert into dialogue_recommendation (id, conference_id, seq, raised_by, field_code, content, answer, answered_by, status, due_on, resolved_on, raised_on, unit_path, level, created_at)
    select md5('rec' || s)::uuid, k.id, s, (${lit(RAISED)})[1 + r % ${RAISED.length}], (${lit(FIELDS)})[1 + r % ${FIELDS.length}],
      (${lit(REC_TEXT)})[1 + r % ${REC_TEXT.length}],
      case when r < 350 then 'Đồng chí Chủ tịch trả lời trực tiếp tại hội nghị' end, case when r < 350 then 'Chủ tịch Ủy ban nhân dân' end,
      case when r < 350 then 'answered' when r < 800 then 'resolved' else 'in_progress' end,
      case when r >= 350 then k.held_on + 30 end, case when r >= 350 and r < 800 then least(k.held_on + 10 + r % 40, date '2026-11-22') end,
      k.held_on, k.unit_path, k.level, k.created_at
    from g join dialogue_conference k on k.id = md5('conf' || g.c)::uuid`);
  await step('cuộc giám sát', `with ${picked(N.visits, 300, `case when r < 5 then 'central' when r < 120 then 'province' when r < 300 and era = 'old' then 'district' else 'commune' end`)}
    insert into supervision_visit (id, unit_code, unit_path, level, supervisor_name, subject_name, form, topic, started_on, ended_on, status, findings, source, created_at)
    select md5('visit' || s)::uuid, code, path, lvl, 'Ủy ban MTTQ Việt Nam ' || code, 'Ủy ban nhân dân ' || code, (${lit(FORMS)})[1 + r % 5],
      'Giám sát việc thực hiện chính sách an sinh xã hội', d, d + 3, 'done', 'Cơ bản thực hiện đúng quy định; còn chậm công khai.', 'console', d::timestamptz
    from u`);
  await step('kiến nghị giám sát', `
    with g as (select s, 1 + ${h('s', 400)} % ${N.visits} as v, ${h('s', 401)} % 1000 as r from generate_series(1, ${N.visitRecommendations}) s)
    insert into supervision_recommendation (id, visit_id, seq, field_code, content, status, due_on, answer, answered_on, resolved_on, raised_on, unit_path, level)
    select md5('srec' || s)::uuid, v.id, s, (${lit(FIELDS)})[1 + r % ${FIELDS.length}], (${lit(REC_TEXT)})[1 + r % ${REC_TEXT.length}],
      case when r < 500 then 'resolved' when r < 700 then 'answered' else 'in_progress' end, v.started_on + 30,
      case when r < 700 then 'Đã tiếp thu và chỉ đạo khắc phục' end, case when r < 700 then v.started_on + 20 end,
      case when r < 500 then v.started_on + 25 end, v.started_on, v.unit_path, v.level
    from g join supervision_visit v on v.id = md5('visit' || g.v)::uuid`);
  await run(`insert into organisations_organisation (id, unit_code, unit_path, kind, name, name_key)
    values ('00000000-0000-7000-8000-00000000b001', 'VN', 'VN', 'mttq', 'Ủy ban Trung ương MTTQ Việt Nam (đo tải)', 'uy ban trung uong mttq viet nam (do tai)')`);
  await step('dự thảo phản biện', `with ${picked(N.drafts, 500, `case when r < 20 then 'central' when r < 300 then 'province' else 'commune' end`)}
    insert into critique_draft (id, unit_code, unit_path, level, organisation_id, title, drafting_body_name, received_on)
    select md5('draft' || s)::uuid, code, path, lvl, '00000000-0000-7000-8000-00000000b001', 'Dự thảo quy định hỗ trợ hộ nghèo xây nhà', 'Ủy ban nhân dân ' || code, d
    from u`);
  await step('phiên phản biện', `
    with g as (select s, 1 + ${h('s', 600)} % ${N.drafts} as k, ${h('s', 601)} % 1000 as r from generate_series(1, ${N.sessions}) s)
    insert into critique_session (id, draft_id, form, held_on, participants, unit_path, level)
    select md5('session' || s)::uuid, k.id, (array['hoi_nghi','van_ban','doi_thoai'])[1 + r % 3], least(k.received_on + r % 20, date '2026-11-22'), 20 + r % 60, k.unit_path, k.level
    from g join critique_draft k on k.id = md5('draft' || g.k)::uuid`);
  await step('ý kiến phản biện', `
    with g as (select s, 1 + ${h('s', 700)} % ${N.sessions} as k, ${h('s', 701)} % 1000 as r from generate_series(1, ${N.opinions}) s)
    insert into critique_opinion (id, session_id, seq, content, response, responded_on)
    select md5('opinion' || s)::uuid, k.id, s, 'Đề nghị làm rõ tiêu chí xét hỗ trợ',
      case when r < 500 then 'tiep_thu' when r < 700 then 'tiep_thu_mot_phan' when r < 850 then 'giai_trinh' end,
      case when r < 850 then k.held_on + 10 end
    from g join critique_session k on k.id = md5('session' || g.k)::uuid`);
  // Cases, at their receiving unit: communes mostly, provinces, districts before the reform.
  const batch = 200_000;
  for (let from = 1; from <= N.cases; from += batch) {
    const to = Math.min(N.cases, from + batch - 1);
    await step(`vụ việc ${to.toLocaleString('vi-VN')}`, `with ${picked(to - from + 1, 800, `case when r < 150 then 'province' when r < 300 and era = 'old' then 'district' else 'commune' end`).replace('generate_series(1, ', `generate_series(${from}, ${from - 1} + `)}
      insert into cases_case (id, number, year, kind, channel, field_code, title, content, state, place_unit_code,
        receiving_unit_code, receiving_unit_path, responsible_unit_code, responsible_unit_path, received_on, due_on, due_rule,
        mass, head_count, over_level, confidential, petitioner_keys, search_key, created_at, updated_at, closed_at)
      select md5('case' || s)::uuid, 'Q' || s || '/' || extract(year from d)::int, extract(year from d)::int,
        (${lit(KINDS)})[1 + r % ${KINDS.length}], (${lit(CHANNELS)})[1 + (r / 7) % ${CHANNELS.length}], (${lit(CASE_FIELDS)})[1 + (r / 3) % ${CASE_FIELDS.length}],
        'Vụ việc sinh ra để đo tải', 'Nội dung vụ việc sinh ra để đo tải báo cáo.',
        case when r < 300 then 'accepted' when r < 380 then 'received' else 'closed' end,
        code, code, path, code, path, d,
        d + 10 + r % 50, 'handling', r % 40 = 0, case when r % 40 = 0 then 5 + r % 30 end, r % 33 = 0, (${lit(KINDS)})[1 + r % ${KINDS.length}] = 'to_cao',
        '{}', 'vu viec sinh ra de do tai', d::timestamptz, d::timestamptz,
        case when r >= 380 then least(d + 5 + r % 60, date '2026-11-22')::timestamptz end
      from u`);
  }
  // The report's monthly roll-ups got one delta row per record written: folded, as the app's worker does every ten minutes.
  await step('gộp bảng cộng dồn', fold);
  // As autovacuum would after a load: the visibility map set, so that the report's index-only scans read no table page.
  await step('vacuum analyze', 'vacuum analyze');
  return took;
}

async function official(database: Database, unitCode: string, username: string): Promise<void> {
  const ctx = { database, config: loadConfig({ LOG_LEVEL: 'silent' }) };
  const organisation = await ensureOrganisation(ctx, { unitCode, kind: 'ubnd', name: `Ủy ban nhân dân (đo tải) ${unitCode}` });
  const r = await createSystemAccount(ctx, { username, fullName: `Lãnh đạo đo tải ${unitCode}`, password: PASSWORD, memberships: [{ organisation, role: 'leader' }] });
  if (!r.ok) throw new Error(r.reason);
}

async function signIn(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('cn_session='))!;
}

async function timed(n: number, fn: () => Promise<number>): Promise<{ ms: number[]; bytes: number }> {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) { const s = performance.now(); bytes = await fn(); ms.push(performance.now() - s); }
  return { ms: ms.sort((a, b) => a - b), bytes };
}

const serverUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl) throw new Error('set BENCH_DATABASE_URL');
const rows: (string | number)[][] = [];
let counts = '';
/** BENCH_KEEP=1 keeps the generated database (caunoi_bench_national_kept) and reuses it on the next run. */
async function keptDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const name = 'caunoi_bench_national_kept';
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
  if (!exists) await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(serverUrl!);
  target.pathname = `/${name}`;
  return fn(target.toString());
}

await (process.env.BENCH_KEEP === '1' ? keptDatabase : (fn: (url: string) => Promise<void>) => withScratchDatabase(serverUrl, 'caunoi_bench_national', fn))(async (target) => {
  const config = loadConfig({ DATABASE_URL: target, DEMO_DATA: 'false', LOG_LEVEL: 'silent', SEAL_MASTER_KEY: MASTER });
  const t0 = performance.now();
  const { database } = await boot(config);
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  client.on('error', () => { /* the scratch database is dropped at the end */ });
  const generated = Number((await client.query('select count(*) as n from cases_case')).rows[0].n) > 0;
  if (!generated) {
    const ctx = { database, config };
    try { await generate((q) => client.query(q), async () => { await foldRollup(ctx); await foldDialogueRollup(ctx); }); } catch (err) { console.error(err); await client.end(); await database.close(); throw err; }
  }
  const c = await client.query(`select
      (select count(*) from units_unit where valid_from >= '${REFORM}' and valid_to is null)::int as units,
      (select count(*) from dialogue_conference)::int as conferences, (select count(*) from dialogue_recommendation)::int as recommendations,
      (select count(*) from supervision_visit)::int as visits, (select count(*) from critique_session)::int as sessions,
      (select count(*) from cases_case)::int as cases`);
  await client.end();
  const n = c.rows[0];
  counts = `${n.units.toLocaleString('vi-VN')} đơn vị đang hiệu lực; ${n.conferences.toLocaleString('vi-VN')} hội nghị, ${n.recommendations.toLocaleString('vi-VN')} kiến nghị, ${n.visits.toLocaleString('vi-VN')} cuộc giám sát, ${n.sessions.toLocaleString('vi-VN')} phiên phản biện, ${n.cases.toLocaleString('vi-VN')} vụ việc`;
  if (!generated) {
    await official(database, 'VN', 'do.tw');
    await official(database, '79', 'do.hcm');
    await official(database, '46', 'do.hue');
  }
  await database.close();
  console.error(`  dữ liệu sinh trong ${((performance.now() - t0) / 1000).toFixed(0)} giây: ${counts}`);

  const s = await startServer({ DATABASE_URL: target, JOBS: 'false', COOKIE_SECURE: 'false', LOGIN_RATE_PER_MINUTE: '1000', SEAL_MASTER_KEY: MASTER }, 3396);
  try {
    const who = { VN: await signIn(s.url, 'do.tw'), '79': await signIn(s.url, 'do.hcm'), '46': await signIn(s.url, 'do.hue') };
    const get = async (cookie: string, path: string): Promise<number> => {
      const r = await fetch(`${s.url}${path}`, { headers: { cookie } });
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return (await r.arrayBuffer()).byteLength;
    };
    const issuer = async (cookie: string): Promise<string> => {
      const r = await fetch(`${s.url}/api/auth/me`, { headers: { cookie } });
      const me = await r.json() as { grants?: { organisationId: string }[]; memberships?: { organisationId: string }[] };
      return (me.grants ?? me.memberships ?? [])[0]?.organisationId ?? '';
    };
    const cases: [string, keyof typeof who, string, number][] = [
      ['báo cáo năm 2025, toàn quốc (qua cải cách 1/7)', 'VN', '/api/reports/summary?unit=VN&period=year&year=2025', 20],
      ['báo cáo năm 2026, toàn quốc', 'VN', '/api/reports/summary?unit=VN&period=year&year=2026', 30],
      ['báo cáo năm 2025, TP Hồ Chí Minh (3 tỉnh cũ gộp)', '79', '/api/reports/summary?unit=79&period=year&year=2025', 30],
      ['báo cáo năm 2026, TP Huế', '46', '/api/reports/summary?unit=46&period=year&year=2026', 30],
      ['báo cáo quý III/2026, toàn quốc', 'VN', '/api/reports/summary?unit=VN&period=quarter&year=2026&quarter=3', 30],
      ['danh sách hội nghị sau một số liệu (trang đầu)', 'VN', '/api/reports/records?unit=VN&period=year&year=2026&kind=conferences', 30],
    ];
    for (const [label, reader, path] of cases) { await get(who[reader], path); await get(who[reader], path); }
    const measure = async (label: string, n: number, fn: () => Promise<number>) => {
      try {
        const t = await timed(n, fn);
        rows.push([label, n, percentile(t.ms, 50), percentile(t.ms, 95), `${(t.bytes / 1024).toFixed(1)} KB`]);
      } catch (err) {
        rows.push([label, n, '—', '—', `lỗi: ${(err as Error).message.slice(0, 80)}`]);
      }
    };
    for (const [label, reader, path, n] of cases) await measure(label, n, () => get(who[reader], path));
    for (const [label, reader, year] of [['xuất .docx năm 2025, toàn quốc', 'VN', 2025], ['xuất .docx năm 2025, TP Hồ Chí Minh', '79', 2025]] as const) {
      const org = await issuer(who[reader]);
      await measure(label, 10, () => get(who[reader], `/api/reports/summary.docx?unit=${reader}&period=year&year=${year}&issuer=${org}`));
    }
    await measure('xuất .xlsx năm 2025, toàn quốc (34 tỉnh)', 10, () => get(who.VN, '/api/reports/summary.xlsx?unit=VN&period=year&year=2025'));
  } finally { await s.stop(); }
});
table(`Báo cáo tổng kết — PostgreSQL, HTTP, một tiến trình (${counts})`, ['phép đo', 'số lần', 'p50 ms', 'p95 ms', 'kích thước'], rows);
