import { useTranslation } from 'react-i18next';
import { InlineAlert } from 'suomifi-ui-components';

type SuccessAlertProps = { children: string };

/** A confirmation that stays on screen and is announced politely. */
export function SuccessAlert({ children }: SuccessAlertProps) {
  const { t } = useTranslation();
  return (
    <div role="status">
      <InlineAlert status="neutral" labelText={t('common.done')} mb="m">
        {children}
      </InlineAlert>
    </div>
  );
}
