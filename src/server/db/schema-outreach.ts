// Drizzle definitions for migration 0002_outreach.sql (the migration is the truth).
import { boolean, jsonb, date, integer, numeric, pgTable, primaryKey, text, time, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Translations } from '../../domain/translations.js';
import type { AgeBand, CodeListKind, Gender, Register } from '../../domain/code-lists.js';
import type { Profession } from '../../domain/org.js';
import type { ReferralStatus, ReferralWay, SessionKind, Recurrence } from '../../domain/outreach.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
// Dates and times of day travel as strings ('2026-01-15', '09:30:00'): no time-zone surprises.
const day = (name: string) => date(name, { mode: 'string' });

export const codes = pgTable('codes', {
  kind: text('kind').$type<CodeListKind>().notNull(),
  register: text('register').$type<Register>().notNull(),
  code: text('code').notNull(),
  labelFi: text('label_fi').notNull(),
  labelSv: text('label_sv').notNull(),
  labelEn: text('label_en').notNull(),
  sortOrder: integer('sort_order').notNull(),
  isActive: boolean('is_active').notNull(),
  createdAt: ts('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.kind, t.register, t.code] })]);

export const services = pgTable('services', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  code: text('code').notNull(),
  nameFi: text('name_fi').notNull(),
  nameSv: text('name_sv').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull(),
  isActive: boolean('is_active').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const sessionSeries = pgTable('session_series', {
  id: uuid('id').primaryKey(),
  siteId: uuid('site_id').notNull(),
  room: text('room').notNull(),
  kind: text('kind').$type<SessionKind>().notNull(),
  recurrence: text('recurrence').$type<Recurrence>().notNull(),
  weekday: integer('weekday'),
  nth: integer('nth'),
  startsOn: day('starts_on').notNull(),
  endsOn: day('ends_on').notNull(),
  startsAt: time('starts_at').notNull(),
  endsAt: time('ends_at').notNull(),
  isAnnounced: boolean('is_announced').notNull(),
  publicNote: text('public_note').notNull(),
  publicNoteTranslations: jsonb('public_note_translations').$type<Translations>().notNull().default({}),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
});

export const outreachSessions = pgTable('outreach_sessions', {
  id: uuid('id').primaryKey(),
  siteId: uuid('site_id').notNull(),
  seriesId: uuid('series_id'),
  room: text('room').notNull(),
  kind: text('kind').$type<SessionKind>().notNull(),
  day: day('day').notNull(),
  startsAt: time('starts_at').notNull(),
  endsAt: time('ends_at').notNull(),
  isCancelled: boolean('is_cancelled').notNull(),
  isAnnounced: boolean('is_announced').notNull(),
  publicNote: text('public_note').notNull(),
  publicNoteTranslations: jsonb('public_note_translations').$type<Translations>().notNull().default({}),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const sessionProfessionals = pgTable('session_professionals', {
  sessionId: uuid('session_id').notNull(),
  userId: uuid('user_id').notNull(),
  // numeric comes back as a string from both drivers; keep it exact
  hours: numeric('hours', { precision: 5, scale: 2 }).notNull(),
}, (t) => [primaryKey({ columns: [t.sessionId, t.userId] })]);

export const visitorCodes = pgTable('visitor_codes', {
  code: text('code').primaryKey(),
  regionId: uuid('region_id').notNull(),
  issuedAt: ts('issued_at').notNull(),
  issuedAtSite: uuid('issued_at_site'),
  retiredAt: ts('retired_at'),
});

export const encounters = pgTable('encounters', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  siteId: uuid('site_id').notNull(),
  sessionId: uuid('session_id'),
  occurredAt: ts('occurred_at').notNull(),
  visitorCode: text('visitor_code'),
  isFirstVisit: boolean('is_first_visit'),
  /** Did the person stay anonymous to the professional (say nothing of who they are)? Null = not recorded. */
  isAnonymousToProfessional: boolean('is_anonymous_to_professional'),
  ageBand: text('age_band').$type<AgeBand>().notNull(),
  gender: text('gender').$type<Gender>(),
  isUrgent: boolean('is_urgent').notNull(),
  durationMinutes: integer('duration_minutes'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const encounterProfessionals = pgTable('encounter_professionals', {
  encounterId: uuid('encounter_id').notNull(),
  userId: uuid('user_id').notNull(),
  profession: text('profession').$type<Profession>().notNull(),
  /** "First time with me / my service?", asked per professional. Null = not recorded. */
  isFirstWithProfessional: boolean('is_first_with_professional'),
}, (t) => [primaryKey({ columns: [t.encounterId, t.userId] })]);

export const encounterCodes = pgTable('encounter_codes', {
  encounterId: uuid('encounter_id').notNull(),
  kind: text('kind').$type<CodeListKind>().notNull(),
  register: text('register').$type<Register>().notNull(),
  code: text('code').notNull(),
}, (t) => [primaryKey({ columns: [t.encounterId, t.kind, t.register, t.code] })]);

export const referrals = pgTable('referrals', {
  id: uuid('id').primaryKey(),
  encounterId: uuid('encounter_id').notNull(),
  regionId: uuid('region_id').notNull(),
  siteId: uuid('site_id').notNull(),
  serviceId: uuid('service_id').notNull(),
  way: text('way').$type<ReferralWay>().notNull(),
  status: text('status').$type<ReferralStatus>().notNull(),
  followUpOn: day('follow_up_on'),
  memo: text('memo'),
  closedAt: ts('closed_at'),
  slipCodeHash: text('slip_code_hash'),
  slipExpiresAt: ts('slip_expires_at'),
  slipUsedAt: ts('slip_used_at'),
  /** The professional who made the referral (in a joint meeting either one); the recorder by default. */
  referredBy: uuid('referred_by').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const daylog = pgTable('daylog', {
  id: uuid('id').primaryKey(),
  siteId: uuid('site_id').notNull(),
  day: day('day').notNull(),
  breakfasts: integer('breakfasts').notNull(),
  lunches: integer('lunches').notNull(),
  estimatedVisitors: integer('estimated_visitors'),
  isClosed: boolean('is_closed').notNull(),
  openedAt: time('opened_at'),
  closedAt: time('closed_at'),
  events: text('events').notNull(),
  createdBy: uuid('created_by').notNull(),
  updatedBy: uuid('updated_by').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
  /** Raised by every save (migration 0014): the form sends the version it opened, see saveDaylog. */
  version: integer('version').notNull().default(1),
  lastEntryId: uuid('last_entry_id'),
});

export const outreachSchema = { codes, services, sessionSeries, outreachSessions, sessionProfessionals, visitorCodes, encounters, encounterProfessionals, encounterCodes, referrals, daylog };
