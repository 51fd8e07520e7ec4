import { groupSeriesInputSchema } from '../../domain/groups.js';
import type { Actor } from '../policy/policy.js';
import { atSite, type Fixture, type PolicyCases, signedIn } from '../testing/policy-matrix.js';
import { createSeries } from './commands.js';
import { sessionsOfSeries } from './repo.js';

const managers = ['coordinator', 'nurse', 'social_worker', 'daycentre_staff'] as const;
// Rosters by visitor code are person-level: the people who run groups at the site, not coordinators.
const rosterKeepers = ['nurse', 'social_worker', 'daycentre_staff'] as const;

const coordinatorOf = (f: Fixture): Actor => ({ userId: f.users.coordinator.id, regionId: f.regionId, displayName: 'test setup', profession: null, roles: [{ role: 'coordinator', siteId: null }] });

/** A fresh weekly series at the fixture site: Mondays 5.1.–23.2.2026, the first already held (the clock is 15.1.). */
export async function freshSeries(f: Fixture): Promise<{ seriesId: string; sessionIds: string[] }> {
  const input = groupSeriesInputSchema.parse({ name: `Porinapirtti ${f.unique}`, weekday: 1, startsAt: '12:00', endsAt: '13:30', startsOn: '2026-01-05', endsOn: '2026-02-23' });
  const series = await createSeries(f.h.deps, { actor: coordinatorOf(f), requestId: null }, f.siteId, input);
  return { seriesId: series.id, sessionIds: (await sessionsOfSeries(f.h.db.orm, series.id)).map((s) => s.id) };
}

export const groupPolicyCases: PolicyCases = {
  'POST /api/sites/:siteId/group-series': {
    places: atSite,
    allow: [...managers],
    request: (f) => ({ url: `/api/sites/${f.siteId}/group-series`, body: { name: `Group ${f.unique}`, weekday: 3, startsAt: '12:00', endsAt: '13:00', startsOn: '2026-02-04', endsOn: '2026-03-25', themes: ['Omat vahvuudet'] } }),
  },
  'GET /api/sites/:siteId/group-series': { places: atSite, allow: signedIn, request: (f) => ({ url: `/api/sites/${f.siteId}/group-series` }) },
  'GET /api/group-series/:seriesId': { places: atSite, allow: signedIn, request: async (f) => ({ url: `/api/group-series/${(await freshSeries(f)).seriesId}` }) },
  'PATCH /api/group-series/:seriesId': {
    places: atSite,
    allow: [...managers],
    request: async (f) => ({ url: `/api/group-series/${(await freshSeries(f)).seriesId}`, body: { description: 'Avoin ryhmä', anonymousRepeatParticipants: 3 } }),
  },
  'GET /api/group-series/:seriesId/statistics': { places: atSite, allow: [...managers], request: async (f) => ({ url: `/api/group-series/${(await freshSeries(f)).seriesId}/statistics` }) },
  'POST /api/group-series/:seriesId/sessions': {
    places: atSite,
    allow: [...managers],
    request: async (f) => ({ url: `/api/group-series/${(await freshSeries(f)).seriesId}/sessions`, body: { day: '2026-03-04', theme: 'Rajat' } }),
  },
  'PATCH /api/group-sessions/:sessionId': {
    places: atSite,
    allow: [...managers],
    request: async (f) => ({ url: `/api/group-sessions/${(await freshSeries(f)).sessionIds[1]}`, body: { theme: 'Itsemyötätunto', isThemePublished: true } }),
  },
  'GET /api/group-sessions/:sessionId/attendance': { places: atSite, allow: [...rosterKeepers], request: async (f) => ({ url: `/api/group-sessions/${(await freshSeries(f)).sessionIds[0]}/attendance` }) },
  'PUT /api/group-sessions/:sessionId/attendance': {
    places: atSite,
    allow: [...rosterKeepers],
    request: async (f) => ({ url: `/api/group-sessions/${(await freshSeries(f)).sessionIds[0]}/attendance`, body: { counters: { total: 6, returning: 2, new: 4 } } }),
  },
};
