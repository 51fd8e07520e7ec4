import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, TextInput, type TextInputValue } from 'suomifi-ui-components';
import { passwordSchema } from '../../domain/org';
import { useChangePassword } from '../api/auth';
import { ErrorAlert } from '../common/error-alert';
import { errorField } from '../common/error-message';
import { PageHeading } from '../common/page-heading';
import { SuccessAlert } from '../common/success-alert';

type Fields = { current: string; next: string; confirm: string };
type FieldErrors = Partial<Record<keyof Fields, string>>;
const empty: Fields = { current: '', next: '', confirm: '' };

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [fields, setFields] = useState<Fields>(empty);
  const [checked, setErrors] = useState<FieldErrors>({});
  // The server is the one that knows whether the current password is right.
  const isCurrentWrong = change.isError && errorField(change.error) === 'currentPassword';
  const errors: FieldErrors = isCurrentWrong ? { ...checked, current: t('password.currentWrong') } : checked;
  const set = (key: keyof Fields) => (value: TextInputValue) => setFields((old) => ({ ...old, [key]: String(value ?? '') }));

  const validate = (): FieldErrors => {
    const found: FieldErrors = {};
    if (fields.current === '') found.current = t('password.currentRequired');
    if (!passwordSchema.safeParse(fields.next).success) found.next = t('validation.passwordLength');
    if (fields.confirm !== fields.next) found.confirm = t('password.mismatch');
    return found;
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    change.mutate({ currentPassword: fields.current, newPassword: fields.next }, { onSuccess: () => setFields(empty) });
  };

  return (
    <div className="narrow-page">
      <PageHeading>{t('password.title')}</PageHeading>
      <Paragraph mb="l">{t('password.intro')}</Paragraph>
      {change.isError && !isCurrentWrong && <ErrorAlert error={change.error} />}
      {change.isSuccess && <SuccessAlert>{t('password.changed')}</SuccessAlert>}
      <form onSubmit={submit} noValidate className="form-stack">
        <TextInput
          id="password-current"
          type="password"
          autoComplete="current-password"
          labelText={t('password.current')}
          value={fields.current}
          onChange={set('current')}
          status={errors.current ? 'error' : 'default'}
          statusText={errors.current}
          fullWidth
        />
        <TextInput
          id="password-new"
          type="password"
          autoComplete="new-password"
          labelText={t('password.new')}
          hintText={t('validation.passwordHint')}
          value={fields.next}
          onChange={set('next')}
          status={errors.next ? 'error' : 'default'}
          statusText={errors.next}
          fullWidth
        />
        <TextInput
          id="password-confirm"
          type="password"
          autoComplete="new-password"
          labelText={t('password.confirm')}
          value={fields.confirm}
          onChange={set('confirm')}
          status={errors.confirm ? 'error' : 'default'}
          statusText={errors.confirm}
          fullWidth
        />
        <div>
          <Button type="submit" disabled={change.isPending}>
            {t('password.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
