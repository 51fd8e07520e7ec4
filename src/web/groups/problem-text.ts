import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Problem, Problems } from './series-form-values';

/** A form problem in the reader's language (the keys live under groups.errors). */
export const problemText = (t: TFunction, problem: Problem): string => t(`groups.errors.${problem.key}` as 'groups.errors.date', problem.values ?? {});

/** All problems of a form as field id → text, for the error summary and the fields. */
export const problemTexts = (t: TFunction, problems: Problems): Record<string, string> =>
  Object.fromEntries(Object.entries(problems).map(([id, p]) => [id, problemText(t, p)]));

/** The error look and text of a field from the form's problems, spread onto a suomifi input. */
export function useFieldStatus(problems: Problems): (id: string) => { status: 'error' | 'default'; statusText: string | undefined } {
  const { t } = useTranslation();
  return (id) => {
    const problem = problems[id];
    return { status: problem ? 'error' : 'default', statusText: problem ? problemText(t, problem) : undefined };
  };
}
