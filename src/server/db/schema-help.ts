// Drizzle definitions for migrations 0041_ask_for_help.sql and 0042_good_practices.sql (the migrations are the truth).
import { date, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { HelpRequestStatus } from '../../domain/help-requests/states.js';
import type { GoodPracticeStatus } from '../../domain/good-practices.js';
import type { Locale } from '../../domain/org.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const helpRequests = pgTable('help_requests', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  codeHash: text('code_hash').notNull(),
  language: text('language').$type<Locale>().notNull(),
  callbackPhone: text('callback_phone'),
  status: text('status').$type<HelpRequestStatus>().notNull(),
  assigneeId: uuid('assignee_id'),
  receivedAt: ts('received_at').notNull(),
  answerDueDay: day('answer_due_day').notNull(),
  firstReplyAt: ts('first_reply_at'),
  closedAt: ts('closed_at'),
  clientId: uuid('client_id'),
  consentRecordedAt: ts('consent_recorded_at'),
  consentRecordedBy: uuid('consent_recorded_by'),
  updatedAt: ts('updated_at').notNull(),
});

export const helpRequestMessages = pgTable('help_request_messages', {
  id: uuid('id').primaryKey(),
  requestId: uuid('request_id').notNull(),
  author: text('author').$type<'sender' | 'staff'>().notNull(),
  staffId: uuid('staff_id'),
  body: text('body').notNull(),
  at: ts('at').notNull(),
});

export const helpRequestNotes = pgTable('help_request_notes', {
  id: uuid('id').primaryKey(),
  requestId: uuid('request_id').notNull(),
  authorId: uuid('author_id').notNull(),
  body: text('body').notNull(),
  at: ts('at').notNull(),
});

export const goodPractices = pgTable('good_practices', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  title: text('title').notNull(),
  organisation: text('organisation').notNull(),
  author: text('author').notNull(),
  describedOn: day('described_on').notNull(),
  language: text('language').$type<Locale>().notNull(),
  answerModel: text('answer_model').notNull(),
  answerBenefits: text('answer_benefits').notNull(),
  answerChallenges: text('answer_challenges').notNull(),
  answerRegionWide: text('answer_region_wide').notNull(),
  answerImprovements: text('answer_improvements').notNull(),
  answerClientExample: text('answer_client_example').notNull(),
  answerSupportsClientWork: text('answer_supports_client_work').notNull(),
  pilotId: uuid('pilot_id'),
  figures: jsonb('figures').$type<{ label: string; value: string }[]>().notNull(),
  status: text('status').$type<GoodPracticeStatus>().notNull(),
  publishedAt: ts('published_at'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const goodPracticeServices = pgTable('good_practice_services', {
  goodPracticeId: uuid('good_practice_id').notNull(),
  serviceId: uuid('service_id').notNull(),
}, (t) => [primaryKey({ columns: [t.goodPracticeId, t.serviceId] })]);
