import type { TFunction } from 'i18next';
import { type KnownErrorCode, isApiRequestError, knownErrorCodes } from '../api/client';

function isKnownCode(code: string): code is KnownErrorCode {
  return (knownErrorCodes as readonly string[]).includes(code);
}

/** A translated message for an API error; the server's English message is never shown as is. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiRequestError(error) && isKnownCode(error.code)) return t(`errors.${error.code}`);
  return t('errors.unknown');
}

/** The input field an API error points at (`details.field`), when the server names one. */
export function errorField(error: unknown): string | null {
  if (!isApiRequestError(error) || typeof error.details !== 'object' || error.details === null) return null;
  const field = (error.details as { field?: unknown }).field;
  return typeof field === 'string' ? field : null;
}
