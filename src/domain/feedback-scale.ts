import type { Locale } from './org.js';

/**
 * The words of the answer scales, in the form's language. One source for the kiosk, the visitor's
 * phone, the printed paper form, paper entry and the results, so that a "3" means the same words
 * whichever way it was given. They are part of the form's wording (printed in the form's language,
 * whatever language the staff member's app is in), so they live here rather than in the app's i18n.
 */
export type ScaleWords = {
  /** 1 … 5 of a statement, 1 = fully disagree. */
  agreement: readonly [string, string, string, string, string];
  notApplicable: string;
  /** The ends of the 0/1–10 recommendation scale. */
  recommendationLow: string;
  recommendationHigh: string;
  /** The hints under a multiple choice and an open question. */
  chooseSeveral: string;
  noNames: string;
};

export const scaleWords: Record<Locale, ScaleWords> = {
  fi: {
    agreement: ['Täysin eri mieltä', 'Jokseenkin eri mieltä', 'En samaa enkä eri mieltä', 'Jokseenkin samaa mieltä', 'Täysin samaa mieltä'],
    notApplicable: 'Ei koske minua',
    recommendationLow: 'en lainkaan',
    recommendationHigh: 'erittäin todennäköisesti',
    chooseSeveral: 'Voit valita useamman.',
    noNames: 'Älä kirjoita nimiä tai muita tietoja, joista joku voidaan tunnistaa.',
  },
  sv: {
    agreement: ['Helt av annan åsikt', 'Delvis av annan åsikt', 'Varken av samma eller annan åsikt', 'Delvis av samma åsikt', 'Helt av samma åsikt'],
    notApplicable: 'Gäller inte mig',
    recommendationLow: 'inte alls',
    recommendationHigh: 'mycket sannolikt',
    chooseSeveral: 'Du kan välja flera.',
    noNames: 'Skriv inte namn eller annat som kan avslöja vem någon är.',
  },
  en: {
    agreement: ['Fully disagree', 'Somewhat disagree', 'Neither agree nor disagree', 'Somewhat agree', 'Fully agree'],
    notApplicable: 'Does not apply to me',
    recommendationLow: 'not at all',
    recommendationHigh: 'very likely',
    chooseSeveral: 'You can choose more than one.',
    noNames: 'Please do not write names or anything else that shows who someone is.',
  },
};

/** The words of a statement's score 1–5 (clamped) in `locale`. */
export function agreementWords(score: number, locale: Locale): string {
  return scaleWords[locale].agreement[Math.min(Math.max(Math.round(score), 1), 5) - 1]!;
}

/** "0 = not at all, 10 = very likely": the recommendation scale's ends, from its lowest value. */
export function recommendationEnds(scaleMin: number, locale: Locale): string {
  const words = scaleWords[locale];
  return `${scaleMin} = ${words.recommendationLow}, 10 = ${words.recommendationHigh}`;
}

/** "1 = Fully disagree, 5 = Fully agree": the statement scale's ends. */
export function agreementEnds(locale: Locale): string {
  const { agreement } = scaleWords[locale];
  return `1 = ${agreement[0]}, 5 = ${agreement[4]}`;
}
