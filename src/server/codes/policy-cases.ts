import { noPlace, ofRegion, type PolicyCases, signedIn } from '../testing/policy-matrix.js';
import { systemActor } from '../testing/harness.js';
import { listServices } from './commands.js';

export const codePolicyCases: PolicyCases = {
  'GET /api/codes': { places: noPlace('The need and support codes are one national list, the same in every region'), allow: signedIn, request: () => ({ url: '/api/codes' }) },
  'POST /api/codes': {
    places: noPlace('The need and support codes are one national list, the same in every region'),
    allow: ['administrator'],
    request: (f) => ({ url: '/api/codes', body: { kind: 'need', register: 'social', code: `c_${f.unique.replace(/\W/g, '_')}`, labels: { fi: 'Uusi', sv: 'Ny', en: 'New' } } }),
  },
  'PATCH /api/codes/:kind/:register/:code': {
    places: noPlace('The need and support codes are one national list, the same in every region'),
    allow: ['administrator'],
    request: () => ({ url: '/api/codes/need/health/ears', body: { labels: { fi: 'Korvat', sv: 'Öron', en: 'Ears' } } }),
  },
  'GET /api/services': { places: noPlace('Lists the services of the caller\'s own region; the list takes no place to aim at'), allow: signedIn, request: () => ({ url: '/api/services' }) },
  'POST /api/services': {
    places: noPlace('A new service belongs to the caller\'s own region; the body names no region'),
    allow: ['administrator'],
    request: (f) => ({ url: '/api/services', body: { code: `s_${f.unique.replace(/\W/g, '_')}`, names: { fi: 'Palvelu', sv: 'Tjänst', en: 'Service' } } }),
  },
  'PATCH /api/services/:serviceId': {
    places: ofRegion,
    allow: ['administrator'],
    request: async (f) => {
      const [service] = await listServices(f.h.deps, systemActor(f.regionId));
      return { url: `/api/services/${service!.id}`, body: { sortOrder: 5 } };
    },
  },
};
