import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Problem } from './series-form-values';

/** A form problem in the reader's language (the keys live under groups.errors). */
export const problemText = (t: TFunction, problem: Problem): string => t(`groups.errors.${problem.key}` as 'groups.errors.date', problem.values ?? {});

export function useProblemText(): (problem: Problem) => string {
  const { t } = useTranslation();
  return (problem) => problemText(t, problem);
}
