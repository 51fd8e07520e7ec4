import { pilotInputSchema } from '../../domain/pilots.js';
import type { Actor } from '../policy/policy.js';
import { atSite, type Fixture, noPlace, type PolicyCases } from '../testing/policy-matrix.js';
import { createPilot, savePhase } from './commands.js';

// Everyone who works at the fixture site, and the region's manager, reads its pilots; only the
// region-wide coordinator manages them.
const readers = ['coordinator', 'nurse', 'social_worker', 'daycentre_staff', 'manager'] as const;

const coordinatorOf = (f: Fixture): Actor => ({ userId: f.users.coordinator.id, regionId: f.regionId, displayName: 'test setup', profession: null, roles: [{ role: 'coordinator', siteId: null }] });

/** A fresh pilot at the fixture site with its start phase written. */
export async function freshPilot(f: Fixture): Promise<string> {
  const ctx = { actor: coordinatorOf(f), requestId: null };
  const input = pilotInputSchema.parse({ name: `Pilot ${f.unique}`, siteIds: [f.siteId], startsOn: '2026-01-05', endsOn: '2026-03-31', professionalIds: [f.users.nurse.id] });
  const pilot = await createPilot(f.h.deps, ctx, input);
  await savePhase(f.h.deps, ctx, pilot.id, { kind: 'start', fields: { targetGroup: 'Päiväkeskuksen kävijät', problem: '', description: '', resources: '', expectationsPositive: '', expectationsNegative: '', evaluationMethod: '' } });
  return pilot.id;
}

export const pilotPolicyCases: PolicyCases = {
  'GET /api/pilots': { places: noPlace('Lists the pilots at the caller\'s own sites; the list takes no place to aim at'), allow: [...readers], request: () => ({ url: '/api/pilots' }) },
  'POST /api/pilots': {
    places: {
      scope: 'site',
      otherRegion: { status: 400, why: 'The sites are a member list checked against the region: another region\'s site is "not in this region", the same answer as a site that does not exist' },
    },
    allow: ['coordinator'],
    request: (f) => ({ url: '/api/pilots', body: { name: `Yhteisvastaanotto ${f.unique}`, siteIds: [f.siteId], startsOn: '2026-02-01', endsOn: '2026-05-31', goals: 'Matalan kynnyksen palveluohjaus' } }),
  },
  'GET /api/pilots/:pilotId': { places: atSite, allow: [...readers], request: async (f) => ({ url: `/api/pilots/${await freshPilot(f)}` }) },
  'PATCH /api/pilots/:pilotId': {
    places: atSite,
    allow: ['coordinator'],
    request: async (f) => ({ url: `/api/pilots/${await freshPilot(f)}`, body: { conclusions: 'Jatketaan muutettuna.' } }),
  },
  'POST /api/pilots/:pilotId/phases': {
    places: atSite,
    allow: ['coordinator'],
    request: async (f) => ({ url: `/api/pilots/${await freshPilot(f)}/phases`, body: { kind: 'midpoint', fields: { targetGroupReached: 'Osittain' } } }),
  },
};
