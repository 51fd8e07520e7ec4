import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { routeCatalogue } from '../http/access.js';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Harness, type TestUser } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

type RoleKey = 'anonymous' | 'administrator' | 'coordinator' | 'nurse' | 'social_worker' | 'daycentre_staff' | 'auditor';
const roleKeys: RoleKey[] = ['anonymous', 'administrator', 'coordinator', 'nurse', 'social_worker', 'daycentre_staff', 'auditor'];
const signedIn: RoleKey[] = roleKeys.filter((r) => r !== 'anonymous');

type Fixture = { regionId: string; siteId: string; targetUserId: string; unique: string; password: string; target: TestUser };
type Case = { allow: RoleKey[] | 'public'; request: (f: Fixture) => { url: string; body?: unknown } };

/**
 * Who may call each route, with a valid request for it. A route missing here fails the suite, so a new
 * route cannot ship without someone deciding its policy.
 */
const matrix: Record<string, Case> = {
  'GET /api/health': { allow: 'public', request: () => ({ url: '/api/health' }) },
  'POST /api/auth/login': { allow: 'public', request: (f) => ({ url: '/api/auth/login', body: { username: f.target.username, password: f.target.password } }) },
  'POST /api/auth/logout': { allow: signedIn, request: () => ({ url: '/api/auth/logout' }) },
  'GET /api/auth/me': { allow: signedIn, request: () => ({ url: '/api/auth/me' }) },
  'PATCH /api/auth/me': { allow: signedIn, request: () => ({ url: '/api/auth/me', body: { locale: 'sv' } }) },
  'POST /api/auth/password': { allow: signedIn, request: (f) => ({ url: '/api/auth/password', body: { currentPassword: f.password, newPassword: f.password } }) },
  'GET /api/regions': { allow: signedIn, request: () => ({ url: '/api/regions' }) },
  'GET /api/sites': { allow: signedIn, request: () => ({ url: '/api/sites' }) },
  'POST /api/sites': { allow: ['administrator'], request: (f) => ({ url: '/api/sites', body: { regionId: f.regionId, name: `Site ${f.unique}`, kind: 'parish' } }) },
  'GET /api/sites/:siteId': { allow: signedIn, request: (f) => ({ url: `/api/sites/${f.siteId}` }) },
  'PATCH /api/sites/:siteId': { allow: ['administrator'], request: (f) => ({ url: `/api/sites/${f.siteId}`, body: { address: `Street ${f.unique}` } }) },
  'GET /api/units': { allow: signedIn, request: () => ({ url: '/api/units' }) },
  'POST /api/units': { allow: ['administrator'], request: (f) => ({ url: '/api/units', body: { regionId: f.regionId, name: `Unit ${f.unique}`, kind: 'third_sector' } }) },
  'GET /api/users': { allow: ['administrator'], request: () => ({ url: '/api/users' }) },
  'POST /api/users': {
    allow: ['administrator'],
    request: (f) => ({
      url: '/api/users',
      body: { regionId: f.regionId, username: `u-${f.unique}`, displayName: 'New Person', password: 'long enough password', roles: [{ role: 'auditor', siteId: null }] },
    }),
  },
  'GET /api/users/:userId': { allow: ['administrator'], request: (f) => ({ url: `/api/users/${f.targetUserId}` }) },
  'PATCH /api/users/:userId': { allow: ['administrator'], request: (f) => ({ url: `/api/users/${f.targetUserId}`, body: { displayName: `Renamed ${f.unique}` } }) },
  'POST /api/users/:userId/password': { allow: ['administrator'], request: (f) => ({ url: `/api/users/${f.targetUserId}/password`, body: { newPassword: 'another long password' } }) },
  'GET /api/audit': { allow: ['administrator', 'auditor'], request: () => ({ url: '/api/audit?limit=5' }) },
};

async function setUp(h: Harness) {
  const region = await makeRegion(h);
  const site = await makeSite(h, region.id);
  const users: Record<Exclude<RoleKey, 'anonymous'>, TestUser> = {
    administrator: await makeUser(h, region.id, [{ role: 'administrator', siteId: null }]),
    coordinator: await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]),
    nurse: await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'nurse'),
    social_worker: await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'social_worker'),
    daycentre_staff: await makeUser(h, region.id, [{ role: 'daycentre_staff', siteId: site.id }]),
    auditor: await makeUser(h, region.id, [{ role: 'auditor', siteId: null }]),
  };
  const target = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'peer_worker');
  return { region, site, users, target };
}

let address = 0;
async function call(h: Harness, role: RoleKey, method: string, request: { url: string; body?: unknown }, user: TestUser | null): Promise<LightMyRequestResponse> {
  const verb = method as 'GET' | 'POST' | 'PATCH';
  if (!user) return h.app.inject({ method: verb, url: request.url, ...(request.body === undefined ? {} : { payload: request.body as object }) });
  // A fresh session per call: logout and password changes must not spoil the next request.
  const client = await signIn(h, user, `10.77.${Math.floor(++address / 250)}.${address % 250}`);
  return client.request(verb, request.url, request.body);
}

describe(`route × role policy on ${testEngine}`, () => {
  it('has a policy entry for every route the app serves, and none for routes it does not', async () => {
    const h = await createHarness();
    const served = routeCatalogue(h.app).map((r) => `${r.method} ${r.url}`).sort();
    expect(served).toEqual(Object.keys(matrix).sort());
  });

  it('allows exactly the roles in the table (2xx) and refuses the others with 401 or 403', async () => {
    const h = await createHarness();
    const { region, site, users, target } = await setUp(h);
    const outcomes: string[] = [];
    for (const route of routeCatalogue(h.app)) {
      const key = `${route.method} ${route.url}`;
      const entry = matrix[key];
      if (!entry) throw new Error(`no policy entry for ${key}`);
      for (const role of roleKeys) {
        const user = role === 'anonymous' ? null : users[role];
        const fixture = { regionId: region.id, siteId: site.id, targetUserId: target.id, unique: `${role}-${address}`, password: user?.password ?? '', target };
        const response = await call(h, role, route.method, entry.request(fixture), user);
        const expected = entry.allow === 'public' || entry.allow.includes(role) ? '2xx' : role === 'anonymous' ? '401' : '403';
        const actual = response.statusCode < 300 && response.statusCode >= 200 ? '2xx' : String(response.statusCode);
        outcomes.push(`${key} as ${role}: ${actual === expected ? 'ok' : `expected ${expected}, got ${actual} ${response.body.slice(0, 120)}`}`);
      }
    }
    const failures = outcomes.filter((o) => !o.endsWith('ok'));
    expect(failures).toEqual([]);
    expect(outcomes.length).toBe(Object.keys(matrix).length * roleKeys.length);
  });
});
