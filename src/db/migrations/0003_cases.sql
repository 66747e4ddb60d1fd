-- The case core: cases and their append-only event log, fields, deadline rules, sealed denouncer identities,
-- unit keys, attachments, links, numbering, in-app notifications and durable job runs.

-- Fields (lĩnh vực): an editable list. `level` is the level of the usual competent first resolver.
create table cases_field (
  code text primary key,
  name text not null,
  name_key text not null,
  level text not null check (level in ('commune', 'province')),
  active boolean not null default true,
  sort integer not null default 100
);
insert into cases_field (code, name, name_key, level, sort) values
  ('dat_dai', 'Đất đai', 'dat dai', 'commune', 10),
  ('moi_truong', 'Môi trường', 'moi truong', 'commune', 20),
  ('xay_dung', 'Xây dựng, trật tự đô thị', 'xay dung, trat tu do thi', 'commune', 30),
  ('giao_thong', 'Giao thông', 'giao thong', 'commune', 40),
  ('chinh_sach_xa_hoi', 'Chính sách xã hội', 'chinh sach xa hoi', 'commune', 50),
  ('y_te', 'Y tế', 'y te', 'commune', 60),
  ('giao_duc', 'Giáo dục', 'giao duc', 'commune', 70),
  ('an_ninh_trat_tu', 'An ninh, trật tự', 'an ninh, trat tu', 'commune', 80),
  ('tu_phap_ho_tich', 'Tư pháp, hộ tịch', 'tu phap, ho tich', 'commune', 90),
  ('kinh_te_doanh_nghiep', 'Kinh tế, doanh nghiệp', 'kinh te, doanh nghiep', 'province', 100),
  ('can_bo_cong_chuc', 'Cán bộ, công chức', 'can bo, cong chuc', 'commune', 110),
  ('tham_nhung_tieu_cuc', 'Tham nhũng, tiêu cực', 'tham nhung, tieu cuc', 'province', 120),
  ('khac', 'Khác', 'khac', 'commune', 900);

-- Deadline rules: every number the workflows use, with its legal basis; administrators may change days and unit.
create table cases_deadline_rule (
  id text primary key,
  days integer not null check (days between 1 and 365),
  unit text not null check (unit in ('working', 'calendar')),
  basis text not null,
  updated_at timestamptz not null default now()
);
insert into cases_deadline_rule (id, days, unit, basis) values
  ('handling', 10, 'working', 'Xử lý đơn: 10 ngày làm việc kể từ ngày nhận đơn (Thông tư 05/2021/TT-TTCP)'),
  ('denunciation_intake', 7, 'working', 'Tiếp nhận, phân loại đơn tố cáo: 7 ngày làm việc (Luật Tố cáo 2018, Điều 24)'),
  ('denunciation_intake_complex', 10, 'working', 'Tố cáo phải xác minh ở nhiều nơi: 10 ngày làm việc (Luật Tố cáo 2018, Điều 24)'),
  ('complaint_r1', 30, 'calendar', 'Giải quyết khiếu nại lần đầu: 30 ngày kể từ ngày thụ lý (Luật Khiếu nại 2011, Điều 28)'),
  ('complaint_r1_complex', 45, 'calendar', 'Vụ việc phức tạp: 45 ngày (Luật Khiếu nại 2011, Điều 28)'),
  ('complaint_r1_remote', 45, 'calendar', 'Vùng sâu, vùng xa: 45 ngày (Luật Khiếu nại 2011, Điều 28)'),
  ('complaint_r1_remote_complex', 60, 'calendar', 'Vùng sâu, vùng xa, vụ việc phức tạp: 60 ngày (Luật Khiếu nại 2011, Điều 28)'),
  ('complaint_r2', 45, 'calendar', 'Giải quyết khiếu nại lần hai: 45 ngày kể từ ngày thụ lý (Luật Khiếu nại 2011, Điều 37)'),
  ('complaint_r2_complex', 60, 'calendar', 'Vụ việc phức tạp: 60 ngày (Luật Khiếu nại 2011, Điều 37)'),
  ('complaint_r2_remote', 60, 'calendar', 'Vùng sâu, vùng xa: 60 ngày (Luật Khiếu nại 2011, Điều 37)'),
  ('complaint_r2_remote_complex', 70, 'calendar', 'Vùng sâu, vùng xa, vụ việc phức tạp: 70 ngày (Luật Khiếu nại 2011, Điều 37)'),
  ('complaint_send_decision', 3, 'working', 'Gửi quyết định giải quyết khiếu nại: 3 ngày làm việc (Luật Khiếu nại 2011, Điều 32)'),
  ('denunciation', 30, 'calendar', 'Giải quyết tố cáo: không quá 30 ngày kể từ ngày thụ lý (Luật Tố cáo 2018, Điều 30)'),
  ('denunciation_extension', 30, 'calendar', 'Mỗi lần gia hạn giải quyết tố cáo: không quá 30 ngày, tối đa 2 lần (Luật Tố cáo 2018, Điều 30)'),
  ('recommendation', 15, 'working', 'Trả lời kiến nghị, phản ánh: thời hạn do đơn vị quy định (mặc định 15 ngày làm việc)');

-- Per-year case numbers of each receiving unit.
create table cases_counter (
  unit_code text not null,
  year integer not null,
  last integer not null,
  primary key (unit_code, year)
);

create table cases_case (
  id uuid primary key,
  number text not null,                 -- "125/2026", unique per receiving unit and year
  year integer not null,
  kind text not null check (kind in ('kien_nghi', 'phan_anh', 'khieu_nai', 'to_cao')),
  channel text not null,
  field_code text not null references cases_field (code),
  title text not null,
  content text not null,
  state text not null,                  -- projection of the event log, updated in the same transaction
  round integer not null default 1,
  complex boolean not null default false,
  remote boolean not null default false,
  place_unit_code text not null,
  place_address text,
  place_lat double precision,
  place_lng double precision,
  receiving_unit_code text not null,
  receiving_unit_path ltree not null,
  responsible_unit_code text not null,
  responsible_unit_path ltree not null,
  handler_id uuid,
  handler_name text,
  received_on date not null,
  due_on date,                          -- the deadline running now; null when nothing runs
  due_rule text,
  extensions integer not null default 0,
  mass boolean not null default false,
  head_count integer,
  representatives jsonb not null default '[]',
  over_level boolean not null default false,
  duplicate_of uuid,
  confidential boolean not null default false,
  -- The petitioner in clear, except for denunciations, whose identity is sealed in cases_identity.
  petitioner jsonb,
  petitioner_keys text[] not null default '{}',  -- keyed hashes of phone / ID number / email, to find the same person's cases
  outcome text,
  answer text,
  search_key text not null,             -- folded number, title and content; never identity
  search_provinces text[] not null default '{}',  -- provinces of the responsible and receiving units (trigger below)
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz,
  unique (receiving_unit_code, year, number)
);
create index cases_case_responsible on cases_case using gist (responsible_unit_path);
create index cases_case_receiving on cases_case using gist (receiving_unit_path);
create index cases_case_open_due on cases_case (due_on, id) where closed_at is null;
create index cases_case_updated on cases_case (updated_at desc, id);
create index cases_case_closed on cases_case (closed_at desc, id) where closed_at is not null;
-- Search narrows to the caller's provinces inside the index, so a common word in one province does not read the nation's rows.
create index cases_case_search on cases_case using gin (search_provinces, search_key gin_trgm_ops);
create function cases_case_provinces() returns trigger language plpgsql as $$
begin
  new.search_provinces := array(select distinct case when nlevel(p) > 1 then subpath(p, 1, 1)::text else 'VN' end
                                from unnest(array[new.responsible_unit_path, new.receiving_unit_path]) p);
  return new;
end $$;
create trigger cases_case_provinces before insert or update of responsible_unit_path, receiving_unit_path on cases_case
  for each row execute function cases_case_provinces();
create index cases_case_petitioner on cases_case using gin (petitioner_keys);
create index cases_case_handler on cases_case (handler_id) where closed_at is null;

-- The history of a case: append-only; the state is derived from it.
create table cases_event (
  id uuid primary key,
  case_id uuid not null references cases_case (id),
  seq integer not null,
  type text not null,
  state_after text not null,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_name text,
  reason text,
  data jsonb not null default '{}',
  unique (case_id, seq)
);
create function cases_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'cases_event is append-only';
end $$;
create trigger cases_event_no_update before update or delete on cases_event
  for each row execute function cases_event_append_only();
create trigger cases_event_no_truncate before truncate on cases_event
  for each statement execute function cases_event_append_only();

create table cases_link (
  case_id uuid not null references cases_case (id),
  other_id uuid not null references cases_case (id),
  kind text not null check (kind in ('duplicate', 'split_from', 'split_into', 'related', 'appeal_of', 'appealed_as')),
  created_at timestamptz not null default now(),
  primary key (case_id, other_id, kind)
);

-- Per-unit key pairs for sealing denouncer identities. The private key is wrapped with the server's master key.
create table cases_unit_key (
  id uuid primary key,
  unit_code text not null,
  public_key text not null,             -- X25519, SPKI PEM
  private_key_wrapped text not null,    -- PKCS#8 DER under AES-256-GCM with the master key, base64 JSON
  active boolean not null default true,
  created_at timestamptz not null default now(),
  retired_at timestamptz
);
create unique index cases_unit_key_active on cases_unit_key (unit_code) where active;

create table cases_identity (
  case_id uuid primary key references cases_case (id),
  key_id uuid not null references cases_unit_key (id),
  sealed text not null,                 -- base64 JSON envelope, see platform/seal.ts
  sealed_at timestamptz not null default now()
);

create table cases_attachment (
  id uuid primary key,
  case_id uuid not null references cases_case (id),
  name text not null,
  media_type text not null,             -- detected from the content
  size integer not null,
  sha256 text not null,
  identity boolean not null default false,  -- part of a denouncer's identity (handwriting): content sealed
  key_id uuid references cases_unit_key (id),
  content bytea not null,
  uploaded_by uuid,
  uploaded_at timestamptz not null default now()
);
create index cases_attachment_case on cases_attachment (case_id);

create table cases_notification (
  id uuid primary key,
  user_id uuid not null,
  case_id uuid references cases_case (id),
  kind text not null,
  title text not null,
  day date not null,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  unique (user_id, case_id, kind, day)
);
create index cases_notification_user on cases_notification (user_id, created_at desc);

-- Durable runs of scheduled jobs: one row per (job, period), so a period runs once across processes.
create table jobs_run (
  name text not null,
  run_key text not null,
  status text not null check (status in ('running', 'done', 'failed')),
  owner text not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  detail jsonb not null default '{}',
  primary key (name, run_key)
);
