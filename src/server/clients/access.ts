import { helsinkiDay } from '../../domain/calendar.js';
import { can, type Action, type Actor, type ResourceFacts } from '../../domain/policy/index.js';
import type { Executor } from '../db/connect.js';
import type { Deps } from '../deps.js';
import { forbidden, notFound } from '../errors.js';
import { clientFacts, findClient, type ClientRow } from './repo.js';

export type Ctx = { actor: Actor; requestId: string | null };

export const todayOf = (deps: Deps): string => helsinkiDay(deps.clock.now());

/**
 * Loads a client for `action`. A client the caller may not read — unrelated, another region's, or
 * none at all — is the same 404, so ids cannot be probed; one they may read but not change is 403.
 */
export async function loadClientFor(deps: Deps, ex: Executor, actor: Actor, clientId: string, action: Action): Promise<{ client: ClientRow; facts: ResourceFacts; today: string }> {
  const client = await findClient(ex, clientId);
  if (!client) throw notFound('Client');
  const today = todayOf(deps);
  const facts = await clientFacts(ex, client, today);
  if (!can(actor, 'client.read', facts, { today })) throw notFound('Client');
  if (action !== 'client.read' && !can(actor, action, facts, { today })) throw forbidden();
  return { client, facts, today };
}
