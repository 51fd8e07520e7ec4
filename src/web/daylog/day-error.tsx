import { useTranslation } from 'react-i18next';
import { InlineAlert } from 'suomifi-ui-components';
import { isApiRequestError } from '../api/client';

type DayRefusal = { reason: 'future' | 'too_far_back'; from?: string };

function refusalOf(error: unknown): DayRefusal | null {
  if (!isApiRequestError(error) || error.code !== 'bad_request' || typeof error.details !== 'object' || error.details === null) return null;
  const details = error.details as { field?: unknown; reason?: unknown; from?: unknown };
  if (details.field !== 'day' || (details.reason !== 'future' && details.reason !== 'too_far_back')) return null;
  return { reason: details.reason, ...(typeof details.from === 'string' ? { from: details.from } : {}) };
}

/** Whether the server refused the day itself (in the future, or older than the back-dating window). */
export const isDayRefusal = (error: unknown): boolean => refusalOf(error) !== null;

/** Says why the day cannot be logged, rather than the general "check the input". */
export function DayErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const refusal = refusalOf(error);
  return (
    <InlineAlert status="error" role="alert" labelText={t('errors.title')} mb="m">
      {refusal?.reason === 'future' ? t('daylogEntry.future') : t('daylogEntry.tooFarBack', { from: refusal?.from ?? '' })}
    </InlineAlert>
  );
}
