// Drizzle definitions for migration 0003_groups_feedback.sql (the migration is the truth).
import { boolean, date, integer, jsonb, pgTable, primaryKey, text, time, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Translations } from '../../domain/translations.js';
import type { Locale } from '../../domain/org.js';
import type { Facilitator } from '../../domain/groups.js';
import type { ChoiceOption, FeedbackAudience, FeedbackChannel, FeedbackItemKind } from '../../domain/feedback.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const groupSeries = pgTable('group_series', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  siteId: uuid('site_id').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  descriptionTranslations: jsonb('description_translations').$type<Translations>().notNull().default({}),
  targetGroup: text('target_group').notNull(),
  room: text('room').notNull(),
  facilitators: jsonb('facilitators').$type<Facilitator[]>().notNull(),
  weekday: integer('weekday'),
  startsAt: time('starts_at').notNull(),
  endsAt: time('ends_at').notNull(),
  startsOn: day('starts_on').notNull(),
  endsOn: day('ends_on').notNull(),
  isAnnounced: boolean('is_announced').notNull(),
  anonymousRepeatParticipants: integer('anonymous_repeat_participants'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const groupSessions = pgTable('group_sessions', {
  id: uuid('id').primaryKey(),
  seriesId: uuid('series_id').notNull(),
  day: day('day').notNull(),
  startsAt: time('starts_at').notNull(),
  endsAt: time('ends_at').notNull(),
  room: text('room').notNull(),
  theme: text('theme').notNull(),
  isThemePublished: boolean('is_theme_published').notNull(),
  isCancelled: boolean('is_cancelled').notNull(),
  anonymousTotal: integer('anonymous_total'),
  anonymousReturning: integer('anonymous_returning'),
  anonymousNew: integer('anonymous_new'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const groupAttendees = pgTable('group_attendees', {
  sessionId: uuid('session_id').notNull(),
  visitorCode: text('visitor_code').notNull(),
}, (t) => [primaryKey({ columns: [t.sessionId, t.visitorCode] })]);

export const feedbackForms = pgTable('feedback_forms', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  templateKey: text('template_key'),
  audience: text('audience').$type<FeedbackAudience>().notNull(),
  isActive: boolean('is_active').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const feedbackFormVersions = pgTable('feedback_form_versions', {
  id: uuid('id').primaryKey(),
  formId: uuid('form_id').notNull(),
  version: integer('version').notNull(),
  nameFi: text('name_fi').notNull(),
  nameSv: text('name_sv').notNull(),
  nameEn: text('name_en').notNull(),
  introFi: text('intro_fi').notNull(),
  introSv: text('intro_sv').notNull(),
  introEn: text('intro_en').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
});

export const feedbackItems = pgTable('feedback_items', {
  id: uuid('id').primaryKey(),
  versionId: uuid('version_id').notNull(),
  position: integer('position').notNull(),
  kind: text('kind').$type<FeedbackItemKind>().notNull(),
  textFi: text('text_fi').notNull(),
  textSv: text('text_sv').notNull(),
  textEn: text('text_en').notNull(),
  allowsNotApplicable: boolean('allows_not_applicable').notNull(),
  scaleMin: integer('scale_min').$type<0 | 1>(),
  options: jsonb('options').$type<ChoiceOption[]>().notNull(),
});

/** No time, address, agent, device or user: see the migration. */
export const feedbackResponses = pgTable('feedback_responses', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  siteId: uuid('site_id').notNull(),
  formVersionId: uuid('form_version_id').notNull(),
  outreachSessionId: uuid('outreach_session_id'),
  groupSessionId: uuid('group_session_id'),
  channel: text('channel').$type<FeedbackChannel>().notNull(),
  locale: text('locale').$type<Locale>().notNull(),
  submittedOn: day('submitted_on').notNull(),
});

export const feedbackAnswers = pgTable('feedback_answers', {
  responseId: uuid('response_id').notNull(),
  itemId: uuid('item_id').notNull(),
  score: integer('score'),
  isNotApplicable: boolean('is_not_applicable').notNull(),
  choices: jsonb('choices').$type<string[]>(),
  textValue: text('text_value'),
}, (t) => [primaryKey({ columns: [t.responseId, t.itemId] })]);

export const feedbackKiosks = pgTable('feedback_kiosks', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  siteId: uuid('site_id').notNull(),
  formId: uuid('form_id').notNull(),
  outreachSessionId: uuid('outreach_session_id'),
  groupSessionId: uuid('group_session_id'),
  tokenHash: text('token_hash').notNull(),
  pinHash: text('pin_hash').notNull(),
  unlockedBy: uuid('unlocked_by').notNull(),
  unlockedAt: ts('unlocked_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  closedAt: ts('closed_at'),
  openedOn: day('opened_on'),
  openings: integer('openings').notNull(),
  quotaAlarmOn: day('quota_alarm_on'),
  pausedAt: ts('paused_at'),
});

export const feedbackLinks = pgTable('feedback_links', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  siteId: uuid('site_id').notNull(),
  formId: uuid('form_id').notNull(),
  outreachSessionId: uuid('outreach_session_id'),
  groupSessionId: uuid('group_session_id'),
  token: text('token').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  validUntil: day('valid_until').notNull(),
  closedAt: ts('closed_at'),
  openedOn: day('opened_on'),
  openings: integer('openings').notNull(),
  quotaAlarmOn: day('quota_alarm_on'),
  pausedAt: ts('paused_at'),
});

export const feedbackOpenings = pgTable('feedback_openings', {
  tokenHash: text('token_hash').primaryKey(),
  kioskId: uuid('kiosk_id'),
  linkId: uuid('link_id'),
  formVersionId: uuid('form_version_id').notNull(),
  expiresAt: ts('expires_at').notNull(),
});

/** Migration 0010: openings per source and keyed hash of an address, in fixed windows. */
export const feedbackFloodCounters = pgTable('feedback_flood_counters', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  windowEndsAt: ts('window_ends_at').notNull(),
});

export const groupsSchema = {
  groupSeries,
  groupSessions,
  groupAttendees,
  feedbackForms,
  feedbackFormVersions,
  feedbackItems,
  feedbackResponses,
  feedbackAnswers,
  feedbackKiosks,
  feedbackLinks,
  feedbackOpenings,
  feedbackFloodCounters,
};
