-- Issue 20, items 3–4 continued: managers answer by municipality, a delivered quarterly report is closed,
-- and every status change of an observation reaches its reporter's and co-signers' home page.

-- The municipalities whose observations a manager answers (reference data of migration 0022).
create table manager_municipalities (
  user_id uuid not null references users(id),
  municipality_code text not null references municipalities(code),
  region_id uuid not null references regions(id),
  created_at timestamptz not null,
  primary key (user_id, municipality_code)
);
create index manager_municipalities_municipality on manager_municipalities (municipality_code);

-- Delivered to the managers: from then on the report is closed (no recompiling, no co-signing its observations).
alter table structural_quarterly_reports add column delivered_at timestamptz;
alter table structural_quarterly_reports add column delivered_by uuid references users(id);

-- One notice per recipient per status change; seen when the recipient has looked at it.
create table structural_notifications (
  id uuid primary key,
  user_id uuid not null references users(id),
  observation_id uuid not null references structural_observations(id),
  event_id uuid not null references structural_events(id),
  status text not null,
  at timestamptz not null,
  seen_at timestamptz,
  unique (user_id, event_id)
);
create index structural_notifications_user on structural_notifications (user_id, seen_at);
