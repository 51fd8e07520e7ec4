import { z } from 'zod';
import { ageBands, genders } from './code-lists.js';
import { isCalendarDay } from './calendar.js';
import { translationsInputSchema } from './translations.js';

/** Input schemas and enumerations of outreach work (domain.md §§ 4.2–4.5), shared by server and web. */

export const sessionKinds = ['reception', 'group', 'other'] as const;
export type SessionKind = (typeof sessionKinds)[number];
export const recurrences = ['weekly', 'monthly_nth', 'one_off'] as const;
export type Recurrence = (typeof recurrences)[number];

export const referralWays = ['advised', 'booked_together', 'e_contact_together', 'escorted'] as const;
export type ReferralWay = (typeof referralWays)[number];
export const referralStatuses = ['suggested', 'booked', 'realised', 'not_realised', 'unknown'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];
/** A referral is closed once its outcome is known (or declared unknown); its memo is purged 30 days later. */
export const closedStatuses: readonly ReferralStatus[] = ['realised', 'not_realised', 'unknown'];
/**
 * The status a referral starts with (domain.md § 4.4: suggested → booked → realised …). Only an advised
 * referral is merely suggested; one booked together, made by an electronic contact together or escorted
 * is already agreed with the service, so it starts as booked. An outcome given at once (realised, not
 * realised, unknown) or an explicit booked is kept; "suggested" or nothing becomes what the way implies —
 * queued offline entries of older clients still send "suggested" for every way.
 */
export function initialReferralStatus(way: ReferralWay, status: ReferralStatus | undefined): ReferralStatus {
  if (status !== undefined && status !== 'suggested') return status;
  return way === 'advised' ? 'suggested' : 'booked';
}
export const MEMO_MAX = 200;
export const MEMO_PURGE_DAYS = 30;

/** True for a 'YYYY-MM-DD' that exists in the calendar (no 30 February), in years 1900–2999. */
export const isRealDay = isCalendarDay;

export const isoDay = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'date as YYYY-MM-DD')
  .refine(isRealDay, 'a date that exists in the calendar');
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'time as HH:MM');
const uuid = z.uuid();
const shortText = (max: number) => z.string().trim().max(max);

export const sessionProfessionalSchema = z.object({ userId: uuid, hours: z.number().min(0).max(24).optional() });

/** A plan of outreach sessions at a site: one-off, weekly, or monthly on the Nth weekday. */
export const sessionPlanSchema = z
  .object({
    room: shortText(100).default(''),
    kind: z.enum(sessionKinds).default('reception'),
    recurrence: z.enum(recurrences),
    weekday: z.number().int().min(1).max(7).optional(),
    nth: z.union([z.literal(-1), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
    startsOn: isoDay,
    endsOn: isoDay.optional(),
    startsAt: timeOfDay,
    endsAt: timeOfDay,
    professionals: z.array(sessionProfessionalSchema).max(20).default([]),
    isAnnounced: z.boolean().default(true),
    publicNote: shortText(300).default(''),
    publicNoteTranslations: translationsInputSchema(300).default({}),
    /** Days of the plan to leave out, such as the public holidays the plan form flags. */
    skipDays: z.array(isoDay).max(366).default([]),
  })
  .refine((p) => p.startsAt < p.endsAt, { message: 'starts before it ends', path: ['endsAt'] })
  .refine((p) => p.recurrence === 'one_off' || p.weekday !== undefined, { message: 'a recurring plan needs a weekday', path: ['weekday'] })
  .refine((p) => p.recurrence !== 'monthly_nth' || p.nth !== undefined, { message: 'a monthly plan needs nth', path: ['nth'] })
  .refine((p) => p.recurrence === 'one_off' || (p.endsOn !== undefined && p.endsOn >= p.startsOn), { message: 'a recurring plan needs an end date on or after the start', path: ['endsOn'] });
export type SessionPlan = z.infer<typeof sessionPlanSchema>;

export const sessionUpdateSchema = z.object({
  room: shortText(100).optional(),
  startsAt: timeOfDay.optional(),
  endsAt: timeOfDay.optional(),
  isCancelled: z.boolean().optional(),
  isAnnounced: z.boolean().optional(),
  publicNote: shortText(300).optional(),
  publicNoteTranslations: translationsInputSchema(300).optional(),
  /** Replaces the list; hours default to the session length. */
  professionals: z.array(sessionProfessionalSchema).max(20).optional(),
});
export type SessionUpdate = z.infer<typeof sessionUpdateSchema>;

const codeRef = z.string().regex(/^[a-z0-9_]{1,60}$/);
/** An encounter's code names its register, because a code such as follow_up_plan exists in both. */
export const registeredCodeRef = z.string().regex(/^(health|social):[a-z0-9_]{1,60}$/, 'code as register:code, e.g. health:blood_pressure');

export const referralInputSchema = z.object({
  id: uuid,
  serviceId: uuid,
  way: z.enum(referralWays),
  /** Absent or "suggested": what the way implies (see initialReferralStatus). */
  status: z.enum(referralStatuses).optional(),
  followUpOn: isoDay.nullable().default(null),
  memo: shortText(MEMO_MAX).nullable().default(null),
  /** The professional who made the referral, one of the encounter's; null = the one recording. */
  referredBy: uuid.nullable().default(null),
});
export type ReferralInput = z.infer<typeof referralInputSchema>;

/** Answers to "first time with me / my service?", one per professional at most. */
export const firstWithProfessionalSchema = z
  .array(z.object({ userId: uuid, isFirst: z.boolean().nullable() }))
  .max(10)
  .refine((answers) => new Set(answers.map((a) => a.userId)).size === answers.length, 'one answer per professional');

/**
 * One encounter as recorded on a phone. `id` is made on the device (UUIDv7): sending the same entry
 * again returns the stored one instead of creating a duplicate.
 */
export const encounterInputSchema = z.object({
  id: uuid,
  siteId: uuid,
  sessionId: uuid.nullable().default(null),
  occurredAt: z.iso.datetime({ offset: true }),
  /** The signed-in professional is always included; others make it a joint encounter. */
  professionalIds: z.array(uuid).max(10).default([]),
  visitorCode: z.string().trim().max(20).nullable().default(null),
  /** Asked only when anonymous; derived from the code otherwise (a value sent with a code is ignored). */
  isFirstVisit: z.boolean().nullable().default(null),
  /** Did the person stay anonymous to the professional? Independent of a visitor code; null = not asked. */
  isAnonymousToProfessional: z.boolean().nullable().default(null),
  /** "First time with me / my service?" per professional of the encounter; a professional left out = not asked. */
  firstWithProfessional: firstWithProfessionalSchema.default([]),
  ageBand: z.enum(ageBands).default('unknown'),
  gender: z.enum(genders).nullable().default(null),
  needs: z.array(registeredCodeRef).max(40).default([]),
  support: z.array(registeredCodeRef).max(40).default([]),
  isUrgent: z.boolean().default(false),
  durationMinutes: z.number().int().min(0).max(600).nullable().default(null),
  referrals: z.array(referralInputSchema).max(10).default([]),
});
export type EncounterInput = z.infer<typeof encounterInputSchema>;

/**
 * What an edit may change. Built field by field without defaults: zod fills the defaults of absent
 * fields even under `.partial()`, and `{ isUrgent: true }` must not also reset the codes.
 */
export const encounterUpdateSchema = z.object({
  sessionId: uuid.nullable().optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  professionalIds: z.array(uuid).max(10).optional(),
  visitorCode: z.string().trim().max(20).nullable().optional(),
  isFirstVisit: z.boolean().nullable().optional(),
  isAnonymousToProfessional: z.boolean().nullable().optional(),
  /** Sets the answers of the professionals listed (null clears one); the others keep theirs. */
  firstWithProfessional: firstWithProfessionalSchema.optional(),
  ageBand: z.enum(ageBands).optional(),
  gender: z.enum(genders).nullable().optional(),
  needs: z.array(registeredCodeRef).max(40).optional(),
  support: z.array(registeredCodeRef).max(40).optional(),
  isUrgent: z.boolean().optional(),
  durationMinutes: z.number().int().min(0).max(600).nullable().optional(),
});
export type EncounterUpdate = z.infer<typeof encounterUpdateSchema>;

export const referralUpdateSchema = z.object({
  status: z.enum(referralStatuses).optional(),
  followUpOn: isoDay.nullable().optional(),
  memo: shortText(MEMO_MAX).nullable().optional(),
});
export type ReferralUpdate = z.infer<typeof referralUpdateSchema>;

export const daylogInputSchema = z
  .object({
    id: uuid,
    breakfasts: z.number().int().min(0).max(10_000).default(0),
    lunches: z.number().int().min(0).max(10_000).default(0),
    estimatedVisitors: z.number().int().min(0).max(10_000).nullable().default(null),
    isClosed: z.boolean().default(false),
    openedAt: timeOfDay.nullable().default(null),
    closedAt: timeOfDay.nullable().default(null),
    events: shortText(500).default(''),
    /**
     * The version of the day's entry the form was opened with (0: the day had no entry). When given, a
     * save over a newer version is refused with 409 `conflict` instead of overwriting someone else's
     * numbers; without it the last write wins (older clients and queued entries made before it existed).
     */
    baseVersion: z.number().int().min(0).max(1_000_000).optional(),
  })
  .refine((d) => d.openedAt === null || d.closedAt === null || d.openedAt < d.closedAt, { message: 'opens before it closes', path: ['closedAt'] });
export type DaylogInput = z.infer<typeof daylogInputSchema>;

const labels = z.object({ fi: z.string().trim().min(1).max(200), sv: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) });
export const codeInputSchema = z.object({ kind: z.enum(['need', 'support']), register: z.enum(['health', 'social']), code: codeRef, labels });
export const codeUpdateSchema = z.object({ labels: labels.optional(), isActive: z.boolean().optional(), sortOrder: z.number().int().min(0).max(10_000).optional() });
export const serviceInputSchema = z.object({ code: codeRef, names: labels, sortOrder: z.number().int().min(0).max(10_000).default(100) });
export const serviceUpdateSchema = z.object({ names: labels.optional(), isActive: z.boolean().optional(), sortOrder: z.number().int().min(0).max(10_000).optional() });
