-- Dialogue conferences (hội nghị tiếp xúc, đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân,
-- Quy định 23-QĐ/TW; Luật Thực hiện dân chủ ở cơ sở 2022): planned, held or not held, with the recommendations
-- residents raised. A recommendation not answered on the spot becomes a case (channel 'dialogue') and follows it.

create table dialogue_conference (
  id uuid primary key,
  -- The organising unit as it was in force on the conference date (a 2024 district or commune for older records).
  unit_code text not null,
  unit_path ltree not null,
  level text not null check (level in ('central', 'province', 'district', 'commune')),
  organisation_id uuid references organisations_organisation (id),   -- null only for imported past records
  organiser_name text not null,
  type text not null check (type in ('dinh_ky', 'dot_xuat')),
  form text not null default 'doi_thoai' check (form in ('tiep_xuc', 'doi_thoai')),
  topic text not null,
  held_on date not null,                  -- the planned date; the date it was held once recorded
  starts_at text check (starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  place text not null,
  -- Who chairs: [{"side":"cap_uy"|"chinh_quyen"|"mttq", "name":"…", "position":"…"}]
  chairs jsonb not null default '[]',
  -- Who is invited, as groups: [{"group":"mttq"|"doan_the"|"can_bo"|"tri_thuc"|"nguoi_dan"|"khac", "note":"…"}]
  invited jsonb not null default '[]',
  residents_unit_code text,              -- residents of which place are invited
  status text not null default 'planned' check (status in ('planned', 'held', 'not_held')),
  attendance integer check (attendance is null or attendance between 0 and 100000),
  not_held_reason text,
  published boolean not null default false,   -- on the portal calendar and results page
  reminded_at timestamptz,
  recorded_at timestamptz,
  source text not null default 'console' check (source in ('console', 'import')),
  import_id uuid,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status <> 'not_held' or not_held_reason is not null)
);
create index dialogue_conference_unit on dialogue_conference using gist (unit_path);
create index dialogue_conference_held on dialogue_conference (held_on, status) include (unit_code, level, type);
create index dialogue_conference_import on dialogue_conference (import_id) where import_id is not null;

-- One recommendation raised at a conference: who raised it is a group ("Cử tri thôn 3", "Hội Nông dân xã"),
-- never a person's profile.
create table dialogue_recommendation (
  id uuid primary key,
  conference_id uuid not null references dialogue_conference (id),
  seq integer not null,
  raised_by text not null,
  field_code text not null,
  place_unit_code text,
  content text not null,
  -- Answered on the spot, or followed as a case until it is resolved.
  answer text,
  answered_by text,
  status text not null check (status in ('answered', 'in_progress', 'resolved')),
  case_id uuid unique,
  due_on date,
  resolved_on date,
  -- Copied from the conference so the report reads one table.
  raised_on date not null,
  unit_path ltree not null,
  level text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (conference_id, seq),
  check (status <> 'answered' or answer is not null),
  check (status <> 'resolved' or resolved_on is not null)
);
create index dialogue_recommendation_raised on dialogue_recommendation (raised_on) include (level, status, resolved_on, field_code);
create index dialogue_recommendation_unit on dialogue_recommendation using gist (unit_path);
