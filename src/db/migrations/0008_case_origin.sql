-- Where a case came from when another activity raised it: a recommendation of a dialogue conference or of a
-- supervision visit. The case links back to it; the originating module knows the rest.
alter table cases_case add column origin_type text check (origin_type in ('dialogue', 'supervision'));
alter table cases_case add column origin_id uuid;
alter table cases_case add check ((origin_type is null) = (origin_id is null));
create index cases_case_origin on cases_case (origin_type, origin_id) where origin_id is not null;
