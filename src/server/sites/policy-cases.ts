import { signedIn, type PolicyCases } from '../testing/policy-matrix.js';

export const sitePolicyCases: PolicyCases = {
  'GET /api/regions': { allow: signedIn, request: () => ({ url: '/api/regions' }) },
  'GET /api/sites': { allow: signedIn, request: () => ({ url: '/api/sites' }) },
  'POST /api/sites': { allow: ['administrator'], request: (f) => ({ url: '/api/sites', body: { regionId: f.regionId, name: `Site ${f.unique}`, kind: 'parish' } }) },
  'GET /api/sites/:siteId': { allow: signedIn, request: (f) => ({ url: `/api/sites/${f.siteId}` }) },
  'PATCH /api/sites/:siteId': { allow: ['administrator'], request: (f) => ({ url: `/api/sites/${f.siteId}`, body: { address: `Street ${f.unique}` } }) },
  'GET /api/units': { allow: signedIn, request: () => ({ url: '/api/units' }) },
  'POST /api/units': { allow: ['administrator'], request: (f) => ({ url: '/api/units', body: { regionId: f.regionId, name: `Unit ${f.unique}`, kind: 'third_sector' } }) },
};
