import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routeCatalogue } from '../http/access.js';
import { roles } from '../../domain/org.js';
import { addDays } from '../../domain/recurrence.js';
import { createHarness, makeRegion, makeSite, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

// The app-wide fuzz suite signs in as an administrator, who may not manage sessions or write the day
// log, so it stops at 403 before these handlers. Here a user holding every role reaches them, with
// near-valid input: real-looking days that do not exist, mixed time formats, strangers' ids.
const strangeDay = fc.oneof(
  fc.constantFrom('2026-02-30', '2025-02-29', '0000-01-01', '9999-12-31', '2026-13-01', '1899-12-31'),
  fc.string({ maxLength: 12 }),
);
// Mostly real days near the harness clock, so that most requests get past validation into the commands.
const nearDay = fc.oneof({ arbitrary: fc.integer({ min: -400, max: 400 }).map((n) => addDays('2026-01-15', n)), weight: 4 }, { arbitrary: strangeDay, weight: 1 });
const nearTime = fc.constantFrom('10:00', '10:00:00', '09:59:59', '12:00', '23:59', '24:00', '00:00', '7:30', '');
const nearMonth = fc.oneof({ arbitrary: fc.integer({ min: -30, max: 30 }).map((n) => addDays('2026-01-15', n * 30).slice(0, 7)), weight: 4 }, { arbitrary: fc.constantFrom('2026-13', '1899-12', '3000-01', '2026-1', ''), weight: 1 });
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.integer({ min: -2, max: 400 }), fc.constant(null));

/** A valid body for the route with up to three fields replaced by odd values. */
function bodies(url: string, userIds: string[]) {
  const userId = fc.oneof(fc.constantFrom(...userIds), fc.uuid(), fc.string({ maxLength: 10 }));
  const odd = {
    id: fc.oneof(fc.uuid(), fc.constant(userIds[0]!), anyValue),
    recurrence: fc.oneof(fc.constantFrom('one_off', 'weekly', 'monthly_nth'), anyValue),
    weekday: fc.oneof(fc.integer({ min: 0, max: 8 }), anyValue),
    nth: fc.oneof(fc.constantFrom(-1, 1, 2, 3, 4, 5), anyValue),
    startsOn: nearDay,
    endsOn: nearDay,
    startsAt: nearTime,
    endsAt: nearTime,
    openedAt: nearTime,
    closedAt: nearTime,
    professionals: fc.array(fc.record({ userId, hours: fc.oneof(fc.double({ min: -1, max: 30, noNaN: true }), anyValue) }, { requiredKeys: ['userId'] }), { maxLength: 3 }),
    breakfasts: fc.oneof(fc.integer({ min: -1, max: 10_001 }), anyValue),
    lunches: fc.integer({ min: -1, max: 10_001 }),
    isClosed: fc.boolean(),
    isCancelled: fc.boolean(),
    room: fc.string({ maxLength: 120 }),
  };
  const valid = url.endsWith('/sessions')
    ? { recurrence: 'weekly', weekday: 3, nth: 3, startsOn: '2026-02-01', endsOn: '2026-03-31', startsAt: '10:00', endsAt: '12:00', professionals: [{ userId: userIds[2] }] }
    : url.includes('daylog')
      ? { breakfasts: 40, lunches: 50, openedAt: '07:30', closedAt: '14:00' }
      : { room: 'Olohuone', startsAt: '10:00', endsAt: '12:00', professionals: [{ userId: userIds[2], hours: 1.5 }] };
  return fc
    .tuple(fc.uuid(), fc.subarray(Object.keys(odd) as (keyof typeof odd)[], { maxLength: 3 }), fc.record(odd))
    .map(([id, keys, values]) => ({ id, ...valid, ...Object.fromEntries(keys.map((k) => [k, values[k]])) }));
}

describe(`bad input to the session and day-log routes on ${testEngine}`, () => {
  it('gets a 2xx or a 4xx with the error shape, never a 5xx, even for a user who may do everything', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const site = await makeSite(h, region.id);
    const everything = await makeUser(h, region.id, roles.map((role) => ({ role, siteId: null })), 'nurse');
    const client = await signIn(h, everything);
    const planned = await client.request('POST', `/api/sites/${site.id}/sessions`, { recurrence: 'one_off', startsOn: '2026-02-04', startsAt: '10:00', endsAt: '12:00' });
    const realIds = [site.id, region.id, everything.id, planned.json<{ sessions: { id: string }[] }>().sessions[0]!.id];
    // Mostly the id the route expects, sometimes another real id or a stranger.
    const idFor = (url: string) => fc.oneof({ arbitrary: fc.constant(url.includes(':sessionId') ? realIds[3]! : site.id), weight: 4 }, { arbitrary: fc.constantFrom(...realIds), weight: 1 }, { arbitrary: fc.uuid(), weight: 1 });
    const mine = routeCatalogue(h.app).filter((r) => /sessions|daylog|announcements/.test(r.url) && !r.url.includes('/group-'));
    expect(mine).toHaveLength(10);
    for (const route of mine) {
      await fc.assert(
        fc.asyncProperty(idFor(route.url), nearDay, bodies(route.url, realIds), nearDay, nearDay, nearMonth, async (id, day, body, from, to, month) => {
          const path = route.url.replace(':siteId', id).replace(':sessionId', id).replace(':slug', id).replace(':day', encodeURIComponent(day));
          const query: Record<string, string> = route.url.endsWith('/trend') ? { from: month, to: month } : route.url.endsWith('/daylog') ? { month } : { from, to };
          const url = `${path}?${new URLSearchParams(query).toString()}`;
          const response = await client.request(route.method as 'GET', url, route.method === 'GET' ? undefined : body);
          const where = `${route.method} ${url} ${JSON.stringify(body).slice(0, 300)} → ${response.statusCode} ${response.body.slice(0, 200)}`;
          expect(response.statusCode, where).toBeLessThan(500);
          if (response.statusCode >= 400) expect(response.json(), where).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
        }),
        { numRuns: 40 },
      );
    }
  }, 180_000);
});
