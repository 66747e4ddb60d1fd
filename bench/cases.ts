// The case core under load, through HTTP against the real server: search p50/p95, a provincial leader's inbox first page,
// and case creation throughput at concurrency 8 and 32 beside the same inserts from a plain SQL client in the same run.
// Data: realistic Vietnamese cases spread over the 3,321 communes and 34 provinces, generated in SQL.
//   BENCH_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres node bench/cases.ts [cases=1000000]
//   node bench/cases.ts --embedded [cases=20000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { percentile, startServer, table, withScratchDatabase } from './lib.ts';
import { loadConfig } from '../src/config.ts';
import { boot } from '../src/boot.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { foldKey } from '../src/platform/text.ts';
import { ensureOrganisation } from '../src/modules/organisations/index.ts';
import { createSystemAccount } from '../src/modules/accounts/index.ts';
import type { Role } from '../src/platform/access.ts';
import { ensureKeys } from '../src/modules/cases/cases.admin.ts';

const embedded = process.argv.includes('--embedded');
const count = Number(process.argv.filter((a) => !a.startsWith('--'))[2] ?? (embedded ? 20_000 : 1_000_000));
const PASSWORD = 'bench-mat-khau-1';
const MASTER = Buffer.alloc(32, 7).toString('base64');

// What residents write about, by field: a subject and a few details, combined at random.
const SUBJECTS: [string, string][] = [
  ['dat_dai', 'Tranh chấp ranh giới thửa đất với hộ liền kề'], ['dat_dai', 'Chậm cấp giấy chứng nhận quyền sử dụng đất'],
  ['dat_dai', 'Khiếu nại mức bồi thường khi thu hồi đất làm đường'], ['moi_truong', 'Ô nhiễm tiếng ồn từ xưởng gỗ ban đêm'],
  ['moi_truong', 'Rác thải tập kết bừa bãi gây mùi hôi'], ['moi_truong', 'Nước thải chăn nuôi chảy ra kênh thủy lợi'],
  ['xay_dung', 'Xây dựng nhà không phép lấn chiếm hành lang'], ['xay_dung', 'Công trình thi công gây nứt tường nhà dân'],
  ['giao_thong', 'Đường liên thôn xuống cấp, nhiều ổ gà'], ['giao_thong', 'Đèn chiếu sáng công cộng hư hỏng kéo dài'],
  ['chinh_sach_xa_hoi', 'Chưa nhận trợ cấp người cao tuổi'], ['chinh_sach_xa_hoi', 'Xét hộ nghèo chưa công khai, minh bạch'],
  ['y_te', 'Trạm y tế thiếu thuốc điều trị bệnh mạn tính'], ['giao_duc', 'Thu các khoản ngoài quy định đầu năm học'],
  ['an_ninh_trat_tu', 'Tụ tập đua xe gây mất trật tự'], ['tu_phap_ho_tich', 'Chậm giải quyết đăng ký khai sinh'],
  ['can_bo_cong_chuc', 'Cán bộ tiếp dân có thái độ chưa đúng mực'], ['tham_nhung_tieu_cuc', 'Cán bộ địa chính gợi ý nhận tiền khi làm thủ tục'],
  ['kinh_te_doanh_nghiep', 'Doanh nghiệp nợ lương công nhân nhiều tháng'], ['khac', 'Đề nghị bố trí điểm sinh hoạt cộng đồng'],
];
const DETAILS = [
  'Sự việc kéo dài nhiều tháng, người dân đã phản ánh tại họp tổ dân phố nhưng chưa được giải quyết.',
  'Đề nghị chính quyền kiểm tra, xử lý dứt điểm và trả lời bằng văn bản.',
  'Gia đình tôi có đầy đủ giấy tờ chứng minh, kính đề nghị xem xét.',
  'Nhiều hộ dân cùng ký tên đề nghị, ảnh hiện trường gửi kèm.',
  'Việc này ảnh hưởng đến sinh hoạt và sức khỏe của bà con trong xóm.',
];
const KINDS = ['kien_nghi', 'phan_anh', 'phan_anh', 'kien_nghi', 'khieu_nai', 'to_cao'];
const STATES_OPEN = ['received', 'accepted', 'accepted', 'verified'];
const STATES_DONE = ['answered', 'closed', 'closed', 'filed', 'guided', 'transferred'];

const lit = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;

/** Generates `n` cases (and their 'received' event) in SQL: fast, and the same on PGlite and PostgreSQL. */
async function generate(run: (q: string) => Promise<unknown>, n: number): Promise<void> {
  const titles = SUBJECTS.map((s) => s[1]);
  const fields = SUBJECTS.map((s) => s[0]);
  const folded = titles.map(foldKey);
  const details = DETAILS;
  const foldedDetails = DETAILS.map(foldKey);
  await run(`create temporary table bench_units as
    select row_number() over (order by code) as i, code, path from units_unit where valid_to is null and level in ('commune', 'province')`);
  const batch = 100_000;
  for (let from = 1; from <= n; from += batch) {
    const to = Math.min(n, from + batch - 1);
    await run(`
      with g as (
        select s, (select count(*) from bench_units) as nu,
          1 + (hashint4(s) & 2147483647) % ${titles.length} as t,
          1 + (hashint4(s + 7) & 2147483647) % ${details.length} as d,
          1 + (hashint4(s + 13) & 2147483647) % ${KINDS.length} as k,
          (hashint4(s + 17) & 2147483647) % 100 as r,
          date '2026-11-23' - ((hashint4(s + 19) & 2147483647) % 400) as received
        from generate_series(${from}, ${to}) s
      ), u as (
        select g.*, b.code, b.path from g join bench_units b on b.i = 1 + (hashint4(g.s + 23) & 2147483647) % g.nu
      )
      insert into cases_case (id, number, year, kind, channel, field_code, title, content, state, place_unit_code,
        receiving_unit_code, receiving_unit_path, responsible_unit_code, responsible_unit_path, received_on, due_on, due_rule,
        confidential, petitioner_keys, search_key, created_at, updated_at, closed_at)
      select md5('case' || s)::uuid, 'B' || s || '/' || extract(year from received)::int, extract(year from received)::int,
        (${lit(KINDS)})[k], (array['reception','mail','hotline','portal','transfer'])[1 + r % 5], (${lit(fields)})[t],
        (${lit(titles)})[t], (${lit(titles)})[t] || '. ' || (${lit(details)})[d],
        case when r < 45 then (${lit(STATES_OPEN)})[1 + r % 4] else (${lit(STATES_DONE)})[1 + r % 6] end,
        code, code, path, code, path, received,
        case when r < 45 then received + 10 + r % 40 end, case when r < 45 then 'handling' end,
        (${lit(KINDS)})[k] = 'to_cao', array['p' || (hashint4(s + 29) & 1048575)],
        lower('b' || s || '/' || extract(year from received)::int || ' ' || (${lit(folded)})[t] || ' ' || (${lit(folded)})[t] || '. ' || (${lit(foldedDetails)})[d]),
        received::timestamptz, received::timestamptz, case when r >= 45 then received::timestamptz + interval '20 days' end
      from u`);
    await run(`insert into cases_event (id, case_id, seq, type, state_after, at, data)
      select md5('event' || s)::uuid, md5('case' || s)::uuid, 1, 'received', 'received', now(), '{}'::jsonb from generate_series(${from}, ${to}) s`);
    process.stderr.write(`  ${to.toLocaleString('vi-VN')} vụ việc\n`);
  }
  await run('analyze cases_case');
  await run('analyze cases_event');
}

async function official(database: Database, role: Role, unitCode: string, username: string) {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const ctx = { database, config };
  const organisation = await ensureOrganisation(ctx, { unitCode, kind: 'ubnd', name: `Cơ quan đo ${unitCode}` });
  const r = await createSystemAccount(ctx, { username, fullName: `Cán bộ đo ${role}`, password: PASSWORD, memberships: [{ organisation, role }] });
  if (!r.ok && r.reason !== 'username_taken') throw new Error(r.reason);
}

async function signIn(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('cn_session='))!;
}

async function timed(n: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  const t: number[] = [];
  for (let i = 0; i < n; i++) { const s = performance.now(); await fn(i); t.push(performance.now() - s); }
  return t.sort((a, b) => a - b);
}

async function concurrently(n: number, conc: number, fn: (i: number) => Promise<void>): Promise<{ perSec: number; lat: number[] }> {
  let next = 0;
  const lat: number[] = [];
  const t0 = performance.now();
  await Promise.all(Array.from({ length: conc }, async () => {
    for (let i = next++; i < n; i = next++) { const s = performance.now(); await fn(i); lat.push(performance.now() - s); }
  }));
  return { perSec: n / ((performance.now() - t0) / 1000), lat: lat.sort((a, b) => a - b) };
}

const QUERIES = ['o nhiem tieng on', 'Tranh chấp ranh giới', 'giay chung nhan', 'rác thải', 'nợ lương', 'đèn chiếu sáng', 'tro cap nguoi cao tuoi', 'xây dựng nhà không phép', 'dua xe', 'khai sinh'];

async function measure(label: string, url: string, cookies: { province: string; centre: string; handler: string }, rows: (string | number)[][], writes: number) {
  const get = async (cookie: string, path: string) => {
    const r = await fetch(`${url}${path}`, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    await r.arrayBuffer();
  };
  for (let i = 0; i < 20; i++) await get(cookies.province, `/api/cases?q=${encodeURIComponent(QUERIES[i % QUERIES.length])}`);
  const searchP = await timed(300, (i) => get(cookies.province, `/api/cases?q=${encodeURIComponent(QUERIES[i % QUERIES.length])}&limit=20`));
  rows.push([label, 'tìm kiếm, phạm vi tỉnh (q=…, 20 dòng)', searchP.length, percentile(searchP, 50), percentile(searchP, 95), '']);
  const searchC = await timed(300, (i) => get(cookies.centre, `/api/cases?q=${encodeURIComponent(QUERIES[i % QUERIES.length])}&limit=20`));
  rows.push([label, 'tìm kiếm, phạm vi toàn quốc', searchC.length, percentile(searchC, 50), percentile(searchC, 95), '']);
  const inbox = await timed(300, () => get(cookies.province, '/api/cases?open=true&limit=50'));
  rows.push([label, 'hộp việc lãnh đạo tỉnh, trang đầu (50)', inbox.length, percentile(inbox, 50), percentile(inbox, 95), '']);
  const overdue = await timed(200, () => get(cookies.province, '/api/cases?due=overdue&limit=50'));
  rows.push([label, 'hộp việc tỉnh, lọc quá hạn', overdue.length, percentile(overdue, 50), percentile(overdue, 95), '']);

  const body = (i: number) => JSON.stringify({
    kind: i % 5 === 0 ? 'to_cao' : 'phan_anh', channel: 'hotline', fieldCode: 'moi_truong', title: `Phản ánh đo tải số ${i}`,
    content: 'Khói bụi từ lò gạch gây ảnh hưởng sức khỏe người dân trong khu vực, đề nghị kiểm tra.',
    place: { unitCode: '19753' }, petitioner: { name: 'Người dân đo tải', address: 'Phú Xuân, Huế', phone: '0905000111' },
  });
  for (const conc of [8, 32]) {
    const r = await concurrently(writes, conc, async (i) => {
      const res = await fetch(`${url}/api/cases`, { method: 'POST', headers: { cookie: cookies.handler, 'content-type': 'application/json' }, body: body(i + conc * 100_000) });
      if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    });
    rows.push([label, `tạo vụ việc qua HTTP, đồng thời ${conc}`, writes, percentile(r.lat, 50), percentile(r.lat, 99), Math.round(r.perSec)]);
  }
}

/** The same writes a case creation makes (counter, case row, event) from a plain SQL client, for comparison. */
async function plainInserts(connectionString: string, rows: (string | number)[][], writes: number) {
  for (const conc of [8, 32]) {
    const pool = new pg.Pool({ connectionString, max: conc });
    const r = await concurrently(writes, conc, async (i) => {
      const c = await pool.connect();
      try {
        await c.query('begin');
        const { rows: [n] } = await c.query(`insert into cases_counter (unit_code, year, last) values ('19753', 2026, 1)
          on conflict (unit_code, year) do update set last = cases_counter.last + 1 returning last`);
        const id = crypto.randomUUID();
        await c.query(`insert into cases_case (id, number, year, kind, channel, field_code, title, content, state, place_unit_code,
            receiving_unit_code, receiving_unit_path, responsible_unit_code, responsible_unit_path, received_on, due_on, due_rule, petitioner, petitioner_keys, search_key)
          values ($1, $2, 2026, 'phan_anh', 'hotline', 'moi_truong', $3, $4, 'received', '19753', '19753', 'VN.46.19753', '19753', 'VN.46.19753',
            current_date, current_date + 14, 'handling', $5, array['k'], $6)`,
        [id, `S${n.last}/2026`, `Phản ánh SQL ${i}`, 'Khói bụi từ lò gạch gây ảnh hưởng sức khỏe người dân.', JSON.stringify({ name: 'Người dân' }), foldKey(`phan anh sql ${i}`)]);
        await c.query(`insert into cases_event (id, case_id, seq, type, state_after, data) values ($1, $2, 1, 'received', 'received', '{}')`, [crypto.randomUUID(), id]);
        await c.query('commit');
      } finally { c.release(); }
    });
    rows.push(['PostgreSQL', `cùng các lệnh ghi bằng pg thuần, đồng thời ${conc}`, writes, percentile(r.lat, 50), percentile(r.lat, 99), Math.round(r.perSec)]);
    await pool.end();
  }
}

const rows: (string | number)[][] = [];
const header = ['CSDL', 'phép đo', 'số lần', 'p50 ms', 'p95/p99 ms', 'vụ việc/giây'];

if (embedded) {
  const dir = mkdtempSync(join(tmpdir(), 'caunoi-bench-cases-'));
  try {
    const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: '', DEMO_DATA: 'false', LOG_LEVEL: 'silent' });
    const t0 = performance.now();
    const { database } = await boot(config);
    await generate((q) => database.db.execute(sql.raw(q)), count);
    await official(database, 'leader', '46', 'do.lanhdao.tinh');
    await official(database, 'leader', 'VN', 'do.lanhdao.tw');
    await official(database, 'handler', '19753', 'do.xuly');
    await database.close();
    console.error(`  dữ liệu: ${count.toLocaleString('vi-VN')} vụ việc trong ${((performance.now() - t0) / 1000).toFixed(0)} giây`);
    const s = await startServer({ DATA_DIR: dir, DATABASE_URL: '', DEMO_DATA: 'false', JOBS: 'false', COOKIE_SECURE: 'false', LOGIN_RATE_PER_MINUTE: '1000' }, 3394);
    try {
      const cookies = { province: await signIn(s.url, 'do.lanhdao.tinh'), centre: await signIn(s.url, 'do.lanhdao.tw'), handler: await signIn(s.url, 'do.xuly') };
      await measure(`PGlite, ${count.toLocaleString('vi-VN')} vụ việc`, s.url, cookies, rows, 500);
    } finally { await s.stop(); }
  } finally { rmSync(dir, { recursive: true, force: true }); }
} else {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) throw new Error('set BENCH_DATABASE_URL (or pass --embedded)');
  await withScratchDatabase(serverUrl, 'caunoi_bench_cases', async (target) => {
    const config = loadConfig({ DATABASE_URL: target, DEMO_DATA: 'false', LOG_LEVEL: 'silent', SEAL_MASTER_KEY: MASTER });
    const t0 = performance.now();
    const { database } = await boot(config);
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    await generate((q) => client.query(q), count);
    await client.end();
    await official(database, 'leader', '46', 'do.lanhdao.tinh');
    await official(database, 'leader', 'VN', 'do.lanhdao.tw');
    await official(database, 'handler', '19753', 'do.xuly');
    // A server install makes its sealing keys by an administrator's hand: here, for the commune the write test uses.
    await ensureKeys({ database, config }, [{ code: '19753', path: 'VN.46.19753' }]);
    await database.close();
    console.error(`  dữ liệu: ${count.toLocaleString('vi-VN')} vụ việc trong ${((performance.now() - t0) / 1000).toFixed(0)} giây`);
    const s = await startServer({ DATABASE_URL: target, JOBS: 'false', COOKIE_SECURE: 'false', LOGIN_RATE_PER_MINUTE: '1000', SEAL_MASTER_KEY: MASTER }, 3395);
    try {
      const cookies = { province: await signIn(s.url, 'do.lanhdao.tinh'), centre: await signIn(s.url, 'do.lanhdao.tw'), handler: await signIn(s.url, 'do.xuly') };
      await measure(`PostgreSQL, ${count.toLocaleString('vi-VN')} vụ việc`, s.url, cookies, rows, 2000);
      await plainInserts(target, rows, 2000);
    } finally { await s.stop(); }
  });
}
table(`Vụ việc — ${embedded ? 'cơ sở dữ liệu nhúng' : 'PostgreSQL'} (HTTP, một tiến trình; p95 cho phép đọc, p99 cho phép ghi)`, header, rows);
