import type { FeedbackItemView, FeedbackVersionView } from '../../domain/feedback';
import { agreementWords, recommendationEnds, scaleWords } from '../../domain/feedback-scale';
import type { Locale } from '../../domain/org';

/** One printed question: its text, a hint in the form's language, and a box per possible answer. */
export type BlankQuestion = { number: number; text: string; hint: string | null; boxes: string[]; isScale: boolean; isOpen: boolean };
export type BlankForm = { name: string; intro: string; footer: string; questions: BlankQuestion[] };

const inForm = (text: { fi: string; sv: string; en: string }, locale: Locale) => text[locale] || text.fi;

function answerBoxes(item: FeedbackItemView, locale: Locale): Pick<BlankQuestion, 'hint' | 'boxes' | 'isScale'> {
  const words = scaleWords[locale];
  switch (item.kind) {
    case 'agreement':
      return { hint: null, isScale: false, boxes: [...[1, 2, 3, 4, 5].map((n) => `${n} ${agreementWords(n, locale)}`), ...(item.allowsNotApplicable ? [words.notApplicable] : [])] };
    case 'recommendation': {
      const low = item.scaleMin ?? 1;
      return { hint: recommendationEnds(low, locale), isScale: true, boxes: Array.from({ length: 11 - low }, (_, i) => String(low + i)) };
    }
    case 'single_choice':
      return { hint: null, isScale: false, boxes: item.options.map((o) => inForm(o, locale)) };
    case 'multiple_choice':
      return { hint: words.chooseSeveral, isScale: false, boxes: item.options.map((o) => inForm(o, locale)) };
    case 'open_text':
      return { hint: words.noNames, isScale: false, boxes: [] };
  }
}

/**
 * A blank paper form in one language: the same version, items and scale words that the kiosk and the
 * visitor's phone show (they open the form's current version), so paper answers mean the same.
 */
export function blankForm(version: FeedbackVersionView, locale: Locale): BlankForm {
  return {
    name: inForm(version.name, locale),
    intro: inForm(version.intro, locale),
    footer: `${inForm(version.name, locale)} · v${version.version} · ${locale}`,
    questions: version.items.map((item, index) => ({ number: index + 1, text: inForm(item.text, locale), isOpen: item.kind === 'open_text', ...answerBoxes(item, locale) })),
  };
}
