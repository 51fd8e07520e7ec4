import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, Dropdown, DropdownItem, TextInput } from 'suomifi-ui-components';
import { type SiteKind, siteKinds } from '../../domain/org';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { FormSubmit } from '../common/form-submit';
import { siteKindLabel } from '../common/labels';
import { OpeningHoursEditor } from './opening-hours-editor';
import { RoomsEditor } from './rooms-editor';
import { type FieldErrors, type SiteFormValues, type SitePayload, validateSite } from './site-form-values';

type SiteFormProps = {
  initial: SiteFormValues;
  isEdit: boolean;
  isPending: boolean;
  error: unknown;
  onSubmit: (payload: SitePayload, isActive: boolean) => void;
};

export function SiteForm({ initial, isEdit, isPending, error, onSubmit }: SiteFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<SiteFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const set = <K extends keyof SiteFormValues>(key: K, value: SiteFormValues[K]): void =>
    setValues((old) => ({ ...old, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const checked = validateSite(t, values);
    setErrors(checked.errors);
    setAttempt((n) => n + 1);
    if (Object.keys(checked.errors).length === 0) onSubmit(checked.payload, values.isActive);
  };

  return (
    <form onSubmit={submit} noValidate className="form-stack">
      <FormErrorSummary errors={errors} attempt={attempt} />
      {error !== null && <ErrorAlert error={error} />}
      <TextInput
        id="site-name"
        labelText={t('sites.fields.name')}
        value={values.name}
        onChange={(value) => set('name', String(value ?? ''))}
        status={errors['site-name'] ? 'error' : 'default'}
        statusText={errors['site-name']}
        fullWidth
      />
      <Dropdown<SiteKind>
        id="site-kind"
        labelText={t('sites.fields.kind')}
        value={values.kind}
        onChange={(kind) => set('kind', kind)}
        fullWidth
      >
        {siteKinds.map((kind) => (
          <DropdownItem key={kind} value={kind}>
            {siteKindLabel(t, kind)}
          </DropdownItem>
        ))}
      </Dropdown>
      <TextInput
        id="site-address"
        labelText={t('sites.fields.address')}
        optionalText={t('common.optional')}
        value={values.address}
        onChange={(value) => set('address', String(value ?? ''))}
        fullWidth
      />
      <OpeningHoursEditor rows={values.hours} errors={errors} onChange={(hours) => set('hours', hours)} />
      <RoomsEditor rows={values.rooms} errors={errors} onChange={(rooms) => set('rooms', rooms)} />
      {isEdit && (
        <Checkbox id="site-active" checked={values.isActive} onClick={({ checkboxState }) => set('isActive', checkboxState)}>
          {t('sites.fields.isActive')}
        </Checkbox>
      )}
      <FormSubmit isPending={isPending}>
        {isEdit ? t('common.save') : t('sites.create')}
      </FormSubmit>
    </form>
  );
}
