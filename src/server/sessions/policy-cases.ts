import { eq } from 'drizzle-orm';
import { sites } from '../db/schema.js';
import { sessionPlanSchema } from '../../domain/outreach.js';
import type { Actor } from '../policy/policy.js';
import { atSite, type Fixture, noPlace, type PolicyCases, signedIn } from '../testing/policy-matrix.js';
import { planSessions } from './commands.js';

// session.manage: coordinators region-wide, the site's professionals and day-centre staff — not administrators or auditors.
const managers = ['coordinator', 'nurse', 'social_worker', 'daycentre_staff'] as const;

/** A fresh session at the fixture site, scheduled by the fixture's coordinator (a real user, for created_by). */
async function freshSession(f: Fixture): Promise<string> {
  const actor: Actor = { userId: f.users.coordinator.id, regionId: f.regionId, displayName: 'test setup', profession: null, roles: [{ role: 'coordinator', siteId: null }] };
  const plan = sessionPlanSchema.parse({ recurrence: 'one_off', startsOn: '2026-02-18', startsAt: '10:00', endsAt: '14:00', professionals: [{ userId: f.target.id }] });
  const [created] = await planSessions(f.h.deps, { actor, requestId: null }, f.siteId, plan);
  return created!.session.id;
}

/** The fixture site's short address, as the database filled it in from the name. */
async function slugOf(f: Fixture): Promise<string> {
  const [row] = await f.h.db.orm.select({ slug: sites.slug }).from(sites).where(eq(sites.id, f.siteId));
  return row!.slug;
}

export const sessionPolicyCases: PolicyCases = {
  'POST /api/sites/:siteId/sessions': {
    places: atSite,
    allow: [...managers],
    request: (f) => ({ url: `/api/sites/${f.siteId}/sessions`, body: { recurrence: 'one_off', startsOn: '2026-02-11', startsAt: '09:30', endsAt: '13:00', room: `Room ${f.unique}`, professionals: [{ userId: f.target.id }] } }),
  },
  'GET /api/sites/:siteId/sessions': { places: atSite, allow: signedIn, request: (f) => ({ url: `/api/sites/${f.siteId}/sessions?from=2026-01-01&to=2026-03-31` }) },
  'GET /api/sessions/mine': { places: noPlace('The caller\'s own sessions; the list takes no place to aim at'), allow: signedIn, request: () => ({ url: '/api/sessions/mine' }) },
  'GET /api/sessions/:sessionId': { places: atSite, allow: signedIn, request: async (f) => ({ url: `/api/sessions/${await freshSession(f)}` }) },
  'PATCH /api/sessions/:sessionId': {
    places: atSite,
    allow: [...managers],
    request: async (f) => ({ url: `/api/sessions/${await freshSession(f)}`, body: { room: `Room ${f.unique}`, isCancelled: true } }),
  },
  'GET /api/public/addresses/:slug/announcements': { places: noPlace('Public: a site\'s announced sessions by its short address are for anyone to read, by design'), allow: 'public', request: async (f) => ({ url: `/api/public/addresses/${await slugOf(f)}/announcements` }) },
  'GET /api/public/sites/:siteId/announcements': { places: noPlace('Public: any site\'s announced sessions are for anyone to read, by design'), allow: 'public', request: (f) => ({ url: `/api/public/sites/${f.siteId}/announcements` }) },
};
