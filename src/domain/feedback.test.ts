import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerInputSchema, checkAnswers, completeLocales, feedbackFormInputSchema, itemResult, responseRate, type AnswerInput, type ItemDefinition, type StoredAnswer } from './feedback.js';

const t = (fi: string, sv = `${fi} (sv)`, en = `${fi} (en)`) => ({ fi, sv, en });
const agreement: ItemDefinition = { id: 'a', position: 1, kind: 'agreement', text: t('Sain apua'), allowsNotApplicable: true, scaleMin: null, options: [] };
const strict: ItemDefinition = { ...agreement, id: 'b', allowsNotApplicable: false };
const recommend: ItemDefinition = { id: 'r', position: 2, kind: 'recommendation', text: t('Suosittelisitko?'), allowsNotApplicable: false, scaleMin: 1, options: [] };
const options = [{ key: 'yes', ...t('Kyllä') }, { key: 'no', ...t('En') }];
const single: ItemDefinition = { id: 's', position: 3, kind: 'single_choice', text: t('Pääsitkö?'), allowsNotApplicable: false, scaleMin: null, options };
const multiple: ItemDefinition = { ...single, id: 'm', kind: 'multiple_choice' };
const open: ItemDefinition = { id: 'o', position: 4, kind: 'open_text', text: t('Mitä muuta?'), allowsNotApplicable: false, scaleMin: null, options: [] };
const items = [agreement, strict, recommend, single, multiple, open];

const problemOf = (answers: AnswerInput[]) => {
  const result = checkAnswers(items, answers);
  return result.ok ? null : result.problem;
};

describe('checking answers against a form version', () => {
  it('accepts answers of the right kind and range, and stores exactly one value per answer', () => {
    const result = checkAnswers(items, [
      { itemId: 'a', notApplicable: true },
      { itemId: 'b', score: 5 },
      { itemId: 'r', score: 10 },
      { itemId: 's', choices: ['yes'] },
      { itemId: 'm', choices: ['yes', 'no'] },
      { itemId: 'o', text: 'Kiitos' },
    ]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.answers.find((a) => a.itemId === 'a')).toEqual({ itemId: 'a', score: null, isNotApplicable: true, choices: null, textValue: null });
  });

  it('refuses out-of-range scores, "does not apply" where not offered, unknown options, wrong kinds and repeats', () => {
    expect(problemOf([{ itemId: 'a', score: 0 }])).toMatch(/1–5/);
    expect(problemOf([{ itemId: 'a', score: 6 }])).toMatch(/1–5/);
    expect(problemOf([{ itemId: 'b', notApplicable: true }])).toMatch(/does not apply/);
    expect(problemOf([{ itemId: 'r', score: 0 }])).toMatch(/1–10/);
    expect(problemOf([{ itemId: 's', choices: ['yes', 'no'] }])).toMatch(/exactly one/);
    expect(problemOf([{ itemId: 'm', choices: ['maybe'] }])).toMatch(/among the options/);
    expect(problemOf([{ itemId: 'm', choices: ['yes', 'yes'] }])).toMatch(/each once/);
    expect(problemOf([{ itemId: 'o', score: 3 }])).toMatch(/text/);
    expect(problemOf([{ itemId: 'a', score: 3 }, { itemId: 'a', score: 4 }])).toMatch(/twice/);
    expect(problemOf([{ itemId: 'zzz', score: 3 }])).toMatch(/not on this form/);
    expect(problemOf([])).toMatch(/at least one/);
  });

  it('never lets an answer with two values through the schema', () => {
    expect(answerInputSchema.safeParse({ itemId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', score: 3, text: 'x' }).success).toBe(false);
  });

  it('accepts only what the schema and the form allow, whatever is sent (property)', () => {
    const anyAnswer = fc.record({ itemId: fc.constantFrom('a', 'b', 'r', 's', 'm', 'o'), value: fc.oneof(fc.integer({ min: -2, max: 12 }).map((score) => ({ score })), fc.constant({ notApplicable: true as const }), fc.array(fc.constantFrom('yes', 'no', 'x'), { maxLength: 3 }).map((choices) => ({ choices })), fc.string({ minLength: 1, maxLength: 5 }).map((text) => ({ text }))) });
    fc.assert(
      fc.property(fc.array(anyAnswer, { maxLength: 8 }), (drawn) => {
        const answers = drawn.map((d) => ({ itemId: d.itemId, ...d.value }));
        const result = checkAnswers(items, answers);
        if (!result.ok) return;
        for (const stored of result.answers) {
          const values = [stored.score, stored.choices, stored.textValue].filter((v) => v !== null).length + (stored.isNotApplicable ? 1 : 0);
          expect(values).toBe(1);
          const item = items.find((i) => i.id === stored.itemId)!;
          if (item.kind === 'agreement' && stored.score !== null) expect(stored.score).toBeGreaterThanOrEqual(1);
          if (item.kind === 'agreement' && stored.score !== null) expect(stored.score).toBeLessThanOrEqual(5);
          if (stored.choices) expect(stored.choices.every((c) => c === 'yes' || c === 'no')).toBe(true);
        }
      }),
    );
  });
});

describe('feedback results', () => {
  const answer = (itemId: string, value: Partial<StoredAnswer>): StoredAnswer => ({ itemId, score: null, isNotApplicable: false, choices: null, textValue: null, ...value });

  it('gives each statement its own n, the distribution, the share agreeing (4–5) and the mean, with "does not apply" apart', () => {
    const answered = [answer('a', { score: 5 }), answer('a', { score: 4 }), answer('a', { score: 2 }), answer('a', { score: 1 }), answer('a', { isNotApplicable: true }), answer('b', { score: 3 })];
    const result = itemResult(agreement, answered, false);
    expect(result).toMatchObject({ kind: 'agreement', n: 4, notApplicable: 1, shareAgreeing: 0.5, mean: 3 });
    if (result.kind === 'agreement') expect(result.distribution.map((d) => d.count)).toEqual([1, 1, 0, 1, 1]);
  });

  it('means recommendations over the item’s own scale and counts options per key', () => {
    const recommendation = itemResult(recommend, [answer('r', { score: 10 }), answer('r', { score: 7 })], false);
    expect(recommendation).toMatchObject({ kind: 'recommendation', n: 2, mean: 8.5, scaleMin: 1 });
    if (recommendation.kind === 'recommendation') expect(recommendation.distribution).toHaveLength(10);
    const choices = itemResult(multiple, [answer('m', { choices: ['yes', 'no'] }), answer('m', { choices: ['yes'] })], false);
    expect(choices).toMatchObject({ n: 2, options: [{ key: 'yes', count: 2 }, { key: 'no', count: 1 }] });
  });

  it('lists open answers only for readers allowed to see them, but always counts them', () => {
    const answered = [answer('o', { textValue: 'Hyvä' }), answer('o', { textValue: 'Lisää aikoja' })];
    expect(itemResult(open, answered, true)).toMatchObject({ n: 2, answers: ['Hyvä', 'Lisää aikoja'] });
    expect(itemResult(open, answered, false)).toMatchObject({ n: 2, answers: null });
  });

  it('has no share or mean without answers, and no response rate when nobody was met', () => {
    expect(itemResult(agreement, [], false)).toMatchObject({ n: 0, shareAgreeing: null, mean: null });
    expect(responseRate(3, 0)).toBeNull();
    expect(responseRate(3, 12)).toBe(0.25);
  });
});

describe('form content', () => {
  it('offers a version only in the languages all its texts are written in', () => {
    expect(completeLocales([t('Nimi')], items)).toEqual(['fi', 'sv', 'en']);
    expect(completeLocales([{ fi: 'Nimi', sv: 'Namn', en: '' }], items)).toEqual(['fi', 'sv']);
    expect(completeLocales([t('Nimi')], [{ ...open, text: { fi: 'Mitä?', sv: '', en: 'What?' } }])).toEqual(['fi', 'en']);
  });

  it('needs Finnish texts and unique option keys', () => {
    expect(feedbackFormInputSchema.safeParse({ audience: 'visitor', name: { fi: '' }, items: [{ kind: 'open_text', text: { fi: 'x' } }] }).success).toBe(false);
    const twice = { kind: 'single_choice', text: { fi: 'x' }, options: [{ key: 'a', fi: 'A' }, { key: 'a', fi: 'B' }] };
    expect(feedbackFormInputSchema.safeParse({ audience: 'visitor', name: { fi: 'F' }, items: [twice] }).success).toBe(false);
  });
});
