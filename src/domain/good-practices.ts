import { z } from 'zod';
import { locales } from './org.js';

/**
 * The good-practice description model of seed 002 (requirements-phase2 § 7.4): exactly these seven
 * questions, in this order. The Finnish wording is the seed's, verbatim, and is what the Finnish page
 * shows; the Swedish and English pages show translations (i18n goodPractices.questions.<key>).
 */
export const goodPracticeQuestions = [
  { key: 'model', fi: 'Kertokaa toimintamallista lyhyesti' },
  { key: 'benefits', fi: 'Mitkä ovat toimintamallin edut?' },
  { key: 'challenges', fi: 'Mitkä ovat toimintamallin haasteet?' },
  { key: 'regionWide', fi: 'Miten malli toimisi maakunnallisesti?' },
  { key: 'improvements', fi: 'Mitä aikuissosiaalityössä pitäisi parantaa/muuttaa?' },
  { key: 'clientExample', fi: 'Kerro asiakasesimerkki mallin toimimisesta' },
  { key: 'supportsClientWork', fi: 'Miten toimintamalli tukee asiakastyöskentelyä?' },
] as const;
export type GoodPracticeQuestionKey = (typeof goodPracticeQuestions)[number]['key'];
export const goodPracticeQuestionKeys = goodPracticeQuestions.map((q) => q.key) as [GoodPracticeQuestionKey, ...GoodPracticeQuestionKey[]];

export const goodPracticeStatuses = ['draft', 'published'] as const;
export type GoodPracticeStatus = (typeof goodPracticeStatuses)[number];

const answer = z.string().trim().max(4000);
const answersInput = z.strictObject(Object.fromEntries(goodPracticeQuestionKeys.map((k) => [k, answer])) as Record<GoodPracticeQuestionKey, typeof answer>);
export type GoodPracticeAnswers = Record<GoodPracticeQuestionKey, string>;

/** A figure of the pilot the coordinator chooses to publish with the description (e.g. "visits in the pilot: 120"). */
const figure = z.strictObject({ label: z.string().trim().min(1).max(200), value: z.string().trim().min(1).max(100) });

const fields = {
  title: z.string().trim().min(1).max(200),
  /** The municipality or organisation whose practice it is. */
  organisation: z.string().trim().min(1).max(200),
  /** Who described it (a name or a team, as they wish to be credited on the public page). */
  author: z.string().trim().min(1).max(200),
  describedOn: z.iso.date(),
  language: z.enum(locales),
  answers: answersInput,
  pilotId: z.uuid().nullable(),
  figures: z.array(figure).max(12),
  serviceIds: z.array(z.uuid()).max(20),
};

export const goodPracticeInputSchema = z.strictObject({
  ...fields,
  pilotId: fields.pilotId.default(null),
  figures: fields.figures.default([]),
  serviceIds: fields.serviceIds.default([]),
});
export type GoodPracticeInput = z.input<typeof goodPracticeInputSchema>;
export const goodPracticeUpdateSchema = z.strictObject(fields).partial();
export type GoodPracticeUpdate = z.infer<typeof goodPracticeUpdateSchema>;
export const goodPracticePublishSchema = z.strictObject({ published: z.boolean() });

const names = z.object({ fi: z.string(), sv: z.string(), en: z.string() });

/** What the public page shows: the description, its pilot (name, period, published figures) and services. */
export const publicGoodPracticeSchema = z.object({
  id: z.string(),
  title: z.string(),
  organisation: z.string(),
  author: z.string(),
  describedOn: z.string(),
  language: z.enum(locales),
  answers: z.record(z.enum(goodPracticeQuestionKeys), z.string()),
  pilot: z.object({ name: z.string(), startsOn: z.string(), endsOn: z.string() }).nullable(),
  figures: z.array(z.object({ label: z.string(), value: z.string() })),
  services: z.array(z.object({ id: z.string(), names })),
  publishedAt: z.string(),
});
export type PublicGoodPractice = z.infer<typeof publicGoodPracticeSchema>;

export const goodPracticeViewSchema = publicGoodPracticeSchema.extend({
  status: z.enum(goodPracticeStatuses),
  pilotId: z.string().nullable(),
  serviceIds: z.array(z.string()),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type GoodPracticeView = z.infer<typeof goodPracticeViewSchema>;
