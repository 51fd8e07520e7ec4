import { helsinkiDay } from '../../domain/calendar.js';
import { loadActor } from '../auth/actor-repo.js';
import { createClient, grantConsent, updateClient } from '../clients/commands.js';
import { clientFacts, findClient } from '../clients/repo.js';
import { clientBody } from '../clients/test-support.js';
import type { PrincipalRelationCases, PrincipalRelationSubject, RelationWorld } from '../testing/relation-matrix.js';
import { clientPrincipal, makeExternalMember } from './test-support.js';

let made = 0;

/**
 * A fresh client of the world's site (the creator registered them and is their own worker), another
 * client of the same site, an external member the client's consent shares the process with, and one
 * without a consent.
 */
async function clientAmong(w: RelationWorld, url: (clientId: string) => string): Promise<PrincipalRelationSubject> {
  const creator = await loadActor(w.h.deps.db.orm, w.staff.creator.id);
  if (!creator) throw new Error('no creator');
  const ctx = { actor: creator, requestId: null };
  const register = async (name: string) => {
    const { clientId } = await createClient(w.h.deps, ctx, clientBody(w.siteId, { name }));
    await updateClient(w.h.deps, ctx, clientId, { ownWorkerId: creator.userId });
    return clientId;
  };
  const clientId = await register(`Oma ${++made}`);
  const otherId = await register(`Toinen ${made}`);
  const withGrant = await makeExternalMember(w.h, w.regionId, creator.userId);
  const withoutGrant = await makeExternalMember(w.h, w.regionId, creator.userId);
  const memberId = withGrant.kind === 'external' ? withGrant.memberId : '';
  await grantConsent(w.h.deps, ctx, clientId, { purpose: 'share_process', grantee: { kind: 'external', id: memberId }, validFrom: helsinkiDay(w.h.clock.now()) });
  return {
    id: clientId,
    request: { url: url(clientId) },
    callers: {
      client: clientPrincipal(clientId, w.regionId),
      another_client: clientPrincipal(otherId, w.regionId),
      external_with_grant: withGrant,
      external_without_grant: withoutGrant,
    },
    facts: async () => {
      const row = await findClient(w.h.deps.db.orm, clientId);
      if (!row) throw new Error('the client is gone');
      return clientFacts(w.h.deps.db.orm, row, helsinkiDay(w.h.clock.now()));
    },
  };
}

const listed = (body: unknown, id: string) => ((body as { clients?: { id: string }[] }).clients ?? []).some((c) => c.id === id);

/** The own routes by who calls them: every route that shows a client's data is here. */
export const ownRelationCases: PrincipalRelationCases = {
  'GET /api/own/clients': { action: 'client.read', subject: (w) => clientAmong(w, () => '/api/own/clients'), listContains: listed },
  'GET /api/own/clients/:clientId': { action: 'client.read', subject: (w) => clientAmong(w, (id) => `/api/own/clients/${id}`) },
  'GET /api/own/clients/:clientId/access-log': { action: 'client.access_log.read', subject: (w) => clientAmong(w, (id) => `/api/own/clients/${id}/access-log`) },
};
