// Drizzle definitions for migrations 0026_oidc_and_invitations.sql and 0027_passkeys.sql (the migrations are the truth).
import { bigint, boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export type PrincipalKind = 'client' | 'external';
export type CredentialKind = 'pin' | 'passkey';
export type ChallengePurpose = 'registration' | 'authentication';

export const oidcFlows = pgTable('oidc_flows', {
  flowHash: text('flow_hash').primaryKey(),
  state: text('state').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
});

export const externalMembers = pgTable('external_members', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  displayName: text('display_name').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  isActive: boolean('is_active').notNull(),
});

export const invitations = pgTable('invitations', {
  id: uuid('id').primaryKey(),
  principalKind: text('principal_kind').$type<PrincipalKind>().notNull(),
  principalId: uuid('principal_id').notNull(),
  regionId: uuid('region_id').notNull(),
  codeHash: text('code_hash').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  redeemedAt: ts('redeemed_at'),
  revokedAt: ts('revoked_at'),
});

export const principalCredentials = pgTable('principal_credentials', {
  id: uuid('id').primaryKey(),
  principalKind: text('principal_kind').$type<PrincipalKind>().notNull(),
  principalId: uuid('principal_id').notNull(),
  regionId: uuid('region_id').notNull(),
  kind: text('kind').$type<CredentialKind>().notNull(),
  lookupHash: text('lookup_hash').notNull(),
  secretHash: text('secret_hash').notNull(),
  invitationId: uuid('invitation_id').notNull(),
  createdAt: ts('created_at').notNull(),
  revokedAt: ts('revoked_at'),
  signCount: bigint('sign_count', { mode: 'number' }).notNull().default(0),
});

export const principalSessions = pgTable('principal_sessions', {
  tokenHash: text('token_hash').primaryKey(),
  principalKind: text('principal_kind').$type<PrincipalKind>().notNull(),
  principalId: uuid('principal_id').notNull(),
  regionId: uuid('region_id').notNull(),
  displayName: text('display_name').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: ts('created_at').notNull(),
  lastSeenAt: ts('last_seen_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
});

export const webauthnChallenges = pgTable('webauthn_challenges', {
  challenge: text('challenge').primaryKey(),
  purpose: text('purpose').$type<ChallengePurpose>().notNull(),
  invitationId: uuid('invitation_id'),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
});
