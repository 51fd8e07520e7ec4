import { describe, expect, it } from 'vitest';
import type { FeedbackItemView } from '../../domain/feedback';
import { answersOf, scaleOf, toggleChoice } from './paper';
import { formatNumber, formatPercent } from './results-format';

const item = (id: string, kind: FeedbackItemView['kind'], extra: Partial<FeedbackItemView> = {}): FeedbackItemView => ({
  id, position: 1, kind, text: { fi: id, sv: '', en: '' }, allowsNotApplicable: true, scaleMin: null, options: [], ...extra,
});
const options = [{ key: 'a', fi: 'A', sv: '', en: '' }, { key: 'b', fi: 'B', sv: '', en: '' }, { key: 'c', fi: 'C', sv: '', en: '' }];
const items = [
  item('s1', 'agreement'),
  item('s2', 'agreement', { allowsNotApplicable: false }),
  item('r', 'recommendation', { scaleMin: 0 }),
  item('m', 'multiple_choice', { options }),
  item('o', 'open_text'),
];

describe('a paper form as answers', () => {
  it('sends what was marked, in the form order, and leaves blanks out', () => {
    expect(answersOf(items, { o: { text: '  Hyvä  ' }, s1: { notApplicable: true }, r: { score: 0 }, m: { choices: [] } })).toEqual([
      { itemId: 's1', notApplicable: true },
      { itemId: 'r', score: 0 },
      { itemId: 'o', text: 'Hyvä' },
    ]);
  });

  it('is empty when nothing was marked (blank text, no choices)', () => {
    expect(answersOf(items, { o: { text: '   ' }, m: { choices: [] } })).toEqual([]);
  });

  it('never sends "does not apply" for a statement that has none', () => {
    expect(answersOf(items, { s2: { notApplicable: true } })).toEqual([]);
  });

  it('offers the scale of each kind', () => {
    expect(scaleOf(items[0]!)).toEqual([1, 2, 3, 4, 5]);
    expect(scaleOf(items[2]!)).toHaveLength(11);
    expect(scaleOf(item('r1', 'recommendation', { scaleMin: 1 }))[0]).toBe(1);
  });

  it('keeps ticked choices in the options order', () => {
    expect(toggleChoice(items[3]!, ['c'], 'a', true)).toEqual(['a', 'c']);
    expect(toggleChoice(items[3]!, ['a', 'c'], 'a', false)).toEqual(['c']);
  });
});

describe('results formatting', () => {
  it('writes numbers and shares in the UI language', () => {
    expect(formatNumber(3.456, 'fi', 1)).toBe('3,5');
    expect(formatNumber(3.456, 'en', 1)).toBe('3.5');
    expect(formatPercent(2 / 3, 'en')).toBe('67%');
    expect(formatPercent(2 / 3, 'fi').replace(/\s/g, ' ')).toBe('67 %');
  });
});
