import { useTranslation } from 'react-i18next';
import { Textarea } from 'suomifi-ui-components';
import { REASON_MAX } from './correction-values';

/** The mandatory reason of a correction or removal, with the reminder not to identify anyone. */
export function ReasonField({ id, label, value, error, onChange }: { id: string; label: string; value: string; error: string | undefined; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Textarea
      id={id}
      labelText={label}
      hintText={t('corrections.form.reasonHint')}
      value={value}
      maxLength={REASON_MAX}
      onChange={(e) => onChange(e.target.value)}
      status={error ? 'error' : 'default'}
      statusText={error}
      fullWidth
    />
  );
}
