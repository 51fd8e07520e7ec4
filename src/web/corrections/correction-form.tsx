import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, TextInput } from 'suomifi-ui-components';
import { ageBands } from '../../domain/code-lists';
import type { EncounterView } from '../../domain/outreach-views';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { SelectField } from '../common/select-field';
import { useLocale } from '../i18n/use-locale';
import { useCorrectEncounter } from './corrections-api';
import { type CorrectionField, type CorrectionValues, toCorrection, valuesOf } from './correction-values';
import { ReasonField } from './reason-field';

type CorrectionFormProps = { encounter: EncounterView; time: string; onDone: (message: string) => void; onCancel: () => void };

/** Corrects one encounter: the fields a coordinator may change, and the reason, which is required. */
export function CorrectionForm({ encounter, time, onDone, onCancel }: CorrectionFormProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const correct = useCorrectEncounter(encounter.siteId);
  const [values, setValues] = useState<CorrectionValues>(() => valuesOf(encounter, locale));
  const [errors, setErrors] = useState<Partial<Record<CorrectionField, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const prefix = `correction-${encounter.id}`;
  const ids: Record<CorrectionField, string> = { time: `${prefix}-time`, duration: `${prefix}-duration`, reason: `${prefix}-reason`, form: `${prefix}-time` };
  const set = (patch: Partial<CorrectionValues>) => setValues((v) => ({ ...v, ...patch }));
  const message = (field: CorrectionField) => (errors[field] ? t(`corrections.errors.${errors[field]}` as 'corrections.errors.time') : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = toCorrection(encounter, values);
    setErrors(result.errors);
    setAttempt((n) => n + 1);
    if (Object.keys(result.errors).length > 0) return;
    correct.mutate({ encounterId: encounter.id, reason: values.reason.trim(), changes: result.changes }, { onSuccess: () => onDone(t('corrections.saved', { time })) });
  };

  const summary = Object.fromEntries((Object.keys(errors) as CorrectionField[]).map((field) => [ids[field], message(field) ?? '']));
  return (
    <form onSubmit={submit} noValidate className="form-stack correction-form" aria-labelledby={`${prefix}-heading`} data-testid="correction-form">
      <h3 id={`${prefix}-heading`} className="correction-form__heading">{t('corrections.form.heading', { time })}</h3>
      <FormErrorSummary errors={summary} attempt={attempt} />
      {correct.isError && <ErrorAlert error={correct.error} />}
      <TextInput
        id={ids.time}
        labelText={t('corrections.form.time')}
        hintText={t('corrections.form.timeHint')}
        value={values.time}
        onChange={(value) => set({ time: String(value ?? '') })}
        status={errors.time ? 'error' : 'default'}
        statusText={message('time')}
        inputMode="decimal"
      />
      <SelectField
        id={`${prefix}-age`}
        label={t('corrections.form.ageBand')}
        value={values.ageBand}
        onChange={(ageBand) => set({ ageBand })}
        options={ageBands.map((band) => ({ value: band, label: t(`enums.ageBand.${band}`) }))}
      />
      <Checkbox id={`${prefix}-urgent`} checked={values.isUrgent} onClick={({ checkboxState }) => set({ isUrgent: checkboxState })}>
        {t('corrections.form.urgent')}
      </Checkbox>
      <TextInput
        id={ids.duration}
        labelText={t('corrections.form.duration')}
        value={values.duration}
        onChange={(value) => set({ duration: String(value ?? '') })}
        status={errors.duration ? 'error' : 'default'}
        statusText={message('duration')}
        inputMode="numeric"
      />
      <ReasonField id={ids.reason} label={t('corrections.form.reason')} value={values.reason} error={message('reason')} onChange={(reason) => set({ reason })} />
      <div className="page-actions">
        <Button type="submit" disabled={correct.isPending}>{t('corrections.form.save')}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>{t('corrections.form.cancel')}</Button>
      </div>
    </form>
  );
}
