import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, TextInput } from 'suomifi-ui-components';
import { passwordSchema } from '../../domain/org';
import { useResetPassword } from '../api/users';
import { ErrorAlert } from '../common/error-alert';
import { SuccessAlert } from '../common/success-alert';

type ResetPasswordFormProps = { userId: string; displayName: string };

/** An administrator sets a new password; the server ends the user's sessions. */
export function ResetPasswordForm({ userId, displayName }: ResetPasswordFormProps) {
  const { t } = useTranslation();
  const reset = useResetPassword(userId);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!passwordSchema.safeParse(password).success) {
      setError(t('validation.passwordLength'));
      return;
    }
    setError(undefined);
    reset.mutate(password, { onSuccess: () => setPassword('') });
  };

  return (
    <section aria-labelledby="reset-password-heading" className="form-section">
      <Heading variant="h2" id="reset-password-heading" mb="s">
        {t('users.reset.heading')}
      </Heading>
      <Paragraph mb="m">{t('users.reset.intro', { name: displayName })}</Paragraph>
      {reset.isError && <ErrorAlert error={reset.error} />}
      {reset.isSuccess && <SuccessAlert>{t('users.reset.done', { name: displayName })}</SuccessAlert>}
      <form onSubmit={submit} noValidate className="form-stack">
        <TextInput
          id="reset-password"
          type="password"
          autoComplete="new-password"
          labelText={t('users.reset.newPassword')}
          hintText={t('validation.passwordHint')}
          value={password}
          onChange={(value) => setPassword(String(value ?? ''))}
          status={error ? 'error' : 'default'}
          statusText={error}
          fullWidth
        />
        <div>
          <Button type="submit" variant="secondary" disabled={reset.isPending}>
            {t('users.reset.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
