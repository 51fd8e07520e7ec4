import { describe, expect, it } from 'vitest';
import type { MunicipalityView } from '../../domain/municipalities.js';
import { seedDemo } from '../demo/seed-demo.js';
import { createHarness, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

describe(`the demo region's municipalities and manager on ${testEngine}`, () => {
  it('seeds Lapland\'s 21 municipalities by their codes, and a manager who reads the region\'s report but not its people', async () => {
    const h = await createHarness();
    h.clock.set(new Date('2026-01-15T07:00:00Z'));
    const accounts = await seedDemo(h.deps);
    const manager = await signIn(h, accounts.find((a) => a.username === 'demo.manager')!);
    expect(manager.session.user.roles).toEqual([{ role: 'manager', siteId: null }]);

    const listed = (await manager.request('GET', '/api/municipalities')).json<{ municipalities: MunicipalityView[] }>().municipalities;
    expect(listed).toHaveLength(21);
    expect(listed.every((m) => /^[0-9]{3}$/.test(m.code) && m.isActive)).toBe(true);
    const byCode = new Map(listed.map((m) => [m.code, m.names]));
    expect(byCode.get('698')).toEqual({ fi: 'Rovaniemi', sv: 'Rovaniemi', en: 'Rovaniemi' });
    expect(byCode.get('148')).toEqual({ fi: 'Inari', sv: 'Enare', en: 'Inari' });

    const [site] = (await manager.request('GET', '/api/sites')).json<{ sites: { id: string }[] }>().sites;
    expect((await manager.request('GET', `/api/reports?siteIds=${site!.id}&from=2026-01-01&to=2026-01-15`)).statusCode).toBe(200);
    expect((await manager.request('GET', '/api/pilots')).statusCode).toBe(200);
    // Counts, not people: no encounters, no users, no audit log, no exact view.
    expect((await manager.request('GET', `/api/sites/${site!.id}/encounters?day=2026-01-14`)).statusCode).toBe(403);
    expect((await manager.request('GET', '/api/users')).statusCode).toBe(403);
    expect((await manager.request('GET', '/api/audit')).statusCode).toBe(403);
    expect((await manager.request('POST', '/api/municipalities', { code: '999', names: { fi: 'X', sv: 'X', en: 'X' } })).statusCode).toBe(403);
  });
});
