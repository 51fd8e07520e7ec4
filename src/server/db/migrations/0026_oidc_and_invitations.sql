-- Issue 18 item 4: staff sign-in through the organisation's OpenID Connect provider, and invitation codes
-- for people outside the organisation (clients and external members).

-- A staff account is linked to the provider's account by the configured claim's value (`sub` by default,
-- or e.g. `email`), set by an administrator. The issuer is part of the key, so a change of provider
-- cannot sign anyone into an account linked under the old one.
alter table users add column oidc_issuer text;
alter table users add column oidc_subject text;
alter table users add constraint users_oidc_link_whole check ((oidc_issuer is null) = (oidc_subject is null));
create unique index users_oidc_link on users (oidc_issuer, oidc_subject) where oidc_subject is not null;

-- A sign-in at the provider in progress: what the callback must check (state, nonce) and prove (the PKCE
-- verifier). Keyed by the SHA-256 of a random value held only in the browser's cookie, so a callback
-- completes only in the browser that started it; deleted on the callback, so a replay finds nothing.
create table oidc_flows (
  flow_hash text primary key,
  state text not null,
  nonce text not null,
  code_verifier text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index oidc_flows_expires on oidc_flows (expires_at);

-- Someone outside the organisation (a third-sector worker, a relative) who sees what a client's grant gives.
create table external_members (
  id uuid primary key,
  region_id uuid not null references regions(id),
  display_name text not null,
  created_by uuid not null references users(id),
  created_at timestamptz not null,
  is_active boolean not null default true
);

-- A one-time invitation for a client or an external member, given in person. Only the code's SHA-256
-- is kept (the code has 100 bits of entropy, so a fast hash is enough: nobody can search that space,
-- and a lookup by hash needs no per-row salt). principal_id refers to clients(id) (migration 0023,
-- landing separately) or external_members(id), by principal_kind: no foreign key, because one column
-- cannot reference two tables and clients may not exist yet; the commands check it.
create table invitations (
  id uuid primary key,
  principal_kind text not null check (principal_kind in ('client', 'external')),
  principal_id uuid not null,
  region_id uuid not null references regions(id),
  code_hash text not null unique,
  created_by uuid not null references users(id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  redeemed_at timestamptz,
  revoked_at timestamptz
);
create index invitations_principal on invitations (principal_kind, principal_id);

-- What a client or external member signs in with after redeeming an invitation: for now the invitation
-- card's code (its SHA-256, to look it up) and a PIN (argon2id, like passwords). Passkeys come next, as
-- kind 'passkey'. A new invitation revokes the principal's credentials.
create table principal_credentials (
  id uuid primary key,
  principal_kind text not null check (principal_kind in ('client', 'external')),
  principal_id uuid not null,
  region_id uuid not null references regions(id),
  kind text not null check (kind in ('pin')),
  lookup_hash text not null unique,
  secret_hash text not null,
  invitation_id uuid not null references invitations(id),
  created_at timestamptz not null,
  revoked_at timestamptz
);
create index principal_credentials_principal on principal_credentials (principal_kind, principal_id);

-- Sessions of clients and external members: a table of their own, so that a staff session (sessions,
-- with its users row) stays exactly as it was and no staff route can ever mistake one for the other.
create table principal_sessions (
  token_hash text primary key,
  principal_kind text not null check (principal_kind in ('client', 'external')),
  principal_id uuid not null,
  region_id uuid not null references regions(id),
  display_name text not null,
  csrf_token text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null
);
create index principal_sessions_principal on principal_sessions (principal_kind, principal_id);
