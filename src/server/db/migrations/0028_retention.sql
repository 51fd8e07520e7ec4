-- Issue 18 item 6: retention. The daily purge finds clients whose relationship closed long enough ago,
-- and deletes each client's records in one transaction. These indexes keep its look-ups and the
-- deletes' foreign-key checks from scanning whole tables.

-- "Has this client a process that is open or ended after the cut-off?" (and the cascade from clients).
create index client_processes_client on client_processes (client_id, ended_at);
-- Deleting a consent checks the visitor-code links that name it.
create index client_visitor_codes_consent on client_visitor_codes (consent_id);
-- Deleting an invitation checks the credentials made from it.
create index principal_credentials_invitation on principal_credentials (invitation_id);
-- Expired sessions of clients and external members go daily.
create index principal_sessions_expires on principal_sessions (expires_at);
-- "Does any consent still name this external member?"
create index client_consents_grantee_any on client_consents (grantee_id) where grantee_id is not null;
