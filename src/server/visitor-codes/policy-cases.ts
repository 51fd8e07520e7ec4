import { contextOf } from '../encounters/policy-cases.js';
import { atSite, type Fixture, ofRegion, type PolicyCases, professionals } from '../testing/policy-matrix.js';
import { issueVisitorCode } from './commands.js';

const freshCode = async (f: Fixture) => issueVisitorCode(f.h.deps, await contextOf(f, f.users.daycentre_staff), f.siteId);

export const visitorCodePolicyCases: PolicyCases = {
  'POST /api/sites/:siteId/visitor-codes': { places: atSite, allow: [...professionals, 'daycentre_staff'], request: (f) => ({ url: `/api/sites/${f.siteId}/visitor-codes` }) },
  'GET /api/visitor-codes/:code': { places: ofRegion, allow: professionals, request: async (f) => ({ url: `/api/visitor-codes/${await freshCode(f)}` }) },
  'POST /api/visitor-codes/:code/retire': {
    places: ofRegion,
    allow: [...professionals, 'daycentre_staff', 'administrator'],
    request: async (f) => ({ url: `/api/visitor-codes/${await freshCode(f)}/retire` }),
  },
};
