import { z } from 'zod';
import { locales, type Locale } from './org.js';
import { isoDay } from './outreach.js';

/** Feedback (domain.md § 4.7): forms, answers, collection and the results arithmetic. */

export const feedbackItemKinds = ['agreement', 'recommendation', 'single_choice', 'multiple_choice', 'open_text'] as const;
export type FeedbackItemKind = (typeof feedbackItemKinds)[number];
export const feedbackAudiences = ['visitor', 'staff'] as const;
export type FeedbackAudience = (typeof feedbackAudiences)[number];
export const feedbackChannels = ['kiosk', 'link', 'paper'] as const;
export type FeedbackChannel = (typeof feedbackChannels)[number];
export type ChoiceOption = { key: string; fi: string; sv: string; en: string };
export type LocalizedText = { fi: string; sv: string; en: string };

export const AGREEMENT_MIN = 1;
export const AGREEMENT_MAX = 5;
export const RECOMMENDATION_MAX = 10;
export const OPEN_TEXT_MAX = 500;

const text = (max: number) => z.string().trim().max(max);
/** Finnish is required; Swedish and English may wait (a version is offered only in languages it has in full). */
const localized = (max: number) => z.object({ fi: text(max).min(1), sv: text(max).default(''), en: text(max).default('') });
const optionalLocalized = (max: number) => z.object({ fi: text(max).default(''), sv: text(max).default(''), en: text(max).default('') });
const optionKey = z.string().regex(/^[a-z0-9_]{1,40}$/, 'an option key of a–z, 0–9 and _');
const uuid = z.uuid();

export const choiceOptionSchema = z.object({ key: optionKey, fi: text(200).min(1), sv: text(200).default(''), en: text(200).default('') });
const options = z.array(choiceOptionSchema).min(2).max(12);

export const feedbackItemInputSchema = z.discriminatedUnion('kind', [
  /** A statement on 1 = fully disagree … 5 = fully agree. */
  z.object({ kind: z.literal('agreement'), text: localized(500), allowsNotApplicable: z.boolean().default(true) }),
  /** "Would you recommend …": 0–10 or 1–10. */
  z.object({ kind: z.literal('recommendation'), text: localized(500), scaleMin: z.union([z.literal(0), z.literal(1)]).default(1) }),
  z.object({ kind: z.literal('single_choice'), text: localized(500), options }),
  z.object({ kind: z.literal('multiple_choice'), text: localized(500), options }),
  z.object({ kind: z.literal('open_text'), text: localized(500) }),
]);
export type FeedbackItemInput = z.infer<typeof feedbackItemInputSchema>;

const uniqueOptionKeys = (items: FeedbackItemInput[], ctx: z.RefinementCtx) => {
  items.forEach((item, index) => {
    if (item.kind !== 'single_choice' && item.kind !== 'multiple_choice') return;
    if (new Set(item.options.map((o) => o.key)).size !== item.options.length) {
      ctx.addIssue({ code: 'custom', message: 'option keys must be unique within an item', path: ['items', index, 'options'] });
    }
  });
};

/** What a form says: its name, an introduction and 1–40 items. Editing replaces all of it. */
export const feedbackFormContentSchema = z
  .object({ name: localized(200), intro: optionalLocalized(1000).default({ fi: '', sv: '', en: '' }), items: z.array(feedbackItemInputSchema).min(1).max(40) })
  .superRefine((form, ctx) => uniqueOptionKeys(form.items, ctx));
export type FeedbackFormContent = z.infer<typeof feedbackFormContentSchema>;

export const feedbackFormInputSchema = z
  .object({ audience: z.enum(feedbackAudiences), name: localized(200), intro: optionalLocalized(1000).default({ fi: '', sv: '', en: '' }), items: z.array(feedbackItemInputSchema).min(1).max(40) })
  .superRefine((form, ctx) => uniqueOptionKeys(form.items, ctx));
export type FeedbackFormInput = z.infer<typeof feedbackFormInputSchema>;

export const feedbackFormPatchSchema = z.object({ isActive: z.boolean() });

/** Where feedback was given: a site, and at most one outreach session or group session there. */
export const feedbackContextSchema = z
  .object({ siteId: uuid, outreachSessionId: uuid.nullable().default(null), groupSessionId: uuid.nullable().default(null) })
  .refine((c) => c.outreachSessionId === null || c.groupSessionId === null, { message: 'either an outreach session or a group session, not both', path: ['groupSessionId'] });
export type FeedbackContext = z.infer<typeof feedbackContextSchema>;

/** One answered item. Leaving an item out is "not answered"; each item has its own n. */
export const answerInputSchema = z.union([
  z.strictObject({ itemId: uuid, score: z.number().int().min(0).max(RECOMMENDATION_MAX) }),
  z.strictObject({ itemId: uuid, notApplicable: z.literal(true) }),
  z.strictObject({ itemId: uuid, choices: z.array(optionKey).min(1).max(12) }),
  z.strictObject({ itemId: uuid, text: text(OPEN_TEXT_MAX).min(1) }),
]);
export type AnswerInput = z.infer<typeof answerInputSchema>;
const answers = z.array(answerInputSchema).min(1).max(40);

/** A visitor's answers through a kiosk or a link: the ticket of one opening, spent by this submission. */
export const submissionSchema = z.object({ ticket: z.string().min(20).max(100), locale: z.enum(locales), answers });
export type Submission = z.infer<typeof submissionSchema>;

/** Paper forms typed in by staff, marked as entered from paper; the day is the day on the paper (or of entry). */
export const paperEntrySchema = z.object({
  versionId: uuid.optional(),
  context: feedbackContextSchema,
  submittedOn: isoDay,
  responses: z.array(z.object({ locale: z.enum(locales).default('fi'), answers })).min(1).max(100),
});
export type PaperEntry = z.infer<typeof paperEntrySchema>;

export const kioskPinSchema = z.string().regex(/^\d{4,8}$/, 'a PIN of 4–8 digits');
export const kioskUnlockSchema = z.object({ formId: uuid, context: feedbackContextSchema, pin: kioskPinSchema, hours: z.number().int().min(1).max(14).default(10) });
export type KioskUnlock = z.infer<typeof kioskUnlockSchema>;
const kioskToken = z.string().min(20).max(100);
export const kioskOpenSchema = z.object({ kioskToken });
export const kioskLeaveSchema = z.object({ kioskToken, pin: z.string().min(1).max(20) });

export const linkInputSchema = z.object({ formId: uuid, context: feedbackContextSchema, validUntil: isoDay.optional() });
export type LinkInput = z.infer<typeof linkInputSchema>;

export const resultsQuerySchema = z.object({
  siteId: uuid.optional(),
  outreachSessionId: uuid.optional(),
  groupSessionId: uuid.optional(),
  groupSeriesId: uuid.optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
});
export type ResultsQuery = z.infer<typeof resultsQuerySchema>;

// ---- responses ----

const labels = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
export const feedbackItemViewSchema = z.object({
  id: z.string(),
  position: z.number(),
  kind: z.enum(feedbackItemKinds),
  text: labels,
  allowsNotApplicable: z.boolean(),
  /** Recommendation items: 0 or 1 (the top is 10); null for other kinds. */
  scaleMin: z.number().nullable(),
  options: z.array(z.object({ key: z.string(), fi: z.string(), sv: z.string(), en: z.string() })),
});
export type FeedbackItemView = z.infer<typeof feedbackItemViewSchema>;

export const feedbackVersionViewSchema = z.object({
  id: z.string(),
  formId: z.string(),
  version: z.number(),
  name: labels,
  intro: labels,
  /** Languages in which every text of the version is written. */
  locales: z.array(z.enum(locales)),
  items: z.array(feedbackItemViewSchema),
});
export type FeedbackVersionView = z.infer<typeof feedbackVersionViewSchema>;

export const feedbackFormViewSchema = z.object({
  id: z.string(),
  templateKey: z.string().nullable(),
  audience: z.enum(feedbackAudiences),
  isActive: z.boolean(),
  current: feedbackVersionViewSchema,
  versions: z.array(z.object({ id: z.string(), version: z.number(), createdAt: z.string(), responses: z.number() })),
});
export type FeedbackFormView = z.infer<typeof feedbackFormViewSchema>;
export const feedbackFormSummarySchema = z.object({ id: z.string(), templateKey: z.string().nullable(), audience: z.enum(feedbackAudiences), isActive: z.boolean(), version: z.number(), name: labels });

const contextView = z.object({ siteId: z.string(), siteName: z.string(), outreachSessionId: z.string().nullable(), groupSessionId: z.string().nullable(), day: z.string().nullable(), groupName: z.string().nullable() });
/** What a kiosk or a visitor's phone gets at each opening: the form and a one-time ticket. */
export const openedFormSchema = z.object({ ticket: z.string(), ticketExpiresAt: z.string(), context: contextView, form: feedbackVersionViewSchema });
export type OpenedForm = z.infer<typeof openedFormSchema>;

export const kioskViewSchema = z.object({ id: z.string(), formId: z.string(), context: contextView, unlockedAt: z.string(), expiresAt: z.string(), closedAt: z.string().nullable(), isOpen: z.boolean(), quotaAlarmOn: z.string().nullable(), pausedAt: z.string().nullable() });
export const kioskUnlockedSchema = z.object({ kioskToken: z.string(), kiosk: kioskViewSchema });
export const linkViewSchema = z.object({ id: z.string(), formId: z.string(), context: contextView, token: z.string(), path: z.string(), validUntil: z.string(), closedAt: z.string().nullable(), isOpen: z.boolean(), pausedAt: z.string().nullable(), quotaAlarmOn: z.string().nullable(), createdAt: z.string() });
export type LinkView = z.infer<typeof linkViewSchema>;
/** A link or kiosk that reached its daily quota of openings: staff check it and may pause or close it. */
export const quotaAlarmSchema = z.object({ kind: z.enum(['link', 'kiosk']), id: z.string(), formId: z.string(), context: contextView, reachedOn: z.string(), pausedAt: z.string().nullable() });
export type QuotaAlarm = z.infer<typeof quotaAlarmSchema>;

const base = { itemId: z.string(), position: z.number(), text: labels, n: z.number() };
const valueCount = z.object({ value: z.number(), count: z.number() });
export const itemResultSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('agreement'), notApplicable: z.number(), distribution: z.array(valueCount), shareAgreeing: z.number().nullable(), mean: z.number().nullable() }),
  z.object({ ...base, kind: z.literal('recommendation'), scaleMin: z.number(), distribution: z.array(valueCount), mean: z.number().nullable() }),
  z.object({ ...base, kind: z.literal('single_choice'), options: z.array(z.object({ key: z.string(), label: labels, count: z.number() })) }),
  z.object({ ...base, kind: z.literal('multiple_choice'), options: z.array(z.object({ key: z.string(), label: labels, count: z.number() })) }),
  /** `answers` is null unless the reader may see open answers. */
  z.object({ ...base, kind: z.literal('open_text'), answers: z.array(z.string()).nullable() }),
]);
export type ItemResult = z.infer<typeof itemResultSchema>;

export const feedbackResultsSchema = z.object({
  formId: z.string(),
  responses: z.number(),
  byChannel: z.object({ kiosk: z.number(), link: z.number(), paper: z.number() }),
  /**
   * What the response rate divides by: meetings (encounters) in the context and period, or group
   * attendance for a group context; null for staff forms. `siteCount`: without a site chosen, the
   * meetings are those of the sites where the form was in use, and this says how many; otherwise null.
   */
  peopleMet: z.object({ basis: z.enum(['meetings', 'group_attendance']), count: z.number(), siteCount: z.number().nullable() }).nullable(),
  responseRate: z.number().nullable(),
  includesOpenAnswers: z.boolean(),
  /** One block per version answered: old answers report against their own wording. */
  versions: z.array(z.object({ versionId: z.string(), version: z.number(), name: labels, responses: z.number(), items: z.array(itemResultSchema) })),
});
export type FeedbackResults = z.infer<typeof feedbackResultsSchema>;

// ---- arithmetic ----

/** An item as stored, for checking and counting answers. */
export type ItemDefinition = { id: string; position: number; kind: FeedbackItemKind; text: LocalizedText; allowsNotApplicable: boolean; scaleMin: 0 | 1 | null; options: ChoiceOption[] };
/** An answer as stored: exactly one of score, not-applicable, choices or text. */
export type StoredAnswer = { itemId: string; score: number | null; isNotApplicable: boolean; choices: string[] | null; textValue: string | null };

/** Languages in which all of a version's texts are written (Finnish is always complete). */
export function completeLocales(texts: readonly LocalizedText[], items: readonly ItemDefinition[]): Locale[] {
  const all = [...texts, ...items.map((i) => i.text), ...items.flatMap((i) => i.options)];
  return locales.filter((locale) => all.every((t) => t.fi === '' || t[locale] !== ''));
}

function storedAnswer(item: ItemDefinition, answer: AnswerInput): StoredAnswer | string {
  const none = { itemId: item.id, score: null, isNotApplicable: false, choices: null, textValue: null };
  const keys = new Set(item.options.map((o) => o.key));
  switch (item.kind) {
    case 'agreement':
      if ('notApplicable' in answer) return item.allowsNotApplicable ? { ...none, isNotApplicable: true } : 'this statement has no "does not apply"';
      return 'score' in answer && answer.score >= AGREEMENT_MIN && answer.score <= AGREEMENT_MAX ? { ...none, score: answer.score } : 'a statement takes a score 1–5';
    case 'recommendation':
      return 'score' in answer && answer.score >= (item.scaleMin ?? 0) ? { ...none, score: answer.score } : `a recommendation takes a score ${item.scaleMin ?? 0}–10`;
    case 'single_choice':
      return 'choices' in answer && answer.choices.length === 1 && keys.has(answer.choices[0]!) ? { ...none, choices: answer.choices } : 'choose exactly one of the options';
    case 'multiple_choice':
      if (!('choices' in answer) || new Set(answer.choices).size !== answer.choices.length || answer.choices.some((c) => !keys.has(c))) return 'choose among the options, each once';
      return { ...none, choices: answer.choices };
    case 'open_text':
      return 'text' in answer ? { ...none, textValue: answer.text } : 'an open question takes text';
  }
}

export type AnswerCheck = { ok: true; answers: StoredAnswer[] } | { ok: false; problem: string; itemId: string | null };

/**
 * Checks answers against a version's items: each item at most once, and of the item's kind and range.
 * Returns the rows to store, or the first problem.
 */
export function checkAnswers(items: readonly ItemDefinition[], given: readonly AnswerInput[]): AnswerCheck {
  const byId = new Map(items.map((i) => [i.id, i]));
  const stored: StoredAnswer[] = [];
  const seen = new Set<string>();
  for (const answer of given) {
    const item = byId.get(answer.itemId);
    if (!item) return { ok: false, problem: 'an answer names an item that is not on this form', itemId: answer.itemId };
    if (seen.has(item.id)) return { ok: false, problem: 'an item is answered twice', itemId: item.id };
    seen.add(item.id);
    const row = storedAnswer(item, answer);
    if (typeof row === 'string') return { ok: false, problem: row, itemId: item.id };
    stored.push(row);
  }
  if (stored.length === 0) return { ok: false, problem: 'answer at least one question', itemId: null };
  return { ok: true, answers: stored };
}

/** An item's scored answers as counts: how many gave each score, and how many said "does not apply". */
export type ScoreCounts = { byScore: ReadonlyMap<number, number>; notApplicable: number };

export function countScores(answers: readonly StoredAnswer[]): ScoreCounts {
  const byScore = new Map<number, number>();
  for (const a of answers) if (a.score !== null) byScore.set(a.score, (byScore.get(a.score) ?? 0) + 1);
  return { byScore, notApplicable: answers.filter((a) => a.isNotApplicable).length };
}

const totalOf = (counts: ScoreCounts, keep: (score: number) => boolean = () => true): number =>
  [...counts.byScore].reduce((sum, [score, n]) => (keep(score) ? sum + n : sum), 0);
const meanOf = (counts: ScoreCounts): number | null => {
  const n = totalOf(counts);
  return n === 0 ? null : [...counts.byScore].reduce((sum, [score, k]) => sum + score * k, 0) / n;
};
const distribution = (counts: ScoreCounts, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ value: from + i, count: counts.byScore.get(from + i) ?? 0 }));

/**
 * The results of an agreement or recommendation item from its score counts (null for other kinds):
 * the report reads counts from its rollups, the results page counts the answers it loads.
 */
export function scoredItemResult(item: ItemDefinition, counts: ScoreCounts): ItemResult | null {
  const base = { itemId: item.id, position: item.position, text: item.text };
  const n = totalOf(counts);
  if (item.kind === 'agreement') {
    return {
      ...base,
      kind: 'agreement',
      n,
      notApplicable: counts.notApplicable,
      distribution: distribution(counts, AGREEMENT_MIN, AGREEMENT_MAX),
      shareAgreeing: n === 0 ? null : totalOf(counts, (score) => score >= 4) / n,
      mean: meanOf(counts),
    };
  }
  if (item.kind === 'recommendation') {
    return { ...base, kind: 'recommendation', n, scaleMin: item.scaleMin ?? 0, distribution: distribution(counts, item.scaleMin ?? 0, RECOMMENDATION_MAX), mean: meanOf(counts) };
  }
  return null;
}

/**
 * One item's results: n (those who answered it), the distribution, share agreeing (4–5 of those who
 * took a position; "does not apply" is counted apart), means, option counts, and open answers when allowed.
 */
export function itemResult(item: ItemDefinition, answered: readonly StoredAnswer[], includeOpen: boolean): ItemResult {
  const own = answered.filter((a) => a.itemId === item.id);
  const base = { itemId: item.id, position: item.position, text: item.text };
  switch (item.kind) {
    case 'agreement':
    case 'recommendation':
      return scoredItemResult(item, countScores(own))!;
    case 'single_choice':
    case 'multiple_choice': {
      const chosen = own.flatMap((a) => a.choices ?? []);
      const counted = item.options.map((o) => ({ key: o.key, label: { fi: o.fi, sv: o.sv, en: o.en }, count: chosen.filter((c) => c === o.key).length }));
      return { ...base, kind: item.kind, n: own.filter((a) => a.choices !== null).length, options: counted };
    }
    case 'open_text': {
      const texts = own.flatMap((a) => (a.textValue === null ? [] : [a.textValue]));
      return { ...base, kind: 'open_text', n: texts.length, answers: includeOpen ? texts : null };
    }
  }
}

/** Responses as a share of the people met in the same context and period; null when nobody was met. */
export function responseRate(responses: number, peopleMet: number): number | null {
  return peopleMet > 0 ? responses / peopleMet : null;
}
