import { makeRegion, makeSite, makeUser, type Harness, type TestUser } from './harness.js';

/** Roles the route × role matrix signs in as; `anonymous` sends no session. */
export type RoleKey = 'anonymous' | 'administrator' | 'coordinator' | 'nurse' | 'social_worker' | 'daycentre_staff' | 'auditor' | 'manager';
export const roleKeys: RoleKey[] = ['anonymous', 'administrator', 'coordinator', 'nurse', 'social_worker', 'daycentre_staff', 'auditor', 'manager'];
export const signedIn: RoleKey[] = roleKeys.filter((r) => r !== 'anonymous');
export const professionals: RoleKey[] = ['nurse', 'social_worker'];
/** Roles assigned region-wide (site null); the others are assigned at one site. */
export const regionRoles: RoleKey[] = ['administrator', 'coordinator', 'auditor', 'manager'];

/**
 * Where a request is aimed, seen from the caller (who always works at site A1 of region A, or
 * region-wide in region A): its own site, the other site of its region (A2), a site of the other region (B1).
 */
export type PlaceKey = 'own' | 'sameRegionOtherSite' | 'otherRegion';
export const placeKeys: PlaceKey[] = ['own', 'sameRegionOtherSite', 'otherRegion'];

type StaffRole = Exclude<RoleKey, 'anonymous'>;

/** A site with its staff: site roles work at this site, region roles in its region. */
export type Place = {
  regionId: string;
  siteId: string;
  users: Record<StaffRole, TestUser>;
  /** A professional at the site who is nobody's test subject: the target of user-admin routes. */
  target: TestUser;
};

/**
 * What a case's request builder gets. `regionId`, `siteId`, `users` and `target` are those of the place
 * the request is aimed at (`place`), so a builder that uses them builds the same request at every place;
 * `own` is always the caller's place, for requests about the caller's own things.
 */
export type Fixture = Place & {
  h: Harness;
  place: PlaceKey;
  own: Place;
  /** The user making this call (null for anonymous); always one of `own.users`. */
  caller: TestUser | null;
  role: RoleKey;
  /** Different on every call, for names that must be unique. */
  unique: string;
};

export type PolicyRequest = { url: string; body?: unknown };

/**
 * How a route's answer depends on where its request is aimed: every case must say.
 *
 * - `site`: the request reaches something of one site, by the site's id (in the path, query or body)
 *   or by the id of an object that belongs to a site (an encounter, a session, a kiosk...). Region
 *   roles may call it at any site of their region; site roles only at their own site.
 * - `region`: the request reaches something of a region as a whole by its id (a user, a service, a
 *   feedback form, a visitor code). Every site of the region is the same place.
 * - `regionNamed`: the body names a region id (a new site, unit or user of that region).
 * - `none`: the answer does not depend on a place; `why` says why (the caller's own session or
 *   profile, a list of the caller's own region, a national code list, a public page reached by a
 *   secret token...). Such a route is tried at the caller's own place only.
 *
 * The refusal outside the caller's scope follows one rule, by place rather than by the kind of id
 * (see `refusalAt`): **another region is not visible, the caller's own region is.** Another region's
 * sites and objects answer 404, as if they did not exist, whether named by a site id or reached by an
 * object's id: regions are separate controllers of their data, and a 403 would confirm what the other
 * region holds. At another site of the caller's own region the answer is 403: the caller works for
 * that region, the site is one it could be given a role at (site ids are public anyway, on posters
 * and announcement pages), and "not yours" is the honest answer. A request that names another
 * region's id itself in the body (`regionNamed`) has already said which region it means: 403. The
 * services answered this way before the matrix asked; the matrix now holds every route to it.
 */
export type PlaceAnswer =
  | {
      scope: 'site' | 'region' | 'regionNamed';
      /** A route that answers another region otherwise than by the rule, and why (it must not reveal more). */
      otherRegion?: { status: 400 | 403 | 404; why: string };
    }
  | { scope: 'none'; why: string };

export const atSite: PlaceAnswer = { scope: 'site' };
export const ofRegion: PlaceAnswer = { scope: 'region' };
export const namesRegion: PlaceAnswer = { scope: 'regionNamed' };
export const noPlace = (why: string): PlaceAnswer => ({ scope: 'none', why });

/** The refusal a caller gets outside its scope at `place` (see PlaceAnswer). */
export function refusalAt(answer: PlaceAnswer, place: Exclude<PlaceKey, 'own'>): number {
  if (place === 'sameRegionOtherSite') return 403;
  if (answer.scope !== 'none' && answer.otherRegion) return answer.otherRegion.status;
  return answer.scope === 'regionNamed' ? 403 : 404;
}

/**
 * One route's policy: who may call it at the caller's own place, where its request is aimed, and how
 * to build a valid request for a place. A request builder may create what it needs first (a fresh
 * encounter to delete, say) at `f.siteId`, so that every allowed call is a real 2xx.
 */
export type PolicyCase = {
  /**
   * Who may call it: these roles, everyone ('public'), or only a signed-in client or external member
   * ('principal': their own cookie, so every staff role and anonymous caller gets 401).
   */
  allow: RoleKey[] | 'public' | 'principal';
  places: PlaceAnswer;
  request: (f: Fixture) => PolicyRequest | Promise<PolicyRequest>;
  /** A successful call ends the caller's session (logout, password change, kiosk unlock): it gets a sign-in of its own. */
  endsSession?: true;
  /**
   * The status the call amounts to, for a route that answers 200 with a result per item inside (the
   * encounter batch): a refused item is the refusal. Without it, the HTTP status is the answer.
   */
  answerOf?: (response: { statusCode: number; json<T>(): T }) => number;
  /**
   * A route of clients and external members ('principal' access, src/server/own): no staff session opens
   * it, so every role here and the anonymous caller get 401 (`allow` is empty). What the principals get
   * is the relationship matrix's (relation-matrix.ts, principal relations).
   */
  principalRoute?: true;
};
export type PolicyCases = Record<string, PolicyCase>;

/** A site's own staff: a nurse, a social worker, day-centre staff and a peer worker to act upon. */
async function siteStaff(h: Harness, regionId: string, siteId: string) {
  const at = [{ role: 'professional' as const, siteId }];
  return {
    nurse: await makeUser(h, regionId, at, 'nurse'),
    social_worker: await makeUser(h, regionId, at, 'social_worker'),
    daycentre_staff: await makeUser(h, regionId, [{ role: 'daycentre_staff', siteId }]),
    target: await makeUser(h, regionId, at, 'peer_worker'),
  };
}

async function regionStaff(h: Harness, regionId: string) {
  return {
    administrator: await makeUser(h, regionId, [{ role: 'administrator', siteId: null }]),
    coordinator: await makeUser(h, regionId, [{ role: 'coordinator', siteId: null }]),
    auditor: await makeUser(h, regionId, [{ role: 'auditor', siteId: null }]),
    manager: await makeUser(h, regionId, [{ role: 'manager', siteId: null }]),
  };
}

async function placeOf(h: Harness, regionId: string, siteId: string, region: Awaited<ReturnType<typeof regionStaff>>): Promise<Place> {
  const { target, ...site } = await siteStaff(h, regionId, siteId);
  return { regionId, siteId, users: { ...region, ...site }, target };
}

/** The caller's place only: one region and site with a user for every role (for suites that need no other place). */
export async function setUpRoleFixture(h: Harness): Promise<Place & { place: PlaceKey; own: Place }> {
  const region = await makeRegion(h);
  const site = await makeSite(h, region.id);
  const own = await placeOf(h, region.id, site.id, await regionStaff(h, region.id));
  return { ...own, place: 'own', own };
}

/**
 * Two regions with two sites each, staffed; the places a request can be aimed at, from a caller in A1.
 * `otherRegionMarks` are the ids and names of region B's region, sites and users: none of them may
 * ever appear in an answer to a caller of region A (unless the caller sent it).
 */
export async function setUpPlacesFixture(h: Harness): Promise<Record<PlaceKey, Place> & { otherRegionMarks: string[] }> {
  const [a, b] = [await makeRegion(h), await makeRegion(h)];
  const [a1, a2, b1] = [await makeSite(h, a.id), await makeSite(h, a.id), await makeSite(h, b.id)];
  // Region B's second site is never aimed at: it is there so that region B is shaped like region A.
  const b2 = await makeSite(h, b.id);
  const [staffA, staffB] = [await regionStaff(h, a.id), await regionStaff(h, b.id)];
  const otherRegion = await placeOf(h, b.id, b1.id, staffB);
  const bUsers = [...Object.values(otherRegion.users), otherRegion.target];
  return {
    own: await placeOf(h, a.id, a1.id, staffA),
    sameRegionOtherSite: await placeOf(h, a.id, a2.id, staffA),
    otherRegion,
    otherRegionMarks: [b.id, b.name, b1.id, b1.name, b2.id, b2.name, ...bUsers.flatMap((u) => [u.id, u.username])],
  };
}
