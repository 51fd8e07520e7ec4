-- Foundation: organisation, accounts, sessions, login throttling and the append-only audit log.
-- Times come from the application clock (never now()) so that tests control time.

create table regions (
  id uuid primary key,
  name text not null unique,
  created_at timestamptz not null
);

create table sites (
  id uuid primary key,
  region_id uuid not null references regions(id),
  name text not null,
  kind text not null check (kind in ('day_centre','kela_office','parish','shopping_centre','health_centre','street','home_visits','other')),
  address text not null default '',
  opening_hours jsonb not null default '[]',
  rooms jsonb not null default '[]',
  is_active boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (region_id, name)
);

create table units (
  id uuid primary key,
  region_id uuid not null references regions(id),
  name text not null,
  kind text not null check (kind in ('adult_social_work','health_station','addiction_services','day_centre','third_sector','other')),
  created_at timestamptz not null,
  unique (region_id, name)
);

create table users (
  id uuid primary key,
  region_id uuid not null references regions(id),
  username text not null unique,
  display_name text not null,
  profession text check (profession in ('nurse','social_worker','social_instructor','addiction_worker','peer_worker')),
  unit_id uuid references units(id),
  -- null for accounts that sign in only through an organisation's identity provider (OIDC, later)
  password_hash text,
  locale text check (locale in ('fi','sv','en')),
  is_active boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

create table role_assignments (
  id uuid primary key,
  user_id uuid not null references users(id) on delete cascade,
  role text not null check (role in ('administrator','coordinator','professional','daycentre_staff','auditor')),
  -- null: the role covers every site of the user's region
  site_id uuid references sites(id)
);
create unique index role_assignments_unique on role_assignments (user_id, role, coalesce(site_id, '00000000-0000-0000-0000-000000000000'::uuid));
create index role_assignments_site on role_assignments (site_id);

-- Only a hash of the session token is stored: a leaked table cannot be replayed as cookies.
create table sessions (
  token_hash text primary key,
  user_id uuid not null references users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

-- Counters live in the database so that several server processes share them.
create table login_throttle (
  key text primary key,
  failures integer not null,
  window_start timestamptz not null,
  locked_until timestamptz
);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  actor_id uuid,
  actor_label text,
  action text not null,
  resource_type text not null,
  resource_id text,
  site_id uuid,
  region_id uuid,
  request_id text,
  details jsonb not null default '{}'
);
create index audit_log_at on audit_log (at desc, id desc);
create index audit_log_actor on audit_log (actor_id, at desc);
create index audit_log_site on audit_log (site_id, at desc);
create index audit_log_action on audit_log (action, at desc);

-- The audit log is append-only: the database itself refuses changes, whoever asks.
create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op using errcode = '42501';
end
$$;
create trigger audit_log_no_update_delete before update or delete on audit_log
  for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change();
