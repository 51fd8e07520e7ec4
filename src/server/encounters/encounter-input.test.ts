import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { testEngine } from '../testing/test-db.js';
import { issueCode, record, setUpOutreach } from './test-support.js';

// Near-valid bodies reach deeper than random JSON: they pass the schema and probe the checks behind it.
// Mostly valid, sometimes hostile: each field alone is wrong now and then, so the checks behind the schema are reached.
const mostly = <T>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>) => fc.oneof({ arbitrary: valid, weight: 9 }, { arbitrary: hostile, weight: 1 });
const hostileCodes = fc.array(fc.constantFrom('social:housing', 'health:listening', 'social:no_such', 'social:follow_up_plan', 'health:follow_up_plan', 'health:blood_pressure'), { maxLength: 3 });
const needs = mostly<string[]>(fc.array(fc.constantFrom('health:blood_pressure', 'health:ears'), { maxLength: 2 }), hostileCodes);
const support = mostly<string[]>(fc.array(fc.constantFrom('health:follow_up_plan', 'health:measured_bp_sugar'), { maxLength: 2 }), hostileCodes);
// Valid: this century up to the harness clock's start (an encounter cannot be dated in the future);
// hostile ones include the future, the far future and the impossible.
const instants = mostly(
  fc.date({ min: new Date('2000-01-01'), max: new Date('2026-01-15T09:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('0001-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '2026-03-29T00:30:00Z', '2999-12-31T23:59:59Z', '9999-12-31T23:59:59+14:00', '0000-01-01T00:00:00Z'),
);
// fast-check's uuids repeat on purpose (small values first); a device makes a fresh one per entry.
const freshId = fc.constant(null).map(() => uuidv7());
const days = fc.oneof({ arbitrary: fc.constantFrom('2026-02-28', '2028-02-29'), weight: 2 }, { arbitrary: fc.constantFrom('2026-02-30', '0000-01-01', '9999-12-31', '2027-02-29'), weight: 1 });

describe(`near-valid encounter input on ${testEngine}`, () => {
  it('is stored (201) or refused with a 4xx and the error shape, never a 5xx', async () => {
    const o = await setUpOutreach();
    const code = await issueCode(o);
    const existing = await record(o.nurse, { id: uuidv7(), siteId: o.siteId, occurredAt: o.h.clock.now().toISOString() });
    const ids = fc.constantFrom(uuidv7(), o.nurse.session.user.id, o.socialWorker.session.user.id, o.siteId, existing.id);
    const body = fc.record({
      id: mostly(freshId, fc.constant(existing.id)),
      siteId: mostly(fc.constant(o.siteId), fc.constant(uuidv7())),
      sessionId: mostly(fc.constant(null), ids),
      occurredAt: instants,
      professionalIds: mostly<string[]>(fc.constantFrom([], [o.socialWorker.session.user.id]), fc.array(ids, { maxLength: 3 })),
      visitorCode: mostly(fc.constantFrom(null, code, code.toLowerCase()), fc.string({ maxLength: 20 })),
      needs,
      support,
      referrals: fc.array(
        fc.record({
          id: mostly(freshId, fc.constant(existing.id)),
          serviceId: mostly(fc.constant(o.services.kela!), fc.constant(uuidv7())),
          way: fc.constant('advised'),
          followUpOn: fc.option(days, { nil: null }),
          memo: fc.option(fc.string({ maxLength: 200 }), { nil: null }),
        }),
        { maxLength: 2 },
      ),
    });
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(body, async (sent) => {
        const response = await o.nurse.request('POST', '/api/encounters', sent);
        if (response.statusCode === 201) stored++;
        expect(response.statusCode, `${JSON.stringify(sent)} → ${response.body}`).toBeLessThan(500);
        if (response.statusCode >= 400) expect(response.json().error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
        if (response.statusCode < 300) {
          const patched = await o.nurse.request('PATCH', `/api/encounters/${sent.id}`, { occurredAt: sent.occurredAt, visitorCode: sent.visitorCode, needs: sent.needs, professionalIds: sent.professionalIds });
          expect(patched.statusCode, patched.body).toBeLessThan(500);
        }
      }),
      { numRuns: 120 },
    );
    // the generator must reach the database, not only the schema
    expect(stored).toBeGreaterThan(10);
  });
});
