import { uuidv7 } from 'uuidv7';
import { loadActor } from '../auth/actor-repo.js';
import { listServices } from '../codes/commands.js';
import type { RelationCases, RelationSubject, RelationWorld } from '../testing/relation-matrix.js';
import { recordEncounter } from './create-encounter.js';
import { encounterFacts, professionalIdsOf } from './encounter-access.js';
import { findEncounter } from './repo.js';
import { encounterCreateSchema } from './schemas.js';

/** A fresh joint encounter recorded now by the world's creator, with the colleague listed. */
async function encounterOf(w: RelationWorld, path: (id: string) => string, body?: unknown): Promise<RelationSubject> {
  const actor = await loadActor(w.h.deps.db.orm, w.staff.creator.id);
  if (!actor) throw new Error('no actor for the creator');
  const [service] = await listServices(w.h.deps, actor);
  const input = encounterCreateSchema.parse({
    id: uuidv7(),
    siteId: w.siteId,
    occurredAt: w.h.clock.now().toISOString(),
    professionalIds: [w.staff.creator.id, w.staff.colleague.id],
    referrals: [{ id: uuidv7(), serviceId: service!.id, way: 'advised' }],
  });
  const { encounter } = await recordEncounter(w.h.deps, { actor, requestId: null }, input);
  return {
    request: { url: path(encounter.id), ...(body === undefined ? {} : { body }) },
    facts: async () => {
      const row = await findEncounter(w.h.deps.db.orm, encounter.id);
      if (!row) throw new Error('the encounter is gone');
      return encounterFacts(row, await professionalIdsOf(w.h.deps.db.orm, row.id));
    },
  };
}

export const encounterRelationCases: RelationCases = {
  // Any professional of the site reads it (a role grant with no relationship): here for contrast.
  'GET /api/encounters/:encounterId': { action: 'encounter.read', subject: (w) => encounterOf(w, (id) => `/api/encounters/${id}`) },
  'PATCH /api/encounters/:encounterId': { action: 'encounter.update', subject: (w) => encounterOf(w, (id) => `/api/encounters/${id}`, { isUrgent: true }) },
  'DELETE /api/encounters/:encounterId': {
    action: 'encounter.delete',
    subject: (w) => encounterOf(w, (id) => `/api/encounters/${id}`),
    // The creator a day late is told why and what to do instead, not just refused.
    refusals: { creator_next_day: 409 },
  },
};
