-- Foundation: administrative units, organisations, officials' accounts and sessions, the audit log.
create extension if not exists ltree;
create extension if not exists pg_trgm;

-- Administrative units. A code may have several versions over time (renamed, re-typed, or a
-- pre-reform code reused); each version has its validity and its place in the tree as an ltree path.
create table units_unit (
  id uuid primary key,
  code text not null,
  valid_from date not null,
  valid_to date,
  name text not null,
  short_name text not null,
  type text not null,
  level text not null check (level in ('central', 'province', 'district', 'commune')),
  parent_code text,
  path ltree not null,
  search_key text not null,        -- full name folded: no diacritics, lower case ("phuong ba dinh")
  short_key text not null,         -- short name folded ("ba dinh")
  remote_area boolean not null default false, -- vùng sâu, vùng xa (feeds complaint deadlines)
  source text not null,            -- the list or legal document this version comes from
  unique (code, valid_from),
  check (valid_to is null or valid_to >= valid_from)
);
create index units_unit_path_gist on units_unit using gist (path);
create index units_unit_parent on units_unit (parent_code, valid_from);
create index units_unit_code on units_unit (code, valid_from desc);
create index units_unit_short_key on units_unit (short_key);
create index units_unit_search_trgm on units_unit using gin (search_key gin_trgm_ops);

-- Which steps of the official lists have been loaded (each runs once, in one transaction).
create table units_import (
  step text primary key,
  checksum text not null,
  rows integer not null,
  imported_at timestamptz not null default now()
);

-- Organisations inside a unit (party committee, People's Committee, Front, mass organisations...).
create table organisations_organisation (
  id uuid primary key,
  unit_code text not null,
  unit_path ltree not null,        -- the unit's place in the tree, for scope checks in one predicate
  parent_id uuid references organisations_organisation (id),
  kind text not null,
  name text not null,
  name_key text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deactivated_at timestamptz
);
create index organisations_unit_path on organisations_organisation using gist (unit_path);
create index organisations_unit_code on organisations_organisation (unit_code);
create index organisations_parent on organisations_organisation (parent_id);
create unique index organisations_unique_name on organisations_organisation (unit_code, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name_key) where active;

-- Officials' accounts. Never deleted: deactivated.
create table accounts_user (
  id uuid primary key,
  username text not null unique,   -- stored lower case
  full_name text not null,
  email text,
  password_hash text not null,
  must_change_password boolean not null default false,
  home_unit_code text not null,
  home_unit_path ltree not null,   -- the unit whose administrators manage this account
  active boolean not null default true,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index accounts_user_home_path on accounts_user using gist (home_unit_path);

create table accounts_membership (
  id uuid primary key,
  user_id uuid not null references accounts_user (id),
  organisation_id uuid not null references organisations_organisation (id),
  role text not null,
  created_at timestamptz not null default now(),
  unique (user_id, organisation_id, role)
);
create index accounts_membership_org on accounts_membership (organisation_id);

-- Sessions live in the database so that several app processes can share them.
create table accounts_session (
  token_hash text primary key,     -- SHA-256 of the cookie value; the value itself is never stored
  user_id uuid not null references accounts_user (id),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index accounts_session_user on accounts_session (user_id);
create index accounts_session_expiry on accounts_session (expires_at);

-- Append-only audit log of security-relevant actions.
create table audit_event (
  id uuid primary key,             -- UUIDv7: ordered by time
  at timestamptz not null default now(),
  action text not null,
  outcome text not null check (outcome in ('success', 'failure', 'denied')),
  actor_id uuid,
  actor_name text,
  unit_code text,
  unit_path ltree not null,        -- who may read it: auditors and administrators whose scope covers it
  target_type text,
  target_id text,
  ip text,
  detail jsonb not null default '{}'::jsonb
);
create index audit_event_path on audit_event using gist (unit_path);
create index audit_event_at on audit_event (at desc, id desc);
create index audit_event_action on audit_event (action, at desc);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_append_only();
