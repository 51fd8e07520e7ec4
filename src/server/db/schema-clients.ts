// Drizzle definitions for migrations 0023_clients.sql, 0029_individual_support_only.sql and 0030_process_clocks_due.sql (the migrations are the truth).
import { boolean, date, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ClockBasis, ClockStep } from '../../domain/clients/clocks.js';
import type { ContactSource, EndReason, ProcessState } from '../../domain/clients/process.js';
import type { ClientRegister, ConsentPurpose, ContactPreference, GranteeKind } from '../../domain/clients/schemas.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const clients = pgTable('clients', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  siteId: uuid('site_id').notNull(),
  register: text('register').$type<ClientRegister>().notNull(),
  name: text('name').notNull(),
  identityCode: text('identity_code'),
  preferredLanguage: text('preferred_language').notNull(),
  municipalityCode: text('municipality_code'),
  contactPreference: text('contact_preference').$type<ContactPreference>().notNull(),
  ownWorkerId: uuid('own_worker_id'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const clientCareTeam = pgTable('client_care_team', {
  clientId: uuid('client_id').notNull(),
  userId: uuid('user_id').notNull(),
  isHandler: boolean('is_handler').notNull(),
  addedBy: uuid('added_by').notNull(),
  addedAt: ts('added_at').notNull(),
}, (t) => [primaryKey({ columns: [t.clientId, t.userId] })]);

export const clientConsents = pgTable('client_consents', {
  id: uuid('id').primaryKey(),
  clientId: uuid('client_id').notNull(),
  purpose: text('purpose').$type<ConsentPurpose>().notNull(),
  granteeKind: text('grantee_kind').$type<GranteeKind>().notNull(),
  granteeId: uuid('grantee_id'),
  validFrom: day('valid_from').notNull(),
  validTo: day('valid_to'),
  recordedBy: uuid('recorded_by').notNull(),
  recordedAt: ts('recorded_at').notNull(),
  revokedAt: ts('revoked_at'),
  revokedBy: uuid('revoked_by'),
});

export const clientVisitorCodes = pgTable('client_visitor_codes', {
  visitorCode: text('visitor_code').primaryKey(),
  clientId: uuid('client_id').notNull(),
  consentId: uuid('consent_id').notNull(),
  linkedFrom: ts('linked_from').notNull(),
  linkedBy: uuid('linked_by').notNull(),
});

export const clientProcesses = pgTable('client_processes', {
  id: uuid('id').primaryKey(),
  clientId: uuid('client_id').notNull(),
  state: text('state').$type<ProcessState>().notNull(),
  contactAt: ts('contact_at').notNull(),
  contactSource: text('contact_source').$type<ContactSource>().notNull(),
  isStatutoryGroup: boolean('is_statutory_group').notNull(),
  need: text('need').notNull(),
  handlerId: uuid('handler_id'),
  endedAt: ts('ended_at'),
  endReason: text('end_reason').$type<EndReason>(),
  endDetails: jsonb('end_details'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const clientProcessEvents = pgTable('client_process_events', {
  id: uuid('id').primaryKey(),
  processId: uuid('process_id').notNull(),
  type: text('type').notNull(),
  fromState: text('from_state').$type<ProcessState>(),
  toState: text('to_state').$type<ProcessState>().notNull(),
  at: ts('at').notNull(),
  byUser: uuid('by_user'),
});

export const clientProcessDeadlines = pgTable('client_process_deadlines', {
  processId: uuid('process_id').notNull(),
  /** The client's site (0030), so the coordinator's counts per site read one index. */
  siteId: uuid('site_id').notNull(),
  clockKey: text('clock_key').notNull(),
  basis: text('basis').$type<ClockBasis>().notNull(),
  step: text('step').$type<ClockStep>().notNull(),
  dueOn: day('due_on').notNull(),
  metOn: day('met_on'),
  /** The day the process ended with the step not taken: the clock stopped unmet (0030). */
  stoppedOn: day('stopped_on'),
}, (t) => [primaryKey({ columns: [t.processId, t.clockKey] })]);
