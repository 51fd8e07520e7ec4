-- Issue 19 item 3: the anonymous chat. One channel per region (its weekly opening hours, its rota of
-- workers and their presence, ready answers). A chat holds no identity and no address: the visitor is
-- known only by a random token (its hash is stored) for as long as the chat and its feedback last.
-- Messages exist only while the chat runs; when it ends they are deleted and only its tallies remain.
create table chat_channels (
  region_id uuid primary key references regions(id),
  -- [{ "weekday": 1-7 (ISO), "from": "HH:MM", "to": "HH:MM" }] in Helsinki time; public holidays are closed.
  weekly_hours jsonb not null default '[]',
  ready_answers jsonb not null default '[]',
  updated_at timestamptz not null
);

-- Workers on the rota; `online_until` is their presence (renewed by the console while it is open).
create table chat_rota (
  region_id uuid not null references regions(id),
  user_id uuid not null references users(id),
  online_until timestamptz,
  primary key (region_id, user_id)
);

create table chat_sessions (
  id uuid primary key,
  region_id uuid not null references regions(id),
  -- sha256 of the visitor's token; cleared when the chat's feedback is given or its time has passed.
  visitor_token_hash text unique,
  status text not null check (status in ('queued','active','ended')),
  created_at timestamptz not null,
  answered_at timestamptz,
  ended_at timestamptz,
  worker_id uuid references users(id),
  -- The last sequence number given to an event of this chat: a reconnecting client resumes after its own.
  last_seq integer not null default 0,
  topic text check (topic in ('contact_info','benefits','social_rehab','other')),
  outcome text check (outcome in ('advised','directed_to_phone','directed_to_service','unanswered')),
  feedback smallint check (feedback between 1 and 5),
  ended_by text check (ended_by in ('visitor','worker','timeout'))
);
create index chat_sessions_queue on chat_sessions (region_id, status, created_at);
create index chat_sessions_report on chat_sessions (region_id, created_at);

-- The running conversation, deleted when the chat ends. kind: a message of either side, or an event.
create table chat_messages (
  chat_id uuid not null references chat_sessions(id) on delete cascade,
  seq integer not null,
  kind text not null check (kind in ('visitor','worker','accepted','handed_over','ended')),
  body text not null check (length(body) <= 2000),
  at timestamptz not null,
  primary key (chat_id, seq)
);
