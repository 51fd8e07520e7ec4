-- Pilots (experiments) and their three-phase evaluation (domain.md § 4.8): what is tried, where and
-- when, by which services and professionals, and the start, midpoint and end evaluations.

create table pilots (
  id uuid primary key,
  region_id uuid not null references regions(id),
  name text not null check (char_length(name) between 1 and 160),
  description text not null default '' check (char_length(description) <= 4000),
  goals text not null default '' check (char_length(goals) <= 4000),
  starts_on date not null,
  ends_on date not null,
  -- the evaluator's conclusions, shown in the report's pilot section
  conclusions text not null default '' check (char_length(conclusions) <= 20000),
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (starts_on <= ends_on)
);
create index pilots_region on pilots (region_id, starts_on);

create table pilot_sites (
  pilot_id uuid not null references pilots(id) on delete cascade,
  site_id uuid not null references sites(id),
  primary key (pilot_id, site_id)
);
create index pilot_sites_site on pilot_sites (site_id);

-- Services from the region's service directory that take part.
create table pilot_services (
  pilot_id uuid not null references pilots(id) on delete cascade,
  service_id uuid not null references services(id),
  primary key (pilot_id, service_id)
);

-- Professionals (users of the region) who take part.
create table pilot_professionals (
  pilot_id uuid not null references pilots(id) on delete cascade,
  user_id uuid not null references users(id),
  primary key (pilot_id, user_id)
);

-- A phase entry's revisions. A correction adds a revision; the page shows the highest one and the
-- earlier ones stay, so what was written at the time can always be read back. Staff work about the
-- activity, never about a visitor.
create table pilot_phase_entries (
  id uuid primary key,
  pilot_id uuid not null references pilots(id),
  kind text not null check (kind in ('start', 'midpoint', 'end')),
  -- 1 for start and end; midpoints are numbered 1, 2, …
  number integer not null check (number between 1 and 50),
  revision integer not null check (revision >= 1),
  fields jsonb not null check (jsonb_typeof(fields) = 'object'),
  author_id uuid not null references users(id),
  saved_at timestamptz not null,
  check (kind = 'midpoint' or number = 1),
  unique (pilot_id, kind, number, revision)
);
create index pilot_phase_entries_pilot on pilot_phase_entries (pilot_id, kind, number, revision);

create function pilot_phase_entries_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'pilot_phase_entries is append-only: % refused; save a new revision instead', tg_op using errcode = '42501';
end
$$;
create trigger pilot_phase_entries_append_only before update or delete on pilot_phase_entries
  for each row execute function pilot_phase_entries_refuse_change();
