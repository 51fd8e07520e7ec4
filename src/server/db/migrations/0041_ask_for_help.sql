-- Issue 19 item 2: "ask for help" without e-mail. A person writes through a public form (no sign-in,
-- no name, no e-mail) and gets a receipt code; the code is their only way back to the answers, and
-- only its SHA-256 is stored (as for invitation codes). No network address and no browser or device
-- detail is stored anywhere: floods are counted in the server's memory. Closed requests are deleted
-- after the retention time (SILTA_RETENTION_HELP_REQUEST_DAYS, default 90) by the daily retention job.
create table help_requests (
  id uuid primary key,
  region_id uuid not null references regions(id),
  code_hash text not null unique,
  language text not null check (language in ('fi','sv','en')),
  callback_phone text check (callback_phone is null or length(callback_phone) between 5 and 25),
  status text not null check (status in ('new','in_progress','waiting_for_sender','closed')),
  -- The guidance team member (or a professional of a site) working on it.
  assignee_id uuid references users(id),
  received_at timestamptz not null,
  -- The answer promised to the sender: received day + SILTA_HELP_ANSWER_WORKING_DAYS working days.
  answer_due_day date not null,
  first_reply_at timestamptz,
  closed_at timestamptz,
  -- The client contact made from it, with the person's consent. No foreign key: the client record is
  -- kept for years under its own retention, the request only for months, and either may go first.
  client_id uuid,
  consent_recorded_at timestamptz,
  consent_recorded_by uuid references users(id),
  updated_at timestamptz not null,
  check ((status = 'closed') = (closed_at is not null)),
  check ((client_id is null) = (consent_recorded_at is null))
);
create index help_requests_inbox on help_requests (region_id, status, received_at);
create index help_requests_assignee on help_requests (assignee_id) where assignee_id is not null;
create index help_requests_closed on help_requests (closed_at) where closed_at is not null;

-- The conversation both ways: the sender's first message and later replies, staff replies.
create table help_request_messages (
  id uuid primary key,
  request_id uuid not null references help_requests(id) on delete cascade,
  author text not null check (author in ('sender','staff')),
  staff_id uuid references users(id),
  body text not null check (length(body) between 1 and 4000),
  at timestamptz not null,
  check ((author = 'staff') = (staff_id is not null))
);
create index help_request_messages_request on help_request_messages (request_id, at);

-- The team's internal notes: never shown to the sender.
create table help_request_notes (
  id uuid primary key,
  request_id uuid not null references help_requests(id) on delete cascade,
  author_id uuid not null references users(id),
  body text not null check (length(body) between 1 and 4000),
  at timestamptz not null
);
create index help_request_notes_request on help_request_notes (request_id, at);
