-- Issue 18, item 1: the municipalities of a region become reference data, and a manager role exists.
--
-- A municipality is named by its Statistics Finland code (three digits, e.g. '698' Rovaniemi), which is
-- the key other tables store (clients' home municipality, the service tray's coverage, structural
-- reports per municipality) as `municipality_code text`. A municipality belongs to one region (one
-- wellbeing services county); it is never deleted, only deactivated, so that old records keep their name.
create table municipalities (
  code text primary key check (code ~ '^[0-9]{3}$'),
  region_id uuid not null references regions(id),
  name_fi text not null check (length(btrim(name_fi)) between 1 and 200),
  name_sv text not null check (length(btrim(name_sv)) between 1 and 200),
  name_en text not null check (length(btrim(name_en)) between 1 and 200),
  is_active boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index municipalities_region on municipalities (region_id, code);

-- The manager (esihenkilö) of a municipality's or unit's services: reads the reports, answers
-- structural social work observations, publishes the service tray, sees counts of client work.
alter table role_assignments drop constraint role_assignments_role_check;
alter table role_assignments add constraint role_assignments_role_check
  check (role in ('administrator','coordinator','professional','daycentre_staff','auditor','manager'));
