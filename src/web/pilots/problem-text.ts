import type { TFunction } from 'i18next';
import type { Problem, Problems } from './pilot-form-values';

/** A form problem in the reader's language (the keys live under pilots.errors). */
export const problemText = (t: TFunction, problem: Problem): string => t(`pilots.errors.${problem.key}` as 'pilots.errors.date', problem.values ?? {});

/** All problems of a form as field id → text, for the error summary and the fields. */
export const problemTexts = (t: TFunction, problems: Problems): Record<string, string> =>
  Object.fromEntries(Object.entries(problems).map(([id, p]) => [id, problemText(t, p)]));
