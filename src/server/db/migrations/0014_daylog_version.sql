-- Optimistic concurrency for the day log: every save raises `version`, and a form that says which
-- version it was opened with is refused (409) when someone else saved in between.
-- `last_entry_id` is the device-made id of the save that wrote the current version, so that a resend
-- of that very save (a lost reply) is recognised and answered with the stored row, not a conflict.
alter table daylog add column version integer not null default 1;
alter table daylog add column last_entry_id uuid;
