import type { PolicyCases } from '../testing/policy-matrix.js';

export const auditPolicyCases: PolicyCases = {
  'GET /api/audit': { allow: ['administrator', 'auditor'], request: () => ({ url: '/api/audit?limit=5' }) },
};
