import { freshClient } from '../clients/policy-cases.js';
import type { PolicyCases } from '../testing/policy-matrix.js';

// Like a client's read: the professionals who work with the client (the fixture makes the caller its own
// worker); another region's client is 404, and nobody else exports at all (403 before the id is looked at).
export const clientRecordPolicyCases: PolicyCases = {
  'GET /api/clients/:clientId/record': { places: { scope: 'region' }, allow: ['nurse', 'social_worker'], request: async (f) => ({ url: `/api/clients/${await freshClient(f)}/record` }) },
};
