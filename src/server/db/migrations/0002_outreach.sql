-- Outreach work: code lists, service directory, outreach sessions, visitor codes, encounters,
-- referrals with a closed loop, and the day-centre daily log (domain.md §§ 4.2–4.5).

-- Code lists are deployment-wide so that every region's reports use the same stable codes.
create table codes (
  kind text not null check (kind in ('need', 'support')),
  register text not null check (register in ('health', 'social')),
  code text not null check (code ~ '^[a-z0-9_]{1,60}$'),
  label_fi text not null,
  label_sv text not null,
  label_en text not null,
  sort_order integer not null default 0,
  is_active boolean not null default true,
  created_at timestamptz not null,
  primary key (kind, register, code)
);

create table services (
  id uuid primary key,
  region_id uuid not null references regions(id),
  code text not null check (code ~ '^[a-z0-9_]{1,60}$'),
  name_fi text not null,
  name_sv text not null,
  name_en text not null,
  sort_order integer not null default 0,
  is_active boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (region_id, code)
);

-- A recurring plan; its sessions are materialised so that each can be cancelled or staffed on its own.
create table session_series (
  id uuid primary key,
  site_id uuid not null references sites(id),
  room text not null default '',
  kind text not null check (kind in ('reception', 'group', 'other')),
  recurrence text not null check (recurrence in ('weekly', 'monthly_nth', 'one_off')),
  weekday integer check (weekday between 1 and 7),
  -- 1–4 = first…fourth, -1 = last; "mid-month Wednesday" is the 3rd (or 2nd) Wednesday
  nth integer check (nth in (-1, 1, 2, 3, 4)),
  starts_on date not null,
  ends_on date not null,
  starts_at time not null,
  ends_at time not null,
  is_announced boolean not null default true,
  public_note text not null default '',
  created_by uuid references users(id),
  created_at timestamptz not null,
  check (starts_at < ends_at),
  check (starts_on <= ends_on)
);

create table outreach_sessions (
  id uuid primary key,
  site_id uuid not null references sites(id),
  series_id uuid references session_series(id),
  room text not null default '',
  kind text not null check (kind in ('reception', 'group', 'other')),
  day date not null,
  starts_at time not null,
  ends_at time not null,
  is_cancelled boolean not null default false,
  is_announced boolean not null default true,
  public_note text not null default '',
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (starts_at < ends_at)
);
create index outreach_sessions_site_day on outreach_sessions (site_id, day);

create table session_professionals (
  session_id uuid not null references outreach_sessions(id) on delete cascade,
  user_id uuid not null references users(id),
  hours numeric(5, 2) not null check (hours >= 0 and hours <= 24),
  primary key (session_id, user_id)
);
create index session_professionals_user on session_professionals (user_id);

-- A visitor code holds no personal data: only when and where it was issued, and whether it is retired.
create table visitor_codes (
  code text primary key check (code ~ '^[A-Z0-9]{7}$'),
  region_id uuid not null references regions(id),
  issued_at timestamptz not null,
  issued_at_site uuid references sites(id),
  retired_at timestamptz
);

create table encounters (
  -- created on the device (UUIDv7) so that an offline entry sent twice is stored once
  id uuid primary key,
  region_id uuid not null references regions(id),
  site_id uuid not null references sites(id),
  session_id uuid references outreach_sessions(id),
  occurred_at timestamptz not null,
  visitor_code text references visitor_codes(code),
  -- derived from the code when there is one; asked when anonymous; null = not known
  is_first_visit boolean,
  age_band text not null check (age_band in ('under_18', '18_29', '30_50', '51_64', '65_80', 'over_80', 'unknown')),
  gender text check (gender in ('female', 'male', 'other')),
  is_urgent boolean not null default false,
  duration_minutes integer check (duration_minutes between 0 and 600),
  created_by uuid not null references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index encounters_site_time on encounters (site_id, occurred_at desc);
create index encounters_code on encounters (visitor_code, occurred_at) where visitor_code is not null;

create table encounter_professionals (
  encounter_id uuid not null references encounters(id) on delete cascade,
  user_id uuid not null references users(id),
  profession text not null check (profession in ('nurse', 'social_worker', 'social_instructor', 'addiction_worker', 'peer_worker')),
  primary key (encounter_id, user_id)
);
create index encounter_professionals_user on encounter_professionals (user_id);

create table encounter_codes (
  encounter_id uuid not null references encounters(id) on delete cascade,
  kind text not null,
  register text not null,
  code text not null,
  primary key (encounter_id, kind, register, code),
  foreign key (kind, register, code) references codes (kind, register, code)
);

create table referrals (
  id uuid primary key,
  encounter_id uuid not null references encounters(id) on delete cascade,
  region_id uuid not null references regions(id),
  site_id uuid not null references sites(id),
  service_id uuid not null references services(id),
  way text not null check (way in ('advised', 'booked_together', 'e_contact_together', 'escorted')),
  status text not null check (status in ('suggested', 'booked', 'realised', 'not_realised', 'unknown')),
  follow_up_on date,
  -- a short follow-up note, never names; purged 30 days after the referral closes
  memo text check (char_length(memo) <= 200),
  closed_at timestamptz,
  -- the referral slip: only a hash of its one-time code is stored
  slip_code_hash text unique,
  slip_expires_at timestamptz,
  slip_used_at timestamptz,
  created_by uuid not null references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index referrals_site_open on referrals (site_id, status) where closed_at is null;
create index referrals_encounter on referrals (encounter_id);
create index referrals_memo_purge on referrals (closed_at) where memo is not null;

create table daylog (
  id uuid primary key,
  site_id uuid not null references sites(id),
  day date not null,
  breakfasts integer not null default 0 check (breakfasts between 0 and 10000),
  lunches integer not null default 0 check (lunches between 0 and 10000),
  estimated_visitors integer check (estimated_visitors between 0 and 10000),
  is_closed boolean not null default false,
  opened_at time,
  closed_at time,
  events text not null default '' check (char_length(events) <= 500),
  created_by uuid not null references users(id),
  updated_by uuid not null references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (site_id, day)
);
