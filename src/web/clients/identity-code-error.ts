import { identityCodeProblems } from '../../domain/clients/identity-code';
import { isApiRequestError } from '../api/client';

const reasons: readonly string[] = [...identityCodeProblems, 'existing_client'];

/**
 * The translation key for the server's refusal of an identity code (`details.field` 'identityCode',
 * `details.reason` one of the domain's problems or 'existing_client'), or null for any other error.
 * The server's own message is English; the form shows this key's text in the user's language.
 */
export function identityCodeErrorKey(error: unknown): string | null {
  if (!isApiRequestError(error) || typeof error.details !== 'object' || error.details === null) return null;
  const details = error.details as { field?: unknown; reason?: unknown };
  if (details.field !== 'identityCode' || typeof details.reason !== 'string' || !reasons.includes(details.reason)) return null;
  return `clients.identityCode.${details.reason}`;
}
