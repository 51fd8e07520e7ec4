import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, InlineAlert, RadioButton, RadioButtonGroup, Textarea, TextInput } from 'suomifi-ui-components';
import { endQuestions, endReasons, type EndInput } from '../../domain/clients/process';
import { FormErrorSummary } from '../common/form-error-summary';
import { SelectField } from '../common/select-field';
import { checkEnd, emptyEnd, endFields, type EndValues } from './end-form-values';

type Props = { isPending: boolean; onSubmit: (end: EndInput) => void; onCancel: () => void };

/**
 * Ending the client relationship: the reason, then the questions it asks. Moving away shows the handover
 * meeting's hint and question, a refusal the duty to notify, as soon as the reason is chosen.
 */
export function EndForm({ isPending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<EndValues>(emptyEnd);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const set = (patch: Partial<EndValues>) => setValues((old) => ({ ...old, ...patch }));
  const shown = Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key as 'clients.end.errors.reason')]));
  const status = (field: string) => ({ status: shown[field] ? ('error' as const) : ('default' as const), statusText: shown[field] });
  const asks = values.reason === '' ? [] : endQuestions(values.reason);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { input, problems: found } = checkEnd(values);
    setProblems(found);
    setAttempt((n) => n + 1);
    if (input) onSubmit(input);
  };

  return (
    <form onSubmit={submit} noValidate className="form-stack client-end-form" aria-labelledby="end-heading" id="client-end-form">
      <h4 id="end-heading" className="client-end-form__title">{t('clients.end.title')}</h4>
      <FormErrorSummary errors={shown} attempt={attempt} />
      <SelectField id={endFields.reason} label={t('clients.end.reason')} value={values.reason} onChange={(reason) => set({ reason })} options={[{ value: '', label: t('clients.form.choose') }, ...endReasons.map((r) => ({ value: r, label: t(`clients.end.reasons.${r}`) }))]} />
      {shown[endFields.reason] && <p className="field-error">{shown[endFields.reason]}</p>}
      {asks.includes('everyday_life') && (
        <>
          <Checkbox id="end-everyday-life" checked={values.everydayLifeWorks} onClick={({ checkboxState }) => set({ everydayLifeWorks: checkboxState })}>{t('clients.end.everydayLifeWorks')}</Checkbox>
          <Checkbox id="end-knows-help" checked={values.knowsWhereToSeekHelp} onClick={({ checkboxState }) => set({ knowsWhereToSeekHelp: checkboxState })}>{t('clients.end.knowsWhereToSeekHelp')}</Checkbox>
        </>
      )}
      {asks.includes('handover_meeting') && (
        <>
          <InlineAlert status="warning" id="end-moved-away-hint">{t('clients.end.movedAwayHint')}</InlineAlert>
          <RadioButtonGroup id="end-handover" name="handover" labelText={t('clients.end.handoverMeeting')} value={values.handoverMeeting} onChange={(v) => set({ handoverMeeting: v as EndValues['handoverMeeting'] })} groupStatus={shown[endFields.handoverMeeting] ? 'error' : 'default'} groupStatusText={shown[endFields.handoverMeeting]}>
            {(['to_be_arranged', 'held', 'not_held'] as const).map((v) => <RadioButton key={v} id={`end-handover-${v}`} value={v}>{t(`clients.end.handover.${v}`)}</RadioButton>)}
          </RadioButtonGroup>
          {values.handoverMeeting === 'not_held' && <Textarea id={endFields.noMeetingReason} labelText={t('clients.end.noMeetingReason')} value={values.noMeetingReason} onChange={(e) => set({ noMeetingReason: e.target.value })} {...status(endFields.noMeetingReason)} fullWidth />}
        </>
      )}
      {asks.includes('duty_to_notify') && (
        <>
          <InlineAlert status="warning" id="end-refused-hint">{t('clients.end.refusedHint')}</InlineAlert>
          <RadioButtonGroup id="end-duty" name="duty" labelText={t('clients.end.notificationDuty')} value={values.notificationDuty} onChange={(v) => set({ notificationDuty: v as EndValues['notificationDuty'] })} groupStatus={shown[endFields.notificationDuty] ? 'error' : 'default'} groupStatusText={shown[endFields.notificationDuty]}>
            {(['notification_made', 'to_be_made', 'not_needed'] as const).map((v) => <RadioButton key={v} id={`end-duty-${v}`} value={v}>{t(`clients.end.duty.${v}`)}</RadioButton>)}
          </RadioButtonGroup>
          {values.notificationDuty === 'not_needed' && <Textarea id={endFields.notNeededReason} labelText={t('clients.end.notNeededReason')} value={values.notNeededReason} onChange={(e) => set({ notNeededReason: e.target.value })} {...status(endFields.notNeededReason)} fullWidth />}
        </>
      )}
      {asks.includes('service') && <TextInput id={endFields.service} labelText={t('clients.end.service')} value={values.service} onChange={(v) => set({ service: String(v ?? '') })} maxLength={300} {...status(endFields.service)} />}
      {asks.includes('description') && <Textarea id={endFields.description} labelText={t('clients.end.description')} value={values.description} onChange={(e) => set({ description: e.target.value })} {...status(endFields.description)} fullWidth />}
      <div className="form-actions">
        <Button type="submit" id="end-submit" disabled={isPending}>{t('clients.end.submit')}</Button>
        <Button type="button" variant="secondary" id="end-cancel" onClick={onCancel}>{t('clients.end.cancel')}</Button>
      </div>
    </form>
  );
}
