import type { TFunction } from 'i18next';
import type { SiteView } from '../../domain/api-types';
import type { OpeningHours, SiteKind } from '../../domain/org';
import { toApiTime, toDisplayTime } from './time';
import { isValidSlug } from '../../domain/site-address';
import type { Translations } from '../../domain/translations';
import { noTranslations, translationValues, type TranslationValues } from '../common/translation-fields';

export type HoursRow = { key: string; weekday: number; opens: string; closes: string };
export type RoomRow = { key: string; name: string } & TranslationValues;
export type SiteFormValues = {
  name: string;
  nameTranslations: TranslationValues;
  /** The short public address; empty on a new site means "made from the name". */
  slug: string;
  kind: SiteKind;
  address: string;
  hours: HoursRow[];
  rooms: RoomRow[];
  isActive: boolean;
};
/** Errors keyed by the id of the field they belong to, so the error summary can link to it. */
export type FieldErrors = Record<string, string>;
export type SitePayload = {
  name: string;
  kind: SiteKind;
  address: string;
  openingHours: OpeningHours[];
  rooms: string[];
  slug?: string;
  nameTranslations: Translations;
  roomTranslations: Record<string, Translations>;
};

let nextKey = 0;
/** Stable React keys for rows the user adds and removes. */
export const newRowKey = (): string => `row-${++nextKey}`;

export const emptySite = (): SiteFormValues => ({
  name: '',
  nameTranslations: noTranslations(),
  slug: '',
  kind: 'day_centre',
  address: '',
  hours: [],
  rooms: [],
  isActive: true,
});

export function siteToValues(site: SiteView): SiteFormValues {
  return {
    name: site.name,
    nameTranslations: translationValues(site.nameTranslations),
    slug: site.slug,
    kind: site.kind,
    address: site.address,
    hours: site.openingHours.map((h) => ({
      key: newRowKey(),
      weekday: h.weekday,
      opens: toDisplayTime(h.opens),
      closes: toDisplayTime(h.closes),
    })),
    rooms: site.rooms.map((name) => ({ key: newRowKey(), name, ...translationValues(site.roomTranslations[name]) })),
    isActive: site.isActive,
  };
}

export const hoursFieldId = (row: HoursRow, part: 'opens' | 'closes'): string => `hours-${row.key}-${part}`;
export const roomFieldId = (row: RoomRow): string => `room-${row.key}`;
export const slugFieldId = 'site-slug';

function checkHours(t: TFunction, rows: HoursRow[], errors: FieldErrors): OpeningHours[] {
  const result: OpeningHours[] = [];
  for (const row of rows) {
    const opens = toApiTime(row.opens);
    const closes = toApiTime(row.closes);
    if (opens === null) errors[hoursFieldId(row, 'opens')] = t('sites.errors.time');
    if (closes === null) errors[hoursFieldId(row, 'closes')] = t('sites.errors.time');
    if (opens !== null && closes !== null && opens >= closes) {
      errors[hoursFieldId(row, 'closes')] = t('sites.errors.closesBeforeOpens');
    }
    if (opens !== null && closes !== null) result.push({ weekday: row.weekday, opens, closes });
  }
  return result.sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
}

/** Checks the form the way the API's schema will, with messages the user can act on. */
export function validateSite(t: TFunction, values: SiteFormValues): { payload: SitePayload; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (values.name.trim() === '') errors['site-name'] = t('sites.errors.nameRequired');
  const slug = values.slug.trim().toLowerCase();
  if (slug !== '' && !isValidSlug(slug)) errors[slugFieldId] = t('announcements.slug.format');
  const openingHours = checkHours(t, values.hours, errors);
  const rooms: string[] = [];
  const roomTranslations: Record<string, Translations> = {};
  for (const row of values.rooms) {
    if (row.name.trim() === '') errors[roomFieldId(row)] = t('sites.errors.roomRequired');
    else {
      rooms.push(row.name.trim());
      roomTranslations[row.name.trim()] = { sv: row.sv.trim(), en: row.en.trim() };
    }
  }
  const nameTranslations = { sv: values.nameTranslations.sv.trim(), en: values.nameTranslations.en.trim() };
  const payload = {
    name: values.name.trim(), kind: values.kind, address: values.address.trim(), openingHours, rooms, nameTranslations, roomTranslations,
    // Left out when empty: the server makes the address from the name.
    ...(slug === '' ? {} : { slug }),
  };
  return { payload, errors };
}
