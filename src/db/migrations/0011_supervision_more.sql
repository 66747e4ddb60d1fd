-- Supervision and social critique, completed: why a planned supervision did not take place, and the unit of the
-- drafting body of a draft under critique, so that its officials (who record the responses) find it in their scope.
alter table supervision_visit add column cancel_reason text;

alter table critique_draft add column drafting_unit_code text;
alter table critique_draft add column drafting_unit_path ltree;
alter table critique_draft add check ((drafting_organisation_id is null) = (drafting_unit_path is null));
create index critique_draft_drafting_unit on critique_draft using gist (drafting_unit_path) where drafting_unit_path is not null;
create index critique_session_draft on critique_session (draft_id);
