import type { AnswerInput, FeedbackItemView } from '../../domain/feedback';

/**
 * The answer flow shared by the kiosk and the link page, as a pure reducer: a start screen, one
 * question per screen, a last "send" step and the thanks. Nothing here talks to the server.
 */

/** What a person gave for one item, before it becomes an API answer. */
export type Given = { score: number } | { notApplicable: true } | { choices: string[] } | { text: string };

export type FlowState =
  | { screen: 'start'; answers: Record<string, Given> }
  | { screen: 'question'; index: number; answers: Record<string, Given> }
  | { screen: 'send'; answers: Record<string, Given> }
  | { screen: 'thanks'; answers: Record<string, Given> };

export type FlowAction =
  | { type: 'start' }
  | { type: 'answer'; itemId: string; given: Given | null }
  | { type: 'next' }
  | { type: 'skip' }
  | { type: 'back' }
  | { type: 'sent' }
  | { type: 'reset' };

export const initialFlow: FlowState = { screen: 'start', answers: {} };

/** An empty text or an empty set of choices is no answer at all. */
function isEmpty(given: Given | null): boolean {
  if (given === null) return true;
  if ('text' in given) return given.text.trim() === '';
  if ('choices' in given) return given.choices.length === 0;
  return false;
}

function without(answers: Record<string, Given>, itemId: string): Record<string, Given> {
  const rest = { ...answers };
  delete rest[itemId];
  return rest;
}

/** The reducer of the flow over the form's items (in their order). */
export function flowStep(items: readonly FeedbackItemView[], state: FlowState, action: FlowAction): FlowState {
  const last = items.length - 1;
  const forward = (index: number, answers: Record<string, Given>): FlowState =>
    index >= last ? { screen: 'send', answers } : { screen: 'question', index: index + 1, answers };
  switch (action.type) {
    case 'reset':
      return initialFlow;
    case 'start':
      return state.screen === 'start' && items.length > 0 ? { screen: 'question', index: 0, answers: state.answers } : state;
    case 'answer': {
      if (state.screen !== 'question' || items[state.index]?.id !== action.itemId) return state;
      const answers = isEmpty(action.given) ? without(state.answers, action.itemId) : { ...state.answers, [action.itemId]: action.given! };
      return { ...state, answers };
    }
    case 'next':
      return state.screen === 'question' ? forward(state.index, state.answers) : state;
    case 'skip': {
      // Skipping means "no answer to this one", even if something was chosen before.
      if (state.screen !== 'question') return state;
      return forward(state.index, without(state.answers, items[state.index]!.id));
    }
    case 'back':
      if (state.screen === 'question') return state.index === 0 ? { screen: 'start', answers: state.answers } : { ...state, index: state.index - 1 };
      if (state.screen === 'send') return { screen: 'question', index: last, answers: state.answers };
      return state;
    case 'sent':
      // The answers are gone from memory as soon as they are sent: the next person sees none of them.
      return state.screen === 'send' ? { screen: 'thanks', answers: {} } : state;
  }
}

/** The answers in the API's shape, in the form's order; unanswered items are left out. */
export function toAnswers(items: readonly FeedbackItemView[], answers: Record<string, Given>): AnswerInput[] {
  return items.flatMap((item): AnswerInput[] => {
    const given = answers[item.id];
    if (!given || isEmpty(given)) return [];
    if ('text' in given) return [{ itemId: item.id, text: given.text.trim() }];
    return [{ itemId: item.id, ...given }];
  });
}

/** The scores a recommendation item offers: 0–10 or 1–10. */
export const recommendationScale = (item: FeedbackItemView): number[] => {
  const from = item.scaleMin ?? 0;
  return Array.from({ length: 11 - from }, (_, i) => from + i);
};
