import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextInput, type TextInputValue, Textarea } from 'suomifi-ui-components';
import { uuidv7 } from 'uuidv7';
import type { DaylogView } from '../../domain/outreach-views';
import { isApiRequestError } from '../api/client';
import { useSaveDaylog } from '../api/outreach';
import { ErrorAlert } from '../common/error-alert';
import { ConflictPanel } from './conflict-panel';
import { DayErrorAlert, isDayRefusal } from './day-error';
import { type Field, inputOf, keptOf, problemsOf, type Values, valuesOf } from './daylog-values';

type Props = {
  userId: string;
  siteId: string;
  day: string;
  /** The saved entry as last read; it changes when the month is read again (after a conflict). */
  entry: DaylogView | undefined;
  /** False when the day could not be read: the save then cannot check for someone else's newer values. */
  isKnown: boolean;
  onSaved: (result: 'sent' | 'queued') => void;
  onConflict: () => Promise<unknown>;
  onTakeTheirs: () => void;
  onEdit: () => void;
};

/** The day's numbers, prefilled with what was saved; mounted afresh for every site, day and reload. */
export function EntryForm({ userId, siteId, day, entry, isKnown, onSaved, onConflict, onTakeTheirs, onEdit }: Props) {
  const { t } = useTranslation();
  const save = useSaveDaylog(userId);
  const [values, setValues] = useState<Values>(() => valuesOf(entry));
  const [kept] = useState(() => keptOf(entry));
  // The version this form was opened with; 0 for a day without an entry (see saveDaylog).
  const [baseVersion, setBaseVersion] = useState<number | undefined>(isKnown ? (entry?.version ?? 0) : undefined);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [isConflict, setIsConflict] = useState(false);

  const set = (field: Field) => (value: TextInputValue) => {
    onEdit();
    setValues((v) => ({ ...v, [field]: String(value ?? '') }));
  };

  const send = (version: number | undefined) =>
    save.mutate(
      { siteId, day, input: inputOf(uuidv7(), values, kept, version) },
      {
        onSuccess: (result) => {
          setIsConflict(false);
          // Queued: the server has not seen it yet, so a second edit here must not be judged against the old version.
          if (result === 'queued') setBaseVersion(undefined);
          onSaved(result);
        },
        onError: (error) => {
          if (isApiRequestError(error) && error.code === 'conflict') void onConflict().then(() => setIsConflict(true));
        },
      },
    );

  const submit = () => {
    const found = problemsOf(values);
    setErrors(Object.fromEntries(Object.entries(found).map(([field, key]) => [field, t(key)])));
    const first = Object.keys(found)[0];
    if (first !== undefined) {
      document.getElementById(`daylog-${first}`)?.focus();
      return;
    }
    send(baseVersion);
  };

  const numberField = (field: 'breakfasts' | 'lunches' | 'estimatedVisitors') => (
    <div className="encounter-form__field">
      <TextInput id={`daylog-${field}`} labelText={t(`daylog.${field}`)} inputMode="numeric" value={values[field]} status={errors[field] ? 'error' : 'default'} statusText={errors[field]} onChange={set(field)} />
    </div>
  );
  const isConflictError = isApiRequestError(save.error) && save.error.code === 'conflict';

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {isConflict && <ConflictPanel theirs={entry} isSaving={save.isPending} onOverwrite={() => send(entry?.version ?? 0)} onTakeTheirs={onTakeTheirs} />}
      {save.isError && !isConflictError && (isDayRefusal(save.error) ? <DayErrorAlert error={save.error} /> : <ErrorAlert error={save.error} />)}
      {numberField('breakfasts')}
      {numberField('lunches')}
      {numberField('estimatedVisitors')}
      <div className="encounter-form__field">
        <TextInput
          id="daylog-closedAt"
          labelText={t('daylog.closedAt')}
          optionalText={t('common.optional')}
          hintText={t('daylog.closedAtHint')}
          value={values.closedAt}
          status={errors.closedAt ? 'error' : 'default'}
          statusText={errors.closedAt}
          onChange={set('closedAt')}
        />
      </div>
      <div className="encounter-form__field">
        <Textarea id="daylog-events" labelText={t('daylog.events')} optionalText={t('common.optional')} value={values.events} maxLength={500} onChange={(event) => set('events')(event.target.value)} />
      </div>
      <Button type="submit" id="daylog-save" disabled={save.isPending || siteId === '' || isConflict}>
        {t('daylog.save')}
      </Button>
    </form>
  );
}
