import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from 'suomifi-ui-components';
import type { EncounterView } from '../../domain/outreach-views';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { useRemoveEncounter } from './corrections-api';
import { checkReason } from './correction-values';
import { ReasonField } from './reason-field';

type RemovalFormProps = { encounter: EncounterView; time: string; onDone: (message: string) => void; onCancel: () => void };

/** Removes a mistaken or duplicate encounter, with a reason; the confirmation is this form itself. */
export function RemovalForm({ encounter, time, onDone, onCancel }: RemovalFormProps) {
  const { t } = useTranslation();
  const remove = useRemoveEncounter(encounter.siteId);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const prefix = `removal-${encounter.id}`;
  const message = error ? t(`corrections.errors.${error}` as 'corrections.errors.reasonMissing') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = checkReason(reason);
    setError(problem);
    setAttempt((n) => n + 1);
    if (problem) return;
    remove.mutate({ encounterId: encounter.id, reason: reason.trim() }, { onSuccess: () => onDone(t('corrections.removed', { time })) });
  };

  return (
    <form onSubmit={submit} noValidate className="form-stack correction-form" aria-labelledby={`${prefix}-heading`} data-testid="removal-form">
      <h3 id={`${prefix}-heading`} className="correction-form__heading">{t('corrections.removal.heading', { time })}</h3>
      <Paragraph>{t('corrections.removal.intro')}</Paragraph>
      <FormErrorSummary errors={message ? { [`${prefix}-reason`]: message } : {}} attempt={attempt} />
      {remove.isError && <ErrorAlert error={remove.error} />}
      <ReasonField id={`${prefix}-reason`} label={t('corrections.removal.reason')} value={reason} error={message} onChange={setReason} />
      <div className="page-actions">
        <Button type="submit" disabled={remove.isPending}>{t('corrections.removal.confirm')}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>{t('corrections.form.cancel')}</Button>
      </div>
    </form>
  );
}
