import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, TextInput, type TextInputValue } from 'suomifi-ui-components';
import { isApiRequestError } from '../api/client';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { type EntryErrors, type EntryPayload, type EntryRules, type EntryValues, validateEntry } from './entry-values';

type EntryFormProps = {
  /** Prefix of the inputs' ids (several forms can be on one page). */
  prefix: string;
  initial: EntryValues;
  rules: EntryRules;
  /** Texts of the stable id field and the submit button, which differ between codes and services. */
  codeLabel: string;
  codeHint: string;
  submitText: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (payload: EntryPayload) => void;
  onCancel?: () => void;
};

/**
 * Adds or edits a code or a service. The stable id is typed only when adding; when editing it is
 * shown as text with the reason it cannot change. Nothing typed is lost on an error.
 */
export function EntryForm({ prefix, initial, rules, codeLabel, codeHint, submitText, isPending, error, onSubmit, onCancel }: EntryFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<EntryValues>(initial);
  const [errors, setErrors] = useState<EntryErrors>({});
  const [attempt, setAttempt] = useState(0);
  const set = (key: keyof EntryValues) => (value: TextInputValue) => setValues((old) => ({ ...old, [key]: String(value ?? '') }));
  // A code the server already has (another administrator was quicker) shows at the field, like our own check.
  const serverTaken = rules.withCode && isApiRequestError(error) && error.code === 'conflict';
  const shown: EntryErrors = serverTaken ? { ...errors, [`${prefix}-code`]: t('adminLists.errors.codeTaken') } : errors;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = validateEntry(t, prefix, values, rules);
    setErrors(checked.errors);
    setAttempt((n) => n + 1);
    if (Object.keys(checked.errors).length === 0) onSubmit(checked.payload);
  };

  const field = (key: 'fi' | 'sv' | 'en') => (
    <TextInput
      id={`${prefix}-${key}`}
      lang={key}
      labelText={t(`adminLists.fields.${key}`)}
      value={values[key]}
      onChange={set(key)}
      status={shown[`${prefix}-${key}`] ? 'error' : 'default'}
      statusText={shown[`${prefix}-${key}`]}
      maxLength={250}
      fullWidth
    />
  );

  return (
    <form onSubmit={submit} noValidate className="form-stack admin-lists__form">
      <FormErrorSummary errors={shown} attempt={attempt} />
      {error !== null && !serverTaken && <ErrorAlert error={error} />}
      {rules.withCode ? (
        <TextInput
          id={`${prefix}-code`}
          labelText={codeLabel}
          hintText={codeHint}
          value={values.code}
          onChange={set('code')}
          status={shown[`${prefix}-code`] ? 'error' : 'default'}
          statusText={shown[`${prefix}-code`]}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          fullWidth
        />
      ) : (
        <Paragraph>
          <strong>{codeLabel}:</strong> <code>{values.code}</code> <span className="muted">{t('adminLists.codeFixed')}</span>
        </Paragraph>
      )}
      {field('fi')}
      {field('sv')}
      {field('en')}
      {rules.withSortOrder && (
        <TextInput
          id={`${prefix}-sortOrder`}
          labelText={t('adminLists.fields.sortOrder')}
          hintText={t('adminLists.sortOrderHint')}
          optionalText={t('common.optional')}
          inputMode="numeric"
          value={values.sortOrder}
          onChange={set('sortOrder')}
          status={shown[`${prefix}-sortOrder`] ? 'error' : 'default'}
          statusText={shown[`${prefix}-sortOrder`]}
        />
      )}
      <div className="admin-lists__actions">
        <Button type="submit" id={`${prefix}-submit`} disabled={isPending}>
          {submitText}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" id={`${prefix}-cancel`} onClick={onCancel}>
            {t('adminLists.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
