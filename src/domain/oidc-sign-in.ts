/**
 * Why a sign-in through the organisation's OpenID Connect provider did not finish. The server's
 * callback (a browser navigation, so no JSON) sends the browser back to the sign-in page with one of
 * these in `?oidc_error=`, and the page says it in the user's language.
 */
export const oidcSignInErrors = [
  /** No active Silta account is linked to the organisation's account. */
  'not_linked',
  /** The provider refused the sign-in, or the user cancelled it there. */
  'refused',
  /** The provider's answer did not check out (a wrong or reused code, a bad token). */
  'failed',
  /** The sign-in was started in another browser, already used, or took too long. */
  'start_again',
  /** The provider cannot be reached. */
  'unavailable',
  /** Too many sign-ins from this address. */
  'throttled',
] as const;
export type OidcSignInError = (typeof oidcSignInErrors)[number];

export const OIDC_ERROR_PARAM = 'oidc_error';

/** What the sign-in page may offer: the API's public answer GET /api/auth/methods. */
export type SignInMethods = { oidc: boolean };
