import { freshClient } from '../clients/policy-cases.js';
import { noPlace, type PolicyCase, type PolicyCases } from '../testing/policy-matrix.js';

/**
 * The own pages of clients and external members are not staff routes: every staff session and the
 * anonymous caller get 401 (a staff session is another cookie and table). Who of the principals sees
 * what is the relationship matrix's (src/server/own/relation-cases.ts).
 */
const principalOnly = (why: string, request: PolicyCase['request']): PolicyCase => ({ allow: [], principalRoute: true, places: noPlace(why), request });

export const ownPolicyCases: PolicyCases = {
  'GET /api/own/session': principalOnly('The principal\'s own session', () => ({ url: '/api/own/session' })),
  'DELETE /api/own/session': principalOnly('Ends the principal\'s own session', () => ({ url: '/api/own/session' })),
  'GET /api/own/clients': principalOnly('The clients the principal\'s relationships give: the client themself, or a consent\'s', () => ({ url: '/api/own/clients' })),
  'GET /api/own/clients/:clientId': principalOnly('Reached by relationship only (the client themself, a consent), not by place', async (f) => ({ url: `/api/own/clients/${await freshClient(f)}` })),
  'GET /api/own/clients/:clientId/access-log': principalOnly('The client\'s own log, reached by being the client', async (f) => ({ url: `/api/own/clients/${await freshClient(f)}/access-log` })),
};
