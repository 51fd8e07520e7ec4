import { atSite, type PolicyCases } from '../testing/policy-matrix.js';

export const reportPolicyCases: PolicyCases = {
  // Every role that works at the site, and the region's manager, reads the published (suppressed) report;
  // administrators and auditors do not.
  'GET /api/reports': {
    places: atSite,
    allow: ['coordinator', 'nurse', 'social_worker', 'daycentre_staff', 'manager'],
    request: (f) => ({ url: `/api/reports?siteIds=${f.siteId}&from=2026-01-01&to=2026-01-15` }),
  },
  'GET /api/reports/comparison': {
    places: atSite,
    allow: ['coordinator', 'nurse', 'social_worker', 'daycentre_staff', 'manager'],
    request: (f) => ({ url: `/api/reports/comparison?siteIds=${f.siteId}&from=2026-01-01&to=2026-01-15&compare=period&from2=2025-12-01&to2=2025-12-31` }),
  },
};
