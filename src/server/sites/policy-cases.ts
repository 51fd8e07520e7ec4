import { atSite, namesRegion, noPlace, type PolicyCases, signedIn } from '../testing/policy-matrix.js';

export const sitePolicyCases: PolicyCases = {
  'GET /api/regions': { places: noPlace('Lists the caller\'s own region; the list takes no place to aim at'), allow: signedIn, request: () => ({ url: '/api/regions' }) },
  'GET /api/sites': { places: noPlace('Lists the sites of the caller\'s own region; the list takes no place to aim at'), allow: signedIn, request: () => ({ url: '/api/sites' }) },
  'POST /api/sites': { places: namesRegion, allow: ['administrator'], request: (f) => ({ url: '/api/sites', body: { regionId: f.regionId, name: `Site ${f.unique}`, kind: 'parish' } }) },
  'GET /api/sites/:siteId': { places: atSite, allow: signedIn, request: (f) => ({ url: `/api/sites/${f.siteId}` }) },
  'PATCH /api/sites/:siteId': { places: atSite, allow: ['administrator'], request: (f) => ({ url: `/api/sites/${f.siteId}`, body: { address: `Street ${f.unique}` } }) },
  'GET /api/units': { places: noPlace('Lists the units of the caller\'s own region; the list takes no place to aim at'), allow: signedIn, request: () => ({ url: '/api/units' }) },
  'POST /api/units': { places: namesRegion, allow: ['administrator'], request: (f) => ({ url: '/api/units', body: { regionId: f.regionId, name: `Unit ${f.unique}`, kind: 'third_sector' } }) },
};
