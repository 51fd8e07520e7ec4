import { clientOf, unrelated } from '../clients/relation-cases.js';
import type { RelationCases } from '../testing/relation-matrix.js';

export const invitationRelationCases: RelationCases = {
  // Invited by those who work with the client, as for changing them.
  'POST /api/clients/:clientId/invitations': { action: 'client.update', subject: (w) => clientOf(w, (id) => ({ url: `/api/clients/${id}/invitations` })), refusals: unrelated },
};
