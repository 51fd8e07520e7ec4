import type { ConsentInput, ConsentPurpose } from '../../domain/clients/schemas';
import { parseDisplayDate } from '../audit/audit-filters';

/** The consent form as typed: dates as the reader writes them ("7.12.2026"). */
export type ConsentValues = { purpose: ConsentPurpose; granteeKind: 'user' | 'unit'; granteeId: string; validFrom: string; validTo: string };

export const consentFields = { grantee: 'consent-grantee', validFrom: 'consent-valid-from', validTo: 'consent-valid-to' } as const;

/** Field id → translation key. */
export type ConsentProblems = Record<string, string>;

/**
 * Checks the form as the server's `consentInputSchema` will: a visitor-code link has no recipient,
 * sharing has one; the end, if any, is not before the start.
 */
export function checkConsent(values: ConsentValues): { input: ConsentInput | null; problems: ConsentProblems } {
  const problems: ConsentProblems = {};
  const hasGrantee = values.purpose !== 'link_visitor_code';
  if (hasGrantee && values.granteeId === '') problems[consentFields.grantee] = 'clients.consents.errors.grantee';
  const validFrom = parseDisplayDate(values.validFrom);
  const validTo = values.validTo.trim() === '' ? undefined : parseDisplayDate(values.validTo);
  if (validFrom === null) problems[consentFields.validFrom] = 'clients.consents.errors.date';
  if (validTo === null) problems[consentFields.validTo] = 'clients.consents.errors.date';
  else if (validTo !== undefined && validFrom !== null && validTo < validFrom) problems[consentFields.validTo] = 'clients.consents.errors.order';
  if (Object.keys(problems).length > 0 || validFrom === null || validTo === null) return { input: null, problems };
  return {
    input: {
      purpose: values.purpose,
      grantee: hasGrantee ? { kind: values.granteeKind, id: values.granteeId } : { kind: 'none' },
      validFrom,
      ...(validTo === undefined ? {} : { validTo }),
    },
    problems,
  };
}
