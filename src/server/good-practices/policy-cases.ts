import { systemActor } from '../testing/harness.js';
import { noPlace, ofRegion, type Fixture, type PolicyCases } from '../testing/policy-matrix.js';
import { createGoodPractice, publishGoodPractice } from './commands.js';
import { goodPracticeBody } from './test-support.js';

// Good practices are the region's: its coordinator writes and publishes them, managers read them; once
// published, anyone reads them on the public page.
const coordinatorOf = (f: Fixture, regionId: string) => ({ ...systemActor(regionId), roles: [{ role: 'coordinator' as const, siteId: null }] });

async function practice(f: Fixture, regionId = f.regionId, published = false): Promise<string> {
  const ctx = { actor: { ...coordinatorOf(f, regionId), userId: regionId === f.regionId ? f.users.coordinator.id : f.own.users.coordinator.id }, requestId: null };
  const made = await createGoodPractice(f.h.deps, ctx, goodPracticeBody(`Hyvä käytäntö ${f.unique}`));
  if (published) await publishGoodPractice(f.h.deps, ctx, made.id, true);
  return made.id;
}

export const goodPracticePolicyCases: PolicyCases = {
  'GET /api/public/good-practices': {
    places: noPlace('Public: the published descriptions of the region named in the query (the caller\'s own here)'),
    allow: 'public',
    request: (f) => ({ url: `/api/public/good-practices?regionId=${f.own.regionId}` }),
  },
  'GET /api/public/good-practices/:practiceId': {
    places: noPlace('Public: a published description, of the caller\'s own region here'),
    allow: 'public',
    request: async (f) => ({ url: `/api/public/good-practices/${await practice(f, f.own.regionId, true)}` }),
  },
  'GET /api/good-practices': { places: noPlace('The descriptions of the caller\'s own region'), allow: ['coordinator', 'manager'], request: () => ({ url: '/api/good-practices' }) },
  'POST /api/good-practices': { places: noPlace('A new description of the caller\'s own region'), allow: ['coordinator'], request: (f) => ({ url: '/api/good-practices', body: goodPracticeBody(`Uusi ${f.unique}`) }) },
  'GET /api/good-practices/:practiceId': { places: ofRegion, allow: ['coordinator', 'manager'], request: async (f) => ({ url: `/api/good-practices/${await practice(f)}` }) },
  'PATCH /api/good-practices/:practiceId': { places: ofRegion, allow: ['coordinator'], request: async (f) => ({ url: `/api/good-practices/${await practice(f)}`, body: { title: `Muutettu ${f.unique}` } }) },
  'POST /api/good-practices/:practiceId/publish': {
    places: ofRegion,
    allow: ['coordinator'],
    request: async (f) => ({ url: `/api/good-practices/${await practice(f)}/publish`, body: { published: true } }),
  },
};
