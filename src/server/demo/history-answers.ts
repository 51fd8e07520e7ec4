import type { AnswerInput, FeedbackItemView } from '../../domain/feedback.js';
import type { Locale } from '../../domain/org.js';
import type { Random } from './history-support.js';

/**
 * Made-up answer sheets: mostly 4–5, some 2–3, a few "does not apply", now and then an item left blank.
 * Each respondent has a mood, so one sheet's answers hang together.
 */

/** How likely "does not apply" is for an item, by its index on the form (0 = the first statement). */
export type NotApplicable = (index: number) => number;

function agreement(rng: Random, mood: number): number {
  const base = rng.weighted([[5, 50], [4, 31], [3, 12], [2, 5], [1, 2]] as const);
  return Math.max(1, Math.min(5, base + mood));
}

function recommendation(rng: Random, mood: number): number {
  const base = rng.weighted([[10, 33], [9, 25], [8, 20], [7, 10], [6, 5], [5, 4], [3, 3]] as const);
  return Math.max(1, Math.min(10, base + mood * 2));
}

export function answerSheet(rng: Random, items: readonly FeedbackItemView[], notApplicable: NotApplicable, openTexts: readonly string[] = []): AnswerInput[] {
  const mood = rng.weighted([[0, 80], [-1, 15], [1, 5]] as const);
  const answers: AnswerInput[] = [];
  for (const [index, item] of items.entries()) {
    if (rng.chance(0.04)) continue; // left blank: each item has its own n
    switch (item.kind) {
      case 'agreement':
        if (item.allowsNotApplicable && rng.chance(notApplicable(index))) answers.push({ itemId: item.id, notApplicable: true });
        else answers.push({ itemId: item.id, score: agreement(rng, mood) });
        break;
      case 'recommendation':
        answers.push({ itemId: item.id, score: recommendation(rng, mood) });
        break;
      case 'open_text':
        // Most staff leave most open questions empty.
        if (openTexts.length > 0 && rng.chance(0.45)) answers.push({ itemId: item.id, text: rng.pick(openTexts) });
        break;
      case 'single_choice':
      case 'multiple_choice':
        // The pilot's forms have none; the referral follow-up form has its own sheets (followUpSheet).
        break;
    }
  }
  return answers.length > 0 ? answers : [{ itemId: items[0]!.id, score: 5 }];
}

/**
 * A referral follow-up sheet ("did you get to the service?"): one of yes / not yet / no; those who did
 * not get there say what stopped them (one or two reasons); those who did, whether it helped.
 */
export function followUpSheet(rng: Random, items: readonly FeedbackItemView[]): AnswerInput[] {
  const [went, obstacles, helped] = items;
  if (went?.kind !== 'single_choice' || obstacles?.kind !== 'multiple_choice' || helped?.kind !== 'agreement') throw new Error('unexpected follow-up form');
  const outcome = rng.weighted([['yes', 55], ['not_yet', 25], ['no', 20]] as const);
  const answers: AnswerInput[] = [{ itemId: went.id, choices: [outcome] }];
  if (outcome === 'yes') {
    answers.push({ itemId: helped.id, score: agreement(rng, 0) });
  } else if (rng.chance(0.85)) {
    const reasons = ['no_appointment', 'too_hard', 'forgot', 'not_needed', 'other'] as const;
    const first = rng.weighted(reasons.map((r, i) => [r, [35, 25, 20, 10, 10][i]!] as const));
    const second = rng.chance(0.3) ? rng.pick(reasons.filter((r) => r !== first)) : null;
    answers.push({ itemId: obstacles.id, choices: second ? [first, second] : [first] });
  }
  return answers;
}

export const paperLocale = (rng: Random): Locale => rng.weighted<Locale>([['fi', 88], ['en', 8], ['sv', 4]]);

export const staffOpenAnswers = [
  'Kävijät uskalsivat tulla juttelemaan, kun vastaanotto oli tutussa paikassa.',
  'Yhteiset vastaanotot sosiaalityöntekijän kanssa toimivat hyvin.',
  'Huone oli välillä meluisa, ovi olisi hyvä saada kiinni.',
  'Toivoisin pidempää aikaa kerralla, jono kasvoi loppua kohti.',
  'Kävijät kysyvät jo etukäteen, milloin hoitaja tulee seuraavan kerran.',
  'Ilmoitukset olisi hyvä saada seinälle aiemmin.',
  'Moni asia hoitui heti, kun ei tarvinnut varata aikaa.',
];
