-- Report v1 at the centre: the cases counted by month of receipt, kept up to date by the case's own writes, so that
-- the national report reads tens of thousands of rows instead of every case of the period.
--
-- Each case adds 1 to one row of each table below. The rows are deltas: a case written again adds -1 under its old key
-- and 1 under its new one, in the same transaction, and nothing is ever updated in place (no lock is taken on a shared
-- row, so writers never wait on each other). A worker folds the deltas of a key into one row now and then; a reader
-- sums the rows of a key.
--
-- The dates a figure compares with E (the day the report is read at) are kept as the first day of their month, which
-- is exact for E the last day of a month; 'infinity' stands for a date not reached. For a case:
-- accepted_m   month of accepted_on                     accepted at E          accepted_m <= month(E)
-- resolved_m   month of resolved_on                     resolved at E          resolved_m <= month(E)
-- late         resolved after resolution_due_on        on time / overdue      with resolved_m
-- due_m        month of the day after the deadline      deadline before E      due_m <= month(E)
--              coalesce(resolution_due_on, due_on)
-- ended_m      month of least(resolved_on, closing day) still open after E     ended_m > month(E)
-- (report_month is shared by the roll-ups of other records.)
create function report_month(d date) returns date language sql immutable parallel safe
  return coalesce(d - (extract(day from d)::int - 1), 'infinity'::date);

-- Where and how far: the province label of the receiving unit's path ('' for the centre's own cases) and its depth.
create table cases_rollup_place (
  month date not null,
  depth smallint not null,
  province text not null,
  accepted_m date not null,
  resolved_m date not null,
  late boolean not null,
  due_m date not null,
  ended_m date not null,
  n integer not null
);
create index cases_rollup_place_month on cases_rollup_place (month);

-- How the cases came and what they are: channel, kind (as classified now), mass and over-level flags.
create table cases_rollup_channel (
  month date not null,
  channel text not null,
  kind text not null,
  n integer not null,
  mass integer not null,
  over_level integer not null
);
create index cases_rollup_channel_month on cases_rollup_channel (month);

-- The field of the cases raised directly (not by a conference or a supervision), for the most raised fields.
create table cases_rollup_field (
  month date not null,
  field_code text not null,
  n integer not null
);
create index cases_rollup_field_month on cases_rollup_field (month);

create function cases_rollup_place_add(c cases_case, sign integer) returns void language plpgsql as $$
begin
  insert into cases_rollup_place values (
    report_month(c.received_on), nlevel(c.receiving_unit_path),
    case when nlevel(c.receiving_unit_path) > 1 then subpath(c.receiving_unit_path, 1, 1)::text else '' end,
    report_month(c.accepted_on), report_month(c.resolved_on), coalesce(c.resolved_on > c.resolution_due_on, false),
    report_month(coalesce(c.resolution_due_on, c.due_on) + 1),
    report_month(least(c.resolved_on, (c.closed_at at time zone 'Asia/Ho_Chi_Minh')::date)),
    sign);
end $$;

create function cases_rollup_channel_add(c cases_case, sign integer) returns void language plpgsql as $$
begin
  insert into cases_rollup_channel values (report_month(c.received_on), c.channel, c.kind, sign,
    case when c.mass then sign else 0 end, case when c.over_level then sign else 0 end);
end $$;

create function cases_rollup_field_add(c cases_case, sign integer) returns void language plpgsql as $$
begin
  if c.origin_id is null then
    insert into cases_rollup_field values (report_month(c.received_on), c.field_code, sign);
  end if;
end $$;

create function cases_rollup() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform cases_rollup_place_add(new, 1);
    perform cases_rollup_channel_add(new, 1);
    perform cases_rollup_field_add(new, 1);
  elsif tg_op = 'DELETE' then
    perform cases_rollup_place_add(old, -1);
    perform cases_rollup_channel_add(old, -1);
    perform cases_rollup_field_add(old, -1);
  else
    if (old.received_on, old.receiving_unit_path, old.accepted_on, old.resolved_on, old.resolution_due_on, old.due_on, old.closed_at)
       is distinct from (new.received_on, new.receiving_unit_path, new.accepted_on, new.resolved_on, new.resolution_due_on, new.due_on, new.closed_at) then
      perform cases_rollup_place_add(old, -1);
      perform cases_rollup_place_add(new, 1);
    end if;
    if (old.received_on, old.channel, old.kind, old.mass, old.over_level) is distinct from (new.received_on, new.channel, new.kind, new.mass, new.over_level) then
      perform cases_rollup_channel_add(old, -1);
      perform cases_rollup_channel_add(new, 1);
    end if;
    if (old.received_on, old.field_code, old.origin_id) is distinct from (new.received_on, new.field_code, new.origin_id) then
      perform cases_rollup_field_add(old, -1);
      perform cases_rollup_field_add(new, 1);
    end if;
  end if;
  return null;
end $$;
create trigger cases_rollup after insert or update or delete on cases_case
  for each row execute function cases_rollup();

-- Cases already in the database, one row per key.
insert into cases_rollup_place
select report_month(received_on), nlevel(receiving_unit_path),
  case when nlevel(receiving_unit_path) > 1 then subpath(receiving_unit_path, 1, 1)::text else '' end,
  report_month(accepted_on), report_month(resolved_on), coalesce(resolved_on > resolution_due_on, false),
  report_month(coalesce(resolution_due_on, due_on) + 1),
  report_month(least(resolved_on, (closed_at at time zone 'Asia/Ho_Chi_Minh')::date)), count(*)
from cases_case group by 1, 2, 3, 4, 5, 6, 7, 8;
insert into cases_rollup_channel
select report_month(received_on), channel, kind, count(*), count(*) filter (where mass), count(*) filter (where over_level)
from cases_case group by 1, 2, 3;
insert into cases_rollup_field
select report_month(received_on), field_code, count(*) from cases_case where origin_id is null group by 1, 2;

-- Open cases by their running deadline: a report read in the middle of a month finds the cases whose deadline passed
-- earlier in that month here (the roll-up knows their deadline's month only). The columns the expression reads are
-- included too, so that the index alone answers.
create index cases_case_open_deadline on cases_case ((coalesce(resolution_due_on, due_on)))
  include (received_on, receiving_unit_path, resolved_on, closed_at, resolution_due_on, due_on)
  where resolved_on is null and closed_at is null;

analyze cases_case;
analyze cases_rollup_place;
analyze cases_rollup_channel;
analyze cases_rollup_field;
