import { z } from 'zod';
import { isoDay } from './outreach.js';
import { professions } from './org.js';

/**
 * Pilots (experiments) and their evaluation by the three-phase method of domain.md § 4.8: a start
 * phase (what is tried and why), one or more midpoint evaluations, and an end phase with a decision.
 */

const text = (max: number) => z.string().trim().max(max);
const answer = text(4000).default('');

export const pilotPhaseKinds = ['start', 'midpoint', 'end'] as const;
export type PilotPhaseKind = (typeof pilotPhaseKinds)[number];
export const pilotDecisions = ['continue', 'change', 'stop'] as const;
export type PilotDecision = (typeof pilotDecisions)[number];

/** The questions of each phase, in the order the form asks them (aloitusvaihe, väliarviointi, lopetusvaihe). */
export const startQuestions = ['targetGroup', 'problem', 'description', 'resources', 'expectationsPositive', 'expectationsNegative', 'evaluationMethod'] as const;
export const midpointQuestions = ['targetGroupReached', 'reachedInstead', 'overallEvaluation', 'otherNeeds', 'successes', 'failures', 'changes'] as const;
export const endQuestions = [...midpointQuestions, 'future', 'learned'] as const;
export const phaseQuestions = { start: startQuestions, midpoint: midpointQuestions, end: endQuestions } as const;
export type PhaseQuestion = (typeof startQuestions)[number] | (typeof endQuestions)[number];

const answers = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, answer])) as Record<K, typeof answer>);
const someAnswer = (fields: Record<string, unknown>) => Object.values(fields).some((v) => typeof v === 'string' && v !== '');
const needsAnswer = { message: 'write at least one answer', path: ['fields'] };

export const startFieldsSchema = answers(startQuestions);
export const midpointFieldsSchema = answers(midpointQuestions);
export const endFieldsSchema = answers(endQuestions).extend({ decision: z.enum(pilotDecisions) });
export type StartFields = z.infer<typeof startFieldsSchema>;
export type MidpointFields = z.infer<typeof midpointFieldsSchema>;
export type EndFields = z.infer<typeof endFieldsSchema>;

/** The day the phase was evaluated; absent = today. A midpoint or end cannot be before the pilot starts. */
const heldOn = isoDay.optional();

/**
 * A phase entry. Saving the start or the end again, or a midpoint with its `number`, corrects it: a new
 * revision is shown and the earlier ones are kept. A midpoint without a number is the next midpoint.
 */
export const pilotPhaseInputSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('start'), heldOn, fields: startFieldsSchema }),
    z.object({ kind: z.literal('midpoint'), number: z.number().int().min(1).max(50).optional(), heldOn, fields: midpointFieldsSchema }),
    z.object({ kind: z.literal('end'), heldOn, fields: endFieldsSchema }),
  ])
  .refine((p) => someAnswer(p.fields), needsAnswer);
export type PilotPhaseInput = z.infer<typeof pilotPhaseInputSchema>;

const ids = z.array(z.uuid()).max(200);

export const pilotInputSchema = z
  .object({
    name: text(160).min(1),
    description: text(4000).default(''),
    goals: text(4000).default(''),
    siteIds: ids.min(1),
    startsOn: isoDay,
    endsOn: isoDay,
    serviceIds: ids.default([]),
    professionalIds: ids.default([]),
  })
  .refine((p) => p.startsOn <= p.endsOn, { message: 'the end date is on or after the start', path: ['endsOn'] });
export type PilotInput = z.infer<typeof pilotInputSchema>;

/** Built without defaults, so that an edit changes only the fields it names. */
export const pilotUpdateSchema = z.object({
  name: text(160).min(1).optional(),
  description: text(4000).optional(),
  goals: text(4000).optional(),
  siteIds: ids.min(1).optional(),
  startsOn: isoDay.optional(),
  endsOn: isoDay.optional(),
  serviceIds: ids.optional(),
  professionalIds: ids.optional(),
  /** The evaluator's conclusions, shown in the report's pilot section. */
  conclusions: text(20_000).optional(),
});
export type PilotUpdate = z.infer<typeof pilotUpdateSchema>;

const localized = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
const phaseRef = z.object({ kind: z.enum(pilotPhaseKinds), number: z.number() });

/** One saved phase entry as shown: its latest revision, and who saved which revision when. */
export const phaseEntryViewSchema = z.object({
  kind: z.enum(pilotPhaseKinds),
  /** 1 for start and end; 1, 2, … for midpoints. */
  number: z.number(),
  revision: z.number(),
  fields: z.record(z.string(), z.string()),
  savedAt: z.string(),
  /** The day the phase was evaluated (for entries saved before it was asked: the day they were saved). */
  heldOn: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  /** Every revision, oldest first (the last is the one shown). */
  revisions: z.array(z.object({ revision: z.number(), savedAt: z.string(), authorName: z.string() })),
});
export type PhaseEntryView = z.infer<typeof phaseEntryViewSchema>;

export const pilotSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  sites: z.array(z.object({ id: z.string(), name: z.string() })),
  startsOn: z.string(),
  endsOn: z.string(),
  latestPhase: phaseRef.nullable(),
  decision: z.enum(pilotDecisions).nullable(),
});
export type PilotSummary = z.infer<typeof pilotSummarySchema>;

export const pilotDetailSchema = pilotSummarySchema.extend({
  description: z.string(),
  goals: z.string(),
  services: z.array(z.object({ id: z.string(), code: z.string(), names: localized })),
  professionals: z.array(z.object({ id: z.string(), displayName: z.string(), profession: z.enum(professions).nullable() })),
  conclusions: z.string(),
  phases: z.array(phaseEntryViewSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PilotDetail = z.infer<typeof pilotDetailSchema>;

type PhaseRef = { kind: PilotPhaseKind; number: number };
const phaseRank = (e: PhaseRef): number => (e.kind === 'start' ? 0 : e.kind === 'midpoint' ? e.number : 10_000);

/** Phase entries in reading order: start, midpoints by number, end. */
export const phaseOrder = (a: PhaseRef, b: PhaseRef): number => phaseRank(a) - phaseRank(b);

/** The latest phase of a pilot: the end when there is one, else the last midpoint, else the start. */
export function latestPhase(entries: PhaseRef[]): PhaseRef | null {
  const last = [...entries].sort(phaseOrder).at(-1);
  return last ? { kind: last.kind, number: last.number } : null;
}

/** What the evaluator writes next: the start, then midpoints, until the end has been written (then nothing). */
export function nextPhase(entries: PhaseRef[]): PhaseRef | null {
  if (!entries.some((e) => e.kind === 'start')) return { kind: 'start', number: 1 };
  if (entries.some((e) => e.kind === 'end')) return null;
  const last = Math.max(0, ...entries.filter((e) => e.kind === 'midpoint').map((e) => e.number));
  return { kind: 'midpoint', number: last + 1 };
}

/** The report's text key of a phase answer: 'start.targetGroup', 'midpoint.2.successes', 'end.decision'. */
export const phaseTextKey = (kind: PilotPhaseKind, number: number, field: string): string =>
  kind === 'midpoint' ? `midpoint.${number}.${field}` : `${kind}.${field}`;

