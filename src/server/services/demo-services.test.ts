import { describe, expect, it } from 'vitest';
import type { TrayServiceSummary } from '../../domain/services/views.js';
import { seedDemo } from '../demo/seed-demo.js';
import { createHarness, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

describe(`the demo's service tray on ${testEngine}`, () => {
  it('has two published services on the public catalogue and in HSDS, and a draft only staff see', async () => {
    const h = await createHarness({ isDemoHistory: false });
    const accounts = await seedDemo(h.deps);
    const manager = await signIn(h, accounts.find((a) => a.username === 'demo.manager')!);
    const tray = (await manager.request('GET', '/api/tray/services')).json<{ services: TrayServiceSummary[] }>().services;
    expect(tray.map((s) => [s.names.fi, s.status, s.canEdit])).toEqual([
      ['Arjen taitojen valmennus', 'published', true],
      ['Matalan kynnyksen olohuone', 'published', true],
      ['Vertaisryhmä (luonnos)', 'draft', true],
    ]);
    const hsds = (await h.app.inject({ url: '/api/public/hsds/services' })).json<{ total_items: number }>();
    expect(hsds.total_items).toBe(2);
    const front = (await h.app.inject({ url: '/palvelut' })).body;
    expect(front).toContain('/palvelut/luokka/group_activity');
    const coaching = tray.find((s) => s.names.fi === 'Arjen taitojen valmennus')!;
    const page = (await h.app.inject({ url: `/palvelut/${coaching.id}` })).body;
    expect(page).toContain('Rovaniemi');
    expect(page).toContain('3 vapaata paikkaa');
  }, 120_000);
});
