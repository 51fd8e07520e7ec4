// Drizzle definitions for migration 0037_regional_indicators.sql (the migration is the truth).
import { boolean, date, doublePrecision, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { IndicatorGender, IndicatorSource } from '../../domain/indicators/indicators.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const indicators = pgTable('indicators', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  source: text('source').$type<IndicatorSource>().notNull(),
  sourceRef: text('source_ref').notNull(),
  titleFi: text('title_fi').notNull(),
  titleSv: text('title_sv'),
  titleEn: text('title_en'),
  unit: text('unit'),
  decimals: integer('decimals'),
  attribution: text('attribution').notNull(),
  licence: text('licence'),
  licenceUrl: text('licence_url'),
  isExample: boolean('is_example').notNull(),
  dataUpdated: text('data_updated'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const indicatorValues = pgTable('indicator_values', {
  indicatorId: uuid('indicator_id').notNull(),
  areaCode: text('area_code').notNull(),
  year: integer('year').notNull(),
  gender: text('gender').$type<IndicatorGender>().notNull(),
  value: doublePrecision('value'),
  retrievedOn: date('retrieved_on', { mode: 'string' }).notNull(),
}, (t) => [primaryKey({ columns: [t.indicatorId, t.areaCode, t.year, t.gender] })]);

export const indicatorAreas = pgTable('indicator_areas', {
  regionId: uuid('region_id').notNull(),
  areaCode: text('area_code').notNull(),
  category: text('category'),
  code: text('code'),
  titleFi: text('title_fi').notNull(),
  titleSv: text('title_sv'),
  titleEn: text('title_en'),
}, (t) => [primaryKey({ columns: [t.regionId, t.areaCode] })]);

export const indicatorAreaChoices = pgTable('indicator_area_choices', {
  regionId: uuid('region_id').primaryKey(),
  homeAreaCode: text('home_area_code').notNull(),
  countryAreaCode: text('country_area_code').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at').notNull(),
});
