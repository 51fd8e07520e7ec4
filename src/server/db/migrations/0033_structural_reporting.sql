-- Issue 20: structural social work reporting (SHL 7 §). A worker files an observation of a phenomenon seen
-- in client work with a proposal for action; colleagues co-sign it; the coordinator compiles the
-- municipality's submitted observations into a report every calendar quarter; a manager answers, and the
-- reporter sees the answer. No client identifiers are stored: the affected are a group and an estimate.
create table structural_observations (
  id uuid primary key,
  region_id uuid not null references regions(id),
  -- The reporter's site: the place whose managers answer and whose staff see and co-sign it.
  site_id uuid not null references sites(id),
  municipality_code text not null references municipalities(code),
  category text not null check (category in ('everyday_life','housing','poverty_income','substance_mental_health','exclusion_participation','unemployment_consequences','loneliness','other')),
  category_other text check (category_other is null or length(btrim(category_other)) between 1 and 200),
  description text not null check (length(description) <= 4000),
  affected_group text not null check (length(affected_group) <= 500),
  affected_estimate integer check (affected_estimate between 0 and 1000000),
  since_month text check (since_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  proposed_action text not null check (length(proposed_action) <= 4000),
  addressee_level text not null check (addressee_level in ('unit','municipality','region')),
  status text not null check (status in ('draft','submitted','in_quarterly_report','presented','accepted','rejected','in_progress','done')),
  created_by uuid not null references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  -- Set at submission: the Helsinki day (the quarter it belongs to) and the answer's due day in working days.
  submitted_at timestamptz,
  submitted_day date,
  answer_due_day date,
  answer_text text check (answer_text is null or length(answer_text) <= 4000),
  answered_by uuid references users(id),
  answered_at timestamptz,
  check ((status = 'draft') = (submitted_day is null)),
  check ((category = 'other') = (category_other is not null))
);
create index structural_observations_quarter on structural_observations (region_id, municipality_code, submitted_day);
create index structural_observations_creator on structural_observations (created_by);

-- Colleagues who support an observation; they see its answer on their home page as the reporter does.
create table structural_cosigners (
  observation_id uuid not null references structural_observations(id),
  user_id uuid not null references users(id),
  signed_at timestamptz not null,
  primary key (observation_id, user_id)
);
create index structural_cosigners_user on structural_cosigners (user_id);

-- The observation's timeline: every action on it, in order.
create table structural_events (
  id uuid primary key,
  observation_id uuid not null references structural_observations(id),
  at timestamptz not null,
  actor_id uuid references users(id),
  kind text not null check (kind in ('created','submitted','cosigned','compiled','presented','answered')),
  status text not null
);
create index structural_events_observation on structural_events (observation_id, at);

-- A compiled quarterly report of one municipality (the observations carry their own state).
create table structural_quarterly_reports (
  id uuid primary key,
  region_id uuid not null references regions(id),
  municipality_code text not null references municipalities(code),
  year integer not null check (year between 2000 and 2100),
  quarter integer not null check (quarter between 1 and 4),
  compiled_by uuid not null references users(id),
  compiled_at timestamptz not null,
  presented_on date,
  unique (municipality_code, year, quarter)
);
