-- Issue 18 item 4: passkeys (WebAuthn) for clients and external members, beside the PIN of 0026.

-- A passkey is a principal credential of kind 'passkey': lookup_hash holds the credential id as the
-- authenticator gave it (base64url; it names a key, it is no secret), secret_hash the COSE public key
-- (base64url; public, but the column keeps one shape for both kinds), sign_count the authenticator's
-- last signature counter, so a cloned key that goes backwards can be refused.
alter table principal_credentials drop constraint principal_credentials_kind_check;
alter table principal_credentials add constraint principal_credentials_kind_check check (kind in ('pin', 'passkey'));
alter table principal_credentials add column sign_count bigint not null default 0;

-- A WebAuthn challenge handed out and not yet answered. Kept only server-side, answered once (the row is
-- deleted as it is used, whatever the answer's fate) and for a few minutes. A registration challenge is
-- bound to the invitation it may redeem; a sign-in challenge is bound to nothing (a discoverable
-- credential names its owner in the answer).
create table webauthn_challenges (
  challenge text primary key,
  purpose text not null check (purpose in ('registration', 'authentication')),
  invitation_id uuid references invitations(id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  check ((purpose = 'registration') = (invitation_id is not null))
);
create index webauthn_challenges_expires on webauthn_challenges (expires_at);
