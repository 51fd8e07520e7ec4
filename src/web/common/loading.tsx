import { useTranslation } from 'react-i18next';
import { LoadingSpinner } from 'suomifi-ui-components';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div role="status" className="loading">
      <LoadingSpinner text={t('common.loading')} textAlign="right" variant="small" />
    </div>
  );
}
