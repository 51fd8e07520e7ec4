-- Open groups and feedback (domain.md §§ 4.6–4.7): group series and sessions with attendance,
-- versioned feedback forms, anonymous responses, and collection by kiosk, QR link and paper.

-- A group series at a site. Facilitators are roles and organisations as free text
-- ([{ "role", "organisation", "isPeerWorker" }]), never names and never visitor data.
create table group_series (
  id uuid primary key,
  region_id uuid not null references regions(id),
  site_id uuid not null references sites(id),
  name text not null check (char_length(name) between 1 and 120),
  description text not null default '' check (char_length(description) <= 1000),
  target_group text not null default '' check (char_length(target_group) <= 300),
  room text not null default '' check (char_length(room) <= 100),
  facilitators jsonb not null default '[]' check (jsonb_typeof(facilitators) = 'array'),
  -- 1 = Monday … 7 = Sunday; null for a series without a fixed weekday
  weekday integer check (weekday between 1 and 7),
  starts_at time not null,
  ends_at time not null,
  starts_on date not null,
  ends_on date not null,
  is_announced boolean not null default true,
  -- people without a visitor code who came more than once, as counted by the facilitators (null: not counted)
  anonymous_repeat_participants integer check (anonymous_repeat_participants between 0 and 10000),
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (starts_at < ends_at),
  check (starts_on <= ends_on)
);
create index group_series_site on group_series (site_id, starts_on);
create index group_series_region on group_series (region_id, starts_on);

-- One meeting of a series. The theme may be planned ahead and kept hidden, or agreed on the day.
create table group_sessions (
  id uuid primary key,
  series_id uuid not null references group_series(id),
  day date not null,
  starts_at time not null,
  ends_at time not null,
  room text not null default '' check (char_length(room) <= 100),
  theme text not null default '' check (char_length(theme) <= 200),
  -- the public announcement shows the theme only when it was published beforehand
  is_theme_published boolean not null default false,
  is_cancelled boolean not null default false,
  -- quick counters for participants without a code (null: not counted); returning + new may leave some unknown
  anonymous_total integer check (anonymous_total between 0 and 10000),
  anonymous_returning integer check (anonymous_returning between 0 and 10000),
  anonymous_new integer check (anonymous_new between 0 and 10000),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (starts_at < ends_at),
  check (coalesce(anonymous_returning, 0) + coalesce(anonymous_new, 0) <= coalesce(anonymous_total, 0)),
  unique (series_id, day, starts_at)
);
create index group_sessions_day on group_sessions (day);

-- The roster by visitor code; returning and new are derived from earlier sessions of the series.
create table group_attendees (
  session_id uuid not null references group_sessions(id) on delete cascade,
  visitor_code text not null references visitor_codes(code),
  primary key (session_id, visitor_code)
);
create index group_attendees_code on group_attendees (visitor_code);

-- A feedback form of a region. Its wording lives in versions: a version that has answers is never
-- changed, so editing such a form makes a new version and old answers keep their own wording.
create table feedback_forms (
  id uuid primary key,
  region_id uuid not null references regions(id),
  -- the seeded template the form came from (null for a coordinator's own form)
  template_key text check (template_key ~ '^[a-z0-9_]{1,60}$'),
  audience text not null check (audience in ('visitor', 'staff')),
  is_active boolean not null default true,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (region_id, template_key)
);

create table feedback_form_versions (
  id uuid primary key,
  form_id uuid not null references feedback_forms(id),
  version integer not null check (version >= 1),
  -- Finnish is required; an empty Swedish or English text means the version is not offered in that language
  name_fi text not null check (char_length(name_fi) between 1 and 200),
  name_sv text not null default '' check (char_length(name_sv) <= 200),
  name_en text not null default '' check (char_length(name_en) <= 200),
  intro_fi text not null default '' check (char_length(intro_fi) <= 1000),
  intro_sv text not null default '' check (char_length(intro_sv) <= 1000),
  intro_en text not null default '' check (char_length(intro_en) <= 1000),
  created_by uuid references users(id),
  created_at timestamptz not null,
  unique (form_id, version)
);

create table feedback_items (
  id uuid primary key,
  version_id uuid not null references feedback_form_versions(id),
  position integer not null check (position between 1 and 100),
  kind text not null check (kind in ('agreement', 'recommendation', 'single_choice', 'multiple_choice', 'open_text')),
  text_fi text not null check (char_length(text_fi) between 1 and 500),
  text_sv text not null default '' check (char_length(text_sv) <= 500),
  text_en text not null default '' check (char_length(text_en) <= 500),
  -- agreement (1–5): whether "does not apply" is offered
  allows_not_applicable boolean not null default false,
  -- recommendation: the lowest score, 0 or 1; the highest is 10
  scale_min integer check (scale_min in (0, 1)),
  -- choices: [{ "key", "fi", "sv", "en" }]
  options jsonb not null default '[]' check (jsonb_typeof(options) = 'array'),
  unique (version_id, position),
  check ((kind = 'recommendation') = (scale_min is not null)),
  check (kind in ('single_choice', 'multiple_choice') or options = '[]'::jsonb),
  check (kind = 'agreement' or not allows_not_applicable)
);
create index feedback_items_version on feedback_items (version_id);

-- An anonymous answer sheet. Deliberately absent: any time finer than the day, IP address, user agent,
-- device id and user id. The id is random (UUIDv4), because a time-ordered UUIDv7 would keep the time.
create table feedback_responses (
  id uuid primary key,
  region_id uuid not null references regions(id),
  site_id uuid not null references sites(id),
  form_version_id uuid not null references feedback_form_versions(id),
  outreach_session_id uuid references outreach_sessions(id),
  group_session_id uuid references group_sessions(id),
  channel text not null check (channel in ('kiosk', 'link', 'paper')),
  locale text not null check (locale in ('fi', 'sv', 'en')),
  submitted_on date not null,
  check (outreach_session_id is null or group_session_id is null)
);
create index feedback_responses_version on feedback_responses (form_version_id, submitted_on);
create index feedback_responses_site on feedback_responses (site_id, submitted_on);
create index feedback_responses_outreach_session on feedback_responses (outreach_session_id) where outreach_session_id is not null;
create index feedback_responses_group_session on feedback_responses (group_session_id) where group_session_id is not null;

-- One row per answered item: a score (agreement 1–5, recommendation 0–10), "does not apply",
-- chosen option keys, or a short open text. Unanswered items have no row, so each item has its own n.
create table feedback_answers (
  response_id uuid not null references feedback_responses(id) on delete cascade,
  item_id uuid not null references feedback_items(id),
  score integer check (score between 0 and 10),
  is_not_applicable boolean not null default false,
  choices jsonb check (choices is null or jsonb_typeof(choices) = 'array'),
  text_value text check (char_length(text_value) between 1 and 500),
  primary key (response_id, item_id),
  check (num_nonnulls(score, choices, text_value) + (case when is_not_applicable then 1 else 0 end) = 1)
);
create index feedback_answers_item on feedback_answers (item_id);

-- A version with answers is frozen in the database itself, whatever the application does.
create function feedback_refuse_answered_version_change() returns trigger language plpgsql as $$
begin
  if exists (select 1 from feedback_responses r where r.form_version_id = old.id) then
    raise exception 'feedback form version % has answers and cannot be changed', old.id using errcode = '42501';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end
$$;
create trigger feedback_form_versions_frozen before update or delete on feedback_form_versions
  for each row execute function feedback_refuse_answered_version_change();

create function feedback_refuse_answered_item_change() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and exists (select 1 from feedback_responses r where r.form_version_id = old.version_id) then
    raise exception 'feedback form version % has answers; its items cannot be changed', old.version_id using errcode = '42501';
  end if;
  if tg_op in ('INSERT', 'UPDATE') and exists (select 1 from feedback_responses r where r.form_version_id = new.version_id) then
    raise exception 'feedback form version % has answers; items cannot be added', new.version_id using errcode = '42501';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end
$$;
create trigger feedback_items_frozen before insert or update or delete on feedback_items
  for each row execute function feedback_refuse_answered_item_change();

-- A tablet in kiosk mode, unlocked by a staff member for one form and context. Only a SHA-256 hash
-- of the tablet's token is kept, and the PIN that leaves kiosk mode only as an argon2id hash.
create table feedback_kiosks (
  id uuid primary key,
  region_id uuid not null references regions(id),
  site_id uuid not null references sites(id),
  form_id uuid not null references feedback_forms(id),
  outreach_session_id uuid references outreach_sessions(id),
  group_session_id uuid references group_sessions(id),
  token_hash text not null unique,
  pin_hash text not null,
  unlocked_by uuid not null references users(id),
  unlocked_at timestamptz not null,
  expires_at timestamptz not null,
  closed_at timestamptz,
  -- abuse limit: answer sheets opened on the Helsinki day opened_on. Counted by the day, not by a
  -- time window, so that not even a counter keeps when someone answered.
  opened_on date,
  openings integer not null default 0 check (openings >= 0),
  check (outreach_session_id is null or group_session_id is null),
  check (unlocked_at < expires_at)
);
create index feedback_kiosks_site on feedback_kiosks (site_id, unlocked_at desc);

-- A QR code or short link for the visitor's own phone. The token is printed on posters, so it is
-- public by nature and kept as is (a link can be shown again and closed).
create table feedback_links (
  id uuid primary key,
  region_id uuid not null references regions(id),
  site_id uuid not null references sites(id),
  form_id uuid not null references feedback_forms(id),
  outreach_session_id uuid references outreach_sessions(id),
  group_session_id uuid references group_sessions(id),
  token text not null unique check (token ~ '^[A-Za-z0-9_-]{16,64}$'),
  created_by uuid not null references users(id),
  created_at timestamptz not null,
  -- the last Helsinki day the link accepts answers
  valid_until date not null,
  closed_at timestamptz,
  -- abuse limit, counted by the day as for kiosks
  opened_on date,
  openings integer not null default 0 check (openings >= 0),
  check (outreach_session_id is null or group_session_id is null)
);
create index feedback_links_site on feedback_links (site_id, created_at desc);

-- One opening of a form on a kiosk (after each reset) or through a link: it allows exactly one
-- submission and is deleted by it, so nothing keeps the time of an answer. Unused ones expire.
create table feedback_openings (
  token_hash text primary key,
  kiosk_id uuid references feedback_kiosks(id) on delete cascade,
  link_id uuid references feedback_links(id) on delete cascade,
  form_version_id uuid not null references feedback_form_versions(id),
  expires_at timestamptz not null,
  check (num_nonnulls(kiosk_id, link_id) = 1)
);
create index feedback_openings_expiry on feedback_openings (expires_at);
