import { systemActor } from '../testing/harness.js';
import { atSite, noPlace, type Fixture, type PolicyCases } from '../testing/policy-matrix.js';
import { compileQuarterlyReport } from './quarterly.js';
import { insertObservation, linkManager, municipalityOfRegion, observationBody } from './test-support.js';

// Observations are the site's: its workers (and the region's coordinators and managers) read and co-sign
// them, the author edits and submits a draft, a manager answers. The quarterly report is the region's.
const workers = ['coordinator', 'nurse', 'social_worker', 'daycentre_staff', 'manager'] as const;

/** A submitted observation by the place's peer worker (so that every caller is someone else). */
const submitted = (f: Fixture) => insertObservation(f.h.deps, { regionId: f.regionId, siteId: f.siteId, createdBy: f.target.id });

/** A draft of the caller's own in their region (the author is the only one who edits it), else the place's social worker's. */
const draft = (f: Fixture) =>
  insertObservation(f.h.deps, { regionId: f.regionId, siteId: f.siteId, status: 'draft', createdBy: f.caller && f.place !== 'otherRegion' ? f.caller.id : f.users.social_worker.id });

/**
 * Managers answer by municipality, not by site: the observation is of a municipality the region's manager
 * (a region role here) is linked to, wherever it was filed; another region's is not found. That a manager
 * not linked to the municipality is refused is src/server/structural/closing.test.ts's.
 */
let deliverNext = 0;
async function answerable(f: Fixture): Promise<string> {
  const code = await municipalityOfRegion(f.h.deps, f.regionId);
  // The caller's region's manager (each place has its own staff; the caller is always of `own`).
  const manager = f.regionId === f.own.regionId ? f.own.users.manager : f.users.manager;
  await linkManager(f.h.deps, { userId: manager.id, municipalityCode: code, regionId: f.regionId });
  return insertObservation(f.h.deps, { regionId: f.regionId, siteId: f.siteId, createdBy: f.target.id, municipalityCode: code });
}

const quarter = async (f: Fixture) => ({ municipalityCode: await municipalityOfRegion(f.h.deps, f.own.regionId), year: 2026, quarter: 1 });

export const structuralPolicyCases: PolicyCases = {
  'GET /api/structural/observations': {
    places: noPlace('The observations of the caller\'s own sites and their own drafts; the list takes no place to aim at'),
    allow: [...workers],
    request: () => ({ url: '/api/structural/observations?mine=false' }),
  },
  'POST /api/structural/observations': {
    places: atSite,
    allow: [...workers],
    request: async (f) => ({ url: '/api/structural/observations', body: observationBody(f.siteId, await municipalityOfRegion(f.h.deps, f.regionId), { submit: true }) }),
  },
  'GET /api/structural/observations/:observationId': { places: atSite, allow: [...workers], request: async (f) => ({ url: `/api/structural/observations/${await submitted(f)}` }) },
  'PATCH /api/structural/observations/:observationId': {
    places: atSite,
    allow: [...workers],
    request: async (f) => ({ url: `/api/structural/observations/${await draft(f)}`, body: { affectedEstimate: 20 } }),
  },
  'POST /api/structural/observations/:observationId/submit': { places: atSite, allow: [...workers], request: async (f) => ({ url: `/api/structural/observations/${await draft(f)}/submit` }) },
  'POST /api/structural/observations/:observationId/cosign': { places: atSite, allow: [...workers], request: async (f) => ({ url: `/api/structural/observations/${await submitted(f)}/cosign` }) },
  'POST /api/structural/observations/:observationId/answer': {
    places: atSite,
    allow: ['manager'],
    request: async (f) => ({ url: `/api/structural/observations/${await answerable(f)}/answer`, body: { outcome: 'in_progress', text: 'Asia on valmistelussa.' } }),
  },
  'GET /api/structural/quarterly': {
    places: noPlace('A municipality of the caller\'s own region; the report covers the sites the caller\'s role covers'),
    allow: ['coordinator', 'manager'],
    request: async (f) => {
      const q = await quarter(f);
      return { url: `/api/structural/quarterly?municipalityCode=${q.municipalityCode}&year=${q.year}&quarter=${q.quarter}` };
    },
  },
  'POST /api/structural/quarterly/compile': {
    places: noPlace('A municipality of the caller\'s own region, named in the body'),
    allow: ['coordinator'],
    request: async (f) => ({ url: '/api/structural/quarterly/compile', body: await quarter(f) }),
  },
  'POST /api/structural/quarterly/present': {
    places: noPlace('A municipality of the caller\'s own region, named in the body'),
    allow: ['coordinator'],
    request: async (f) => {
      const q = await quarter(f);
      await compileQuarterlyReport(f.h.deps, { actor: { ...systemActor(f.own.regionId), userId: f.own.users.coordinator.id, roles: [{ role: 'coordinator', siteId: null }] }, requestId: null }, { ...q, quarter: 1 });
      return { url: '/api/structural/quarterly/present', body: { ...q, presentedOn: '2026-01-14' } };
    },
  },
  'POST /api/structural/quarterly/deliver': {
    places: noPlace('A municipality of the caller\'s own region, named in the body'),
    allow: ['coordinator'],
    request: async (f) => {
      // Each allowed call delivers a quarter of its own: a delivered report is not delivered twice.
      const q = { ...(await quarter(f)), year: 2000 + (deliverNext++ % 100) };
      await compileQuarterlyReport(f.h.deps, { actor: { ...systemActor(f.own.regionId), userId: f.own.users.coordinator.id, roles: [{ role: 'coordinator', siteId: null }] }, requestId: null }, { ...q, quarter: 1 });
      return { url: '/api/structural/quarterly/deliver', body: q };
    },
  },
  'GET /api/structural/yearly': {
    places: noPlace('A municipality of the caller\'s own region; the summary covers the sites the caller\'s role covers'),
    allow: ['coordinator', 'manager'],
    request: async (f) => ({ url: `/api/structural/yearly?municipalityCode=${(await quarter(f)).municipalityCode}&year=2026` }),
  },
  'GET /api/structural/notices': {
    places: noPlace('The caller\'s own notices of their observations\' status changes'),
    allow: [...workers],
    request: () => ({ url: '/api/structural/notices' }),
  },
  'POST /api/structural/notices/seen': {
    places: noPlace('Marks the caller\'s own notices seen; ids of others\' notices change nothing'),
    allow: [...workers],
    request: (f) => ({ url: '/api/structural/notices/seen', body: { ids: [f.h.deps.ids.newId()] } }),
  },
};
