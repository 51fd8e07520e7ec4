import { helsinkiDay } from '../../domain/calendar.js';
import { loadActor } from '../auth/actor-repo.js';
import { createClient, setCareTeam, updateClient } from '../clients/commands.js';
import { clientFacts, findClient } from '../clients/repo.js';
import { clientBody } from '../clients/test-support.js';
import type { RelationCases, RelationWorld } from '../testing/relation-matrix.js';

let made = 0;

/** A fresh client whose own worker is the world's creator, with the colleague on the care team. */
async function exportSubject(w: RelationWorld) {
  const creator = await loadActor(w.h.deps.db.orm, w.staff.creator.id);
  if (!creator) throw new Error('no creator');
  const ctx = { actor: creator, requestId: null };
  const { clientId } = await createClient(w.h.deps, ctx, clientBody(w.siteId, { name: `Arkistoitava ${++made}` }));
  await updateClient(w.h.deps, ctx, clientId, { ownWorkerId: creator.userId });
  await setCareTeam(w.h.deps, ctx, clientId, [w.staff.colleague.id]);
  return {
    request: { url: `/api/clients/${clientId}/record` },
    facts: async () => {
      const row = await findClient(w.h.deps.db.orm, clientId);
      if (!row) throw new Error('the client is gone');
      return clientFacts(w.h.deps.db.orm, row, helsinkiDay(w.h.clock.now()));
    },
  };
}

// An unrelated worker of the same site gets 404, as for a missing id.
export const clientRecordRelationCases: RelationCases = {
  'GET /api/clients/:clientId/record': { action: 'client.export', subject: exportSubject, refusals: { same_site_professional: 404 } },
};
