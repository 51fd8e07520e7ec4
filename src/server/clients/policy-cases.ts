import { randomUUID } from 'node:crypto';
import type { Actor } from '../policy/policy.js';
import { issueVisitorCode } from '../visitor-codes/commands.js';
import { noPlace, type Fixture, type PlaceAnswer, type PolicyCases } from '../testing/policy-matrix.js';
import { createClient, grantConsent, updateClient } from './commands.js';
import { clientBody } from './test-support.js';

// Clients are reached by relationship, not by site: the professionals of the fixture (a nurse and a social
// worker) are made the own worker of the client a case builds, at their own site or at the other site of
// their region alike; another region's client is 404. Nobody else reads a client at all (403 before the
// id is looked at). Registering and the existing-client check are for the social-welfare register's
// professions only, so not the nurse. The relationship-aware matrix (another worker of the same site,
// team member, client, external member) is being built separately; clients.test.ts covers them now.
const related = ['nurse', 'social_worker'] as const;
const byRelationship: PlaceAnswer = { scope: 'region' };
// A fresh external member per request: an id sent to the other region must not come back in this one's answers.
const externalMember = (): string => randomUUID();

/** The place's social worker, who registers the case's client. */
const socialWorkerOf = (f: Fixture): Actor => ({ userId: f.users.social_worker.id, regionId: f.regionId, displayName: 'test setup', profession: 'social_worker', roles: [{ role: 'professional', siteId: f.siteId }] });
const nurseOf = (f: Fixture): Actor => ({ userId: f.users.nurse.id, regionId: f.regionId, displayName: 'test setup', profession: 'nurse', roles: [{ role: 'professional', siteId: f.siteId }] });

/**
 * A fresh client at the fixture's site. In the caller's own region its own worker is the caller when the
 * caller is a professional; in the other region it is that region's social worker.
 */
export async function freshClient(f: Fixture): Promise<string> {
  const ctx = { actor: socialWorkerOf(f), requestId: null };
  const { clientId } = await createClient(f.h.deps, ctx, clientBody(f.siteId, { name: `Asiakas ${f.unique}` }));
  const callerIsRelated = f.place !== 'otherRegion' && (f.role === 'nurse' || f.role === 'social_worker') && f.caller !== null;
  await updateClient(f.h.deps, ctx, clientId, { ownWorkerId: callerIsRelated ? f.caller!.id : f.users.social_worker.id });
  return clientId;
}

async function freshConsent(f: Fixture, clientId: string): Promise<string> {
  return grantConsent(f.h.deps, { actor: socialWorkerOf(f), requestId: null }, clientId, { purpose: 'share_plan', grantee: { kind: 'external', id: externalMember() }, validFrom: '2026-01-15' });
}

export const clientPolicyCases: PolicyCases = {
  'GET /api/clients': { places: noPlace('The caller\'s own clients (own worker or care team); the list takes no place to aim at'), allow: [...related], request: () => ({ url: '/api/clients' }) },
  'GET /api/clients/due': { places: noPlace('The due and overdue steps of the caller\'s own clients; no place to aim at'), allow: [...related], request: () => ({ url: '/api/clients/due' }) },
  'GET /api/clients/due-counts': { places: noPlace('Counts at the coordinator\'s own sites; no place to aim at'), allow: ['coordinator'], request: () => ({ url: '/api/clients/due-counts' }) },
  'POST /api/clients/lookup': {
    places: noPlace('The existing-client check searches the caller\'s own region only'),
    allow: ['social_worker'],
    request: (f) => ({ url: '/api/clients/lookup', body: { name: `Asiakas ${f.unique}` } }),
  },
  'POST /api/clients': {
    places: { scope: 'site' },
    allow: ['social_worker'],
    request: (f) => ({ url: '/api/clients', body: clientBody(f.siteId, { name: `Uusi asiakas ${f.unique}` }) }),
  },
  'GET /api/clients/:clientId': { places: byRelationship, allow: [...related], request: async (f) => ({ url: `/api/clients/${await freshClient(f)}` }) },
  'PATCH /api/clients/:clientId': { places: byRelationship, allow: [...related], request: async (f) => ({ url: `/api/clients/${await freshClient(f)}`, body: { contactPreference: 'email' } }) },
  'PUT /api/clients/:clientId/care-team': {
    places: byRelationship,
    allow: [...related],
    request: async (f) => ({ url: `/api/clients/${await freshClient(f)}/care-team`, body: { memberIds: [f.users.social_worker.id] } }),
  },
  'POST /api/clients/:clientId/consents': {
    places: byRelationship,
    allow: [...related],
    request: async (f) => ({ url: `/api/clients/${await freshClient(f)}/consents`, body: { purpose: 'share_process', grantee: { kind: 'external', id: externalMember() }, validFrom: '2026-01-15' } }),
  },
  'POST /api/clients/:clientId/consents/:consentId/revoke': {
    places: byRelationship,
    allow: [...related],
    request: async (f) => {
      const clientId = await freshClient(f);
      return { url: `/api/clients/${clientId}/consents/${await freshConsent(f, clientId)}/revoke` };
    },
  },
  'POST /api/clients/:clientId/visitor-codes': {
    places: byRelationship,
    allow: [...related],
    request: async (f) => {
      const clientId = await freshClient(f);
      const consentId = await grantConsent(f.h.deps, { actor: socialWorkerOf(f), requestId: null }, clientId, { purpose: 'link_visitor_code', grantee: { kind: 'none' }, validFrom: '2026-01-15' });
      const code = await issueVisitorCode(f.h.deps, { actor: nurseOf(f), requestId: null }, f.siteId);
      return { url: `/api/clients/${clientId}/visitor-codes`, body: { code, consentId } };
    },
  },
  'POST /api/clients/:clientId/process/events': {
    places: byRelationship,
    allow: [...related],
    request: async (f) => ({ url: `/api/clients/${await freshClient(f)}/process/events`, body: { type: 'start_assessment' } }),
  },
};
