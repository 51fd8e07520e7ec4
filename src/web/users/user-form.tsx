import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, Dropdown, DropdownItem, Paragraph, TextInput, type TextInputValue } from 'suomifi-ui-components';
import type { SiteView, UnitView } from '../../domain/api-types';
import { professions } from '../../domain/org';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { FormSubmit } from '../common/form-submit';
import { professionLabel, unitKindLabel } from '../common/labels';
import { RolesEditor } from './roles-editor';
import { type FieldErrors, type UserFormValues, type UserPayload, noneValue, validateUser } from './user-form-values';

type UserFormProps = {
  initial: UserFormValues;
  isCreate: boolean;
  sites: SiteView[];
  units: UnitView[];
  isPending: boolean;
  error: unknown;
  onSubmit: (payload: UserPayload) => void;
};

export function UserForm({ initial, isCreate, sites, units, isPending, error, onSubmit }: UserFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<UserFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const set = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]): void =>
    setValues((old) => ({ ...old, [key]: value }));
  const text = (key: 'username' | 'displayName' | 'password') => (value: TextInputValue) => set(key, String(value ?? ''));

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const checked = validateUser(t, values, isCreate);
    setErrors(checked.errors);
    setAttempt((n) => n + 1);
    if (Object.keys(checked.errors).length === 0) onSubmit(checked.payload);
  };

  return (
    <form onSubmit={submit} noValidate className="form-stack">
      <FormErrorSummary errors={errors} attempt={attempt} />
      {error !== null && <ErrorAlert error={error} />}
      {isCreate ? (
        <TextInput
          id="user-username"
          labelText={t('users.fields.username')}
          hintText={t('validation.usernameHint')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={values.username}
          onChange={text('username')}
          status={errors['user-username'] ? 'error' : 'default'}
          statusText={errors['user-username']}
          fullWidth
        />
      ) : (
        <Paragraph>
          <strong>{t('users.fields.username')}:</strong> {values.username}
        </Paragraph>
      )}
      <TextInput
        id="user-display-name"
        labelText={t('users.fields.displayName')}
        value={values.displayName}
        onChange={text('displayName')}
        status={errors['user-display-name'] ? 'error' : 'default'}
        statusText={errors['user-display-name']}
        fullWidth
      />
      <Dropdown
        id="user-profession"
        labelText={t('users.fields.profession')}
        optionalText={t('common.optional')}
        value={values.profession}
        onChange={(profession) => set('profession', profession)}
        fullWidth
      >
        {[
          <DropdownItem key={noneValue} value={noneValue}>
            {t('users.noProfession')}
          </DropdownItem>,
          ...professions.map((profession) => (
            <DropdownItem key={profession} value={profession}>
              {professionLabel(t, profession)}
            </DropdownItem>
          )),
        ]}
      </Dropdown>
      <Dropdown
        id="user-unit"
        labelText={t('users.fields.unit')}
        optionalText={t('common.optional')}
        value={values.unitId}
        onChange={(unitId) => set('unitId', unitId)}
        fullWidth
      >
        {[
          <DropdownItem key={noneValue} value={noneValue}>
            {t('users.noUnit')}
          </DropdownItem>,
          ...units.map((unit) => (
            <DropdownItem key={unit.id} value={unit.id}>
              {t('users.unitOption', { name: unit.name, kind: unitKindLabel(t, unit.kind) })}
            </DropdownItem>
          )),
        ]}
      </Dropdown>
      <RolesEditor rows={values.roles} sites={sites} errors={errors} onChange={(roles) => set('roles', roles)} />
      {isCreate && (
        <TextInput
          id="user-password"
          type="password"
          autoComplete="new-password"
          labelText={t('users.fields.password')}
          hintText={t('users.passwordHint')}
          value={values.password}
          onChange={text('password')}
          status={errors['user-password'] ? 'error' : 'default'}
          statusText={errors['user-password']}
          fullWidth
        />
      )}
      {!isCreate && (
        <Checkbox id="user-active" checked={values.isActive} onClick={({ checkboxState }) => set('isActive', checkboxState)}>
          {t('users.fields.isActive')}
        </Checkbox>
      )}
      <FormSubmit isPending={isPending}>
        {isCreate ? t('users.create') : t('common.save')}
      </FormSubmit>
    </form>
  );
}
