import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OIDC_ERROR_PARAM, oidcSignInErrors, type OidcSignInError, type SignInMethods } from '../../domain/oidc-sign-in';
import { apiRequest } from '../api/client';

function isOidcError(value: string | null): value is OidcSignInError {
  return value !== null && (oidcSignInErrors as readonly string[]).includes(value);
}

/** Which sign-in methods the server offers; a server that cannot say offers only the password form. */
function useSignInMethods() {
  return useQuery({ queryKey: ['sign-in-methods'], queryFn: () => apiRequest<SignInMethods>('GET', '/api/auth/methods'), staleTime: Infinity, retry: false });
}

/**
 * The sign-in page's part for the organisation's OpenID Connect provider (issue 18 item 4): the button,
 * shown only when the server has a provider, and what went wrong when the provider's round trip came
 * back here (`?oidc_error=`, set by the server's callback). The button is a plain link: the server's
 * start route answers with a redirect to the provider, and the provider's answer comes back as a page.
 */
export function OrganisationSignIn() {
  const { t } = useTranslation();
  const methods = useSignInMethods();
  const [params] = useSearchParams();
  const error = params.get(OIDC_ERROR_PARAM);
  const isOffered = methods.data?.oidc === true;
  return (
    <>
      {isOidcError(error) && (
        <div className="login-alert login-alert--error" role="alert" data-testid="oidc-notice">
          <strong className="login-alert__label">{t('errors.title')}</strong> {t(`oidcSignIn.errors.${error}`)}
        </div>
      )}
      {isOffered && (
        <div className="login-organisation">
          <a href="/api/auth/oidc/start" className="login-button login-button--link" data-testid="oidc-start">
            {t('oidcSignIn.button')}
          </a>
          <p className="login-organisation__or">{t('oidcSignIn.or')}</p>
        </div>
      )}
    </>
  );
}
