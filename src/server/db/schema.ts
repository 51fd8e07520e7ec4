// Drizzle table definitions mirroring the SQL migrations in ./migrations (the migrations are the truth).
import { bigint, boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { outreachSchema } from './schema-outreach.js';
import type { Translations } from '../../domain/translations.js';
import type { OpeningHours, Profession, Role, SiteKind, UnitKind, Locale } from '../../domain/org.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const regions = pgTable('regions', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const sites = pgTable('sites', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  name: text('name').notNull(),
  kind: text('kind').$type<SiteKind>().notNull(),
  address: text('address').notNull(),
  openingHours: jsonb('opening_hours').$type<OpeningHours[]>().notNull(),
  rooms: jsonb('rooms').$type<string[]>().notNull(),
  isActive: boolean('is_active').notNull(),
  // Migration 0016: filled from the name by a trigger when an insert leaves it out.
  slug: text('slug').notNull(),
  nameTranslations: jsonb('name_translations').$type<Translations>().notNull().default({}),
  roomTranslations: jsonb('room_translations').$type<Record<string, Translations>>().notNull().default({}),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const units = pgTable('units', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  name: text('name').notNull(),
  kind: text('kind').$type<UnitKind>().notNull(),
  createdAt: ts('created_at').notNull(),
});

/** Migration 0022: the region's municipalities by their Statistics Finland code (reference data). */
export const municipalities = pgTable('municipalities', {
  code: text('code').primaryKey(),
  regionId: uuid('region_id').notNull(),
  nameFi: text('name_fi').notNull(),
  nameSv: text('name_sv').notNull(),
  nameEn: text('name_en').notNull(),
  isActive: boolean('is_active').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  profession: text('profession').$type<Profession>(),
  unitId: uuid('unit_id'),
  passwordHash: text('password_hash'),
  locale: text('locale').$type<Locale>(),
  isActive: boolean('is_active').notNull(),
  /** The link to the organisation's OpenID Connect account (migration 0026): both set or neither. */
  oidcIssuer: text('oidc_issuer'),
  oidcSubject: text('oidc_subject'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const roleAssignments = pgTable('role_assignments', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  role: text('role').$type<Role>().notNull(),
  siteId: uuid('site_id'),
});

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: ts('created_at').notNull(),
  lastSeenAt: ts('last_seen_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
});

export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: ts('window_start').notNull(),
  lockedUntil: ts('locked_until'),
});

export const auditLog = pgTable('audit_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: ts('at').notNull(),
  actorId: uuid('actor_id'),
  action: text('action').notNull(),
  resourceType: text('resource_type').notNull(),
  resourceId: text('resource_id'),
  siteId: uuid('site_id'),
  regionId: uuid('region_id'),
  requestId: text('request_id'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull(),
});

export const schema = { regions, sites, units, municipalities, users, roleAssignments, sessions, loginThrottle, auditLog, ...outreachSchema };
export type Schema = typeof schema;
