import { describe, expect, it } from 'vitest';
import type { EncounterView } from '../../domain/outreach-views.js';
import { refreshReportRollups } from '../reports/rollups/refresh.js';
import { makeRegion, makeSite, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { auditRows, encounterBody, record, setUpOutreach, type Outreach } from './test-support.js';

// Issue 17 item 10: after the day, a coordinator corrects or removes an encounter with a reason,
// audited, and the report follows.

const DAY = 86_400_000;

async function coordinatorOf(o: Outreach, siteId: string | null = o.siteId) {
  return signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'coordinator', siteId }]), `10.77.0.${Math.floor(Math.random() * 250)}`);
}

/** The report's day figure of the site, as the rollups hold it after a refresh. */
async function dayFigure(o: Outreach, metric: string, key: string, day = '2026-01-15'): Promise<number> {
  await refreshReportRollups(o.h.db);
  const rows = await o.h.db.withRawSession((s) =>
    s.query<{ n: string }>(`select coalesce(sum(n), 0)::text as n from report_rollup where grain = 'd' and site_id = $1 and period_start = $2 and metric = $3 and key = $4`, [o.siteId, day, metric, key]),
  );
  return Number(rows[0]!.n);
}

describe(`a coordinator's corrections on ${testEngine}`, () => {
  it('lists a past day’s entries for a coordinator, without the registers’ codes, and audits the read', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o, { needs: ['health:ears'] });
    await record(o.nurse, body);
    await o.travel(3 * DAY);
    const coordinator = await coordinatorOf(o);
    const listed = await coordinator.request('GET', `/api/sites/${o.siteId}/encounters/for-correction?day=2026-01-15`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ encounters: EncounterView[] }>().encounters.map((e) => [e.id, e.needs])).toEqual([[body.id, []]]);
    expect(await auditRows(o.h, { action: 'encounter.listed' })).toEqual([expect.objectContaining({ actor_id: coordinator.session.user.id, details: { day: '2026-01-15', count: 1 } })]);
  });

  it('corrects an encounter weeks later with a reason; the audit keeps the reason and the report moves', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o);
    await record(o.nurse, body);
    expect(await dayFigure(o, 'enc', 'urgent')).toBe(0);
    await o.travel(30 * DAY);
    const coordinator = await coordinatorOf(o);
    const corrected = await coordinator.request('POST', `/api/encounters/${body.id}/correction`, { reason: 'The nurse reported it was urgent', changes: { isUrgent: true, ageBand: '51_64' } });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({ isUrgent: true, ageBand: '51_64', canEdit: false });
    expect(await auditRows(o.h, { resourceId: body.id, action: 'encounter.corrected' })).toEqual([
      expect.objectContaining({ actor_id: coordinator.session.user.id, details: { fields: ['ageBand', 'isUrgent'], reason: 'The nurse reported it was urgent' } }),
    ]);
    expect(await dayFigure(o, 'enc', 'urgent')).toBe(1);
    expect(await dayFigure(o, 'age', '51_64')).toBe(1);
  });

  it('removes an encounter after the day with a reason, and the report no longer counts it', async () => {
    const o = await setUpOutreach();
    const [kept, removed] = [encounterBody(o), encounterBody(o)];
    await record(o.nurse, kept);
    await record(o.nurse, removed);
    expect(await dayFigure(o, 'enc', 'meetings')).toBe(2);
    await o.travel(2 * DAY);
    // The creator can no longer delete it, so a coordinator does.
    expect((await o.nurse.request('DELETE', `/api/encounters/${removed.id}`)).statusCode).toBe(409);
    const coordinator = await coordinatorOf(o);
    expect((await coordinator.request('POST', `/api/encounters/${removed.id}/removal`, { reason: 'Recorded twice' })).statusCode).toBe(204);
    expect((await o.nurse.request('GET', `/api/encounters/${removed.id}`)).statusCode).toBe(404);
    expect(await auditRows(o.h, { resourceId: removed.id, action: 'encounter.deleted' })).toEqual([
      expect.objectContaining({ actor_id: coordinator.session.user.id, details: { referralIds: [], reason: 'Recorded twice', byCoordinator: true } }),
    ]);
    expect(await dayFigure(o, 'enc', 'meetings')).toBe(1);
  });

  it('needs a reason, and keeps the registers’ codes and the professionals out of a coordinator’s reach', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o, { needs: ['health:ears'] });
    await record(o.nurse, body);
    const coordinator = await coordinatorOf(o);
    expect((await coordinator.request('POST', `/api/encounters/${body.id}/correction`, { reason: '', changes: { isUrgent: true } })).statusCode).toBe(400);
    expect((await coordinator.request('POST', `/api/encounters/${body.id}/removal`, { reason: ' ' })).statusCode).toBe(400);
    expect((await coordinator.request('POST', `/api/encounters/${body.id}/correction`, { reason: 'fix', changes: { needs: [] } })).statusCode).toBe(400);
    expect((await coordinator.request('POST', `/api/encounters/${body.id}/correction`, { reason: 'fix', changes: { occurredAt: '2026-02-01T10:00:00Z' } })).json().error.details).toMatchObject({ reason: 'occurred_in_future' });
    expect((await o.nurse.request('GET', `/api/encounters/${body.id}`)).json().needs).toEqual(['health:ears']);
  });

  it('refuses a coordinator of another site and a professional, and answers 404 for another region', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o);
    await record(o.nurse, body);
    const otherSite = await makeSite(o.h, o.regionId);
    const elsewhere = await coordinatorOf(o, otherSite.id);
    expect((await elsewhere.request('POST', `/api/encounters/${body.id}/removal`, { reason: 'recorded twice' })).statusCode).toBe(403);
    const region = await makeRegion(o.h);
    const foreign = await signIn(o.h, await makeUser(o.h, region.id, [{ role: 'coordinator', siteId: null }]), '10.77.1.1');
    expect((await foreign.request('POST', `/api/encounters/${body.id}/removal`, { reason: 'recorded twice' })).statusCode).toBe(404);
    expect((await o.nurse.request('POST', `/api/encounters/${body.id}/removal`, { reason: 'recorded twice' })).statusCode).toBe(403);
    expect((await o.nurse.request('GET', `/api/encounters/${body.id}`)).statusCode).toBe(200);
  });
});
