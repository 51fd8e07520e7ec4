import type { ConsentPurpose } from '../../domain/clients/schemas.js';
import type { SharedPart } from '../../domain/own/schemas.js';
import { can, type Action } from '../../domain/policy/index.js';
import type { Executor } from '../db/connect.js';
import type { OutsidePrincipal } from '../invitations/principal-sessions.js';
import { clientFacts, type ClientRow } from '../clients/repo.js';

/** Each part of a client's data a consent can share: the consent purpose that shares it, and the rule asked for it. */
const parts: Record<SharedPart, { purpose: ConsentPurpose; action: Action }> = {
  process: { purpose: 'share_process', action: 'client.process.read' },
  plan: { purpose: 'share_plan', action: 'client.plan.read' },
};

export const purposeOf = (part: SharedPart): ConsentPurpose => parts[part].purpose;
export const partOf = (purpose: ConsentPurpose): SharedPart | null => (Object.keys(parts) as SharedPart[]).find((p) => parts[p].purpose === purpose) ?? null;

/**
 * The parts of the client's data the principal may see, each asked of the rules with that part's facts:
 * the client sees all of their own, an external member what a consent in force shares with them.
 */
export async function visibleParts(ex: Executor, principal: OutsidePrincipal, client: ClientRow, today: string): Promise<SharedPart[]> {
  const visible: SharedPart[] = [];
  for (const part of Object.keys(parts) as SharedPart[]) {
    const facts = await clientFacts(ex, client, today, [parts[part].purpose]);
    if (can(principal, parts[part].action, facts, { today })) visible.push(part);
  }
  return visible;
}
