import type { TFunction } from 'i18next';
import { isApiRequestError } from '../api/client';
import { errorMessage } from '../common/error-message';

/**
 * What went wrong with a code, a PIN or a passkey, in words the person can act on: an expired or used
 * code (ask the worker for a new one), a wrong code or PIN, a throttle with the wait in minutes, a
 * passkey the device or the server refused.
 */
export function signInErrorText(t: TFunction, error: unknown): string {
  // The browser's own WebAuthn refusals: the person cancelled, or the device has no passkey for this site.
  if (error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError')) return t('principalSignIn.errors.passkeyCancelled');
  if (error instanceof Error && !isApiRequestError(error)) return t('principalSignIn.errors.passkeyUnavailable');
  if (!isApiRequestError(error)) return errorMessage(t, error);
  const details = typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
  if (error.code === 'too_many_requests') {
    const seconds = typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : 15 * 60;
    return t('principalSignIn.errors.throttled', { count: Math.max(1, Math.ceil(seconds / 60)) });
  }
  if (error.code === 'invalid_credentials') {
    if (details.reason === 'expired') return t('principalSignIn.errors.expired');
    if (details.reason === 'used') return t('principalSignIn.errors.used');
    if (details.reason === 'passkey') return t('principalSignIn.errors.passkeyRefused');
    return t('principalSignIn.errors.wrongCode');
  }
  if (error.code === 'bad_request' && details.field === 'pin') return t('principalSignIn.errors.pinFormat');
  return errorMessage(t, error);
}
