import { useTranslation } from 'react-i18next';
import { InlineAlert } from 'suomifi-ui-components';
import { errorMessage } from './error-message';

type ErrorAlertProps = { error: unknown; id?: string };

/** Shows a failed request's translated message and announces it to screen readers. */
export function ErrorAlert({ error, id }: ErrorAlertProps) {
  const { t } = useTranslation();
  return (
    <InlineAlert status="error" role="alert" id={id} labelText={t('errors.title')} mb="m">
      {errorMessage(t, error)}
    </InlineAlert>
  );
}
