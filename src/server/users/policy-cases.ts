import { atSite, namesRegion, noPlace, ofRegion, type PolicyCases } from '../testing/policy-matrix.js';

export const userPolicyCases: PolicyCases = {
  'GET /api/users': { places: noPlace('Lists the users of the caller\'s own region; the list takes no place to aim at'), allow: ['administrator'], request: () => ({ url: '/api/users' }) },
  'POST /api/users': {
    places: namesRegion,
    allow: ['administrator'],
    request: (f) => ({
      url: '/api/users',
      body: { regionId: f.regionId, username: `u-${f.unique}`, displayName: 'New Person', password: 'long enough password', roles: [{ role: 'auditor', siteId: null }] },
    }),
  },
  'GET /api/users/:userId': { places: ofRegion, allow: ['administrator'], request: (f) => ({ url: `/api/users/${f.target.id}` }) },
  'PATCH /api/users/:userId': { places: ofRegion, allow: ['administrator'], request: (f) => ({ url: `/api/users/${f.target.id}`, body: { displayName: `Renamed ${f.unique}` } }) },
  // colleague.list: the people who plan sessions or record encounters at the site; not administrators or auditors.
  'GET /api/sites/:siteId/colleagues': { places: atSite, allow: ['coordinator', 'nurse', 'social_worker', 'daycentre_staff'], request: (f) => ({ url: `/api/sites/${f.siteId}/colleagues` }) },
  'POST /api/users/:userId/password': { places: ofRegion, allow: ['administrator'], request: (f) => ({ url: `/api/users/${f.target.id}/password`, body: { newPassword: f.target.password } }) },
};
