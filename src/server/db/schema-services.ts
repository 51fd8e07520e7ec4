// Drizzle definitions for migration 0039_service_tray.sql (the migration is the truth). The `services`
// table is migration 0002's, extended by 0039: the services feature owns it (src/server/services).
import { boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { TrayStatus } from '../../domain/services/editorial.js';
import type { ServiceContent } from '../../domain/services/description.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const trayServices = pgTable('services', {
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
  ownerUnitId: uuid('owner_unit_id'),
  responsibleUserId: uuid('responsible_user_id'),
  trayStatus: text('tray_status').$type<TrayStatus>().notNull(),
  currentVersion: integer('current_version').notNull(),
  publishedVersion: integer('published_version'),
  publishedAt: ts('published_at'),
  reviewDueOn: day('review_due_on'),
  checkedOn: day('checked_on'),
  checkedByUnitId: uuid('checked_by_unit_id'),
  ptvId: uuid('ptv_id'),
  publicModifiedAt: ts('public_modified_at'),
});

export const serviceVersions = pgTable('service_versions', {
  serviceId: uuid('service_id').notNull(),
  version: integer('version').notNull(),
  content: jsonb('content').$type<ServiceContent>().notNull(),
  savedBy: uuid('saved_by').notNull(),
  savedAt: ts('saved_at').notNull(),
  publishedBy: uuid('published_by'),
  publishedAt: ts('published_at'),
}, (t) => [primaryKey({ columns: [t.serviceId, t.version] })]);

export const serviceOrganizations = pgTable('service_organizations', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  nameFi: text('name_fi').notNull(),
  nameSv: text('name_sv').notNull(),
  nameEn: text('name_en').notNull(),
  businessId: text('business_id'),
  website: text('website').notNull(),
  email: text('email').notNull(),
  ptvId: uuid('ptv_id'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});
