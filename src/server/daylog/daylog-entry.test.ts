import { describe, expect, it } from 'vitest';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Client, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

// The harness clock stands at 15 January 2026, 11:00 in Helsinki.
async function setUp(h: Harness) {
  const region = await makeRegion(h);
  const site = await makeSite(h, region.id);
  const anna = await signIn(h, await makeUser(h, region.id, [{ role: 'daycentre_staff', siteId: site.id }]));
  const ben = await signIn(h, await makeUser(h, region.id, [{ role: 'daycentre_staff', siteId: site.id }]));
  return { site, anna, ben };
}

const put = (client: Client, siteId: string, day: string, body: object) => client.request('PUT', `/api/sites/${siteId}/daylog/${day}`, { id: crypto.randomUUID(), ...body });
const auditOf = (h: Harness, siteId: string) =>
  h.db.withRawSession((s) => s.query<{ details: Record<string, unknown> }>("select details from audit_log where site_id = $1 and action = 'daylog.saved' order by id", [siteId]));

describe(`day log that never loses a number, on ${testEngine}`, () => {
  it('gives the saved values and their version with the month, and the days that may be logged now', async () => {
    const h = await createHarness();
    const { site, anna } = await setUp(h);
    await put(anna, site.id, '2026-01-14', { breakfasts: 12, lunches: 30 });
    const month = await anna.request('GET', `/api/sites/${site.id}/daylog?month=2026-01`);
    expect(month.statusCode).toBe(200);
    expect(month.json()).toMatchObject({ days: [{ day: '2026-01-14', breakfasts: 12, lunches: 30, version: 1 }], writable: { from: '2026-01-08', to: '2026-01-15' } });
  });

  it('refuses a save over values someone else saved after the form was opened, and takes it once the user has seen them', async () => {
    const h = await createHarness();
    const { site, anna, ben } = await setUp(h);
    const created = await put(anna, site.id, '2026-01-15', { breakfasts: 10, lunches: 20, baseVersion: 0 });
    expect(created.statusCode).toBe(201);
    expect(created.json().version).toBe(1);
    // Both open the day at version 1; Ben saves first.
    expect((await put(ben, site.id, '2026-01-15', { breakfasts: 14, lunches: 25, baseVersion: 1 })).json()).toMatchObject({ lunches: 25, version: 2 });
    const stale = await put(anna, site.id, '2026-01-15', { breakfasts: 11, lunches: 21, baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'conflict', details: { reason: 'stale_version', currentVersion: 2 } });
    const shown = (await anna.request('GET', `/api/sites/${site.id}/daylog?month=2026-01`)).json().days[0];
    expect(shown).toMatchObject({ breakfasts: 14, lunches: 25, version: 2 });
    // A second form opened on an empty day is refused too once the first one saved.
    expect((await put(ben, site.id, '2026-01-15', { lunches: 99, baseVersion: 0 })).statusCode).toBe(409);
    // Anna chooses to save hers over Ben's: she now sends the version she has seen.
    const overwritten = await put(anna, site.id, '2026-01-15', { breakfasts: 11, lunches: 21, baseVersion: 2 });
    expect(overwritten.statusCode).toBe(200);
    expect(overwritten.json()).toMatchObject({ breakfasts: 11, lunches: 21, version: 3 });
    expect((await auditOf(h, site.id)).map((a) => a.details.version)).toEqual([1, 2, 3]);
  });

  it('answers a resend of the same save (a lost reply) with the stored row, not a conflict', async () => {
    const h = await createHarness();
    const { site, anna } = await setUp(h);
    await put(anna, site.id, '2026-01-15', { lunches: 20 });
    const save = { id: crypto.randomUUID(), lunches: 22, baseVersion: 1 };
    expect((await anna.request('PUT', `/api/sites/${site.id}/daylog/2026-01-15`, save)).json().version).toBe(2);
    const resent = await anna.request('PUT', `/api/sites/${site.id}/daylog/2026-01-15`, save);
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({ lunches: 22, version: 2 });
    expect(await auditOf(h, site.id)).toHaveLength(2);
  });

  it('lets staff fill in a past day within the window, audited as back-dated, and refuses older days with a clear 400', async () => {
    const h = await createHarness();
    const { site, anna } = await setUp(h);
    // Monday 12 January: the forgotten Friday, 9 January.
    h.clock.set(new Date('2026-01-12T08:00:00Z'));
    expect((await put(anna, site.id, '2026-01-09', { breakfasts: 31, lunches: 40 })).statusCode).toBe(201);
    expect((await put(anna, site.id, '2026-01-12', { breakfasts: 5 })).statusCode).toBe(201);
    expect((await put(anna, site.id, '2026-01-05', { breakfasts: 5 })).statusCode).toBe(201);
    const tooOld = await put(anna, site.id, '2026-01-04', { breakfasts: 5 });
    expect(tooOld.statusCode).toBe(400);
    expect(tooOld.json().error).toMatchObject({
      code: 'bad_request',
      message: 'Only the last 7 days can be logged; 2026-01-04 is too far back.',
      details: { field: 'day', reason: 'too_far_back', from: '2026-01-05' },
    });
    const details = (await auditOf(h, site.id)).map((a) => a.details);
    expect(details).toEqual([
      { day: '2026-01-09', isCreated: true, version: 1, isBackdated: true, daysBack: 3 },
      { day: '2026-01-12', isCreated: true, version: 1 },
      { day: '2026-01-05', isCreated: true, version: 1, isBackdated: true, daysBack: 7 },
    ]);
  });

  it('follows the configured window (SILTA_DAYLOG_BACKDATE_DAYS)', async () => {
    const h = await createHarness();
    const { site, anna } = await setUp(h);
    h.deps.config.daylogBackdateDays = 1;
    expect((await put(anna, site.id, '2026-01-14', { lunches: 1 })).statusCode).toBe(201);
    expect((await put(anna, site.id, '2026-01-13', { lunches: 1 })).statusCode).toBe(400);
    expect((await anna.request('GET', `/api/sites/${site.id}/daylog`)).json().writable).toEqual({ from: '2026-01-14', to: '2026-01-15' });
  });
});
