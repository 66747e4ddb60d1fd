-- Report v1 at the centre: the recommendations raised at dialogue conferences, counted by month and province (the
-- same delta-row roll-up as the cases', migration 0012), so that the national report does not read each of them.
--
-- resolved_m   month of resolved_on                 resolved at E         status 'resolved' and resolved_m <= month(E)
-- due_m        month of the day after due_on         due before E          due_m <= month(E)
-- ('infinity' for a date not set.)
create table dialogue_rollup_recommendation (
  month date not null,
  province text not null,
  status text not null,
  resolved_m date not null,
  due_m date not null,
  n integer not null
);
create index dialogue_rollup_recommendation_month on dialogue_rollup_recommendation (month);

create table dialogue_rollup_field (
  month date not null,
  field_code text not null,
  n integer not null
);
create index dialogue_rollup_field_month on dialogue_rollup_field (month);

create function dialogue_rollup_add(r dialogue_recommendation, sign integer) returns void language plpgsql as $$
begin
  insert into dialogue_rollup_recommendation values (report_month(r.raised_on),
    case when nlevel(r.unit_path) > 1 then subpath(r.unit_path, 1, 1)::text else '' end,
    r.status, report_month(r.resolved_on), report_month(r.due_on + 1), sign);
  insert into dialogue_rollup_field values (report_month(r.raised_on), r.field_code, sign);
end $$;

create function dialogue_rollup() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then perform dialogue_rollup_add(old, -1); end if;
  if tg_op in ('UPDATE', 'INSERT') then perform dialogue_rollup_add(new, 1); end if;
  return null;
end $$;
create trigger dialogue_rollup after insert or delete on dialogue_recommendation
  for each row execute function dialogue_rollup();
create trigger dialogue_rollup_update after update on dialogue_recommendation
  for each row when ((old.raised_on, old.unit_path, old.status, old.resolved_on, old.due_on, old.field_code)
                     is distinct from (new.raised_on, new.unit_path, new.status, new.resolved_on, new.due_on, new.field_code))
  execute function dialogue_rollup();

insert into dialogue_rollup_recommendation
select report_month(raised_on), case when nlevel(unit_path) > 1 then subpath(unit_path, 1, 1)::text else '' end,
  status, report_month(resolved_on), report_month(due_on + 1), count(*)
from dialogue_recommendation group by 1, 2, 3, 4, 5;
insert into dialogue_rollup_field
select report_month(raised_on), field_code, count(*) from dialogue_recommendation group by 1, 2;

-- Recommendations in progress by due day: a report read in the middle of a month finds those that fell due earlier in
-- that month here.
create index dialogue_recommendation_open_due on dialogue_recommendation (due_on) include (raised_on, unit_path)
  where status = 'in_progress';

analyze dialogue_recommendation;
analyze dialogue_rollup_recommendation;
analyze dialogue_rollup_field;
