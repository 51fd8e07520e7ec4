import { type FormEvent, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Checkbox, Dropdown, DropdownItem, InlineAlert, TextInput } from 'suomifi-ui-components';
import { type SiteKind, siteKinds } from '../../domain/org';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { FormSubmit } from '../common/form-submit';
import { siteKindLabel } from '../common/labels';
import { OpeningHoursEditor } from './opening-hours-editor';
import { RoomsEditor } from './rooms-editor';
import { type FieldErrors, type SiteFormValues, type SitePayload, slugFieldId, validateSite } from './site-form-values';
import { TranslationFields } from '../common/translation-fields';
import { isApiRequestError } from '../api/client';
import { SLUG_MAX, suggestSlug } from '../../domain/site-address';

/** The field's message for a 400 or 409 the API gave about the short address, if it was about that. */
function slugProblem(t: TFunction, error: unknown, slug: string): string | undefined {
  if (!isApiRequestError(error)) return undefined;
  const details = error.details as { field?: string; reason?: string } | undefined;
  if (details?.field !== 'slug') return undefined;
  return details.reason === 'taken' ? t('announcements.slug.taken', { slug: slug.trim().toLowerCase() }) : t('announcements.slug.format');
}

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

  // The server's answer about the address (malformed, or taken by another site) belongs by the field.
  const serverSlugError = slugProblem(t, error, values.slug);
  const slugError = errors[slugFieldId] ?? serverSlugError;

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
      {error !== null && serverSlugError === undefined && <ErrorAlert error={error} />}
      {serverSlugError !== undefined && (
        <InlineAlert status="error" role="alert" labelText={t('errors.title')} mb="m">
          {serverSlugError}
        </InlineAlert>
      )}
      <TextInput
        id="site-name"
        labelText={t('sites.fields.name')}
        value={values.name}
        onChange={(value) => set('name', String(value ?? ''))}
        status={errors['site-name'] ? 'error' : 'default'}
        statusText={errors['site-name']}
        fullWidth
      />
      <TranslationFields idBase="site-name" fieldLabel={t('sites.fields.name')} values={values.nameTranslations} onChange={(nameTranslations) => set('nameTranslations', nameTranslations)} maxLength={200} />
      <TextInput
        id={slugFieldId}
        labelText={t('announcements.slug.label')}
        optionalText={isEdit ? undefined : t('common.optional')}
        hintText={`${t('announcements.slug.hint', { host: window.location.host })}${isEdit || values.name.trim() === '' ? '' : ` ${t('announcements.slug.suggestion', { host: window.location.host, slug: suggestSlug(values.name) })}`}`}
        value={values.slug}
        onChange={(value) => set('slug', String(value ?? ''))}
        status={slugError ? 'error' : 'default'}
        statusText={slugError}
        maxLength={SLUG_MAX}
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
