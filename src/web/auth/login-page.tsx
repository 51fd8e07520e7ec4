import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { PRINCIPAL_SIGN_IN_PATH } from '../../domain/principal-paths';
import { useLogin, useSession } from '../api/auth';
import { errorMessage } from '../common/error-message';
import { usePageHeading } from '../common/use-page-heading';
import { LoginField } from './login-field';
import { OrganisationSignIn } from './organisation-sign-in';
import './login-page.css';

// The sign-in page is the first thing a visit shows, so it is plain HTML styled in the Suomi.fi look
// (login-page.css) rather than the design system's components: those bring styled-components, its
// tokens and polished, which kept the first route above its 150 KiB budget (issue 17, item 19).

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
  const headingRef = usePageHeading(t('login.title'));
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
      <h1 ref={headingRef} tabIndex={-1} className="page-heading login-heading">
        {t('login.title')}
      </h1>
      <p className="login-intro">{t('login.intro')}</p>
      {isExpired(location.state) && !login.isError && (
        <div className="login-alert login-alert--warning" data-testid="login-notice">
          {t('login.sessionExpired')}
        </div>
      )}
      {login.isError && (
        <div className="login-alert login-alert--error" role="alert" data-testid="login-notice">
          <strong className="login-alert__label">{t('errors.title')}</strong> {errorMessage(t, login.error)}
        </div>
      )}
      {/* Sign-in through the organisation's OpenID Connect provider, when the server has one (issue 18 item 4). */}
      <OrganisationSignIn />
      <form onSubmit={submit} noValidate className="form-stack">
        <LoginField
          id="login-username"
          label={t('login.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={setUsername}
          error={errors.username}
        />
        <LoginField id="login-password" type="password" label={t('login.password')} autoComplete="current-password" value={password} onChange={setPassword} error={errors.password} />
        <div>
          <button type="submit" className="login-button" disabled={login.isPending}>
            {t('login.submit')}
          </button>
        </div>
      </form>
      {/* Clients and external members sign in elsewhere, with a passkey or their card's code and a PIN. */}
      <p className="login-other">
        <Link to={PRINCIPAL_SIGN_IN_PATH} id="login-client-link">
          {t('login.clientSignIn')}
        </Link>
      </p>
    </div>
  );
}
