import { describe, expect, it } from 'vitest';
import { testEngine } from '../testing/test-db.js';
import { encounterBody, record, setUpOutreach, type Outreach } from './test-support.js';

// Issue 16 item 9: an encounter has happened (not in the future beyond a device's clock drift of five
// minutes) and lies on the day of the session it names. The clock stands at 2026-01-15 11:00 in Helsinki.

const MINUTE = 60_000;
const inMinutes = (o: Outreach, minutes: number) => new Date(o.h.clock.now().getTime() + minutes * MINUTE).toISOString();

async function sessionOn(o: Outreach, day: string): Promise<string> {
  const response = await o.nurse.request('POST', `/api/sites/${o.siteId}/sessions`, { recurrence: 'one_off', startsOn: day, startsAt: '09:00', endsAt: '15:00' });
  if (response.statusCode !== 201) throw new Error(`planning failed ${response.statusCode}: ${response.body}`);
  return response.json<{ sessions: { id: string }[] }>().sessions[0]!.id;
}

describe(`when an encounter may be dated, on ${testEngine}`, () => {
  it('refuses an encounter dated more than five minutes ahead, naming the reason, and accepts clock drift', async () => {
    const o = await setUpOutreach();
    const ahead = await o.nurse.request('POST', '/api/encounters', encounterBody(o, { occurredAt: inMinutes(o, 6) }));
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json().error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/future/), details: { field: 'occurredAt', reason: 'occurred_in_future' } });
    expect((await o.nurse.request('POST', '/api/encounters', encounterBody(o, { occurredAt: inMinutes(o, 4) }))).statusCode).toBe(201);
  });

  it('refuses an edit that moves an encounter into the future', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o);
    await record(o.nurse, body);
    const moved = await o.nurse.request('PATCH', `/api/encounters/${body.id}`, { occurredAt: inMinutes(o, 24 * 60) });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.details).toMatchObject({ reason: 'occurred_in_future' });
  });

  it('refuses the same offline entry in a batch on its own, keeping the rest', async () => {
    const o = await setUpOutreach();
    const [good, bad] = [encounterBody(o), encounterBody(o, { occurredAt: inMinutes(o, 60) })];
    const results = (await o.nurse.request('POST', '/api/encounters/batch', { encounters: [good, bad] })).json().results;
    expect(results).toEqual([{ id: good.id, status: 'created' }, { id: bad.id, status: 'refused', error: { code: 'bad_request', message: expect.stringMatching(/future/) } }]);
  });

  it('ties an encounter to its session only on the session’s Helsinki day', async () => {
    const o = await setUpOutreach();
    const today = await sessionOn(o, '2026-01-15');
    const yesterday = await sessionOn(o, '2026-01-14');
    expect((await o.nurse.request('POST', '/api/encounters', encounterBody(o, { sessionId: today }))).statusCode).toBe(201);
    const wrongDay = await o.nurse.request('POST', '/api/encounters', encounterBody(o, { sessionId: yesterday }));
    expect(wrongDay.statusCode).toBe(400);
    expect(wrongDay.json().error).toMatchObject({ message: expect.stringContaining('2026-01-14'), details: { field: 'occurredAt', reason: 'outside_session_day' } });
    // 23:30 on the 14th in Helsinki is 21:30 UTC: the Helsinki day decides, not the UTC one.
    expect((await o.nurse.request('POST', '/api/encounters', encounterBody(o, { sessionId: yesterday, occurredAt: '2026-01-14T21:30:00Z' }))).statusCode).toBe(201);
    expect((await o.nurse.request('POST', '/api/encounters', encounterBody(o, { sessionId: yesterday, occurredAt: '2026-01-14T22:30:00Z' }))).statusCode).toBe(400);
  });

  it('checks the session day on edits of either the time or the session', async () => {
    const o = await setUpOutreach();
    const today = await sessionOn(o, '2026-01-15');
    const yesterday = await sessionOn(o, '2026-01-14');
    const body = encounterBody(o, { sessionId: today });
    await record(o.nurse, body);
    expect((await o.nurse.request('PATCH', `/api/encounters/${body.id}`, { sessionId: yesterday })).statusCode).toBe(400);
    expect((await o.nurse.request('PATCH', `/api/encounters/${body.id}`, { occurredAt: '2026-01-14T10:00:00Z' })).statusCode).toBe(400);
    const both = await o.nurse.request('PATCH', `/api/encounters/${body.id}`, { sessionId: yesterday, occurredAt: '2026-01-14T10:00:00Z' });
    expect(both.statusCode).toBe(200);
    expect(both.json().sessionId).toBe(yesterday);
  });
});
