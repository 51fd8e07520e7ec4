import { systemActor } from '../testing/harness.js';
import { noPlace, ofRegion, type Fixture, type PolicyCases, signedIn } from '../testing/policy-matrix.js';
import { createMunicipality } from './commands.js';

// Municipality codes are unique in the whole country (the primary key): each call takes a fresh one.
let next = 0;
const freshCode = (): string => String(100 + (next++ % 900));

/** A fresh municipality of the place's region, made directly (as the region's administrator would). */
async function freshMunicipality(f: Fixture): Promise<string> {
  const code = freshCode();
  await createMunicipality(f.h.deps, { actor: systemActor(f.regionId), requestId: null }, { code, names: { fi: `Kunta ${code}`, sv: `Kommun ${code}`, en: `Municipality ${code}` } });
  return code;
}

export const municipalityPolicyCases: PolicyCases = {
  'GET /api/municipalities': {
    places: noPlace('Lists the municipalities of the caller\'s own region; the list takes no place to aim at'),
    allow: signedIn,
    request: () => ({ url: '/api/municipalities' }),
  },
  'POST /api/municipalities': {
    places: noPlace('A new municipality belongs to the caller\'s own region; the body names no region'),
    allow: ['administrator'],
    request: () => {
      const code = freshCode();
      return { url: '/api/municipalities', body: { code, names: { fi: `Kunta ${code}`, sv: `Kommun ${code}`, en: `Municipality ${code}` } } };
    },
  },
  'PATCH /api/municipalities/:code': {
    places: ofRegion,
    allow: ['administrator'],
    request: async (f) => ({ url: `/api/municipalities/${await freshMunicipality(f)}`, body: { isActive: false } }),
  },
  'GET /api/municipalities/:code/managers': {
    places: ofRegion,
    allow: ['administrator'],
    request: async (f) => ({ url: `/api/municipalities/${await freshMunicipality(f)}/managers` }),
  },
  'PUT /api/municipalities/:code/managers': {
    places: ofRegion,
    allow: ['administrator'],
    request: async (f) => ({ url: `/api/municipalities/${await freshMunicipality(f)}/managers`, body: { userIds: [f.users.manager.id] } }),
  },
};
