import { checkIdentityCode, type IdentityCodeProblem } from '../../domain/clients/identity-code.js';
import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '../db/connect.js';
import { clients } from '../db/schema-clients.js';
import { AppError } from '../errors.js';

// English, as every server message is; the web words `details.reason` in the user's language. The
// code itself is never repeated in a message (messages may reach logs).
const messages: Record<IdentityCodeProblem, string> = {
  format: 'The personal identity code has the wrong shape: six digits, a century sign, three digits and a check character.',
  century: 'The personal identity code has an unknown century sign.',
  date: 'The personal identity code starts with a date that does not exist.',
  individual_number: 'The personal identity code has an individual number that is not in use.',
  checksum: 'The personal identity code\'s check character does not match: check the code for a typing error.',
};

/** The code in canonical form, or a 400 naming what is wrong (details.field 'identityCode', details.reason). */
export function canonicalIdentityCode(input: string): string {
  const checked = checkIdentityCode(input);
  if (!checked.ok) throw new AppError('bad_request', messages[checked.problem], { field: 'identityCode', reason: checked.problem });
  return checked.code;
}

/** One record per person in a region: a code already on another client is a 409 (the existing-client check should have found it). */
export async function assertCodeFree(ex: Executor, regionId: string, code: string, exceptClientId?: string): Promise<void> {
  const [taken] = await ex
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.regionId, regionId), eq(clients.identityCode, code), exceptClientId ? ne(clients.id, exceptClientId) : undefined));
  if (taken) throw new AppError('conflict', 'A client with this personal identity code is already registered in the region.', { field: 'identityCode', reason: 'existing_client' });
}
