-- Imports of past years' records (conferences, their recommendations, supervision visits) from the units' own
-- spreadsheets. One batch per file and unit; the same file is never imported twice for a unit while its batch stands.

create table imports_batch (
  id uuid primary key,
  -- The unit the file was imported into (a unit in force when it was imported); every row lies in its subtree.
  unit_code text not null,
  unit_path ltree not null,
  kind text not null check (kind in ('xlsx', 'csv')),
  filename text not null,
  checksum text not null check (checksum ~ '^[0-9a-f]{64}$'),   -- SHA-256 of the file's bytes
  size integer not null check (size >= 0),
  -- {"conferences": n, "recommendations": n, "visits": n, "supervisionRecommendations": n}
  counts jsonb not null,
  imported_by uuid,
  imported_by_name text not null,
  imported_at timestamptz not null default now(),
  -- An import may be undone while none of its records has changed: its records are deleted, the batch stays as history.
  undone_at timestamptz,
  undone_by_name text
);
create unique index imports_batch_checksum on imports_batch (unit_code, checksum) where undone_at is null;
create index imports_batch_unit on imports_batch using gist (unit_path);
create index imports_batch_at on imports_batch (imported_at desc);

-- The unit's own reference of an imported conference (mã hội nghị), unique among the references given by the unit
-- that imported it, so that later files may add recommendations to it and the same conference is not loaded twice.
alter table dialogue_conference add column external_ref text check (external_ref is null or length(external_ref) between 1 and 50);
alter table dialogue_conference add column external_unit_code text;
alter table dialogue_conference add check ((external_ref is null) = (external_unit_code is null));
create unique index dialogue_conference_external_ref on dialogue_conference (external_unit_code, external_ref) where external_ref is not null;
alter table dialogue_conference add foreign key (import_id) references imports_batch (id);

-- Recommendations carry their own batch: a later file may add recommendations to a conference imported earlier.
alter table dialogue_recommendation add column import_id uuid references imports_batch (id);
create index dialogue_recommendation_import on dialogue_recommendation (import_id) where import_id is not null;

alter table supervision_visit add foreign key (import_id) references imports_batch (id);
alter table supervision_recommendation add column import_id uuid references imports_batch (id);
create index supervision_recommendation_import on supervision_recommendation (import_id) where import_id is not null;
