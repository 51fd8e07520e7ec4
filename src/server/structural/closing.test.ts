import { describe, expect, it } from 'vitest';
import type { ObservationNotice, ObservationView, QuarterlyReport, YearlySummary } from '../../domain/structural/observations.js';
import { createHarness, makeRegion, makeSite, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { municipalityOfRegion, observationBody } from './test-support.js';

/** A site's worker and colleague, two managers, the region's coordinator and administrator; `at` moves the clock. */
async function world() {
  const h = await createHarness({ structuralAnswerWorkingDays: 5 });
  const region = await makeRegion(h);
  const site = await makeSite(h, region.id);
  const municipality = await municipalityOfRegion(h.deps, region.id);
  const other = String((Number(municipality) + 50) % 100).padStart(3, '0');
  await h.db.withRawSession((s) => s.query(`insert into municipalities values ('${other}', '${region.id}', 'Toinen', 'Annan', 'Other', true, now(), now())`));
  const pro = [{ role: 'professional' as const, siteId: site.id }];
  const users = {
    worker: await makeUser(h, region.id, pro, 'social_worker'),
    colleague: await makeUser(h, region.id, pro, 'social_instructor'),
    // The site's own manager, and a manager of the region assigned nowhere in particular.
    siteManager: await makeUser(h, region.id, [{ role: 'manager', siteId: site.id }]),
    municipalManager: await makeUser(h, region.id, [{ role: 'manager', siteId: null }]),
    coordinator: await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]),
    admin: await makeUser(h, region.id, [{ role: 'administrator', siteId: null }]),
  };
  const signAll = async () => Object.fromEntries(await Promise.all(Object.entries(users).map(async ([k, u]) => [k, await signIn(h, u)] as const))) as Record<keyof typeof users, Awaited<ReturnType<typeof signIn>>>;
  const w = { h, region, site, municipality, other, users, ...(await signAll()) };
  const at = async (instant: string) => {
    h.clock.set(new Date(instant));
    Object.assign(w, await signAll());
  };
  return Object.assign(w, { at });
}

describe(`answers by municipality, closed reports, notices and the yearly summary on ${testEngine}`, () => {
  it('lets only a manager linked to the observation\'s municipality answer, whatever site their role is at', async () => {
    const w = await world();
    await w.at('2026-02-02T08:00:00Z');
    const o = (await w.worker.request('POST', '/api/structural/observations', observationBody(w.site.id, w.municipality, { submit: true }))).json<ObservationView>();
    const answer = { outcome: 'accepted', text: 'Otetaan käsittelyyn.' };
    // Nobody is linked yet: the site's own manager does not answer.
    expect((await w.siteManager.request('POST', `/api/structural/observations/${o.id}/answer`, answer)).statusCode).toBe(403);
    expect((await w.siteManager.request('GET', `/api/structural/observations/${o.id}`)).json<ObservationView>().can.answer).toBe(false);

    // The administrator links the region's manager to the municipality; only users holding the manager role can be linked.
    expect((await w.admin.request('PUT', `/api/municipalities/${w.municipality}/managers`, { userIds: [w.users.worker.id] })).statusCode).toBe(400);
    expect((await w.coordinator.request('PUT', `/api/municipalities/${w.municipality}/managers`, { userIds: [w.users.municipalManager.id] })).statusCode).toBe(403);
    const linked = await w.admin.request('PUT', `/api/municipalities/${w.municipality}/managers`, { userIds: [w.users.municipalManager.id] });
    expect(linked.json()).toMatchObject({ municipalityCode: w.municipality, managers: [{ id: w.users.municipalManager.id }] });
    expect((await w.admin.request('GET', `/api/municipalities/${w.municipality}/managers`)).json()).toMatchObject({ managers: [{ id: w.users.municipalManager.id }] });

    expect((await w.siteManager.request('POST', `/api/structural/observations/${o.id}/answer`, answer)).statusCode).toBe(403);
    const listed = (await w.municipalManager.request('GET', '/api/structural/observations')).json<{ observations: ObservationView[] }>().observations;
    expect(listed.map((x) => [x.id, x.can.answer])).toEqual([[o.id, true]]);
    // The link is to this municipality only: another municipality's observation is not theirs to answer.
    const elsewhere = (await w.worker.request('POST', '/api/structural/observations', observationBody(w.site.id, w.other, { submit: true }))).json<ObservationView>();
    expect((await w.municipalManager.request('POST', `/api/structural/observations/${elsewhere.id}/answer`, answer)).statusCode).toBe(403);
    expect((await w.municipalManager.request('POST', `/api/structural/observations/${o.id}/answer`, answer)).json()).toMatchObject({ status: 'accepted' });
  });

  it('closes a delivered quarterly report, and tells the reporter and co-signers of every status change on their home', async () => {
    const w = await world();
    await w.admin.request('PUT', `/api/municipalities/${w.municipality}/managers`, { userIds: [w.users.municipalManager.id] });
    await w.at('2026-02-02T08:00:00Z');
    const inQ1 = (await w.worker.request('POST', '/api/structural/observations', observationBody(w.site.id, w.municipality, { submit: true }))).json<ObservationView>();
    await w.colleague.request('POST', `/api/structural/observations/${inQ1.id}/cosign`);
    const noticesOf = async (who: 'worker' | 'colleague') => (await w[who].request('GET', '/api/structural/notices')).json<{ notices: ObservationNotice[] }>().notices;
    // Their own acts are no news to them.
    expect(await noticesOf('worker')).toEqual([]);

    await w.at('2026-04-01T07:00:00Z');
    const ref = { municipalityCode: w.municipality, year: 2026, quarter: 1 };
    expect((await w.coordinator.request('POST', '/api/structural/quarterly/deliver', ref)).statusCode).toBe(404); // not compiled yet
    await w.coordinator.request('POST', '/api/structural/quarterly/compile', ref);
    const delivered = await w.coordinator.request('POST', '/api/structural/quarterly/deliver', ref);
    expect(delivered.json<QuarterlyReport>()).toMatchObject({ deliveredAt: '2026-04-01T07:00:00.000Z', observations: [{ id: inQ1.id, status: 'in_quarterly_report', can: { cosign: false } }] });
    expect((await w.coordinator.request('POST', '/api/structural/quarterly/deliver', ref)).statusCode).toBe(409);
    // Closed: not compiled again, and nobody supports its observations any more; the answer still comes back.
    expect((await w.coordinator.request('POST', '/api/structural/quarterly/compile', ref)).statusCode).toBe(409);
    const late = await signIn(w.h, await makeUser(w.h, w.region.id, [{ role: 'professional', siteId: w.site.id }], 'social_worker'));
    expect((await late.request('POST', `/api/structural/observations/${inQ1.id}/cosign`)).statusCode).toBe(409);
    await w.coordinator.request('POST', '/api/structural/quarterly/present', { ...ref, presentedOn: '2026-04-15' });
    await w.at('2026-04-20T07:00:00Z');
    expect((await w.municipalManager.request('POST', `/api/structural/observations/${inQ1.id}/answer`, { outcome: 'in_progress', text: 'Selvitetään.' })).statusCode).toBe(200);

    for (const who of ['worker', 'colleague'] as const) {
      const notices = await noticesOf(who);
      expect(notices.map((n) => [n.observationId, n.status, n.seen])).toEqual([
        [inQ1.id, 'in_progress', false],
        [inQ1.id, 'presented', false],
        [inQ1.id, 'in_quarterly_report', false],
      ]);
    }
    const ids = (await noticesOf('worker')).map((n) => n.id);
    // Someone else's notices are not marked by the colleague; the worker marks their own.
    expect((await w.colleague.request('POST', '/api/structural/notices/seen', { ids })).json()).toEqual({ seen: 0 });
    expect((await w.worker.request('POST', '/api/structural/notices/seen', { ids })).json()).toEqual({ seen: 3 });
    expect((await noticesOf('worker')).every((n) => n.seen)).toBe(true);
    expect((await noticesOf('colleague')).some((n) => n.seen)).toBe(false);
  });

  it('sums up exactly the municipality\'s calendar year for the wellbeing report', async () => {
    const w = await world();
    const file = async (instant: string, extra: Record<string, unknown> = {}) => {
      await w.at(instant);
      return (await w.worker.request('POST', '/api/structural/observations', observationBody(w.site.id, w.municipality, { submit: true, ...extra }))).json<ObservationView>().id;
    };
    // 1.1.2026 00:30 in Helsinki is 31.12.2025 22:30 UTC: in 2026. 31.12.2026 23:30 Helsinki is 21:30 UTC: in 2026 too.
    await file('2025-12-31T21:30:00Z'); // 31.12.2025 23:30 Helsinki: 2025
    const first = await file('2025-12-31T22:30:00Z', { affectedEstimate: 3 });
    const second = await file('2026-05-10T10:00:00Z', { category: 'loneliness', affectedEstimate: null });
    const third = await file('2026-12-31T21:30:00Z', { affectedEstimate: 7 });
    await file('2026-12-31T22:30:00Z'); // 1.1.2027 Helsinki
    await file('2026-06-01T10:00:00Z', { municipalityCode: w.other });
    await w.at('2027-01-05T08:00:00Z');
    await w.coordinator.request('POST', '/api/structural/quarterly/compile', { municipalityCode: w.municipality, year: 2026, quarter: 1 });

    const summary = (await w.coordinator.request('GET', `/api/structural/yearly?municipalityCode=${w.municipality}&year=2026`)).json<YearlySummary>();
    expect(summary.observations.map((o) => o.id)).toEqual([first, second, third]);
    expect(summary.byCategory).toEqual([
      { category: 'housing', count: 2, affectedEstimate: 10 },
      { category: 'loneliness', count: 1, affectedEstimate: 0 },
    ]);
    expect(summary.byStatus).toEqual([{ status: 'submitted', count: 2 }, { status: 'in_quarterly_report', count: 1 }]);
    expect(summary.byQuarter.map((q) => [q.quarter, q.count, q.compiledAt])).toEqual([[1, 1, '2027-01-05T08:00:00.000Z'], [2, 1, null], [3, 0, null], [4, 1, null]]);
    expect((await w.worker.request('GET', `/api/structural/yearly?municipalityCode=${w.municipality}&year=2026`)).statusCode).toBe(403);
    const audit = await w.h.db.withRawSession((s) => s.query<{ resource_id: string }>("select resource_id from audit_log where action = 'structural_report.read'"));
    expect(audit.map((a) => a.resource_id)).toEqual([`${w.municipality}:2026`]);
  });
});
