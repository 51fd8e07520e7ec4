import { z } from 'zod';
import { encounterInputSchema, encounterUpdateSchema, isoDay, referralInputSchema } from '../../domain/outreach.js';
import { isPlausibleInstant, isRealDay } from '../db/helsinki-time.js';

const input = encounterInputSchema.shape;

/** A 'YYYY-MM-DD' that exists in the calendar. */
export const calendarDay = isoDay.refine(isRealDay, 'a date that exists in the calendar');
const occurredAt = input.occurredAt.refine(isPlausibleInstant, 'a time in this century');

/** The shared encounter input with its times held to real calendar values. */
export const encounterCreateSchema = encounterInputSchema.extend({
  occurredAt,
  referrals: z.array(referralInputSchema.extend({ followUpOn: calendarDay.nullable().default(null) })).max(10).default([]),
});

/** What an edit may change (absent fields stay absent), with times held to real calendar values. */
export const encounterPatchSchema = encounterUpdateSchema.extend({ occurredAt: occurredAt.optional() });
export type EncounterPatch = z.infer<typeof encounterPatchSchema>;

/** Why a coordinator changes someone else's entry; kept in the audit log (no names of visitors). */
const correctionReason = z.string().trim().min(3, 'a reason of at least 3 characters').max(300);

/**
 * A coordinator's correction: the fields of an edit except the codes (a coordinator belongs to neither
 * register and cannot see them) and the professionals (who was there is the professionals' to say).
 */
export const encounterCorrectionSchema = z.object({
  reason: correctionReason,
  // strict: a coordinator who sends codes or professionals is told so, rather than silently ignored
  changes: encounterPatchSchema.omit({ needs: true, support: true, professionalIds: true }).strict(),
});
export type EncounterCorrection = z.infer<typeof encounterCorrectionSchema>;
export const encounterRemovalSchema = z.object({ reason: correctionReason });

export const MAX_SUMMARY_DAYS = 366;

export const summaryQuerySchema = z
  .object({ from: calendarDay, to: calendarDay })
  .refine((q) => q.from <= q.to, { message: 'from is on or before to', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_SUMMARY_DAYS, { message: `at most ${MAX_SUMMARY_DAYS} days`, path: ['to'] });

/**
 * Counts only — no person-level data — for day-centre staff and coordinators as well as professionals.
 * A joint encounter is one meeting and one professional contact per professional (domain.md § 4.3).
 */
export const encounterSummarySchema = z.object({
  from: z.string(),
  to: z.string(),
  meetings: z.number(),
  professionalContacts: z.number(),
  jointMeetings: z.number(),
  anonymous: z.number(),
  withCode: z.number(),
  urgent: z.number(),
  /** Every day of the period, in order, including days without meetings. */
  byDay: z.array(z.object({ day: z.string(), meetings: z.number() })),
});
export type EncounterSummary = z.infer<typeof encounterSummarySchema>;

export const dayQuerySchema = z.object({ day: calendarDay.optional() });
