import { uuidv7 } from 'uuidv7';
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

  it('names each row\'s target and answers "who looked at this?" for one encounter', async () => {
    const h = await createHarness();
    h.clock.set(new Date('2026-12-07T08:15:00Z'));
    const region = await makeRegion(h);
    const site = await makeSite(h, region.id);
    const nurse = await signIn(h, await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'nurse'));
    const id = uuidv7();
    const created = await nurse.request('POST', '/api/encounters', { id, siteId: site.id, occurredAt: '2026-12-07T08:10:00.000Z' });
    expect(created.statusCode, created.body).toBe(201);
    expect((await nurse.request('GET', `/api/encounters/${id}`)).statusCode).toBe(200);
    expect((await nurse.request('GET', `/api/sites/${site.id}/encounters?day=2026-12-07`)).statusCode).toBe(200);
    const auditor = await signIn(h, await makeUser(h, region.id, [{ role: 'auditor', siteId: null }]));

    type Entries = { entries: { action: string; actorName: string | null; resourceId: string | null; target: { name: string | null; day: string | null; time: string | null } }[] };
    const aboutIt = (await auditor.request('GET', `/api/audit?resourceType=encounter&resourceId=${id}`)).json<Entries>();
    expect(aboutIt.entries.map((e) => e.action)).toEqual(['encounter.read', 'encounter.created']);
    // 08:10 UTC is 10.10 in Helsinki: the reader sees the time the encounter happened, as the worker did.
    for (const entry of aboutIt.entries) expect(entry.target).toEqual({ name: null, day: '2026-12-07', time: '10:10' });
    expect(aboutIt.entries[0]!.actorName).toContain('Test');

    const lists = (await auditor.request('GET', '/api/audit?action=encounter.listed')).json<Entries>();
    expect(lists.entries[0]!.target).toEqual({ name: null, day: '2026-12-07', time: null });
    const people = (await auditor.request('GET', `/api/audit?resourceType=site&resourceId=${site.id}`)).json<Entries>();
    expect(people.entries[0]!.target.name).toBe(site.name);
  });
});
