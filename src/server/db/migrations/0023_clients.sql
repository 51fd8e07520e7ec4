-- Issue 18 items 2 and 3: clients of the social-welfare register, their consents, the people around
-- them, visitor-code links, and the social-rehabilitation client process with its clocks.
--
-- These are the first tables that hold identified persons. Every read and change of a client is
-- audited by the commands (ids only in the audit row); the identity code is stored as typed in its
-- canonical form and is shown masked. municipality_code is Statistics Finland's three-digit code of one
-- of the region's municipalities (migration 0022).

create table clients (
  id uuid primary key,
  region_id uuid not null references regions(id),
  -- the site (unit) where the client relationship is kept; coordinators count by it
  site_id uuid not null references sites(id),
  -- health and social-welfare records are separate registers in Finnish law: this is the social one
  register text not null default 'social' check (register in ('social')),
  name text not null check (char_length(name) between 1 and 200),
  identity_code text check (identity_code ~ '^[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-Y]$'),
  preferred_language text not null check (preferred_language ~ '^[a-z]{2,3}$'),
  municipality_code text references municipalities(code) check (municipality_code ~ '^[0-9]{3}$'),
  contact_preference text not null check (contact_preference in ('phone', 'text_message', 'email', 'letter', 'in_person', 'through_own_worker')),
  own_worker_id uuid references users(id),
  created_by uuid not null references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
-- One client record per person in a region: the existing-client check finds it by the code.
create unique index clients_identity_code_key on clients (region_id, identity_code) where identity_code is not null;
create index clients_region_name on clients (region_id, lower(name));
create index clients_own_worker on clients (own_worker_id) where own_worker_id is not null;
create index clients_site on clients (site_id);

-- The care team: staff who work with the client besides the own worker (the handler of a contact is one).
create table client_care_team (
  client_id uuid not null references clients(id) on delete cascade,
  user_id uuid not null references users(id),
  is_handler boolean not null default false,
  added_by uuid not null references users(id),
  added_at timestamptz not null,
  primary key (client_id, user_id)
);
create index client_care_team_user on client_care_team (user_id);

-- What may be shared with whom, from when to when. A consent is never deleted: revoking sets revoked_at,
-- and both are audited. A visitor-code link's consent has no grantee.
create table client_consents (
  id uuid primary key,
  client_id uuid not null references clients(id) on delete cascade,
  purpose text not null check (purpose in ('share_process', 'share_plan', 'contact_partner', 'link_visitor_code')),
  grantee_kind text not null check (grantee_kind in ('unit', 'user', 'external', 'none')),
  -- a unit, a user, or an external member (their table comes with item 4; no foreign key yet)
  grantee_id uuid,
  valid_from date not null,
  valid_to date,
  recorded_by uuid not null references users(id),
  recorded_at timestamptz not null,
  revoked_at timestamptz,
  revoked_by uuid references users(id),
  check ((grantee_kind = 'none') = (grantee_id is null)),
  check ((purpose = 'link_visitor_code') = (grantee_kind = 'none')),
  check (valid_to is null or valid_to >= valid_from),
  check ((revoked_at is null) = (revoked_by is null))
);
create index client_consents_client on client_consents (client_id);
create index client_consents_grantee on client_consents (grantee_id) where grantee_id is not null and revoked_at is null;

-- A visitor code joined to a client from linked_from on. Encounters under the code before that stay
-- anonymous: nothing may join them to the client (every read filters occurred_at >= linked_from).
create table client_visitor_codes (
  visitor_code text primary key references visitor_codes(code),
  client_id uuid not null references clients(id) on delete cascade,
  consent_id uuid not null references client_consents(id),
  linked_from timestamptz not null,
  linked_by uuid not null references users(id)
);
create index client_visitor_codes_client on client_visitor_codes (client_id);

-- The client process (requirements-phase2.md § 1): one open process per client at a time.
create table client_processes (
  id uuid primary key,
  client_id uuid not null references clients(id) on delete cascade,
  state text not null check (state in ('contact', 'assessment', 'plan', 'action', 'follow_up', 'ended')),
  contact_at timestamptz not null,
  contact_source text not null check (contact_source in ('self', 'referral', 'ask_for_help', 'network', 'notification')),
  is_statutory_group boolean not null,
  need text not null check (char_length(need) between 1 and 4000),
  handler_id uuid references users(id),
  ended_at timestamptz,
  end_reason text check (end_reason in ('no_longer_needs_network_work', 'moved_away', 'client_refused', 'transferred_to_other_service', 'other')),
  -- the end's answers (handover meeting, duty to notify, …): client-record content, never audited
  end_details jsonb,
  created_by uuid not null references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((state = 'ended') = (ended_at is not null)),
  check ((state = 'ended') = (end_reason is not null))
);
create unique index client_processes_one_open on client_processes (client_id) where state <> 'ended';

create table client_process_events (
  id uuid primary key,
  process_id uuid not null references client_processes(id) on delete cascade,
  type text not null,
  from_state text,
  to_state text not null,
  at timestamptz not null,
  by_user uuid references users(id)
);
create index client_process_events_process on client_process_events (process_id, at);

-- Each clock's due day, worked out on the contact's Helsinki day with the calendar module, and the day
-- the step was met. Reports say which clock (clock_key, basis) they count.
create table client_process_deadlines (
  process_id uuid not null references client_processes(id) on delete cascade,
  clock_key text not null,
  basis text not null check (basis in ('statutory', 'local')),
  step text not null check (step in ('assessment_started', 'assessment_completed')),
  due_on date not null,
  met_on date,
  primary key (process_id, clock_key)
);
create index client_process_deadlines_open on client_process_deadlines (due_on) where met_on is null;
