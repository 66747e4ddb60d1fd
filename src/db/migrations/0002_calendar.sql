-- The working-day calendar: the government's yearly decisions on days off and day swaps, each with its source.
-- The statutory days off (Labour Code 2019, Art 112) are computed in code (src/platform/calendar.ts); this table
-- holds only what a decision changes: 'off' adds a day off, 'work' makes a day a working day (a swapped Saturday,
-- or a default day off that the decision placed elsewhere).
create table calendar_adjustment (
  id uuid primary key,
  day date not null unique,
  kind text not null check (kind in ('off', 'work')),
  name text not null,
  source text not null,            -- the decision or document it comes from (legal basis)
  created_at timestamptz not null default now(),
  created_by uuid references accounts_user (id)  -- null: entered by a migration
);

-- Tết Nguyên đán 2026 for officials is 14–22/02/2026 (congan.com.vn id=388656): exactly what the default rule gives
-- (29 tháng Chạp to mùng 4 tháng Giêng = Monday 16 to Friday 20 February, with the weekends either side). No row.

-- Tết Dương lịch 2026: Friday 2 January off, worked back on Saturday 10 January.
insert into calendar_adjustment (id, day, kind, name, source) values
  ('019b5000-0000-7000-8000-000000000001', '2026-01-02', 'off', 'Nghỉ Tết Dương lịch (hoán đổi với thứ Bảy 10/01/2026)',
   'Công văn số 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ: nghỉ Tết Dương lịch 2026 từ 01/01 đến 04/01, hoán đổi ngày làm việc thứ Sáu 02/01/2026 sang thứ Bảy 10/01/2026'),
  ('019b5000-0000-7000-8000-000000000002', '2026-01-10', 'work', 'Làm bù cho ngày thứ Sáu 02/01/2026',
   'Công văn số 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ: nghỉ Tết Dương lịch 2026 từ 01/01 đến 04/01, hoán đổi ngày làm việc thứ Sáu 02/01/2026 sang thứ Bảy 10/01/2026');
