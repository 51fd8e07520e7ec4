// Drizzle definitions for migrations 0033_structural_reporting.sql and 0038 (the migrations are the truth).
import { date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AddresseeLevel, ObservationCategory, ObservationEventKind, ObservationStatus } from '../../domain/structural/observations.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const structuralObservations = pgTable('structural_observations', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  siteId: uuid('site_id').notNull(),
  municipalityCode: text('municipality_code').notNull(),
  category: text('category').$type<ObservationCategory>().notNull(),
  categoryOther: text('category_other'),
  description: text('description').notNull(),
  affectedGroup: text('affected_group').notNull(),
  affectedEstimate: integer('affected_estimate'),
  sinceMonth: text('since_month'),
  proposedAction: text('proposed_action').notNull(),
  addresseeLevel: text('addressee_level').$type<AddresseeLevel>().notNull(),
  status: text('status').$type<ObservationStatus>().notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
  submittedAt: ts('submitted_at'),
  submittedDay: day('submitted_day'),
  answerDueDay: day('answer_due_day'),
  answerText: text('answer_text'),
  answeredBy: uuid('answered_by'),
  answeredAt: ts('answered_at'),
});

export const structuralCosigners = pgTable('structural_cosigners', {
  observationId: uuid('observation_id').notNull(),
  userId: uuid('user_id').notNull(),
  signedAt: ts('signed_at').notNull(),
}, (t) => [primaryKey({ columns: [t.observationId, t.userId] })]);

export const structuralEvents = pgTable('structural_events', {
  id: uuid('id').primaryKey(),
  observationId: uuid('observation_id').notNull(),
  at: ts('at').notNull(),
  actorId: uuid('actor_id'),
  kind: text('kind').$type<ObservationEventKind>().notNull(),
  status: text('status').$type<ObservationStatus>().notNull(),
});

export const structuralQuarterlyReports = pgTable('structural_quarterly_reports', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  municipalityCode: text('municipality_code').notNull(),
  year: integer('year').notNull(),
  quarter: integer('quarter').notNull(),
  compiledBy: uuid('compiled_by').notNull(),
  compiledAt: ts('compiled_at').notNull(),
  presentedOn: day('presented_on'),
  // Migration 0038: delivered to the managers, and so closed.
  deliveredAt: ts('delivered_at'),
  deliveredBy: uuid('delivered_by'),
});

// Migration 0038.
export const managerMunicipalities = pgTable('manager_municipalities', {
  userId: uuid('user_id').notNull(),
  municipalityCode: text('municipality_code').notNull(),
  regionId: uuid('region_id').notNull(),
  createdAt: ts('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.userId, t.municipalityCode] })]);

export const structuralNotifications = pgTable('structural_notifications', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  observationId: uuid('observation_id').notNull(),
  eventId: uuid('event_id').notNull(),
  status: text('status').$type<ObservationStatus>().notNull(),
  at: ts('at').notNull(),
  seenAt: ts('seen_at'),
});
