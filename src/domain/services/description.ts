import { z } from 'zod';
import { municipalityCodeSchema } from '../municipalities.js';
import { trayCategories } from './categories.js';

/**
 * A service's description on the tray: the nine fields of the Raahe template (LIITE 2, "Anne Kujansuu
 * 2015") in Finnish, Swedish and English, with fields 1, 2 and 4 split into structured parts (contact
 * channels, organiser and producers, self-referral and the municipalities covered), the locations with
 * their opening hours, and an optional count of places available. A draft may be incomplete: what
 * publishing needs is checked by `missingForPublication` (editorial.ts), not by this schema.
 */

const text = (max: number) => z.string().trim().max(max);
/** One text in the three languages; Finnish is the original, an empty Swedish or English shows the Finnish. */
export const localizedTextSchema = (max: number) => z.strictObject({ fi: text(max), sv: text(max).default(''), en: text(max).default('') });
export type LocalizedText = { fi: string; sv: string; en: string };
const prose = localizedTextSchema(4000);
const empty: LocalizedText = { fi: '', sv: '', en: '' };

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time as HH:MM');
const day = z.iso.date();

export const contactKinds = ['phone', 'email', 'web', 'chat', 'visit'] as const;
export type ContactKind = (typeof contactKinds)[number];

export const contactChannelSchema = z.strictObject({
  kind: z.enum(contactKinds),
  value: text(500).min(1),
  /** What the channel is for ("Ajanvaraus", "Neuvonta"); may be empty. */
  label: localizedTextSchema(200).default(empty),
});

/** One weekly opening period; weekday 1 = Monday … 7 = Sunday (ISO 8601). */
export const weeklyHoursSchema = z
  .strictObject({ weekday: z.number().int().min(1).max(7), opens: hhmm, closes: hhmm })
  .refine((h) => h.opens < h.closes, { message: 'opens must be before closes', path: ['closes'] });

/** A day that differs from the weekly rule: closed, or open at other times (a holiday's eve, a summer day). */
export const hoursExceptionSchema = z
  .strictObject({ day, closed: z.boolean(), opens: hhmm.optional(), closes: hhmm.optional(), note: localizedTextSchema(200).default(empty) })
  .refine((e) => e.closed || (e.opens !== undefined && e.closes !== undefined && e.opens < e.closes), { message: 'an open exception needs opens before closes', path: ['opens'] });

export const openingHoursSchema = z.strictObject({
  weekly: z.array(weeklyHoursSchema).max(21).default([]),
  exceptions: z.array(hoursExceptionSchema).max(100).default([]),
  /** Finnish public holidays (the calendar module's) close the location unless an exception opens it. */
  closedOnPublicHolidays: z.boolean().default(true),
});
export type OpeningHoursRules = z.infer<typeof openingHoursSchema>;

export const locationSchema = z.strictObject({
  /** Stable across versions (HSDS location id); a new location is given one by the server. */
  id: z.uuid().optional(),
  name: localizedTextSchema(200),
  street: text(200).default(''),
  postalCode: z.string().regex(/^(\d{5})?$/, 'five digits or empty').default(''),
  city: text(100).default(''),
  municipalityCode: municipalityCodeSchema.nullable().default(null),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  openingHours: openingHoursSchema.default({ weekly: [], exceptions: [], closedOnPublicHolidays: true }),
});

export const serviceContentSchema = z.strictObject({
  // 1 Palvelu: name and contact details.
  names: localizedTextSchema(200),
  contacts: z.array(contactChannelSchema).max(20).default([]),
  categories: z.array(z.enum(trayCategories)).max(trayCategories.length).default([]),
  // 2 Palveluntuottaja, palvelunjärjestäjä.
  organiserId: z.uuid().nullable().default(null),
  producerIds: z.array(z.uuid()).max(20).default([]),
  producerNote: prose.default(empty),
  // 3 Kuvaus.
  description: prose.default(empty),
  // 4 Saatavuus: how one gets in, who refers, self-referral, municipalities covered.
  access: z.strictObject({
    howToGetIn: prose.default(empty),
    selfReferral: z.boolean().nullable().default(null),
    allMunicipalities: z.boolean().default(false),
    municipalityCodes: z.array(municipalityCodeSchema).max(100).default([]),
  }).default({ howToGetIn: empty, selfReferral: null, allMunicipalities: false, municipalityCodes: [] }),
  // 5 Kohderyhmä.
  targetGroup: prose.default(empty),
  // 6 Työmuodot.
  workForms: prose.default(empty),
  // 7 Toimintaperiaatteet.
  principles: prose.default(empty),
  // 8 Tavoite.
  goal: prose.default(empty),
  // 9 Tuloksellisuus/vaikuttavuus: may say "no data yet" (ei vielä tietoa), but not be left empty.
  results: prose.default(empty),
  resultsNoDataYet: z.boolean().default(false),
  locations: z.array(locationSchema).max(30).default([]),
  /** Optional: places available now, as the unit last said. */
  placesAvailable: z.strictObject({ count: z.number().int().min(0).max(100000), asOf: day, note: localizedTextSchema(300).default(empty) }).nullable().default(null),
});

/** As stored in a version: every location has its id. */
export type ServiceContent = Omit<z.infer<typeof serviceContentSchema>, 'locations'> & { locations: (z.infer<typeof locationSchema> & { id: string })[] };
export type ServiceContentInput = z.input<typeof serviceContentSchema>;
export type ServiceLocation = ServiceContent['locations'][number];
export type ContactChannel = z.infer<typeof contactChannelSchema>;
