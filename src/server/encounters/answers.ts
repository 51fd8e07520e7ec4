import type { EncounterInput } from '../../domain/outreach.js';
import { AppError } from '../errors.js';
import type { EncounterProfessional } from './validate.js';

type FirstAnswers = EncounterInput['firstWithProfessional'];

/** A referrer or a first-meeting answer must be one of the encounter's professionals. */
export function assertAmongProfessionals(ids: (string | null)[], professionals: { userId: string }[], field: string): void {
  const present = new Set(professionals.map((p) => p.userId));
  if (ids.some((id) => id !== null && !present.has(id))) {
    throw new AppError('bad_request', 'Only a professional of the encounter can be named here. Add them to the encounter first.', { field, reason: 'not_in_encounter' });
  }
}

/** The professionals with "first time with me?" set from the answers; the others keep what they had. */
export function withFirstAnswers<T extends EncounterProfessional>(professionals: T[], answers: FirstAnswers): T[] {
  assertAmongProfessionals(answers.map((a) => a.userId), professionals, 'firstWithProfessional');
  const byUser = new Map(answers.map((a) => [a.userId, a.isFirst]));
  return professionals.map((p) => (byUser.has(p.userId) ? { ...p, isFirstWithProfessional: byUser.get(p.userId) ?? null } : p));
}
