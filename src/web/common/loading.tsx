import { useTranslation } from 'react-i18next';

/**
 * "Loading…" with a spinner in the look of the design system's small LoadingSpinner, as plain HTML and
 * CSS (app.css): the app shows it before the sign-in page, so it must not pull the design system into
 * the first route.
 */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div role="status" className="loading">
      <span className="loading__spinner" aria-hidden="true" />
      <span className="loading__text">{t('common.loading')}</span>
    </div>
  );
}
