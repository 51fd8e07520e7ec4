import { signedIn, type PolicyCases } from '../testing/policy-matrix.js';
import { systemActor } from '../testing/harness.js';
import { listServices } from './commands.js';

export const codePolicyCases: PolicyCases = {
  'GET /api/codes': { allow: signedIn, request: () => ({ url: '/api/codes' }) },
  'POST /api/codes': {
    allow: ['administrator'],
    request: (f) => ({ url: '/api/codes', body: { kind: 'need', register: 'social', code: `c_${f.unique.replace(/\W/g, '_')}`, labels: { fi: 'Uusi', sv: 'Ny', en: 'New' } } }),
  },
  'PATCH /api/codes/:kind/:register/:code': {
    allow: ['administrator'],
    request: () => ({ url: '/api/codes/need/health/ears', body: { labels: { fi: 'Korvat', sv: 'Öron', en: 'Ears' } } }),
  },
  'GET /api/services': { allow: signedIn, request: () => ({ url: '/api/services' }) },
  'POST /api/services': {
    allow: ['administrator'],
    request: (f) => ({ url: '/api/services', body: { code: `s_${f.unique.replace(/\W/g, '_')}`, names: { fi: 'Palvelu', sv: 'Tjänst', en: 'Service' } } }),
  },
  'PATCH /api/services/:serviceId': {
    allow: ['administrator'],
    request: async (f) => {
      const [service] = await listServices(f.h.deps, systemActor(f.regionId));
      return { url: `/api/services/${service!.id}`, body: { sortOrder: 5 } };
    },
  },
};
