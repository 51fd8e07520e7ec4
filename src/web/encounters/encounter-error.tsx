import { useTranslation } from 'react-i18next';
import { InlineAlert } from 'suomifi-ui-components';
import { type EncounterErrorReason, isEncounterErrorReason } from '../../domain/encounter-errors';
import { isApiRequestError } from '../api/client';
import { errorMessage } from '../common/error-message';

/** The reason the server gave for refusing an encounter (`details.reason`), when it is one we can word. */
function reasonOf(error: unknown): EncounterErrorReason | null {
  if (!isApiRequestError(error) || typeof error.details !== 'object' || error.details === null) return null;
  const reason = (error.details as { reason?: unknown }).reason;
  return isEncounterErrorReason(reason) ? reason : null;
}

/** Like ErrorAlert, but says exactly what was wrong with the encounter in the user's language. */
export function EncounterErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const reason = reasonOf(error);
  return (
    <InlineAlert status="error" role="alert" labelText={t('errors.title')} mb="m">
      {reason === null ? errorMessage(t, error) : t(`encounterForm.errors.${reason}`)}
    </InlineAlert>
  );
}
