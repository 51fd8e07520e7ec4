import { atSite, type PolicyCases } from '../testing/policy-matrix.js';

// daylog.read: the site's day-centre staff and professionals, and coordinators; daylog.write: day-centre staff only.
const readers = ['coordinator', 'nurse', 'social_worker', 'daycentre_staff'] as const;

export const daylogPolicyCases: PolicyCases = {
  'PUT /api/sites/:siteId/daylog/:day': {
    places: atSite,
    allow: ['daycentre_staff'],
    request: (f) => ({ url: `/api/sites/${f.siteId}/daylog/2026-01-14`, body: { id: f.h.deps.ids.newId(), breakfasts: 48, lunches: 61, estimatedVisitors: 55 } }),
  },
  'GET /api/sites/:siteId/daylog': { places: atSite, allow: [...readers], request: (f) => ({ url: `/api/sites/${f.siteId}/daylog?month=2026-01` }) },
  'GET /api/sites/:siteId/daylog/trend': { places: atSite, allow: [...readers], request: (f) => ({ url: `/api/sites/${f.siteId}/daylog/trend?from=2025-11&to=2026-01` }) },
};
