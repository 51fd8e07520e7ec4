import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from 'suomifi-ui-components';

type FormErrorSummaryProps = { errors: Record<string, string>; attempt: number };

/** Lists a form's errors with links to the fields, and takes focus after each failed submit. */
export function FormErrorSummary({ errors, attempt }: FormErrorSummaryProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const entries = Object.entries(errors);
  const hasErrors = entries.length > 0;

  useEffect(() => {
    if (attempt > 0 && hasErrors) headingRef.current?.focus();
  }, [attempt, hasErrors]);

  if (!hasErrors) return null;
  return (
    <ErrorSummary
      headingText={t('validation.summary', { count: entries.length })}
      headingRef={headingRef}
      headingVariant="h2"
      items={entries.map(([inputId, text]) => ({ inputId, text }))}
      mb="l"
    />
  );
}
