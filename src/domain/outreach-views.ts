import { z } from 'zod';
import { holidayKeys } from './calendar/holidays.js';
import { ageBands, genders } from './code-lists.js';
import { professions } from './org.js';
import { translationsViewSchema } from './translations.js';
import { recurrences, referralStatuses, referralWays, sessionKinds } from './outreach.js';

/** Response shapes of the outreach API (validated by the server's serializer, read by the web). */
const labels = z.object({ fi: z.string(), sv: z.string(), en: z.string() });

export const codeViewSchema = z.object({
  kind: z.enum(['need', 'support']),
  register: z.enum(['health', 'social']),
  code: z.string(),
  labels,
  sortOrder: z.number(),
  isActive: z.boolean(),
});
export type CodeView = z.infer<typeof codeViewSchema>;

export const serviceViewSchema = z.object({ id: z.string(), regionId: z.string(), code: z.string(), names: labels, sortOrder: z.number(), isActive: z.boolean() });
export type ServiceView = z.infer<typeof serviceViewSchema>;

export const sessionProfessionalViewSchema = z.object({ userId: z.string(), displayName: z.string(), profession: z.enum(professions).nullable(), hours: z.number() });
export const sessionViewSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  seriesId: z.string().nullable(),
  room: z.string(),
  kind: z.enum(sessionKinds),
  day: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  isCancelled: z.boolean(),
  isAnnounced: z.boolean(),
  publicNote: z.string(),
  /** Optional versions of the note in Swedish and English (always sent by the server). */
  publicNoteTranslations: translationsViewSchema.optional(),
  professionals: z.array(sessionProfessionalViewSchema),
});
export type SessionView = z.infer<typeof sessionViewSchema>;
/** A planned day that falls on a Finnish public holiday or a customary eve, named in fi/sv/en. */
export const holidayFlagSchema = z.object({
  day: z.string(),
  key: z.enum(holidayKeys),
  kind: z.enum(['public_holiday', 'eve']),
  name: labels,
  /** Whether this deployment counts the day as a working day: only an eve can be (SILTA_EVES_ARE_WORKING_DAYS). */
  isWorkingDay: z.boolean(),
});
export type HolidayFlag = z.infer<typeof holidayFlagSchema>;
/** The answer to a plan: the sessions made, and which of their days are holidays (the planner may cancel those). */
export const plannedSessionsSchema = z.object({ sessions: z.array(sessionViewSchema), holidays: z.array(holidayFlagSchema) });
export type PlannedSessions = z.infer<typeof plannedSessionsSchema>;
export const seriesViewSchema = z.object({ id: z.string(), recurrence: z.enum(recurrences), sessions: z.array(sessionViewSchema) });

/** What a visitor sees on the public announcement page and poster: no staff names, only professions. */
export const announcementSchema = z.object({
  /**
   * The Finnish texts stay where they were; the optional Swedish and English versions sit beside
   * them (optional here so that older answers still parse) and the page picks the reader's language.
   */
  site: z.object({ id: z.string(), name: z.string(), address: z.string(), slug: z.string().optional(), nameTranslations: translationsViewSchema.optional() }),
  sessions: z.array(
    z.object({
      day: z.string(), startsAt: z.string(), endsAt: z.string(), room: z.string(), kind: z.enum(sessionKinds), publicNote: z.string(), professions: z.array(z.enum(professions)),
      roomTranslations: translationsViewSchema.optional(),
      publicNoteTranslations: translationsViewSchema.optional(),
    }),
  ),
  /**
   * Open group sessions in the same period (filled by the groups feature). `theme` is null unless
   * the theme was published beforehand; facilitators are never named.
   */
  groups: z.array(
    z.object({
      day: z.string(), startsAt: z.string(), endsAt: z.string(), room: z.string(), name: z.string(), theme: z.string().nullable(), description: z.string(),
      roomTranslations: translationsViewSchema.optional(),
      descriptionTranslations: translationsViewSchema.optional(),
    }),
  ),
});
export type Announcement = z.infer<typeof announcementSchema>;

export const referralViewSchema = z.object({
  id: z.string(),
  encounterId: z.string(),
  siteId: z.string(),
  serviceId: z.string(),
  way: z.enum(referralWays),
  status: z.enum(referralStatuses),
  followUpOn: z.string().nullable(),
  /** Only for the site's professionals; null otherwise. */
  memo: z.string().nullable(),
  closedAt: z.string().nullable(),
  hasSlip: z.boolean(),
  /** User id of the professional who made the referral. */
  referredBy: z.string(),
  createdAt: z.string(),
});
export type ReferralView = z.infer<typeof referralViewSchema>;

export const encounterViewSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  sessionId: z.string().nullable(),
  occurredAt: z.string(),
  /** isFirstWithProfessional: "first time with me / my service?"; null = not recorded. */
  professionals: z.array(z.object({ userId: z.string(), displayName: z.string(), profession: z.enum(professions), isFirstWithProfessional: z.boolean().nullable() })),
  isJoint: z.boolean(),
  visitorCode: z.string().nullable(),
  /** For a code holder: the first visit ever in the region (derived). Null = not known. */
  isFirstVisit: z.boolean().nullable(),
  /** Did the person stay anonymous to the professional? Null = not recorded. */
  isAnonymousToProfessional: z.boolean().nullable(),
  ageBand: z.enum(ageBands),
  gender: z.enum(genders).nullable(),
  /** Only the codes of the reader's own register (health or social), as register:code. */
  needs: z.array(z.string()),
  support: z.array(z.string()),
  isUrgent: z.boolean(),
  durationMinutes: z.number().nullable(),
  referrals: z.array(referralViewSchema),
  createdBy: z.string(),
  canEdit: z.boolean(),
  /** What the reader may do with this encounter, decided by the server's rules (the web shows only these). */
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type EncounterView = z.infer<typeof encounterViewSchema>;

export const followUpViewSchema = z.object({ referral: referralViewSchema, visitorCode: z.string(), serviceName: labels, encounterDay: z.string() });
export type FollowUpView = z.infer<typeof followUpViewSchema>;

/** The receiving service sees only the target service and the date — nothing about the person. */
export const slipViewSchema = z.object({ serviceName: labels, referredOn: z.string(), status: z.enum(['open', 'confirmed', 'expired']) });
export type SlipView = z.infer<typeof slipViewSchema>;
export const slipIssuedSchema = z.object({ code: z.string(), url: z.string(), expiresAt: z.string() });

export const visitorCodeViewSchema = z.object({
  code: z.string(),
  isRetired: z.boolean(),
  issuedAt: z.string(),
  visits: z.number(),
  lastVisitOn: z.string().nullable(),
  openReferrals: z.array(z.object({ id: z.string(), serviceName: labels, status: z.enum(referralStatuses), followUpOn: z.string().nullable() })),
});
export type VisitorCodeView = z.infer<typeof visitorCodeViewSchema>;

export const daylogViewSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  day: z.string(),
  breakfasts: z.number(),
  lunches: z.number(),
  estimatedVisitors: z.number().nullable(),
  isClosed: z.boolean(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  events: z.string(),
  /** Raised by every save; the form sends it back as `baseVersion`. */
  version: z.number(),
});
export type DaylogView = z.infer<typeof daylogViewSchema>;

export const defaultServices: { code: string; names: z.infer<typeof labels> }[] = [
  { code: 'health_station', names: { fi: 'Terveysasema', sv: 'Hälsostation', en: 'Health station' } },
  { code: 'social_guidance', names: { fi: 'Sosiaalipalvelujen palveluohjaus ja neuvonta', sv: 'Servicehandledning och rådgivning inom socialtjänsten', en: 'Social services guidance and advice' } },
  { code: 'substance_services', names: { fi: 'Päihdepalvelut', sv: 'Missbrukartjänster', en: 'Substance services' } },
  { code: 'addiction_clinic', names: { fi: 'Riippuvuuspoliklinikka', sv: 'Beroendepoliklinik', en: 'Addiction outpatient clinic' } },
  { code: 'mental_health', names: { fi: 'Mielenterveyspalvelut', sv: 'Mentalvårdstjänster', en: 'Mental health services' } },
  { code: 'kela', names: { fi: 'Kela', sv: 'FPA', en: 'Kela (social insurance)' } },
  { code: 'employment_services', names: { fi: 'Työllisyyspalvelut', sv: 'Sysselsättningstjänster', en: 'Employment services' } },
  { code: 'housing_services', names: { fi: 'Asumispalvelut', sv: 'Boendetjänster', en: 'Housing services' } },
  { code: 'third_sector', names: { fi: 'Järjestöt ja seurakunnat', sv: 'Organisationer och församlingar', en: 'Third sector and parishes' } },
];
