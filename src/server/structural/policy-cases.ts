import { systemActor } from '../testing/harness.js';
import { atSite, noPlace, type Fixture, type PolicyCases } from '../testing/policy-matrix.js';
import { compileQuarterlyReport } from './quarterly.js';
import { insertObservation, municipalityOfRegion, observationBody } from './test-support.js';

// Observations are the site's: its workers (and the region's coordinators and managers) read and co-sign
// them, the author edits and submits a draft, a manager answers. The quarterly report is the region's.
const workers = ['coordinator', 'nurse', 'social_worker', 'daycentre_staff', 'manager'] as const;

/** A submitted observation by the place's peer worker (so that every caller is someone else). */
const submitted = (f: Fixture) => insertObservation(f.h.deps, { regionId: f.regionId, siteId: f.siteId, createdBy: f.target.id });

/** A draft of the caller's own in their region (the author is the only one who edits it), else the place's social worker's. */
const draft = (f: Fixture) =>
  insertObservation(f.h.deps, { regionId: f.regionId, siteId: f.siteId, status: 'draft', createdBy: f.caller && f.place !== 'otherRegion' ? f.caller.id : f.users.social_worker.id });

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
    request: async (f) => ({ url: `/api/structural/observations/${await submitted(f)}/answer`, body: { outcome: 'in_progress', text: 'Asia on valmistelussa.' } }),
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
};
