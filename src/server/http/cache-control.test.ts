import { describe, expect, it } from 'vitest';
import { routeCases } from '../policy/route-cases.js';
import { createHarness, signIn } from '../testing/harness.js';
import { setUpRoleFixture, type Fixture } from '../testing/policy-matrix.js';
import { testEngine } from '../testing/test-db.js';
import { routeCatalogue } from './access.js';

// Person-level answers must not stay in a browser's or a proxy's cache (a shared computer at a day
// centre, say). Generated from the served routes, so a new route is covered the day it is added.
describe(`Cache-Control on API answers on ${testEngine}`, () => {
  it('answers every API route with no-store (the public HSDS open data: public, five minutes), as a permitted caller and as an anonymous one', async () => {
    const h = await createHarness();
    const base = await setUpRoleFixture(h);
    const problems: string[] = [];
    let calls = 0;
    for (const route of routeCatalogue(h.app)) {
      const key = `${route.method} ${route.url}`;
      const entry = routeCases[key];
      if (!entry) throw new Error(`no policy entry for ${key}`);
      const role = entry.allow === 'public' || entry.allow === 'principal' ? 'anonymous' : entry.allow.find((r) => r !== 'anonymous') ?? 'anonymous';
      const caller = role === 'anonymous' ? null : base.users[role];
      const fixture: Fixture = { h, ...base, caller, role, unique: `cache-${++calls}` };
      const request = await entry.request(fixture);
      const verb = route.method as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
      const payload = request.body === undefined ? {} : { payload: request.body as object };
      const answers = [await h.app.inject({ method: verb, url: request.url, ...payload, remoteAddress: `10.88.${Math.floor(calls / 250)}.${calls % 250}` })];
      if (caller) {
        const client = await signIn(h, caller, `10.89.${Math.floor(calls / 250)}.${calls % 250}`);
        answers.push(await client.request(verb, request.url, request.body));
      }
      // The Open Referral HSDS answers are published open data (the service tray: no person, nothing
      // private), which directories may cache for five minutes; every other API answer is no-store.
      const expected = key.startsWith('GET /api/public/hsds/') && !key.startsWith('GET /api/public/hsds/docs') ? 'public, max-age=300' : 'no-store';
      for (const answer of answers) {
        if (answer.statusCode < 400 && answer.headers['cache-control'] !== expected) problems.push(`${key} ${answer.statusCode}: cache-control ${String(answer.headers['cache-control'])}, expected ${expected}`);
        else if (answer.statusCode >= 400 && answer.headers['cache-control'] !== 'no-store') problems.push(`${key} ${answer.statusCode}: cache-control ${String(answer.headers['cache-control'])}`);
      }
    }
    expect(problems).toEqual([]);
    expect(calls).toBe(Object.keys(routeCases).length);
  }, 240_000);

  it('answers an unknown API path and a framework error with no-store too', async () => {
    const h = await createHarness();
    const unknown = await h.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    const badJson = await h.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    for (const answer of [unknown, badJson]) expect(answer.headers['cache-control'], `${answer.statusCode}`).toBe('no-store');
  });
});
