import { makeEncounter } from '../encounters/policy-cases.js';
import { professionals, type Fixture, type PolicyCases } from '../testing/policy-matrix.js';
import { issueSlip } from './slip.js';

const freshSlip = async (f: Fixture) => {
  const { referralId, ctx } = await makeEncounter(f, f.users.nurse);
  return (await issueSlip(f.h.deps, ctx, referralId)).code;
};

export const referralPolicyCases: PolicyCases = {
  'PATCH /api/referrals/:referralId': {
    allow: professionals,
    request: async (f) => ({ url: `/api/referrals/${(await makeEncounter(f)).referralId}`, body: { status: 'booked', followUpOn: '2026-02-01' } }),
  },
  'GET /api/sites/:siteId/follow-ups': { allow: professionals, request: (f) => ({ url: `/api/sites/${f.siteId}/follow-ups` }) },
  'POST /api/referrals/:referralId/slip': {
    allow: professionals,
    request: async (f) => ({ url: `/api/referrals/${(await makeEncounter(f)).referralId}/slip` }),
  },
  'GET /api/slips/:code': { allow: 'public', request: async (f) => ({ url: `/api/slips/${await freshSlip(f)}` }) },
  'POST /api/slips/:code/confirm': { allow: 'public', request: async (f) => ({ url: `/api/slips/${await freshSlip(f)}/confirm` }) },
};
