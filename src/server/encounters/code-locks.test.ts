import { describe, expect, it } from 'vitest';
import { createHarness, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { encounterBody, issueCode, record, setUpOutreach } from './test-support.js';

const MINUTE = 60_000;

/**
 * Every change to a coded visitor's encounters recomputes the first visit over all of them, updating
 * sibling rows. Without one lock per code, taken first, two such transactions lock those rows in
 * different orders and PostgreSQL aborts one of them as a deadlock. PGlite runs one transaction at a
 * time, so there the test checks the same answers without the contention.
 */
describe(`concurrent changes to one visitor code's encounters on ${testEngine}`, () => {
  it('all succeed — edits, deletes, corrections, removals and new entries alike — and leave exactly one first visit', async () => {
    // Requests wait in line for a working slot as long as they need: shedding load (503) is another
    // matter than the deadlocks looked for here, and the shared test machine is slow.
    const o = await setUpOutreach(await createHarness({ maxQueueWaitMs: 120_000 }));
    const coordinator = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'coordinator', siteId: null }]));
    const [code, other] = [await issueCode(o), await issueCode(o)];
    const start = o.h.clock.now().getTime() - 6 * 60 * MINUTE;
    const at = (minutes: number) => new Date(start + minutes * MINUTE).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 16; i++) ids.push((await record(o.nurse, encounterBody(o, { visitorCode: code, occurredAt: at(10 * i) }))).id);
    const elsewhere = (await record(o.nurse, encounterBody(o, { visitorCode: other, occurredAt: at(5) }))).id;

    // Moving times back and forth changes which encounter is the first, so every recompute rewrites
    // siblings: rounds of edits of every encounter at once, each round reversing the order.
    for (let round = 0; round < 6; round++) {
      const edits = await Promise.all(ids.map((id, i) => o.nurse.request('PATCH', `/api/encounters/${id}`, { occurredAt: at(round % 2 === 0 ? 200 - 10 * i : 10 * i + round) })));
      expect(edits.map((r) => (r.statusCode < 300 ? 'ok' : `${r.statusCode} ${r.body}`)), `round ${round}`).toEqual(edits.map(() => 'ok'));
    }
    const requests = [
      ...ids.slice(0, 8).map((id, i) => o.nurse.request('PATCH', `/api/encounters/${id}`, { occurredAt: at(i % 2 === 0 ? 300 - 7 * i : 1 + i) })),
      ...ids.slice(8, 11).map((id) => o.nurse.request('DELETE', `/api/encounters/${id}`)),
      ...ids.slice(11, 13).map((id, i) => coordinator.request('POST', `/api/encounters/${id}/correction`, { reason: 'Wrong time recorded', changes: { occurredAt: at(2 + i) } })),
      coordinator.request('POST', `/api/encounters/${ids[13]}/removal`, { reason: 'Recorded twice' }),
      // one encounter moves from the other code to this one, and one from this one to the other
      o.nurse.request('PATCH', `/api/encounters/${elsewhere}`, { visitorCode: code }),
      o.nurse.request('PATCH', `/api/encounters/${ids[14]}`, { visitorCode: other, occurredAt: at(0) }),
      o.nurse.request('POST', '/api/encounters/batch', { encounters: [encounterBody(o, { visitorCode: code, occurredAt: at(3) }), encounterBody(o, { visitorCode: code, occurredAt: at(250) })] }),
      o.nurse.request('POST', '/api/encounters', encounterBody(o, { visitorCode: code, occurredAt: at(4) })),
    ];
    const responses = await Promise.all(requests);
    expect(responses.map((r) => (r.statusCode < 300 ? 'ok' : `${r.statusCode} ${r.body}`))).toEqual(responses.map(() => 'ok'));
    const batch = responses.at(-2)!.json<{ results: { status: string }[] }>().results;
    expect(batch.map((r) => r.status)).toEqual(['created', 'created']);

    const firsts = await o.h.db.withRawSession((s) =>
      s.query<{ visitor_code: string; n: number; first: number }>(
        'select visitor_code, count(*)::int as n, count(*) filter (where is_first_visit)::int as first from encounters where visitor_code is not null group by visitor_code order by visitor_code'));
    // this code: 16 - 3 deleted - 1 removed - 1 moved away + 1 moved in + 3 new = 15; the other: 1 - 1 + 1
    expect(firsts.map((r) => [r.visitor_code, r.n, r.first])).toEqual([[code, 15, 1], [other, 1, 1]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
  }, 120_000);
});
