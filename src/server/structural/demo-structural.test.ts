import { describe, expect, it } from 'vitest';
import type { IndicatorPanel } from '../../domain/indicators/indicators.js';
import type { ObservationView } from '../../domain/structural/observations.js';
import { seedDemo } from '../demo/seed-demo.js';
import { createHarness, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

describe(`the demo's structural social work observations on ${testEngine}`, () => {
  it('gives the social worker an answered observation, one overdue and a draft, and the manager something to answer', async () => {
    const h = await createHarness({ isDemoHistory: false });
    h.clock.set(new Date('2026-11-16T07:00:00Z'));
    const accounts = await seedDemo(h.deps);
    const as = (username: string) => signIn(h, accounts.find((a) => a.username === username)!);
    const mine = (await (await as('demo.socialworker')).request('GET', '/api/structural/observations?mine=true')).json<{ observations: ObservationView[] }>().observations;
    expect(mine.map((o) => [o.category, o.status, o.isOverdue, o.answer !== null])).toEqual([
      ['loneliness', 'draft', false, false],
      ['poverty_income', 'submitted', true, false],
      ['housing', 'in_progress', false, true],
    ]);
    expect(mine.find((o) => o.category === 'housing')!.cosigners.map((c) => c.displayName)).toEqual(['Demo Sairaanhoitaja']);
    const managers = (await (await as('demo.manager')).request('GET', '/api/structural/observations')).json<{ observations: ObservationView[] }>().observations;
    expect(managers.map((o) => [o.category, o.can.answer])).toEqual([['poverty_income', true], ['housing', true]]);

    // The region's indicator panel: example values in Sotkanet's format, every one labelled an example.
    const panel = (await (await as('demo.socialworker')).request('GET', '/api/indicators')).json<IndicatorPanel>();
    expect(panel.home?.title?.fi).toBe('Demoalue (esimerkki)');
    expect(panel.indicators.map((i) => [i.sourceRef, i.isExample, i.licence, i.rows[0]])).toEqual([
      ['900101', true, 'CC BY 4.0', { year: 2016, home: 5.8, country: 7.2, retrievedOn: '2026-11-16' }],
      ['900102', true, 'CC BY 4.0', { year: 2016, home: 28.6, country: 31.5, retrievedOn: '2026-11-16' }],
      ['900103', true, 'CC BY 4.0', { year: 2016, home: 13.6, country: 12.7, retrievedOn: '2026-11-16' }],
    ]);
    expect(panel.indicators.every((i) => /esimerkki/.test(i.title.fi))).toBe(true);
  });
});
