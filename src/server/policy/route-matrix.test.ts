import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { routeCatalogue } from '../http/access.js';
import { createHarness, signIn, type Harness, type TestUser } from '../testing/harness.js';
import { roleKeys, setUpRoleFixture, type Fixture } from '../testing/policy-matrix.js';
import { testEngine } from '../testing/test-db.js';
import { routeCases as matrix } from './route-cases.js';


let calls = 0;
async function call(h: Harness, method: string, request: { url: string; body?: unknown }, user: TestUser | null): Promise<LightMyRequestResponse> {
  const verb = method as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  if (!user) return h.app.inject({ method: verb, url: request.url, ...(request.body === undefined ? {} : { payload: request.body as object }) });
  // A fresh session per call (from a fresh address, so throttling stays out of the way):
  // logout and password changes must not spoil the next request.
  const client = await signIn(h, user, `10.77.${Math.floor(calls / 250)}.${calls % 250}`);
  return client.request(verb, request.url, request.body);
}

describe(`route × role policy on ${testEngine}`, () => {
  it('has a policy entry for every route the app serves, and none for routes it does not', async () => {
    const h = await createHarness();
    const served = routeCatalogue(h.app).map((r) => `${r.method} ${r.url}`).sort();
    expect(served).toEqual(Object.keys(matrix).sort());
  });

  // Every route × role is a fresh sign-in and a real request: ~350 of them outgrow the default 30 s on a busy machine.
  it('allows exactly the roles in the table (2xx) and refuses the others with 401 or 403', async () => {
    const h = await createHarness();
    const base = await setUpRoleFixture(h);
    const outcomes: string[] = [];
    for (const route of routeCatalogue(h.app)) {
      const key = `${route.method} ${route.url}`;
      const entry = matrix[key];
      if (!entry) throw new Error(`no policy entry for ${key}`);
      for (const role of roleKeys) {
        const caller = role === 'anonymous' ? null : base.users[role];
        const fixture: Fixture = { h, ...base, caller, role, unique: `${role}-${++calls}` };
        const response = await call(h, route.method, await entry.request(fixture), caller);
        const expected = entry.allow === 'public' || entry.allow.includes(role) ? '2xx' : role === 'anonymous' ? '401' : '403';
        const actual = response.statusCode >= 200 && response.statusCode < 300 ? '2xx' : String(response.statusCode);
        outcomes.push(`${key} as ${role}: ${actual === expected ? 'ok' : `expected ${expected}, got ${actual} ${response.body.slice(0, 160)}`}`);
      }
    }
    expect(outcomes.filter((o) => !o.endsWith('ok'))).toEqual([]);
    expect(outcomes.length).toBe(Object.keys(matrix).length * roleKeys.length);
  }, 240_000);
});

describe(`CSRF on every state-changing route on ${testEngine}`, () => {
  // Generated from the served routes, so a new route is covered the day it is added. Each request is
  // one the caller may make (it would be a 2xx), sent with a valid session but a missing or forged token.
  it('refuses every signed-in POST, PUT, PATCH and DELETE without the right token, and changes nothing', async () => {
    const h = await createHarness();
    const base = await setUpRoleFixture(h);
    const problems: string[] = [];
    let checked = 0;
    for (const route of routeCatalogue(h.app)) {
      const entry = matrix[`${route.method} ${route.url}`];
      if (route.method === 'GET' || !entry || entry.allow === 'public') continue;
      const role = entry.allow.find((r) => r !== 'anonymous');
      if (!role) continue;
      const caller = base.users[role];
      const fixture: Fixture = { h, ...base, caller, role, unique: `csrf-${++calls}` };
      const request = await entry.request(fixture);
      const client = await signIn(h, caller, `10.78.${Math.floor(calls / 250)}.${calls % 250}`);
      const before = await auditCount(h);
      for (const token of [undefined, 'forged-token']) {
        const response = await h.app.inject({
          method: route.method as 'POST' | 'PUT' | 'PATCH' | 'DELETE',
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
    const stateChanging = Object.entries(matrix).filter(([key, entry]) => !key.startsWith('GET ') && entry.allow !== 'public');
    expect(checked).toBe(stateChanging.length);
  }, 240_000);
});

async function auditCount(h: Harness): Promise<number> {
  const rows = await h.db.withRawSession((s) => s.query<{ n: number }>('select count(*)::int as n from audit_log'));
  return rows[0]!.n;
}
