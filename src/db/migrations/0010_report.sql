-- Report v1 ("tổng kết"): the days a case was accepted and resolved, and the deadline it was resolved against, kept on
-- the case so that the roll-up reads one row per case; indexes that hold everything the roll-up counts, by date.
--
-- accepted_on        the day the case was first accepted for settlement (thụ lý), event 'accepted'.
-- resolved_on        the day it reached its result: the decision or conclusion for a complaint or denunciation
--                    (event 'decided', its decision date), the answer for a recommendation or reflection (event
--                    'answered'); cleared when an appeal or a reopening puts it back in work.
-- resolution_due_on  the deadline running just before that result (the resolution deadline, extensions included).
alter table cases_case add column accepted_on date;
alter table cases_case add column resolved_on date;
alter table cases_case add column resolution_due_on date;

create function cases_case_report_dates() returns trigger language plpgsql as $$
declare
  today date := (now() at time zone 'Asia/Ho_Chi_Minh')::date;
begin
  if tg_op = 'INSERT' then
    -- A row written already past a step (past years brought in, generated data): the dates its state implies.
    if new.accepted_on is null and new.state in ('accepted', 'verified', 'decided', 'answered', 'closed') then
      new.accepted_on := new.received_on;
    end if;
    if new.resolved_on is null and new.state in ('decided', 'answered', 'closed') then
      new.resolved_on := coalesce(new.answered_on, (new.closed_at at time zone 'Asia/Ho_Chi_Minh')::date, new.received_on);
      new.resolution_due_on := coalesce(new.resolution_due_on, new.due_on);
    end if;
    return new;
  end if;
  if new.state is distinct from old.state then
    if new.state = 'accepted' and new.accepted_on is null then
      new.accepted_on := today;
    end if;
    if new.state in ('decided', 'answered') and old.state not in ('decided', 'answered', 'closed') then
      new.resolved_on := coalesce(new.answered_on, today);
      new.resolution_due_on := old.due_on;
    elsif new.state in ('received', 'accepted') and old.state in ('decided', 'answered', 'closed') then
      new.resolved_on := null;
      new.resolution_due_on := null;
    end if;
  end if;
  return new;
end $$;
create trigger cases_case_report_dates before insert or update of state on cases_case
  for each row execute function cases_case_report_dates();

-- A decision counts on the day it was signed, which the official may give as an earlier day than the one it is recorded.
create function cases_event_report_dates() returns trigger language plpgsql as $$
begin
  if new.data ? 'decidedOn' then
    update cases_case set resolved_on = (new.data->>'decidedOn')::date where id = new.case_id and resolved_on is not null;
  end if;
  return null;
end $$;
create trigger cases_event_report_dates after insert on cases_event
  for each row when (new.type = 'decided') execute function cases_event_report_dates();

-- Cases already in the database: the same dates, read from their event log.
update cases_case c set accepted_on = e.day
from (select case_id, min((at at time zone 'Asia/Ho_Chi_Minh')::date) as day from cases_event where type = 'accepted' group by case_id) e
where e.case_id = c.id;

with r as (
  select distinct on (e.case_id) e.case_id, e.seq, e.type, e.data, e.at
  from cases_event e join cases_case c on c.id = e.case_id
  where c.state in ('decided', 'answered', 'closed')
    and ((e.type = 'decided' and c.kind in ('khieu_nai', 'to_cao')) or (e.type = 'answered' and c.kind in ('kien_nghi', 'phan_anh')))
  order by e.case_id, e.seq desc
)
update cases_case c set
  resolved_on = case when r.type = 'decided' and r.data ? 'decidedOn' then (r.data->>'decidedOn')::date
                     else coalesce(c.answered_on, (r.at at time zone 'Asia/Ho_Chi_Minh')::date) end,
  resolution_due_on = (select (p.data->>'dueOn')::date from cases_event p
                       where p.case_id = r.case_id and p.seq < r.seq and p.type <> 'received' and p.data ? 'dueOn'
                       order by p.seq desc limit 1)
from r where r.case_id = c.id;

-- The roll-up reads a period's records by date; everything it counts is in these indexes, so it reads no table row
-- (an index-only scan, once the rows are visible to all). The national report reads the date range; a province's, a
-- district's or a commune's leads with the province part of the path (subpath … least(nlevel, 2): 'VN' for the centre's
-- own records), so it reads a few ranges of its provinces' rows only.
create index cases_case_report on cases_case (received_on) include (
  receiving_unit_path, channel, kind, field_code, accepted_on, resolved_on, resolution_due_on, due_on, closed_at, mass, over_level, origin_id);
create index cases_case_report_province on cases_case ((subpath(receiving_unit_path, 0, least(nlevel(receiving_unit_path), 2))), received_on) include (
  receiving_unit_path, channel, kind, field_code, accepted_on, resolved_on, resolution_due_on, due_on, closed_at, mass, over_level, origin_id);
create index dialogue_conference_report on dialogue_conference (held_on) include (unit_path, unit_code, status, type, attendance);
create index dialogue_conference_report_province on dialogue_conference ((subpath(unit_path, 0, least(nlevel(unit_path), 2))), held_on)
  include (unit_path, unit_code, status, type, attendance);
create index dialogue_recommendation_report on dialogue_recommendation (raised_on) include (unit_path, field_code, status, resolved_on, due_on);
create index dialogue_recommendation_report_province on dialogue_recommendation ((subpath(unit_path, 0, least(nlevel(unit_path), 2))), raised_on)
  include (unit_path, field_code, status, resolved_on, due_on);
create index supervision_visit_report on supervision_visit (started_on) include (unit_path, unit_code, status, form);
create index supervision_recommendation_report on supervision_recommendation (raised_on) include (unit_path, field_code, status, answered_on, resolved_on);
