import type { AnswerInput, FeedbackItemView } from '../../domain/feedback';

/**
 * One paper form as typed in: a value per item, or nothing. Blank items are simply unanswered;
 * each item in the results has its own n.
 */
export type PaperValue = { score: number } | { notApplicable: true } | { choices: string[] } | { text: string };
export type PaperSheet = Record<string, PaperValue | undefined>;

/** The answers to send for a sheet, in the form's order; blanks (and blank text) are left out. */
export function answersOf(items: readonly FeedbackItemView[], sheet: PaperSheet): AnswerInput[] {
  return items.flatMap((item): AnswerInput[] => {
    const value = sheet[item.id];
    if (value === undefined) return [];
    if ('score' in value) return [{ itemId: item.id, score: value.score }];
    if ('notApplicable' in value) return item.allowsNotApplicable ? [{ itemId: item.id, notApplicable: true }] : [];
    if ('choices' in value) return value.choices.length === 0 ? [] : [{ itemId: item.id, choices: value.choices }];
    const text = value.text.trim();
    return text === '' ? [] : [{ itemId: item.id, text }];
  });
}

/** The scale of an item: 1–5 for a statement, 0–10 or 1–10 for a recommendation. */
export function scaleOf(item: FeedbackItemView): number[] {
  const [from, to] = item.kind === 'agreement' ? [1, 5] : [item.scaleMin ?? 0, 10];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** A multiple-choice box ticked or cleared, keeping the options' own order. */
export function toggleChoice(item: FeedbackItemView, chosen: readonly string[], key: string, on: boolean): string[] {
  const next = new Set(chosen);
  if (on) next.add(key);
  else next.delete(key);
  return item.options.map((o) => o.key).filter((k) => next.has(k));
}
