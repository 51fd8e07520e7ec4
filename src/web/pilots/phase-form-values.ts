import { phaseQuestions, pilotDecisions, type PhaseEntryView, type PilotDecision, type PilotPhaseInput, type PilotPhaseKind } from '../../domain/pilots';
import type { Problems } from './pilot-form-values';

/** Which entry the form writes: a new one, or a correction (a new revision) of a saved one. */
export type PhaseTarget = { kind: PilotPhaseKind; number: number; isCorrection: boolean };
export type PhaseValues = { answers: Record<string, string>; decision: PilotDecision | '' };

export const phaseLimit = 4000;
export const questionId = (question: string) => `phase-${question}`;
// The first choice of the decision group: where the error summary's link lands.
export const decisionId = 'phase-decision-continue';

export const questionsOf = (kind: PilotPhaseKind): readonly string[] => phaseQuestions[kind];

export function emptyPhase(kind: PilotPhaseKind): PhaseValues {
  return { answers: Object.fromEntries(questionsOf(kind).map((q) => [q, ''])), decision: '' };
}

/** A saved entry in the form, for correcting it. */
export function phaseValuesOf(entry: PhaseEntryView): PhaseValues {
  const decision = (pilotDecisions as readonly string[]).includes(entry.fields.decision ?? '') ? (entry.fields.decision as PilotDecision) : '';
  return { answers: Object.fromEntries(questionsOf(entry.kind).map((q) => [q, entry.fields[q] ?? ''])), decision };
}

/** Checks the form the way the API will: one answer at least, none too long, and the end needs its decision. */
export function checkPhase(target: PhaseTarget, values: PhaseValues): { input: PilotPhaseInput | null; problems: Problems } {
  const problems: Problems = {};
  const questions = questionsOf(target.kind);
  const answers = Object.fromEntries(questions.map((q) => [q, (values.answers[q] ?? '').trim()]));
  for (const q of questions) if (answers[q]!.length > phaseLimit) problems[questionId(q)] = { key: 'tooLong', values: { max: phaseLimit } };
  if (questions.every((q) => answers[q] === '')) problems[questionId(questions[0]!)] = { key: 'answerRequired' };
  if (target.kind === 'end' && values.decision === '') problems[decisionId] = { key: 'decisionRequired' };
  if (Object.keys(problems).length > 0) return { input: null, problems };
  // The casts are safe: `answers` holds exactly the kind's questions, as the schema of that kind wants.
  if (target.kind === 'start') return { input: { kind: 'start', fields: answers as never }, problems };
  if (target.kind === 'midpoint') return { input: { kind: 'midpoint', ...(target.isCorrection ? { number: target.number } : {}), fields: answers as never }, problems };
  return { input: { kind: 'end', fields: { ...answers, decision: values.decision as PilotDecision } as never }, problems };
}
