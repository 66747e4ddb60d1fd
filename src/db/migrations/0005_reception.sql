-- Citizen reception (tiếp công dân, Luật Tiếp công dân 2013): the leaders' reception schedules with the legal minimum
-- frequency, residents' bookings of a slot, and the reception register (sổ tiếp công dân) whose visits may become cases.

-- The minimum frequency the law sets for a leader's periodic reception, with its legal basis (data, not code).
create table reception_frequency_rule (
  leader_kind text primary key check (leader_kind in ('commune_chair', 'province_chair', 'agency_head')),
  min_days integer not null check (min_days between 1 and 31),
  period text not null check (period in ('week', 'month')),
  basis text not null
);
insert into reception_frequency_rule (leader_kind, min_days, period, basis) values
  ('commune_chair', 1, 'week', 'Chủ tịch Ủy ban nhân dân cấp xã trực tiếp tiếp công dân ít nhất 01 ngày trong 01 tuần tại trụ sở Ủy ban nhân dân cấp xã (Luật Tiếp công dân 2013, Điều 15)'),
  ('province_chair', 1, 'month', 'Chủ tịch Ủy ban nhân dân cấp tỉnh trực tiếp tiếp công dân ít nhất 01 ngày trong 01 tháng (Luật Tiếp công dân 2013, Điều 12)'),
  ('agency_head', 1, 'month', 'Thủ trưởng cơ quan hành chính nhà nước trực tiếp tiếp công dân ít nhất 01 ngày trong 01 tháng (Luật Tiếp công dân 2013, Điều 18; Nghị định 64/2014/NĐ-CP, Điều 4)');

-- A leader's periodic reception (tiếp công dân định kỳ): who, where, when, and how many people per slot.
create table reception_schedule (
  id uuid primary key,
  unit_code text not null,
  unit_path ltree not null,
  organisation_id uuid not null references organisations_organisation (id),
  leader_name text not null,
  leader_title text not null,
  leader_kind text not null check (leader_kind in ('commune_chair', 'province_chair', 'agency_head', 'other')),
  place text not null,
  -- {"kind":"weekly","weekdays":[2,4]} | {"kind":"monthly_day","day":15} | {"kind":"monthly_nth","nth":3,"weekday":5}
  recurrence jsonb not null,
  start_time text not null check (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  end_time text not null check (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  slot_minutes integer not null check (slot_minutes between 5 and 480),
  capacity integer not null check (capacity between 1 and 100),
  valid_from date not null,
  valid_to date,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (start_time < end_time),
  check (valid_to is null or valid_to >= valid_from)
);
create index reception_schedule_unit on reception_schedule using gist (unit_path);
create index reception_schedule_unit_code on reception_schedule (unit_code) where active;

-- A resident's booking of one slot. `seat` numbers the places of a slot: unique per slot, so two bookings racing for
-- the last place cannot both be written even if the schedule lock were bypassed.
create table reception_booking (
  id uuid primary key,
  code text not null unique,
  schedule_id uuid not null references reception_schedule (id),
  unit_code text not null,
  unit_path ltree not null,
  slot_start timestamptz not null,
  slot_end timestamptz not null,
  seat integer not null check (seat >= 1),
  name text not null,
  phone text not null,
  subject text not null,
  device_id text,
  ip text,
  status text not null default 'booked' check (status in ('booked', 'attended', 'no_show')),
  visit_id uuid,
  marked_at timestamptz,
  marked_by uuid,
  created_at timestamptz not null default now(),
  unique (schedule_id, slot_start, seat)
);
create index reception_booking_day on reception_booking (unit_code, slot_start);

-- Register numbers (số thứ tự) per unit and year.
create table reception_counter (
  unit_code text not null,
  year integer not null,
  last integer not null,
  primary key (unit_code, year)
);

-- One entry of the reception register (sổ tiếp công dân; fields of the form of Thông tư 04/2021/TT-TTCP).
create table reception_visit (
  id uuid primary key,
  unit_code text not null,
  unit_path ltree not null,
  number integer not null,
  year integer not null,
  visit_on date not null,
  reception_type text not null check (reception_type in ('regular', 'periodic', 'adhoc')),
  official_name text not null,
  leader_name text,
  citizen_name text not null,
  citizen_address text,
  citizen_id_number text,
  citizen_phone text,
  head_count integer not null default 1 check (head_count between 1 and 10000),
  representatives jsonb not null default '[]',
  content text not null,
  classification text check (classification in ('kien_nghi', 'phan_anh', 'khieu_nai', 'to_cao')),
  field_code text,
  documents text,
  handling text check (handling in ('guided', 'transferred', 'accepted', 'answered', 'refused')),
  result text,
  notes text,
  refusal_ground text check (refusal_ground in ('incapacitated', 'disorderly', 'already_resolved', 'other_legal')),
  refusal_reason text,
  refusal_notice text,
  booking_id uuid unique references reception_booking (id),
  case_id uuid unique,
  case_number text,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (unit_code, year, number),
  check ((handling = 'refused') = (refusal_ground is not null))
);
create index reception_visit_day on reception_visit (unit_code, visit_on);
