import { noPlace, type PolicyCases } from '../testing/policy-matrix.js';

export const auditPolicyCases: PolicyCases = {
  'GET /api/audit': { places: noPlace('Reads the audit log of the caller\'s own region; the query names no region or site'), allow: ['administrator', 'auditor'], request: () => ({ url: '/api/audit?limit=5' }) },
};
