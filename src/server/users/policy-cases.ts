import type { PolicyCases } from '../testing/policy-matrix.js';

export const userPolicyCases: PolicyCases = {
  'GET /api/users': { allow: ['administrator'], request: () => ({ url: '/api/users' }) },
  'POST /api/users': {
    allow: ['administrator'],
    request: (f) => ({
      url: '/api/users',
      body: { regionId: f.regionId, username: `u-${f.unique}`, displayName: 'New Person', password: 'long enough password', roles: [{ role: 'auditor', siteId: null }] },
    }),
  },
  'GET /api/users/:userId': { allow: ['administrator'], request: (f) => ({ url: `/api/users/${f.target.id}` }) },
  'PATCH /api/users/:userId': { allow: ['administrator'], request: (f) => ({ url: `/api/users/${f.target.id}`, body: { displayName: `Renamed ${f.unique}` } }) },
  // colleague.list: the people who plan sessions or record encounters at the site; not administrators or auditors.
  'GET /api/sites/:siteId/colleagues': { allow: ['coordinator', 'nurse', 'social_worker', 'daycentre_staff'], request: (f) => ({ url: `/api/sites/${f.siteId}/colleagues` }) },
  'POST /api/users/:userId/password': { allow: ['administrator'], request: (f) => ({ url: `/api/users/${f.target.id}/password`, body: { newPassword: f.target.password } }) },
};
