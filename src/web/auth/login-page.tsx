import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { Button, InlineAlert, Paragraph, TextInput } from 'suomifi-ui-components';
import { useLogin, useSession } from '../api/auth';
import { ErrorAlert } from '../common/error-alert';
import { PageHeading } from '../common/page-heading';

type FieldErrors = { username?: string; password?: string };

function isExpired(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as { isExpired?: unknown }).isExpired === true;
}

/** Only same-site paths are followed after sign-in, never a full URL from the history state. */
function returnPath(state: unknown): string {
  const from = typeof state === 'object' && state !== null ? (state as { from?: unknown }).from : undefined;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login' ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const login = useLogin();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  // A signed-in user (including one who just signed in here) continues where they were going.
  if (session.data) return <Navigate to={returnPath(location.state)} replace />;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (username.trim() === '') next.username = t('login.usernameRequired');
    if (password === '') next.password = t('login.passwordRequired');
    setErrors(next);
    if (next.username !== undefined || next.password !== undefined) return;
    login.mutate({ username: username.trim(), password });
  };

  return (
    <div className="narrow-page">
      <PageHeading>{t('login.title')}</PageHeading>
      <Paragraph mb="l">{t('login.intro')}</Paragraph>
      {isExpired(location.state) && !login.isError && (
        <InlineAlert status="warning" mb="m">
          {t('login.sessionExpired')}
        </InlineAlert>
      )}
      {login.isError && <ErrorAlert error={login.error} />}
      <form onSubmit={submit} noValidate className="form-stack">
        <TextInput
          id="login-username"
          labelText={t('login.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(value) => setUsername(String(value ?? ''))}
          status={errors.username ? 'error' : 'default'}
          statusText={errors.username}
          fullWidth
        />
        <TextInput
          id="login-password"
          type="password"
          labelText={t('login.password')}
          autoComplete="current-password"
          value={password}
          onChange={(value) => setPassword(String(value ?? ''))}
          status={errors.password ? 'error' : 'default'}
          statusText={errors.password}
          fullWidth
        />
        <div>
          <Button type="submit" disabled={login.isPending}>
            {t('login.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
