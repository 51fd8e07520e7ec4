import { describe, expect, it } from 'vitest';
import { goodPracticeQuestions } from '../../domain/good-practices';
import fi from '../i18n/features/goodPractices.fi.json';
import sv from '../i18n/features/goodPractices.sv.json';
import en from '../i18n/features/goodPractices.en.json';

describe('the good-practice questions on the page', () => {
  it('are the seed\'s seven questions verbatim in Finnish, and translated in the same order in Swedish and English', () => {
    expect(Object.entries(fi.questions)).toEqual(goodPracticeQuestions.map((q) => [q.key, q.fi]));
    for (const texts of [sv.questions, en.questions]) expect(Object.keys(texts)).toEqual(goodPracticeQuestions.map((q) => q.key));
  });
});
