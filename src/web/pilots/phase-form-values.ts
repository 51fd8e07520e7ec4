import { phaseQuestions, pilotDecisions, type PhaseEntryView, type PilotDecision, type PilotPhaseInput, type PilotPhaseKind } from '../../domain/pilots';
import { parseDisplayDate, toDisplayDate } from '../audit/audit-filters';
import type { Problems } from './pilot-form-values';

/** Which entry the form writes: a new one, or a correction (a new revision) of a saved one. */
export type PhaseTarget = { kind: PilotPhaseKind; number: number; isCorrection: boolean };
/** heldOn: the day of the evaluation as the reader writes it ("7.12.2026"). */
export type PhaseValues = { answers: Record<string, string>; decision: PilotDecision | ''; heldOn: string };
/** The pilot's first day and today, both 'YYYY-MM-DD': the bounds of a phase's day. */
export type PhaseDays = { startsOn: string; today: string };

export const phaseLimit = 4000;
export const questionId = (question: string) => `phase-${question}`;
// The first choice of the decision group: where the error summary's link lands.
export const decisionId = 'phase-decision-continue';
export const heldOnId = 'phase-held-on';

export const questionsOf = (kind: PilotPhaseKind): readonly string[] => phaseQuestions[kind];

export function emptyPhase(kind: PilotPhaseKind, today = ''): PhaseValues {
  return { answers: Object.fromEntries(questionsOf(kind).map((q) => [q, ''])), decision: '', heldOn: today === '' ? '' : toDisplayDate(today) };
}

/** A saved entry in the form, for correcting it. */
export function phaseValuesOf(entry: PhaseEntryView): PhaseValues {
  const decision = (pilotDecisions as readonly string[]).includes(entry.fields.decision ?? '') ? (entry.fields.decision as PilotDecision) : '';
  return { answers: Object.fromEntries(questionsOf(entry.kind).map((q) => [q, entry.fields[q] ?? ''])), decision, heldOn: toDisplayDate(entry.heldOn) };
}

/**
 * Checks the form the way the API will: one answer at least, none too long, the end needs its decision,
 * and the day is real, not in the future and — for a midpoint or the end — not before the pilot starts.
 * Without `days` (or with an empty day) the day is left to the server, which dates the phase today.
 */
export function checkPhase(target: PhaseTarget, values: PhaseValues, days?: PhaseDays): { input: PilotPhaseInput | null; problems: Problems } {
  const problems: Problems = {};
  const questions = questionsOf(target.kind);
  const answers = Object.fromEntries(questions.map((q) => [q, (values.answers[q] ?? '').trim()]));
  for (const q of questions) if (answers[q]!.length > phaseLimit) problems[questionId(q)] = { key: 'tooLong', values: { max: phaseLimit } };
  if (questions.every((q) => answers[q] === '')) problems[questionId(questions[0]!)] = { key: 'answerRequired' };
  if (target.kind === 'end' && values.decision === '') problems[decisionId] = { key: 'decisionRequired' };
  const heldOn = values.heldOn.trim() === '' ? undefined : parseDisplayDate(values.heldOn);
  if (heldOn === null) problems[heldOnId] = { key: 'date' };
  else if (heldOn !== undefined && days && heldOn > days.today) problems[heldOnId] = { key: 'phaseInFuture' };
  else if (heldOn !== undefined && days && target.kind !== 'start' && heldOn < days.startsOn) problems[heldOnId] = { key: 'phaseBeforeStart', values: { date: toDisplayDate(days.startsOn) } };
  if (Object.keys(problems).length > 0 || heldOn === null) return { input: null, problems };
  const day = heldOn === undefined ? {} : { heldOn };
  // The casts are safe: `answers` holds exactly the kind's questions, as the schema of that kind wants.
  if (target.kind === 'start') return { input: { kind: 'start', ...day, fields: answers as never }, problems };
  if (target.kind === 'midpoint') return { input: { kind: 'midpoint', ...(target.isCorrection ? { number: target.number } : {}), ...day, fields: answers as never }, problems };
  return { input: { kind: 'end', ...day, fields: { ...answers, decision: values.decision as PilotDecision } as never }, problems };
}
