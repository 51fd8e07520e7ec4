import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextInput, type TextInputValue } from 'suomifi-ui-components';
import type { MunicipalityInput } from '../../domain/municipalities';
import { isApiRequestError } from '../api/client';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';

type Values = { code: string; fi: string; sv: string; en: string };
const languages = ['fi', 'sv', 'en'] as const;
const CODE = /^[0-9]{3}$/;
const MAX_NAME = 200;

type Props = {
  prefix: string;
  initial: Values;
  /** Adding: the code is typed and must be new. Editing: the code is the key and stays. */
  isNew: boolean;
  taken: ReadonlySet<string>;
  submitText: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (input: MunicipalityInput) => void;
  onCancel?: () => void;
};

export const emptyMunicipality: Values = { code: '', fi: '', sv: '', en: '' };

/** Adds a municipality (its code and names) or renames one; checked with the server's rules first. */
export function MunicipalityForm({ prefix, initial, isNew, taken, submitText, isPending, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const set = (key: keyof Values) => (value: TextInputValue) => setValues((old) => ({ ...old, [key]: String(value ?? '') }));
  // Another administrator (or another region) holds the code already: shown at the field.
  const serverTaken = isNew && isApiRequestError(error) && error.code === 'conflict';
  const shown = serverTaken ? { ...errors, [`${prefix}-code`]: t('municipalities.errors.codeTaken') } : errors;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const code = values.code.trim();
    if (isNew && !CODE.test(code)) found[`${prefix}-code`] = t('municipalities.errors.codePattern');
    else if (isNew && taken.has(code)) found[`${prefix}-code`] = t('municipalities.errors.codeTaken');
    for (const language of languages) {
      const name = values[language].trim();
      if (name === '' || name.length > MAX_NAME) found[`${prefix}-${language}`] = t(`municipalities.errors.name.${language}`, { max: MAX_NAME });
    }
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length === 0) onSubmit({ code, names: { fi: values.fi.trim(), sv: values.sv.trim(), en: values.en.trim() } });
  };

  type Extra = { hintText?: string; inputMode?: 'numeric'; maxLength?: number; lang?: string; fullWidth?: boolean };
  const field = (key: keyof Values, label: string, extra: Extra = {}) => (
    <TextInput
      id={`${prefix}-${key}`}
      labelText={label}
      value={values[key]}
      onChange={set(key)}
      status={shown[`${prefix}-${key}`] ? 'error' : 'default'}
      statusText={shown[`${prefix}-${key}`]}
      {...extra}
    />
  );

  return (
    <form onSubmit={submit} noValidate className="form-stack">
      <FormErrorSummary errors={shown} attempt={attempt} />
      {error !== null && !serverTaken && <ErrorAlert error={error} />}
      {isNew && field('code', t('municipalities.fields.code'), { hintText: t('municipalities.codeHint'), inputMode: 'numeric', maxLength: 3 })}
      {languages.map((language) => (
        <div key={language}>{field(language, t(`municipalities.fields.${language}`), { lang: language, maxLength: 250, fullWidth: true })}</div>
      ))}
      <div className="admin-lists__actions">
        <Button type="submit" id={`${prefix}-submit`} disabled={isPending}>
          {submitText}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" id={`${prefix}-cancel`} onClick={onCancel}>
            {t('municipalities.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
