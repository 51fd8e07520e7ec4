import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { feedbackForms } from '../db/schema-groups.js';
import { services } from '../db/schema-outreach.js';
import { routeCatalogue } from '../http/access.js';
import { createHarness, signIn, type Client, type Harness } from '../testing/harness.js';
import {
  placeKeys,
  refusalAt,
  regionRoles,
  roleKeys,
  setUpPlacesFixture,
  type Fixture,
  type Place,
  type PlaceKey,
  type PolicyCase,
  type PolicyRequest,
  type RoleKey,
} from '../testing/policy-matrix.js';
import { testEngine } from '../testing/test-db.js';
import { routeCases as matrix } from './route-cases.js';

type Verb = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type SignedInRole = Exclude<RoleKey, 'anonymous'>;

/**
 * One signed-in session per caller, reused for every call: signing in costs an argon2 hash. A call that
 * ends the session (logout, password change, unlocking a kiosk) gets a sign-in of its own, and as a password change ends
 * every session of the user, the shared one is made again before the caller's next call.
 */
function sessions(h: Harness, own: Place) {
  const shared = new Map<SignedInRole, Client>();
  let signIns = 0;
  // Each sign-in from an address of its own, so that throttling stays out of the way.
  const fresh = (role: SignedInRole) => signIn(h, own.users[role], `10.77.${Math.floor(signIns / 250)}.${signIns++ % 250}`);
  return {
    count: () => signIns,
    /** `mayEnd`: the call is expected to succeed, so a session-ending route will end the session. */
    async call(role: RoleKey, entry: PolicyCase, method: string, request: PolicyRequest, mayEnd: boolean): Promise<LightMyRequestResponse> {
      const verb = method as Verb;
      if (role === 'anonymous') return h.app.inject({ method: verb, url: request.url, ...(request.body === undefined ? {} : { payload: request.body as object }) });
      // A refused call leaves the session alone; if it did not, the caller's next calls would answer 401.
      if (entry.endsSession && mayEnd) {
        shared.delete(role);
        return (await fresh(role)).request(verb, request.url, request.body);
      }
      const client = shared.get(role) ?? (await fresh(role));
      shared.set(role, client);
      return client.request(verb, request.url, request.body);
    },
    async client(role: SignedInRole): Promise<Client> {
      const client = shared.get(role) ?? (await fresh(role));
      shared.set(role, client);
      return client;
    },
  };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const sentText = (request: PolicyRequest) => `${request.url} ${JSON.stringify(request.body ?? null)}`;

/**
 * What region B holds, as ids and names, growing as the cases create things there: none of it may
 * appear in any answer to a caller of region A, unless the caller sent it in the request.
 */
async function otherRegionWatch(h: Harness, places: Awaited<ReturnType<typeof setUpPlacesFixture>>) {
  const regionId = places.otherRegion.regionId;
  const marks = new Set(places.otherRegionMarks);
  // What creating the region seeded there: its services and feedback forms.
  for (const row of await h.db.orm.select({ id: services.id }).from(services).where(eq(services.regionId, regionId))) marks.add(row.id);
  for (const row of await h.db.orm.select({ id: feedbackForms.id }).from(feedbackForms).where(eq(feedbackForms.regionId, regionId))) marks.add(row.id);
  return {
    noteOtherRegion(request: PolicyRequest) {
      for (const id of sentText(request).match(UUID) ?? []) marks.add(id.toLowerCase());
    },
    leaksIn(call: string, request: PolicyRequest, body: string): string[] {
      const sent = sentText(request);
      return [...marks].filter((mark) => body.includes(mark) && !sent.includes(mark)).map((mark) => `${call}: answers ${mark} of the other region`);
    },
  };
}

/**
 * What site A2 holds that is the site's own (not the region's): its id, its staff, and what the cases
 * made there. A caller with a role at site A1 only must not find any of it in a list.
 */
async function otherSiteMarks(h: Harness, place: Place): Promise<string[]> {
  const ofSite = [
    'select id from encounters where site_id = $1',
    'select id from referrals where site_id = $1',
    'select id from outreach_sessions where site_id = $1',
    'select id from session_series where site_id = $1',
    'select id from group_series where site_id = $1',
    'select s.id from group_sessions s join group_series g on g.id = s.series_id where g.site_id = $1',
    'select id from feedback_kiosks where site_id = $1',
    'select id from feedback_links where site_id = $1',
    // A pilot at this site alone (the cases make no pilot spanning sites).
    'select pilot_id as id from pilot_sites where site_id = $1',
  ];
  const ids = await h.db.withRawSession(async (db) => {
    const found: string[] = [];
    for (const sql of ofSite) found.push(...(await db.query<{ id: string }>(sql, [place.siteId])).map((r) => r.id));
    return found;
  });
  const staff = [place.users.nurse, place.users.social_worker, place.users.daycentre_staff, place.target];
  return [place.siteId, ...staff.flatMap((u) => [u.id, u.username]), ...ids];
}

/** What the case's table says the call must answer: '2xx', '401', '403' or '404'. */
function expectedAnswer(entry: PolicyCase, role: RoleKey, place: PlaceKey): string {
  // A staff session never opens a client's or external member's route: to every role it is as if signed out.
  if (entry.principalRoute || entry.allow === 'principal') return '401';
  const allowedAtOwn = entry.allow === 'public' || entry.allow.includes(role);
  if (!allowedAtOwn) return role === 'anonymous' ? '401' : '403';
  if (place === 'own' || entry.places.scope === 'none') return '2xx';
  const refused = String(refusalAt(entry.places, place));
  if (place === 'otherRegion') return refused;
  // The other site of the caller's own region: the same place for region-wide things and region roles.
  if (entry.places.scope !== 'site') return '2xx';
  return regionRoles.includes(role) ? '2xx' : refused;
}

/** The places a case is tried at: all three, or only the caller's own when the route has no place. */
const placesOf = (entry: PolicyCase): PlaceKey[] => (entry.places.scope === 'none' ? ['own'] : placeKeys);

function fixtureAt(h: Harness, places: Record<PlaceKey, Place>, place: PlaceKey, role: RoleKey, unique: string): Fixture {
  const own = places.own;
  return { h, ...places[place], place, own, caller: role === 'anonymous' ? null : own.users[role], role, unique };
}

/** A place answer that says nothing (no scope, or `none` without a reason) is no answer. */
function placeAnswerProblem(entry: Partial<PolicyCase>): string | null {
  const answer = entry.places;
  if (!answer) return 'no place answer';
  if (answer.scope === 'none') return typeof answer.why === 'string' && answer.why.trim().length >= 10 ? null : 'no place, without a reason';
  if (!['site', 'region', 'regionNamed'].includes(answer.scope)) return `unknown scope ${String(answer.scope)}`;
  return answer.otherRegion && answer.otherRegion.why.trim().length < 10 ? 'another region answered otherwise, without a reason' : null;
}

describe(`route × role × place policy on ${testEngine}`, () => {
  it('has a policy entry for every route the app serves, and none for routes it does not', async () => {
    const h = await createHarness();
    const served = routeCatalogue(h.app).map((r) => `${r.method} ${r.url}`).sort();
    expect(served).toEqual(Object.keys(matrix).sort());
  });

  it('has a place answer for every route: a scope and how it refuses, or no place and why', () => {
    const problems = Object.entries(matrix).flatMap(([key, entry]) => {
      const problem = placeAnswerProblem(entry);
      return problem ? [`${key}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  // Two regions with two sites each. Callers work at site A1 (site roles) or region A (region roles);
  // every route is called by every role, aimed at A1, at A2 and at B1 unless the route has no place.
  it('answers every route × role × place as its case says (2xx where allowed, else 401, 403 or 404), and no list shows what is not the caller\'s', async () => {
    const h = await createHarness();
    const places = await setUpPlacesFixture(h);
    const session = sessions(h, places.own);
    const seen = await otherRegionWatch(h, places);
    const outcomes: string[] = [];
    const leaks: string[] = [];
    let calls = 0;
    for (const route of routeCatalogue(h.app)) {
      const key = `${route.method} ${route.url}`;
      const entry = matrix[key];
      if (!entry) throw new Error(`no policy entry for ${key}`);
      for (const place of placesOf(entry)) {
        // A refused call changes nothing, so the refused roles at a place share one request (building
        // one may create an encounter or a series of sessions); a call that may succeed gets its own.
        let refusedRequest: PolicyRequest | null = null;
        for (const role of roleKeys) {
          const expected = expectedAnswer(entry, role, place);
          const build = () => entry.request(fixtureAt(h, places, place, role, `${role}-${++calls}`));
          const request = expected === '2xx' ? await build() : (refusedRequest ??= await build());
          if (place === 'otherRegion') seen.noteOtherRegion(request);
          const response = await session.call(role, entry, route.method, request, expected === '2xx');
          leaks.push(...seen.leaksIn(`${key} as ${role} at ${place}`, request, response.body));
          const status = entry.answerOf ? entry.answerOf(response) : response.statusCode;
          const actual = status >= 200 && status < 300 ? '2xx' : String(status);
          outcomes.push(`${key} as ${role} at ${place}: ${actual === expected ? 'ok' : `expected ${expected}, got ${actual} ${response.body.slice(0, 160)}`}`);
        }
      }
    }
    // The lists without a place once more, now that every object the cases made at B1 and A2 exists:
    // nothing of region B for anyone, nothing of site A2 for the roles of site A1.
    const otherSite = await otherSiteMarks(h, places.sameRegionOtherSite);
    // The cases made encounters, sessions, series, kiosks, links and pilots at A2: the sweep has them to look for.
    expect(otherSite.length).toBeGreaterThan(50);
    for (const route of routeCatalogue(h.app).filter((r) => r.method === 'GET')) {
      const key = `${route.method} ${route.url}`;
      const entry = matrix[key]!;
      if (entry.places.scope !== 'none') continue;
      for (const role of roleKeys.filter((r) => expectedAnswer(entry, r, 'own') === '2xx')) {
        const request = await entry.request(fixtureAt(h, places, 'own', role, `${role}-${++calls}`));
        const response = await session.call(role, entry, route.method, request, true);
        leaks.push(...seen.leaksIn(`${key} as ${role}, after the matrix`, request, response.body));
        if (role === 'anonymous' || regionRoles.includes(role)) continue;
        const sent = sentText(request);
        for (const mark of otherSite) {
          if (response.body.includes(mark) && !sent.includes(mark)) leaks.push(`${key} as ${role}, after the matrix: answers ${mark} of the other site`);
        }
      }
    }
    expect(outcomes.filter((o) => !o.endsWith(': ok'))).toEqual([]);
    expect(leaks).toEqual([]);
    const placed = Object.values(matrix).filter((entry) => entry.places.scope !== 'none').length;
    expect(outcomes.length).toBe((Object.keys(matrix).length + 2 * placed) * roleKeys.length);
    // One sign-in per signed-in role, and one more for each call that ends a session (and to resume after it).
    const sessionEnding = Object.values(matrix).filter((entry) => entry.endsSession).length;
    expect(session.count()).toBeLessThanOrEqual(roleKeys.length - 1 + 2 * sessionEnding * (roleKeys.length - 1));
  }, 240_000);
});

describe(`CSRF on every state-changing route on ${testEngine}`, () => {
  // Generated from the served routes, so a new route is covered the day it is added. Each request is
  // one the caller may make (it would be a 2xx), sent with a valid session but a missing or forged token.
  it('refuses every signed-in POST, PUT, PATCH and DELETE without the right token, and changes nothing', async () => {
    const h = await createHarness();
    const places = await setUpPlacesFixture(h);
    const session = sessions(h, places.own);
    const problems: string[] = [];
    let checked = 0;
    for (const route of routeCatalogue(h.app)) {
      const entry = matrix[`${route.method} ${route.url}`];
      // Principal routes check their own session's token: http/principal-access.test.ts.
      if (route.method === 'GET' || !entry || entry.allow === 'public' || entry.allow === 'principal') continue;
      const role = entry.allow.find((r): r is SignedInRole => r !== 'anonymous');
      if (!role) continue;
      const request = await entry.request(fixtureAt(h, places, 'own', role, `csrf-${checked}`));
      // Refused before the route runs, so even a session-ending route leaves the shared session alive.
      const client = await session.client(role);
      const before = await auditCount(h);
      for (const token of [undefined, 'forged-token']) {
        const response = await h.app.inject({
          method: route.method as Verb,
          url: request.url,
          cookies: { silta_session: client.cookie },
          headers: token === undefined ? {} : { 'x-csrf-token': token },
          ...(request.body === undefined ? {} : { payload: request.body as object }),
        });
        const code = response.statusCode === 403 ? (response.json<{ error: { code: string } }>().error.code) : null;
        if (code !== 'csrf') problems.push(`${route.method} ${route.url} (${token ?? 'no token'}): ${response.statusCode} ${response.body.slice(0, 120)}`);
      }
      // Nothing was written: every change writes an audit row, and none appeared.
      if ((await auditCount(h)) !== before) problems.push(`${route.method} ${route.url}: the audit log grew`);
      checked += 1;
    }
    expect(problems).toEqual([]);
    // Every signed-in state change was tried (none skipped for want of a role that may call it).
    // A principal route's CSRF check is the principal session's (src/server/own/own.test.ts, http/principal-access.test.ts).
    const stateChanging = Object.entries(matrix).filter(([key, entry]) => !key.startsWith('GET ') && entry.allow !== 'public' && entry.allow !== 'principal' && !entry.principalRoute);
    expect(checked).toBe(stateChanging.length);
  }, 240_000);
});

async function auditCount(h: Harness): Promise<number> {
  const rows = await h.db.withRawSession((s) => s.query<{ n: number }>('select count(*)::int as n from audit_log'));
  return rows[0]!.n;
}
