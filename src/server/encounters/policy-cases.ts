import { uuidv7 } from 'uuidv7';
import { helsinkiDay } from '../../domain/calendar.js';
import type { EncounterBatchResponse } from '../../domain/encounter-batch.js';
import { errorStatuses, type ErrorCode } from '../../domain/errors.js';
import { loadActor } from '../auth/actor-repo.js';
import { listServices } from '../codes/commands.js';
import { atSite, type Fixture, type PolicyCases, professionals } from '../testing/policy-matrix.js';
import type { TestUser } from '../testing/harness.js';
import { recordEncounter } from './create-encounter.js';
import { encounterCreateSchema } from './schemas.js';

/** The signed-in context of a fixture user, for builders that create what a request needs. */
export async function contextOf(f: Fixture, user: TestUser) {
  const actor = await loadActor(f.h.deps.db.orm, user.id);
  if (!actor) throw new Error(`no actor for ${user.username}`);
  return { actor, requestId: null };
}

/** The caller when it is a professional (so it may edit or delete its own entry), else the nurse. */
export const recorderOf = (f: Fixture): TestUser => (f.role === 'social_worker' ? f.users.social_worker : f.users.nurse);

/** A fresh joint encounter of the fixture's nurse and social worker, with one open referral. */
export async function makeEncounter(f: Fixture, by: TestUser = recorderOf(f)) {
  const ctx = await contextOf(f, by);
  const [service] = await listServices(f.h.deps, ctx.actor);
  const input = encounterCreateSchema.parse({
    id: uuidv7(),
    siteId: f.siteId,
    occurredAt: f.h.clock.now().toISOString(),
    professionalIds: [f.users.nurse.id, f.users.social_worker.id],
    referrals: [{ id: uuidv7(), serviceId: service!.id, way: 'advised' }],
  });
  const { encounter } = await recordEncounter(f.h.deps, ctx, input);
  return { encounter, referralId: encounter.referrals[0]!.id, ctx };
}

// The service's day is the Helsinki one: a UTC day would name yesterday from 00:00 to 02:00/03:00 Helsinki.
const today = (f: Fixture) => helsinkiDay(f.h.clock.now());

export const encounterPolicyCases: PolicyCases = {
  'POST /api/encounters': {
    places: atSite,
    allow: professionals,
    request: (f) => ({ url: '/api/encounters', body: { id: uuidv7(), siteId: f.siteId, occurredAt: f.h.clock.now().toISOString() } }),
  },
  // The batch answers 200 with per-item results; a caller without the action anywhere is stopped before that.
  'POST /api/encounters/batch': {
    places: atSite,
    // The item's result is the answer: a refused item carries the error the single route would answer.
    answerOf: (response) => {
      const item = response.statusCode === 200 ? response.json<EncounterBatchResponse>().results[0] : undefined;
      return item?.error ? errorStatuses[item.error.code as ErrorCode] : response.statusCode;
    },
    allow: professionals,
    request: (f) => ({ url: '/api/encounters/batch', body: { encounters: [{ id: uuidv7(), siteId: f.siteId, occurredAt: f.h.clock.now().toISOString() }] } }),
  },
  'GET /api/sites/:siteId/encounters': { places: atSite, allow: professionals, request: (f) => ({ url: `/api/sites/${f.siteId}/encounters` }) },
  'GET /api/sites/:siteId/encounters/summary': {
    places: atSite,
    allow: ['coordinator', 'daycentre_staff', ...professionals],
    request: (f) => ({ url: `/api/sites/${f.siteId}/encounters/summary?from=${today(f)}&to=${today(f)}` }),
  },
  'GET /api/encounters/:encounterId': {
    places: atSite,
    allow: professionals,
    request: async (f) => ({ url: `/api/encounters/${(await makeEncounter(f)).encounter.id}` }),
  },
  'PATCH /api/encounters/:encounterId': {
    places: atSite,
    allow: professionals,
    request: async (f) => ({ url: `/api/encounters/${(await makeEncounter(f)).encounter.id}`, body: { isUrgent: true } }),
  },
  'DELETE /api/encounters/:encounterId': {
    places: atSite,
    allow: professionals,
    request: async (f) => ({ url: `/api/encounters/${(await makeEncounter(f)).encounter.id}` }),
  },
  'GET /api/sites/:siteId/encounters/for-correction': { places: atSite, allow: ['coordinator'], request: (f) => ({ url: `/api/sites/${f.siteId}/encounters/for-correction` }) },
  'POST /api/encounters/:encounterId/correction': {
    places: atSite,
    allow: ['coordinator'],
    request: async (f) => ({ url: `/api/encounters/${(await makeEncounter(f, f.users.nurse)).encounter.id}/correction`, body: { reason: 'typed on the wrong day', changes: { isUrgent: true } } }),
  },
  'POST /api/encounters/:encounterId/removal': {
    places: atSite,
    allow: ['coordinator'],
    request: async (f) => ({ url: `/api/encounters/${(await makeEncounter(f, f.users.nurse)).encounter.id}/removal`, body: { reason: 'recorded twice' } }),
  },
};
