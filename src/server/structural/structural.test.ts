import { describe, expect, it } from 'vitest';
import type { ObservationDetail, ObservationView, QuarterlyReport } from '../../domain/structural/observations.js';
import { createHarness, makeRegion, makeSite, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { linkManager, municipalityOfRegion, observationBody } from './test-support.js';

/**
 * One site's staff and the region's coordinator. Sessions expire when the injected clock jumps months, so
 * `at(instant)` moves the clock and signs everyone in afresh.
 */
async function world() {
  const h = await createHarness({ structuralAnswerWorkingDays: 5 });
  const region = await makeRegion(h);
  const [site, otherSite] = [await makeSite(h, region.id), await makeSite(h, region.id)];
  const municipality = await municipalityOfRegion(h.deps, region.id);
  const pro = (siteId: string) => [{ role: 'professional' as const, siteId }];
  const users = {
    worker: await makeUser(h, region.id, pro(site.id), 'social_worker'),
    colleague: await makeUser(h, region.id, pro(site.id), 'social_instructor'),
    elsewhere: await makeUser(h, region.id, pro(otherSite.id), 'social_worker'),
    manager: await makeUser(h, region.id, [{ role: 'manager', siteId: site.id }]),
    coordinator: await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]),
  };
  // Managers answer by municipality: this one is the municipality's (its role at the site gives no answering).
  await linkManager(h.deps, { userId: users.manager.id, municipalityCode: municipality, regionId: region.id });
  const signAll = async () => ({
    worker: await signIn(h, users.worker),
    colleague: await signIn(h, users.colleague),
    elsewhere: await signIn(h, users.elsewhere),
    manager: await signIn(h, users.manager),
    coordinator: await signIn(h, users.coordinator),
  });
  const w = { h, region, site, otherSite, municipality, ...(await signAll()) };
  const at = async (instant: string) => {
    h.clock.set(new Date(instant));
    Object.assign(w, await signAll());
  };
  return Object.assign(w, { at });
}

describe(`structural social work observations on ${testEngine}`, () => {
  it('are drafted, submitted with an answer due in working days over the Easter holidays, co-signed, answered and seen by reporter and co-signer', async () => {
    const w = await world();
    // Maundy Thursday 2026-04-02: Good Friday (3.4.) and Easter Monday (6.4.) are holidays.
    await w.at('2026-04-02T08:00:00Z');
    const created = await w.worker.request('POST', '/api/structural/observations', observationBody(w.site.id, w.municipality));
    expect(created.statusCode).toBe(201);
    const draft = created.json<ObservationView>();
    expect(draft).toMatchObject({ status: 'draft', submittedDay: null, answerDueDay: null, can: { update: true, cosign: false } });

    // A draft is the author's own: a colleague does not find it, in a read or in the list.
    expect((await w.colleague.request('GET', `/api/structural/observations/${draft.id}`)).statusCode).toBe(404);
    expect((await w.colleague.request('GET', '/api/structural/observations')).json<{ observations: unknown[] }>().observations).toEqual([]);

    expect((await w.worker.request('PATCH', `/api/structural/observations/${draft.id}`, { affectedEstimate: 15 })).json()).toMatchObject({ affectedEstimate: 15 });
    const submitted = (await w.worker.request('POST', `/api/structural/observations/${draft.id}/submit`)).json<ObservationView>();
    // 5 working days from Thu 2.4.: Tue 7.4., Wed 8.4., Thu 9.4., Fri 10.4., Mon 13.4.
    expect(submitted).toMatchObject({ status: 'submitted', submittedDay: '2026-04-02', answerDueDay: '2026-04-13', isOverdue: false, can: { update: false } });
    expect((await w.worker.request('PATCH', `/api/structural/observations/${draft.id}`, { affectedEstimate: 1 })).statusCode).toBe(409);

    // A colleague at the same site co-signs (once); a worker of another site does not see it.
    expect((await w.elsewhere.request('GET', `/api/structural/observations/${draft.id}`)).statusCode).toBe(403);
    expect((await w.colleague.request('POST', `/api/structural/observations/${draft.id}/cosign`)).json()).toMatchObject({ cosigners: [{ id: w.colleague.session.user.id }], can: { cosign: false } });
    expect((await w.colleague.request('POST', `/api/structural/observations/${draft.id}/cosign`)).json<ObservationView>().cosigners).toHaveLength(1);
    expect((await w.worker.request('POST', `/api/structural/observations/${draft.id}/cosign`)).statusCode).toBe(409);

    // Overdue the day after the due day, not on it.
    await w.at('2026-04-13T12:00:00Z');
    expect((await w.worker.request('GET', '/api/structural/observations?mine=true')).json<{ observations: ObservationView[] }>().observations[0]!.isOverdue).toBe(false);
    await w.at('2026-04-14T06:00:00Z');
    const overdue = (await w.colleague.request('GET', '/api/structural/observations?mine=true')).json<{ observations: ObservationView[] }>().observations;
    expect(overdue.map((o) => [o.id, o.isOverdue])).toEqual([[draft.id, true]]);

    expect((await w.colleague.request('POST', `/api/structural/observations/${draft.id}/answer`, { outcome: 'accepted', text: 'x' })).statusCode).toBe(403);
    const answered = await w.manager.request('POST', `/api/structural/observations/${draft.id}/answer`, { outcome: 'in_progress', text: 'Vuokrataloyhtiö valmistelee kiintiötä.' });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'in_progress', isOverdue: false, answer: { text: 'Vuokrataloyhtiö valmistelee kiintiötä.', by: { id: w.manager.session.user.id } } });
    expect((await w.manager.request('POST', `/api/structural/observations/${draft.id}/answer`, { outcome: 'done', text: 'Kiintiö päätetty.' })).json()).toMatchObject({ status: 'done' });
    expect((await w.manager.request('POST', `/api/structural/observations/${draft.id}/answer`, { outcome: 'rejected', text: 'x' })).statusCode).toBe(409);

    for (const reader of [w.worker, w.colleague]) {
      const mine = (await reader.request('GET', '/api/structural/observations?mine=true')).json<{ observations: ObservationView[] }>().observations;
      expect(mine.map((o) => [o.status, o.answer?.text])).toEqual([['done', 'Kiintiö päätetty.']]);
    }
    const detail = (await w.worker.request('GET', `/api/structural/observations/${draft.id}`)).json<ObservationDetail>();
    expect(detail.timeline.map((e) => `${e.kind}:${e.status}`)).toEqual(['created:draft', 'submitted:submitted', 'cosigned:submitted', 'answered:in_progress', 'answered:done']);

    const audit = await w.h.db.withRawSession((s) => s.query<{ action: string }>("select action from audit_log where resource_type = 'structural_observation' and resource_id is not null order by id"));
    expect(audit.map((a) => a.action)).toEqual(['observation.created', 'observation.updated', 'observation.submitted', 'observation.cosigned', 'observation.answered', 'observation.answered', 'observation.read']);
  });

  it('refuses what looks like a personal identity code in any text, and a municipality of another region', async () => {
    const w = await world();
    const other = await makeRegion(w.h);
    const foreign = await municipalityOfRegion(w.h.deps, other.id);
    for (const field of ['description', 'affectedGroup', 'proposedAction']) {
      const refused = await w.worker.request('POST', '/api/structural/observations', observationBody(w.site.id, w.municipality, { [field]: 'Esim. asiakas 010190-123A kertoi' }));
      expect(refused.statusCode, field).toBe(400);
    }
    expect((await w.worker.request('POST', '/api/structural/observations', observationBody(w.site.id, foreign))).statusCode).toBe(400);
    expect((await w.worker.request('POST', '/api/structural/observations', observationBody(w.site.id, w.municipality, { category: 'other' }))).statusCode).toBe(400);
    expect((await w.worker.request('POST', '/api/structural/observations', observationBody(w.site.id, w.municipality, { category: 'other', categoryOther: 'Liikenne' }))).statusCode).toBe(201);
    const [count] = await w.h.db.withRawSession((s) => s.query<{ n: number }>('select count(*)::int as n from structural_observations'));
    expect(count!.n).toBe(1);
  });

  it('compiles exactly the quarter\'s submitted observations of the municipality into its quarterly report', async () => {
    const w = await world();
    const otherMunicipality = String((Number(w.municipality) + 50) % 100).padStart(3, '0');
    await w.h.db.withRawSession((s) => s.query(`insert into municipalities values ('${otherMunicipality}', '${w.region.id}', 'Toinen', 'Annan', 'Other', true, now(), now())`));
    const file = async (instant: string, extra: Record<string, unknown> = {}, submit = true) => {
      await w.at(instant);
      return (await w.worker.request('POST', '/api/structural/observations', observationBody(w.site.id, w.municipality, { submit, ...extra }))).json<ObservationView>().id;
    };
    // 31.12.2025 23:30 in Helsinki is 21:30 UTC: Q4. 1.1.2026 00:30 Helsinki is 31.12. 22:30 UTC: Q1.
    const lastOfQ4 = await file('2025-12-31T21:30:00Z');
    const firstOfQ1 = await file('2025-12-31T22:30:00Z');
    const midQ1 = await file('2026-02-15T10:00:00Z');
    const lastOfQ1 = await file('2026-03-31T20:59:00Z');
    const firstOfQ2 = await file('2026-03-31T21:01:00Z');
    await file('2026-02-16T10:00:00Z', {}, false); // a draft: never in a report
    await file('2026-02-17T10:00:00Z', { municipalityCode: otherMunicipality }); // another municipality
    await w.at('2026-04-02T09:00:00Z');
    const elsewhere = (await w.elsewhere.request('POST', '/api/structural/observations', observationBody(w.otherSite.id, w.municipality, { submit: true }))).json<ObservationView>().id;
    // Submitted in Q2: not in Q1's report.
    void firstOfQ2;
    void elsewhere;

    const query = `/api/structural/quarterly?municipalityCode=${w.municipality}&year=2026&quarter=1`;
    const before = (await w.coordinator.request('GET', query)).json<QuarterlyReport>();
    expect(before).toMatchObject({ first: '2026-01-01', last: '2026-03-31', compiledAt: null });
    expect(before.observations.map((o) => o.id)).toEqual([firstOfQ1, midQ1, lastOfQ1]);

    const compiled = await w.coordinator.request('POST', '/api/structural/quarterly/compile', { municipalityCode: w.municipality, year: 2026, quarter: 1 });
    expect(compiled.statusCode).toBe(200);
    const report = compiled.json<QuarterlyReport>();
    expect(report.compiledAt).toBe('2026-04-02T09:00:00.000Z');
    expect(report.observations.map((o) => [o.id, o.status])).toEqual([[firstOfQ1, 'in_quarterly_report'], [midQ1, 'in_quarterly_report'], [lastOfQ1, 'in_quarterly_report']]);
    const q4 = (await w.coordinator.request('GET', `/api/structural/quarterly?municipalityCode=${w.municipality}&year=2025&quarter=4`)).json<QuarterlyReport>();
    expect(q4.observations.map((o) => [o.id, o.status])).toEqual([[lastOfQ4, 'submitted']]);

    const presented = (await w.coordinator.request('POST', '/api/structural/quarterly/present', { municipalityCode: w.municipality, year: 2026, quarter: 1, presentedOn: '2026-04-20' })).json<QuarterlyReport>();
    expect(presented.presentedOn).toBe('2026-04-20');
    expect(new Set(presented.observations.map((o) => o.status))).toEqual(new Set(['presented']));
    // The site's manager reads the report of their site's observations; a worker does not read reports.
    expect((await w.manager.request('GET', query)).json<QuarterlyReport>().observations).toHaveLength(3);
    expect((await w.worker.request('GET', query)).statusCode).toBe(403);
    expect((await w.coordinator.request('POST', '/api/structural/quarterly/present', { municipalityCode: w.municipality, year: 2026, quarter: 2, presentedOn: '2026-07-01' })).statusCode).toBe(404);
  });
});
