import { describe, expect, it } from 'vitest';
import type { FeedbackItemView } from '../../domain/feedback';
import { ApiRequestError } from '../api/client';
import { problemOf } from './outcomes';
import { type FlowAction, type FlowState, flowStep, initialFlow, recommendationScale, toAnswers } from './steps';

const labels = { fi: 'x', sv: 'x', en: 'x' };
const item = (id: string, kind: FeedbackItemView['kind'], extra: Partial<FeedbackItemView> = {}): FeedbackItemView => ({
  id, position: 1, kind, text: labels, allowsNotApplicable: kind === 'agreement', scaleMin: kind === 'recommendation' ? 1 : null, options: [], ...extra,
});
const items = [item('a', 'agreement'), item('r', 'recommendation', { scaleMin: 0 }), item('c', 'multiple_choice'), item('o', 'open_text')];
const run = (actions: FlowAction[], from: FlowState = initialFlow) => actions.reduce((s, a) => flowStep(items, s, a), from);

describe('the answer flow', () => {
  it('goes start → one question per screen → send → thanks, and back again', () => {
    let s = run([{ type: 'start' }]);
    expect(s).toMatchObject({ screen: 'question', index: 0 });
    s = run([{ type: 'next' }, { type: 'next' }, { type: 'next' }], s);
    expect(s).toMatchObject({ screen: 'question', index: 3 });
    s = run([{ type: 'next' }], s);
    expect(s.screen).toBe('send');
    expect(run([{ type: 'back' }], s)).toMatchObject({ screen: 'question', index: 3 });
    expect(run([{ type: 'back' }], { screen: 'question', index: 0, answers: {} }).screen).toBe('start');
    expect(run([{ type: 'sent' }], s)).toEqual({ screen: 'thanks', answers: {} });
    expect(run([{ type: 'reset' }], s)).toEqual(initialFlow);
  });

  it('keeps answers across Back and Next, and Skip drops the answer of that question', () => {
    const s = run([
      { type: 'start' },
      { type: 'answer', itemId: 'a', given: { score: 4 } },
      { type: 'next' },
      { type: 'answer', itemId: 'r', given: { score: 0 } },
      { type: 'back' },
      { type: 'next' },
    ]);
    expect(s).toMatchObject({ screen: 'question', index: 1, answers: { a: { score: 4 }, r: { score: 0 } } });
    const skipped = run([{ type: 'skip' }], s);
    expect(skipped).toMatchObject({ screen: 'question', index: 2 });
    expect(skipped.answers).toEqual({ a: { score: 4 } });
  });

  it('ignores an answer for another question than the one on screen, and empty answers clear', () => {
    const s = run([{ type: 'start' }, { type: 'answer', itemId: 'r', given: { score: 3 } }]);
    expect(s.answers).toEqual({});
    const cleared = run([{ type: 'answer', itemId: 'a', given: { score: 2 } }, { type: 'answer', itemId: 'a', given: null }], s);
    expect(cleared.answers).toEqual({});
  });

  it('turns the answers into API answers in the form’s order, leaving out empty ones', () => {
    const answers = { o: { text: '  Hyvä  ' }, a: { notApplicable: true as const }, c: { choices: ['x', 'y'] }, r: { score: 7 } };
    expect(toAnswers(items, answers)).toEqual([
      { itemId: 'a', notApplicable: true },
      { itemId: 'r', score: 7 },
      { itemId: 'c', choices: ['x', 'y'] },
      { itemId: 'o', text: 'Hyvä' },
    ]);
    expect(toAnswers(items, { o: { text: '   ' }, c: { choices: [] } })).toEqual([]);
  });

  it('offers 0–10 or 1–10 for a recommendation', () => {
    expect(recommendationScale(items[1]!)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(recommendationScale(item('r1', 'recommendation'))).toHaveLength(10);
  });
});

describe('problems', () => {
  it('gives each failure its own message', () => {
    expect(problemOf(new ApiRequestError(0, 'network', ''))).toBe('network');
    expect(problemOf(new ApiRequestError(404, 'not_found', ''))).toBe('unknown');
    expect(problemOf(new ApiRequestError(409, 'conflict', ''))).toBe('alreadySent');
    expect(problemOf(new ApiRequestError(429, 'too_many_requests', ''))).toBe('limited');
    expect(problemOf(new ApiRequestError(410, 'gone', '', { reason: 'expired' }))).toBe('expired');
    expect(problemOf(new ApiRequestError(410, 'gone', '', { reason: 'closed' }))).toBe('closed');
    expect(problemOf(new ApiRequestError(410, 'gone', ''))).toBe('closed');
    expect(problemOf(new ApiRequestError(500, 'internal', ''))).toBe('failed');
    expect(problemOf(new Error('x'))).toBe('failed');
  });
});
