import { describe, expect, it } from 'vitest';
import type { FeedbackItemView, FeedbackVersionView } from '../../domain/feedback';
import { agreementEnds, recommendationEnds } from '../../domain/feedback-scale';
import { blankForm } from './blank-form';

const text = (fi: string, sv: string, en: string) => ({ fi, sv, en });
const item = (id: string, kind: FeedbackItemView['kind'], extra: Partial<FeedbackItemView> = {}): FeedbackItemView => ({
  id, position: 0, kind, text: text(`${id} fi`, `${id} sv`, `${id} en`), allowsNotApplicable: false, scaleMin: null, options: [], ...extra,
});
const version: FeedbackVersionView = {
  id: 'v1', formId: 'f1', version: 3, name: text('Tapaaminen', 'Mötet', 'The meeting'), intro: text('', 'Svara anonymt.', ''), locales: ['fi', 'sv', 'en'],
  items: [
    item('a', 'agreement', { allowsNotApplicable: true }),
    item('r', 'recommendation', { scaleMin: 0 }),
    item('m', 'multiple_choice', { options: [{ key: 'x', fi: 'Aika', sv: 'Tid', en: 'Time' }, { key: 'y', fi: 'Muu', sv: '', en: 'Other' }] }),
    item('o', 'open_text'),
  ],
};

describe('the blank paper form', () => {
  it('prints the Swedish form with the kiosk’s items and the kiosk’s scale words, one box per answer', () => {
    const form = blankForm(version, 'sv');
    expect(form).toMatchObject({ name: 'Mötet', intro: 'Svara anonymt.', footer: 'Mötet · v3 · sv' });
    expect(form.questions.map((q) => [q.number, q.text])).toEqual([[1, 'a sv'], [2, 'r sv'], [3, 'm sv'], [4, 'o sv']]);
    // The kiosk's Swedish words, written out here independently of the app.
    expect(form.questions[0]!.boxes).toEqual(['1 Helt av annan åsikt', '2 Delvis av annan åsikt', '3 Varken av samma eller annan åsikt', '4 Delvis av samma åsikt', '5 Helt av samma åsikt', 'Gäller inte mig']);
    expect(form.questions[1]).toMatchObject({ isScale: true, hint: '0 = inte alls, 10 = mycket sannolikt', boxes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] });
    // An option not yet written in Swedish falls back to Finnish, as on the kiosk.
    expect(form.questions[2]).toMatchObject({ hint: 'Du kan välja flera.', boxes: ['Tid', 'Muu'] });
    expect(form.questions[3]).toMatchObject({ isOpen: true, boxes: [], hint: 'Skriv inte namn eller annat som kan avslöja vem någon är.' });
  });

  it('gives paper entry the kiosk’s scale words: one wording per language', () => {
    expect(agreementEnds('fi')).toBe('1 = Täysin eri mieltä, 5 = Täysin samaa mieltä');
    expect(recommendationEnds(1, 'fi')).toBe('1 = en lainkaan, 10 = erittäin todennäköisesti');
    expect(recommendationEnds(0, 'en')).toBe('0 = not at all, 10 = very likely');
    expect(blankForm(version, 'fi').questions[0]!.boxes[2]).toBe('3 En samaa enkä eri mieltä');
  });
});
