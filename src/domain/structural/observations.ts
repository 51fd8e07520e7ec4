import { z } from 'zod';
import { addWorkingDays, type WorkingDaySettings } from '../calendar.js';
import { observationCategories } from './categories.js';

export { observationCategories, type ObservationCategory } from './categories.js';

/** Who the proposal is addressed to. */
export const addresseeLevels = ['unit', 'municipality', 'region'] as const;
export type AddresseeLevel = (typeof addresseeLevels)[number];

/**
 * An observation's states (requirements-phase2 § 8.5): a draft is the author's own; once submitted it is
 * compiled into the municipality's quarterly report, presented there, and a manager's answer closes
 * it as accepted, rejected, in progress or done (in progress may later become done).
 */
export const observationStatuses = ['draft', 'submitted', 'in_quarterly_report', 'presented', 'accepted', 'rejected', 'in_progress', 'done'] as const;
export type ObservationStatus = (typeof observationStatuses)[number];
export const answerOutcomes = ['accepted', 'rejected', 'in_progress', 'done'] as const;
export type AnswerOutcome = (typeof answerOutcomes)[number];
/** States a manager may answer from: any after submission except a final answer (in progress may become done). */
export const answerableStatuses: readonly ObservationStatus[] = ['submitted', 'in_quarterly_report', 'presented', 'in_progress'];

export const observationEventKinds = ['created', 'submitted', 'cosigned', 'compiled', 'presented', 'answered'] as const;
export type ObservationEventKind = (typeof observationEventKinds)[number];

/**
 * Text fields must not carry client identifiers: the form says so, and the server refuses what looks
 * like a Finnish personal identity code (ddmmyy, century sign, individual number, check character).
 */
const identityCodeLike = /\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]/i;
export const containsIdentityCode = (text: string): boolean => identityCodeLike.test(text);

const freeText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !containsIdentityCode(s), { message: 'must not contain a personal identity code' });

export const observationInputSchema = z
  .object({
    siteId: z.uuid(),
    municipalityCode: z.string().regex(/^[0-9]{3}$/),
    category: z.enum(observationCategories),
    categoryOther: freeText(200).nullable().default(null),
    description: freeText(4000),
    affectedGroup: freeText(500),
    affectedEstimate: z.number().int().min(0).max(1_000_000).nullable().default(null),
    sinceMonth: z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/).nullable().default(null),
    proposedAction: freeText(4000),
    addresseeLevel: z.enum(addresseeLevels),
    /** Submit at once; otherwise it is saved as the author's draft. */
    submit: z.boolean().default(false),
  })
  .strict()
  .refine((o) => (o.category === 'other') === (o.categoryOther !== null), { message: 'categoryOther is given exactly when the category is other', path: ['categoryOther'] });
export type ObservationInput = z.infer<typeof observationInputSchema>;

/** A draft's edit: every field again (the form sends the whole draft), without the site. */
export const observationUpdateSchema = z
  .object({
    municipalityCode: z.string().regex(/^[0-9]{3}$/),
    category: z.enum(observationCategories),
    categoryOther: freeText(200).nullable(),
    description: freeText(4000),
    affectedGroup: freeText(500),
    affectedEstimate: z.number().int().min(0).max(1_000_000).nullable(),
    sinceMonth: z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/).nullable(),
    proposedAction: freeText(4000),
    addresseeLevel: z.enum(addresseeLevels),
  })
  .partial()
  .strict();
export type ObservationUpdate = z.infer<typeof observationUpdateSchema>;

export const answerInputSchema = z.object({ outcome: z.enum(answerOutcomes), text: freeText(4000) }).strict();
export type AnswerInput = z.infer<typeof answerInputSchema>;

const quarterFields = { municipalityCode: z.string().regex(/^[0-9]{3}$/), year: z.coerce.number().int().min(2000).max(2100), quarter: z.coerce.number().int().min(1).max(4) };
export const quarterQuerySchema = z.object(quarterFields).strict();
export const quarterCompileSchema = z.object({ ...quarterFields, year: z.number().int().min(2000).max(2100), quarter: z.number().int().min(1).max(4) }).strict();
export const quarterPresentSchema = z.object({ ...quarterFields, year: z.number().int().min(2000).max(2100), quarter: z.number().int().min(1).max(4), presentedOn: z.iso.date() }).strict();

/** The day an answer is due: a configurable number of working days (Finnish holidays off) after submission. */
export function answerDueDay(submittedDay: string, workingDays: number, settings: WorkingDaySettings): string {
  return addWorkingDays(submittedDay, workingDays, settings);
}

/** An answer is overdue once its due day has passed with no answer. */
export function isAnswerOverdue(o: { answerDueDay: string | null; answeredAt: unknown }, today: string): boolean {
  return o.answerDueDay !== null && o.answeredAt === null && today > o.answerDueDay;
}

const personSchema = z.object({ id: z.uuid(), displayName: z.string() });

export const observationViewSchema = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  municipalityCode: z.string(),
  category: z.enum(observationCategories),
  categoryOther: z.string().nullable(),
  description: z.string(),
  affectedGroup: z.string(),
  affectedEstimate: z.number().int().nullable(),
  sinceMonth: z.string().nullable(),
  proposedAction: z.string(),
  addresseeLevel: z.enum(addresseeLevels),
  status: z.enum(observationStatuses),
  createdBy: personSchema,
  createdAt: z.iso.datetime(),
  submittedDay: z.iso.date().nullable(),
  answerDueDay: z.iso.date().nullable(),
  isOverdue: z.boolean(),
  answer: z.object({ text: z.string(), by: personSchema, at: z.iso.datetime() }).nullable(),
  cosigners: z.array(personSchema.extend({ signedAt: z.iso.datetime() })),
  can: z.object({ update: z.boolean(), cosign: z.boolean(), answer: z.boolean() }),
});
export type ObservationView = z.infer<typeof observationViewSchema>;

export const observationEventSchema = z.object({ at: z.iso.datetime(), kind: z.enum(observationEventKinds), status: z.enum(observationStatuses), actor: personSchema.nullable() });
export const observationDetailSchema = observationViewSchema.extend({ timeline: z.array(observationEventSchema) });
export type ObservationDetail = z.infer<typeof observationDetailSchema>;

export const quarterlyReportSchema = z.object({
  municipalityCode: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  first: z.iso.date(),
  last: z.iso.date(),
  compiledAt: z.iso.datetime().nullable(),
  presentedOn: z.iso.date().nullable(),
  /** Delivered to the managers: the report is closed from then on. */
  deliveredAt: z.iso.datetime().nullable(),
  observations: z.array(observationViewSchema),
});
export type QuarterlyReport = z.infer<typeof quarterlyReportSchema>;

export const quarterDeliverSchema = z.object({ ...quarterFields, year: z.number().int().min(2000).max(2100), quarter: z.number().int().min(1).max(4) }).strict();
export const yearQuerySchema = z.object({ municipalityCode: quarterFields.municipalityCode, year: quarterFields.year }).strict();

/**
 * The yearly summary of one municipality for the municipal and regional wellbeing report (004:516–517):
 * the year's submitted observations by phenomenon, by state and by quarter, and the observations themselves.
 * Affected counts are the reporters' estimates, summed; no client is in them.
 */
export const yearlySummarySchema = z.object({
  municipalityCode: z.string(),
  year: z.number().int(),
  first: z.iso.date(),
  last: z.iso.date(),
  byCategory: z.array(z.object({ category: z.enum(observationCategories), count: z.number().int(), affectedEstimate: z.number().int() })),
  byStatus: z.array(z.object({ status: z.enum(observationStatuses), count: z.number().int() })),
  byQuarter: z.array(z.object({ quarter: z.number().int(), count: z.number().int(), compiledAt: z.iso.datetime().nullable(), presentedOn: z.iso.date().nullable(), deliveredAt: z.iso.datetime().nullable() })),
  observations: z.array(observationViewSchema),
});
export type YearlySummary = z.infer<typeof yearlySummarySchema>;

/** Counts of a year's observations, pure: by category (with the estimates summed) and by state, in list order. */
export function summarizeYear(rows: readonly { category: (typeof observationCategories)[number]; status: ObservationStatus; affectedEstimate: number | null; submittedDay: string | null }[]) {
  const byCategory = observationCategories
    .map((category) => {
      const of = rows.filter((r) => r.category === category);
      return { category, count: of.length, affectedEstimate: of.reduce((sum, r) => sum + (r.affectedEstimate ?? 0), 0) };
    })
    .filter((c) => c.count > 0);
  const byStatus = observationStatuses.map((status) => ({ status, count: rows.filter((r) => r.status === status).length })).filter((s) => s.count > 0);
  const quarterOf = (day: string) => Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  const byQuarter = [1, 2, 3, 4].map((quarter) => ({ quarter, count: rows.filter((r) => r.submittedDay !== null && quarterOf(r.submittedDay) === quarter).length }));
  return { byCategory, byStatus, byQuarter };
}

/** A status-change notice on the reporter's or co-signer's home page. */
export const observationNoticeSchema = z.object({
  id: z.uuid(),
  observationId: z.uuid(),
  status: z.enum(observationStatuses),
  at: z.iso.datetime(),
  seen: z.boolean(),
  category: z.enum(observationCategories),
  municipalityCode: z.string(),
});
export type ObservationNotice = z.infer<typeof observationNoticeSchema>;
export const noticesSeenSchema = z.object({ ids: z.array(z.uuid()).min(1).max(200) }).strict();
