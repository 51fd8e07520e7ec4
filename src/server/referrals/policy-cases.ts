import { makeEncounter } from '../encounters/policy-cases.js';
import { atSite, type Fixture, noPlace, type PolicyCases, professionals } from '../testing/policy-matrix.js';
import { issueSlip } from './slip.js';

const freshSlip = async (f: Fixture) => {
  const { referralId, ctx } = await makeEncounter(f, f.users.nurse);
  return (await issueSlip(f.h.deps, ctx, referralId)).code;
};

export const referralPolicyCases: PolicyCases = {
  'PATCH /api/referrals/:referralId': {
    places: atSite,
    allow: professionals,
    request: async (f) => ({ url: `/api/referrals/${(await makeEncounter(f)).referralId}`, body: { status: 'booked', followUpOn: '2026-02-01' } }),
  },
  'GET /api/sites/:siteId/follow-ups': { places: atSite, allow: professionals, request: (f) => ({ url: `/api/sites/${f.siteId}/follow-ups` }) },
  'POST /api/referrals/:referralId/slip': {
    places: atSite,
    allow: professionals,
    request: async (f) => ({ url: `/api/referrals/${(await makeEncounter(f)).referralId}/slip` }),
  },
  'GET /api/slips/:code': { places: noPlace('Public: the receiving service reads a slip by its code, which the visitor carries there'), allow: 'public', request: async (f) => ({ url: `/api/slips/${await freshSlip(f)}` }) },
  'POST /api/slips/:code/confirm': { places: noPlace('Public: the receiving service confirms arrival by the slip code, whatever the site'), allow: 'public', request: async (f) => ({ url: `/api/slips/${await freshSlip(f)}/confirm` }) },
};
