import { describe, expect, it } from 'vitest';
import { createHarness, makeRegion, makeSite, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

describe(`the auditor's log on ${testEngine}`, () => {
  it('lists entries newest first with names, filters them, pages with a cursor and logs its own viewing', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const site = await makeSite(h, region.id, 'Päiväkeskus Audit');
    const admin = await signIn(h, await makeUser(h, region.id, [{ role: 'administrator', siteId: null }]));
    await admin.request('PATCH', `/api/sites/${site.id}`, { address: 'Uusi osoite 2' });
    const auditor = await signIn(h, await makeUser(h, region.id, [{ role: 'auditor', siteId: null }]));
    const all = (await auditor.request('GET', '/api/audit?limit=200')).json<{ entries: { id: string; action: string }[] }>();
    const ids = all.entries.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(all.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['site.created', 'site.updated', 'user.created', 'auth.sign_in']));

    const bySite = (await auditor.request('GET', `/api/audit?siteId=${site.id}`)).json<{ entries: { action: string; siteName: string; actorName: string | null }[] }>();
    expect(bySite.entries.map((e) => e.action)).toEqual(['site.updated', 'site.created']);
    expect(bySite.entries[0]).toMatchObject({ siteName: 'Päiväkeskus Audit', actorName: expect.stringContaining('Test') });
    const signIns = (await auditor.request('GET', '/api/audit?action=auth.')).json<{ entries: { action: string }[] }>();
    expect(signIns.entries.length).toBeGreaterThanOrEqual(2);
    expect(signIns.entries.every((e) => e.action.startsWith('auth.'))).toBe(true);

    const first = (await auditor.request('GET', '/api/audit?limit=2')).json<{ entries: { id: string }[]; nextCursor: string }>();
    const second = (await auditor.request('GET', `/api/audit?limit=2&cursor=${first.nextCursor}`)).json<{ entries: { id: string }[] }>();
    expect(Number(second.entries[0]!.id)).toBeLessThan(Number(first.entries[1]!.id));
    const views = (await auditor.request('GET', '/api/audit?action=audit.viewed')).json<{ entries: unknown[] }>();
    expect(views.entries.length).toBeGreaterThanOrEqual(4);

    const otherRegion = await makeRegion(h);
    const outsider = await signIn(h, await makeUser(h, otherRegion.id, [{ role: 'auditor', siteId: null }]));
    const theirs = (await outsider.request('GET', '/api/audit?limit=200')).json<{ entries: { action: string }[] }>();
    expect(theirs.entries.some((e) => e.action === 'site.updated')).toBe(false);
  });
});
