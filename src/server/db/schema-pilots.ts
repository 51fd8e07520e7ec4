// Drizzle definitions for migration 0004_pilots.sql (the migration is the truth).
import { date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PilotPhaseKind } from '../../domain/pilots.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const pilots = pgTable('pilots', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  goals: text('goals').notNull(),
  startsOn: day('starts_on').notNull(),
  endsOn: day('ends_on').notNull(),
  conclusions: text('conclusions').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const pilotSites = pgTable('pilot_sites', {
  pilotId: uuid('pilot_id').notNull(),
  siteId: uuid('site_id').notNull(),
}, (t) => [primaryKey({ columns: [t.pilotId, t.siteId] })]);

export const pilotServices = pgTable('pilot_services', {
  pilotId: uuid('pilot_id').notNull(),
  serviceId: uuid('service_id').notNull(),
}, (t) => [primaryKey({ columns: [t.pilotId, t.serviceId] })]);

export const pilotProfessionals = pgTable('pilot_professionals', {
  pilotId: uuid('pilot_id').notNull(),
  userId: uuid('user_id').notNull(),
}, (t) => [primaryKey({ columns: [t.pilotId, t.userId] })]);

/** Append-only: a correction is a new revision (see the migration's trigger). */
export const pilotPhaseEntries = pgTable('pilot_phase_entries', {
  id: uuid('id').primaryKey(),
  pilotId: uuid('pilot_id').notNull(),
  kind: text('kind').$type<PilotPhaseKind>().notNull(),
  number: integer('number').notNull(),
  revision: integer('revision').notNull(),
  fields: jsonb('fields').$type<Record<string, string>>().notNull(),
  authorId: uuid('author_id').notNull(),
  savedAt: ts('saved_at').notNull(),
  heldOn: day('held_on'),
});

export const pilotsSchema = { pilots, pilotSites, pilotServices, pilotProfessionals, pilotPhaseEntries };
