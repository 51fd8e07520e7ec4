import { makeRegion, makeSite, makeUser, type Harness, type TestUser } from './harness.js';

/** Roles the route × role matrix signs in as; `anonymous` sends no session. */
export type RoleKey = 'anonymous' | 'administrator' | 'coordinator' | 'nurse' | 'social_worker' | 'daycentre_staff' | 'auditor';
export const roleKeys: RoleKey[] = ['anonymous', 'administrator', 'coordinator', 'nurse', 'social_worker', 'daycentre_staff', 'auditor'];
export const signedIn: RoleKey[] = roleKeys.filter((r) => r !== 'anonymous');
export const professionals: RoleKey[] = ['nurse', 'social_worker'];

/** What every case can use: one region and site, a user per role, and a user to act upon. */
export type Fixture = {
  h: Harness;
  regionId: string;
  siteId: string;
  users: Record<Exclude<RoleKey, 'anonymous'>, TestUser>;
  /** A professional at the site who is nobody's test subject: the target of user-admin routes. */
  target: TestUser;
  /** The user making this call (null for anonymous). */
  caller: TestUser | null;
  role: RoleKey;
  /** Different on every call, for names that must be unique. */
  unique: string;
};

export type PolicyRequest = { url: string; body?: unknown };

/**
 * One route's policy: who may call it, and how to build a valid request for it. A request builder may
 * create what it needs first (a fresh encounter to delete, say), so that every allowed call is a real 2xx.
 */
export type PolicyCase = { allow: RoleKey[] | 'public'; request: (f: Fixture) => PolicyRequest | Promise<PolicyRequest> };
export type PolicyCases = Record<string, PolicyCase>;

/** One region and site with a user for every role, and a professional to act upon. */
export async function setUpRoleFixture(h: Harness): Promise<Pick<Fixture, 'regionId' | 'siteId' | 'users' | 'target'>> {
  const region = await makeRegion(h);
  const site = await makeSite(h, region.id);
  const users: Fixture['users'] = {
    administrator: await makeUser(h, region.id, [{ role: 'administrator', siteId: null }]),
    coordinator: await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]),
    nurse: await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'nurse'),
    social_worker: await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'social_worker'),
    daycentre_staff: await makeUser(h, region.id, [{ role: 'daycentre_staff', siteId: site.id }]),
    auditor: await makeUser(h, region.id, [{ role: 'auditor', siteId: null }]),
  };
  const target = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'peer_worker');
  return { regionId: region.id, siteId: site.id, users, target };
}
