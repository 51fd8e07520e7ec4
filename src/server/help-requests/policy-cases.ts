import { noPlace, atSite, type Fixture, type PlaceAnswer, type PolicyCases } from '../testing/policy-matrix.js';
import { forgetHelpCounts } from './limiter.js';
import { makeHelpRequest } from './test-support.js';

// Ask for help. The public routes are anyone's: the form of a region reached by its link, and the sender's
// way back, where the receipt code in the body is the credential. The inbox is the region's guidance team's
// (region-wide coordinators and professionals; the fixture's coordinator), and a request assigned to a
// professional of a site is theirs too: the fixture's nurse and social worker are made its assignee, in their
// own region, as clients' own workers are in the client cases. Anyone else's answer is 403 before the id is
// looked at; another region's request is 404.
const team = ['coordinator', 'nurse', 'social_worker'] as const;
const byRelationship: PlaceAnswer = { scope: 'region' };

/** A fresh request of the place's region, assigned to the caller when the caller is a professional of that region. */
async function request(f: Fixture): Promise<{ id: string; code: string }> {
  const assigned = f.place !== 'otherRegion' && (f.role === 'nurse' || f.role === 'social_worker') && f.caller !== null;
  return makeHelpRequest(f.h.deps, f.regionId, { assigneeId: assigned ? f.caller!.id : null });
}

/** The public routes are called many times from the one test address: each case starts from a clean count, as after a restart. */
const fresh = (f: Fixture) => forgetHelpCounts(f.h.deps);

export const helpRequestPolicyCases: PolicyCases = {
  'GET /api/public/help/regions/:regionId': {
    places: noPlace('Public: the form of the region its link names (the caller\'s own region here); a region\'s name is public'),
    allow: 'public',
    request: (f) => ({ url: `/api/public/help/regions/${f.own.regionId}` }),
  },
  'POST /api/public/help/requests': {
    places: noPlace('Public: a request to the region the body names; the answer is only the sender\'s own receipt'),
    allow: 'public',
    request: (f) => {
      fresh(f);
      return { url: '/api/public/help/requests', body: { regionId: f.own.regionId, message: 'Tarvitsen apua.', callbackPhone: null, language: 'fi' } };
    },
  },
  'POST /api/public/help/requests/open': {
    places: noPlace('Public: reached by a receipt code (the sender\'s credential), not by a place'),
    allow: 'public',
    request: async (f) => {
      fresh(f);
      return { url: '/api/public/help/requests/open', body: { code: (await makeHelpRequest(f.h.deps, f.own.regionId)).code } };
    },
  },
  'POST /api/public/help/requests/reply': {
    places: noPlace('Public: reached by a receipt code (the sender\'s credential), not by a place'),
    allow: 'public',
    request: async (f) => {
      fresh(f);
      return { url: '/api/public/help/requests/reply', body: { code: (await makeHelpRequest(f.h.deps, f.own.regionId)).code, message: 'Kiitos, soittakaa iltapäivällä.' } };
    },
  },
  'GET /api/help-requests': {
    places: noPlace('The requests of the caller\'s own region the caller handles (all for the team, assigned ones for a professional)'),
    allow: [...team],
    request: () => ({ url: '/api/help-requests?status=open' }),
  },
  'GET /api/help-requests/counts': {
    places: noPlace('Counts of the caller\'s own region\'s requests the caller handles'),
    allow: [...team],
    request: () => ({ url: '/api/help-requests/counts' }),
  },
  'GET /api/help-requests/:requestId': { places: byRelationship, allow: [...team], request: async (f) => ({ url: `/api/help-requests/${(await request(f)).id}` }) },
  'PATCH /api/help-requests/:requestId': {
    places: byRelationship,
    allow: [...team],
    request: async (f) => ({ url: `/api/help-requests/${(await request(f)).id}`, body: { status: 'in_progress' } }),
  },
  'POST /api/help-requests/:requestId/notes': {
    places: byRelationship,
    allow: [...team],
    request: async (f) => ({ url: `/api/help-requests/${(await request(f)).id}/notes`, body: { text: 'Soitettu, ei vastannut.' } }),
  },
  'POST /api/help-requests/:requestId/replies': {
    places: byRelationship,
    allow: [...team],
    request: async (f) => ({ url: `/api/help-requests/${(await request(f)).id}/replies`, body: { text: 'Hei, voimme soittaa huomenna.' } }),
  },
  // Registering the client is the client rules': a social worker (social-welfare register) at the site named in the body.
  'POST /api/help-requests/:requestId/client': {
    places: atSite,
    allow: ['social_worker'],
    request: async (f) => ({
      url: `/api/help-requests/${(await request(f)).id}/client`,
      body: { siteId: f.siteId, name: `Avunpyytäjä ${f.unique}`, consent: true, isStatutoryGroup: false, preferredLanguage: 'fi', existingClientsChecked: true },
    }),
  },
};
