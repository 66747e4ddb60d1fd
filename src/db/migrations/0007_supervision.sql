-- Supervision and social critique by the Fatherland Front and the organisations under it (giám sát, phản biện
-- xã hội: Quy định 124-QĐ/TW 2023; Nghị quyết liên tịch 403/2017). Recommendations of a supervision visit become
-- cases (channel 'supervision') addressed to the supervised organisation, whose answer is tracked.

-- A supervision programme (chương trình giám sát) of one organisation for a year.
create table supervision_programme (
  id uuid primary key,
  unit_code text not null,
  unit_path ltree not null,
  level text not null check (level in ('central', 'province', 'district', 'commune')),
  organisation_id uuid not null references organisations_organisation (id),
  year integer not null check (year between 2000 and 2100),
  title text not null,
  content text,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index supervision_programme_unit on supervision_programme using gist (unit_path);

-- One supervision (cuộc giám sát): who supervises whom, in which form, what it found.
create table supervision_visit (
  id uuid primary key,
  programme_id uuid references supervision_programme (id),
  unit_code text not null,
  unit_path ltree not null,
  level text not null check (level in ('central', 'province', 'district', 'commune')),
  organisation_id uuid references organisations_organisation (id),   -- the supervising organisation; null only for imports
  supervisor_name text not null,
  subject_organisation_id uuid references organisations_organisation (id),
  subject_name text not null,
  form text not null check (form in ('nghien_cuu_van_ban', 'doan_giam_sat', 'ban_ttnd', 'ban_gsdtccd', 'lay_y_kien')),
  topic text not null,
  started_on date not null,
  ended_on date,
  status text not null default 'planned' check (status in ('planned', 'done', 'cancelled')),
  findings text,
  source text not null default 'console' check (source in ('console', 'import')),
  import_id uuid,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ended_on is null or ended_on >= started_on)
);
create index supervision_visit_unit on supervision_visit using gist (unit_path);
create index supervision_visit_started on supervision_visit (started_on, status) include (unit_code, level, form);
create index supervision_visit_import on supervision_visit (import_id) where import_id is not null;

-- A recommendation of a supervision to the supervised organisation, followed as a case until it answers.
create table supervision_recommendation (
  id uuid primary key,
  visit_id uuid not null references supervision_visit (id),
  seq integer not null,
  field_code text not null,
  content text not null,
  status text not null check (status in ('in_progress', 'answered', 'resolved')),
  case_id uuid unique,
  due_on date,
  answer text,
  answered_on date,
  resolved_on date,
  raised_on date not null,
  unit_path ltree not null,
  level text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (visit_id, seq)
);
create index supervision_recommendation_raised on supervision_recommendation (raised_on) include (level, status, resolved_on);

-- Social critique (phản biện xã hội) of a draft by a drafting body.
create table critique_draft (
  id uuid primary key,
  unit_code text not null,
  unit_path ltree not null,
  level text not null check (level in ('central', 'province', 'district', 'commune')),
  organisation_id uuid not null references organisations_organisation (id),  -- the critiquing organisation (MTTQ…)
  title text not null,
  drafting_organisation_id uuid references organisations_organisation (id),
  drafting_body_name text not null,
  received_on date not null,
  summary text,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index critique_draft_unit on critique_draft using gist (unit_path);

create table critique_session (
  id uuid primary key,
  draft_id uuid not null references critique_draft (id),
  form text not null check (form in ('hoi_nghi', 'van_ban', 'doi_thoai')),
  held_on date not null,
  place text,
  participants integer check (participants is null or participants between 0 and 100000),
  unit_path ltree not null,
  level text not null,
  created_at timestamptz not null default now()
);
create index critique_session_held on critique_session (held_on) include (level, form);
create index critique_session_unit on critique_session using gist (unit_path);

-- One opinion of a critique and the drafting body's response to it (tiếp thu, giải trình).
create table critique_opinion (
  id uuid primary key,
  session_id uuid not null references critique_session (id),
  seq integer not null,
  content text not null,
  response text check (response in ('tiep_thu', 'tiep_thu_mot_phan', 'giai_trinh')),
  response_note text,
  responded_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (session_id, seq),
  check ((response is null) = (responded_on is null))
);
