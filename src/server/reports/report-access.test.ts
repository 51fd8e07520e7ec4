import { describe, expect, it } from 'vitest';
import type { Report } from '../../domain/report.js';
import { auditRows, encounterBody, record, setUpOutreach } from '../encounters/test-support.js';
import { makeSite, makeUser, signIn, type Client } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { flat, tableOf } from './report-test-support.js';

describe(`who may read the report, and its period, on ${testEngine}`, () => {
  it('counts by Helsinki days: 23:30 on the last day is in, 00:30 the next day is not', async () => {
    const o = await setUpOutreach();
    // December is UTC+2: 21:30Z is 23:30 and 22:30Z is 00:30 the next day in Helsinki.
    for (const at of ['2025-11-30T21:30:00Z', '2025-11-30T22:30:00Z', '2025-12-31T21:30:00Z', '2025-12-31T22:30:00Z']) await record(o.nurse, encounterBody(o, { occurredAt: at }));
    const coordinator = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'coordinator', siteId: null }]));
    const report = async (query: string) => (await coordinator.request('GET', `/api/reports?siteIds=${o.siteId}&exact=true&${query}`)).json<Report>();
    const december = await report('from=2025-12-01&to=2025-12-31');
    expect(flat(tableOf(december, 'overview.figures'))).toEqual([['all', 0, 0, 2, 2, null, 0, null]]);
    const heat = tableOf(december, 'timing.heatmap');
    // Monday 1.12. at 00:30 and Wednesday 31.12. at 23:30
    expect(heat.rows.flatMap((r) => r.cells.slice(0, 24).flatMap((c, h) => (c.value ? [[r.key, h, c.value]] : [])))).toEqual([['1', 0, 1], ['3', 23, 1]]);
    // encounters outside any outreach session count only when no session kind is asked
    expect(flat(tableOf(await report('from=2025-12-01&to=2025-12-31&sessionKind=reception'), 'overview.figures'))).toEqual([['all', 0, 0, 0, 0, null, 0, null]]);
    expect(flat(tableOf(await report('from=2025-12-01&to=2025-12-01'), 'overview.figures'))).toEqual([['all', 0, 0, 1, 1, null, 0, null]]);
    expect(flat(tableOf(await report('from=2025-12-31&to=2025-12-31'), 'overview.figures'))).toEqual([['all', 0, 0, 1, 1, null, 0, null]]);
    // the published view hides the two
    const published = (await o.nurse.request('GET', '/api/reports?from=2025-12-01&to=2025-12-31')).json<Report>();
    expect(flat(tableOf(published, 'overview.figures'))).toEqual([['all', 0, 0, 'S', 'S', null, 0, null]]);
  });

  it('is for the sites one works at: another site is 403, another region’s site 404, exact needs the permission', async () => {
    const o = await setUpOutreach();
    const other = await makeSite(o.h, o.regionId);
    const elsewhere = await setUpOutreach(o.h);
    const coordinator = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'coordinator', siteId: null }]));
    const staff = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'daycentre_staff', siteId: o.siteId }]));
    const auditor = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'auditor', siteId: null }]));
    const url = (query: string) => `/api/reports?from=2026-01-01&to=2026-01-15&${query}`;
    const status = async (client: Client, query: string) => (await client.request('GET', url(query))).statusCode;

    // without siteIds: the sites one may report on, never another
    expect((await o.nurse.request('GET', url(''))).json<Report>().query.siteIds).toEqual([o.siteId]);
    const all = (await coordinator.request('GET', url(''))).json<Report>();
    expect(new Set(all.query.siteIds)).toEqual(new Set([o.siteId, other.id]));
    expect(await status(o.nurse, `siteIds=${other.id}`)).toBe(403);
    expect(await status(o.nurse, `siteIds=${o.siteId},${other.id}`)).toBe(403);
    expect(await status(coordinator, `siteIds=${elsewhere.siteId}`)).toBe(404);
    expect(await status(auditor, `siteIds=${o.siteId}`)).toBe(403);
    expect(await status(coordinator, `pilotId=${crypto.randomUUID()}`)).toBe(404);
    expect(await status(coordinator, 'from=2026-01-15&to=2026-01-01')).toBe(400);

    // the exact view: coordinators only, and only they are offered it
    expect(await status(o.nurse, `siteIds=${o.siteId}&exact=true`)).toBe(403);
    expect(await status(staff, `siteIds=${o.siteId}&exact=true`)).toBe(403);
    expect((await staff.request('GET', url(`siteIds=${o.siteId}`))).json<Report>()).toMatchObject({ isSuppressed: true, canSeeExact: false });
    expect(await auditRows(o.h, { action: 'report.exact_viewed' })).toEqual([]);
    const exactView = (await coordinator.request('GET', url(`siteIds=${o.siteId},${other.id}&exact=true&windowShare=90`))).json<Report>();
    expect(exactView).toMatchObject({ isSuppressed: false, canSeeExact: true });
    const audited = await auditRows(o.h, { action: 'report.exact_viewed' });
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actor_id: coordinator.session.user.id, site_id: null, region_id: o.regionId });
    expect(audited[0]!.details).toEqual({ siteIds: exactView.query.siteIds, from: '2026-01-01', to: '2026-01-15', pilotId: null, sessionKind: null, windowShare: 90 });
  });
});
