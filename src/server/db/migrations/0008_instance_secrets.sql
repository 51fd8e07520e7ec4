-- Secrets shared by every Silta process on this database, made once by the first process that needs
-- one. The address key (auth/address-secret.ts) lets all processes count sign-in and slip attempts
-- per network address under the same keyed hash, without storing any address.
-- Not backed up (backup/tables.ts): a restored database makes a new one.
create table instance_secrets (
  name text primary key,
  value text not null,
  created_at timestamptz not null
);
