import type { PolicyCases } from '../testing/policy-matrix.js';

export const reportPolicyCases: PolicyCases = {};
