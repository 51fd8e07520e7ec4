import type { RelationCases, RelationSubject, RelationWorld } from '../testing/relation-matrix.js';
import { findHelpRequest, helpRequestFacts } from './repo.js';
import { makeHelpRequest } from './test-support.js';

/**
 * A fresh request of the world's region assigned to the colleague (its one listed professional). The
 * creator and the bystander are professionals of a site with no part in it: the sender made it, not they.
 */
async function assigned(w: RelationWorld, request: (id: string) => RelationSubject['request']): Promise<RelationSubject & { id: string }> {
  const { id } = await makeHelpRequest(w.h.deps, w.regionId, { assigneeId: w.staff.colleague.id });
  return {
    id,
    request: request(id),
    facts: async () => {
      const row = await findHelpRequest(w.h.deps.db.orm, id);
      if (!row) throw new Error('the request is gone');
      return helpRequestFacts(row);
    },
  };
}

// Unrelated callers get 404, as for a missing id, so request ids cannot be probed.
const unrelated = { creator: 404, creator_next_day: 404, same_site_professional: 404 } as const;
const listed = (body: unknown, id: string) => ((body as { requests?: { id: string }[] }).requests ?? []).some((r) => r.id === id);

export const helpRequestRelationCases: RelationCases = {
  'GET /api/help-requests': { action: 'help_request.handle', subject: (w) => assigned(w, () => ({ url: '/api/help-requests' })), listContains: listed },
  // The counts include the subject exactly when the caller handles it: only the assignee's own count grows.
  'GET /api/help-requests/counts': {
    action: 'help_request.handle',
    subject: (w) => assigned(w, () => ({ url: '/api/help-requests/counts' })),
    listContains: (body) => (body as { assignedToMe: number }).assignedToMe > 0,
  },
  'GET /api/help-requests/:requestId': { action: 'help_request.handle', subject: (w) => assigned(w, (id) => ({ url: `/api/help-requests/${id}` })), refusals: unrelated },
  'PATCH /api/help-requests/:requestId': {
    action: 'help_request.handle',
    subject: (w) => assigned(w, (id) => ({ url: `/api/help-requests/${id}`, body: { status: 'waiting_for_sender' } })),
    refusals: unrelated,
  },
  'POST /api/help-requests/:requestId/notes': {
    action: 'help_request.handle',
    subject: (w) => assigned(w, (id) => ({ url: `/api/help-requests/${id}/notes`, body: { text: 'Muistiinpano.' } })),
    refusals: unrelated,
  },
  'POST /api/help-requests/:requestId/replies': {
    action: 'help_request.handle',
    subject: (w) => assigned(w, (id) => ({ url: `/api/help-requests/${id}/replies`, body: { text: 'Vastaus.' } })),
    refusals: unrelated,
  },
};
