import { eq } from 'drizzle-orm';
import { helpRequests } from '../db/schema-help.js';
import type { Deps } from '../deps.js';
import { hashInvitationCode, normalizeInvitationCode } from '../invitations/invitation-code.js';
import { submitHelpRequest } from './public.js';

// Test and demo helpers: requests sent through the public command (each from an address of its own, so
// that the flood count stays out of the way), then assigned directly where a case needs an assignee.

let sent = 0;

export async function makeHelpRequest(deps: Deps, regionId: string, options: { assigneeId?: string | null; message?: string; callbackPhone?: string | null } = {}): Promise<{ id: string; code: string }> {
  const address = `198.51.100.${++sent % 250}:${sent}`;
  const receipt = await submitHelpRequest(deps, { requestId: null, address }, {
    regionId, message: options.message ?? 'Tarvitsisin apua asumisasioissa, en tiedä mistä aloittaa.', callbackPhone: options.callbackPhone ?? null, language: 'fi',
  });
  const id = await idOfCode(deps, receipt.code);
  if (options.assigneeId) await deps.db.orm.update(helpRequests).set({ assigneeId: options.assigneeId, status: 'in_progress' }).where(eq(helpRequests.id, id));
  return { id, code: receipt.code };
}

async function idOfCode(deps: Deps, code: string): Promise<string> {
  const [row] = await deps.db.orm.select({ id: helpRequests.id }).from(helpRequests).where(eq(helpRequests.codeHash, hashInvitationCode(normalizeInvitationCode(code)!)));
  if (!row) throw new Error('the request just sent is not there');
  return row.id;
}
