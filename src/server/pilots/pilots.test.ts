import { describe, expect, it } from 'vitest';
import type { PilotDetail, PilotSummary } from '../../domain/pilots.js';
import { loadActor } from '../auth/actor-repo.js';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { DEMO_PILOT_NAME, seedPilot } from '../demo/history-pilot.js';
import { historyWindow } from '../demo/seed-history.js';
import { pilotScope, pilotSection } from './report-scope.js';

async function setUp(h: Harness) {
  const region = await makeRegion(h);
  const siteA = await makeSite(h, region.id, 'Päiväkeskus A');
  const siteB = await makeSite(h, region.id, 'Kelan palvelupiste B');
  const coordinatorUser = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
  const nurseUser = await makeUser(h, region.id, [{ role: 'professional', siteId: siteA.id }], 'nurse');
  const socialWorkerUser = await makeUser(h, region.id, [{ role: 'professional', siteId: siteA.id }], 'social_worker');
  const staffB = await makeUser(h, region.id, [{ role: 'daycentre_staff', siteId: siteB.id }]);
  const services = (await signIn(h, nurseUser)).request('GET', '/api/services');
  return {
    region, siteA, siteB, coordinatorUser, nurseUser, socialWorkerUser,
    coordinator: await signIn(h, coordinatorUser),
    secondCoordinator: await signIn(h, await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }])),
    nurse: await signIn(h, nurseUser),
    staffB: await signIn(h, staffB),
    auditor: await signIn(h, await makeUser(h, region.id, [{ role: 'auditor', siteId: null }])),
    serviceIds: (await services).json<{ services: { id: string; code: string }[] }>().services.map((s) => s.id),
  };
}

const start = { targetGroup: 'Päiväkeskuksen kävijät, joilla on sekä terveyden että toimeentulon huolia', problem: 'Asiakkaat eivät ohjaudu palveluihin', description: 'Yhteisvastaanotto tiistaisin', resources: '3 h viikossa kahdelta', expectationsPositive: 'Nopea palveluohjaus', expectationsNegative: 'Vähän kävijöitä', evaluationMethod: 'Kontaktit tunnissa' };
const midpoint = { targetGroupReached: 'Osittain', reachedInstead: 'Päiväkeskuksen vakiokävijät', overallEvaluation: 'Lupaava', otherNeeds: 'Kannettava tietokone', successes: 'Yhteiset ohjaukset', failures: 'Hiljaiset aamut', changes: 'Aika iltapäivään' };

describe(`pilots on ${testEngine}`, () => {
  it('creates a pilot and lists it to the readers of its sites only; another region gets 404', async () => {
    const h = await createHarness();
    const s = await setUp(h);
    const body = { name: 'Yhteisvastaanotto', description: 'Sairaanhoitaja ja sosiaalityöntekijä yhdessä', goals: 'Palveluohjaus samalla käynnillä', siteIds: [s.siteA.id], startsOn: '2026-01-05', endsOn: '2026-04-30', serviceIds: s.serviceIds.slice(0, 2), professionalIds: [s.nurseUser.id, s.socialWorkerUser.id] };
    const created = await s.coordinator.request('POST', '/api/pilots', body);
    expect(created.statusCode, created.body).toBe(201);
    const pilot = created.json<PilotDetail>();
    expect(pilot).toMatchObject({ name: 'Yhteisvastaanotto', goals: body.goals, sites: [{ id: s.siteA.id, name: 'Päiväkeskus A' }], startsOn: '2026-01-05', endsOn: '2026-04-30', conclusions: '', phases: [], latestPhase: null, decision: null });
    expect(pilot.services.map((x) => x.id).sort()).toEqual([...body.serviceIds].sort());
    expect(pilot.professionals.map((p) => p.id).sort()).toEqual([s.nurseUser.id, s.socialWorkerUser.id].sort());
    const atB = (await s.coordinator.request('POST', '/api/pilots', { ...body, name: 'Kela-jalkautuminen', siteIds: [s.siteB.id], professionalIds: [] })).json<PilotDetail>();

    const names = async (client: typeof s.nurse) => (await client.request('GET', '/api/pilots')).json<{ pilots: PilotSummary[] }>().pilots.map((p) => p.name);
    expect(await names(s.coordinator)).toEqual(['Kela-jalkautuminen', 'Yhteisvastaanotto'].sort());
    expect(await names(s.nurse)).toEqual(['Yhteisvastaanotto']);
    expect(await names(s.staffB)).toEqual(['Kela-jalkautuminen']);
    expect((await s.auditor.request('GET', '/api/pilots')).statusCode).toBe(403);
    expect((await s.nurse.request('GET', `/api/pilots/${atB.id}`)).statusCode).toBe(403);
    expect((await s.nurse.request('GET', `/api/pilots/${pilot.id}`)).statusCode).toBe(200);
    expect((await s.nurse.request('POST', '/api/pilots', body)).statusCode).toBe(403);
    expect((await s.nurse.request('PATCH', `/api/pilots/${pilot.id}`, { conclusions: 'x' })).statusCode).toBe(403);

    const other = await makeRegion(h);
    const foreign = await signIn(h, await makeUser(h, other.id, [{ role: 'coordinator', siteId: null }]));
    expect((await foreign.request('GET', `/api/pilots/${pilot.id}`)).statusCode).toBe(404);
    expect((await foreign.request('PATCH', `/api/pilots/${pilot.id}`, { conclusions: 'x' })).statusCode).toBe(404);
    expect((await foreign.request('GET', '/api/pilots')).json().pilots).toEqual([]);
    // Members must be the region's; the period must run forwards.
    const foreignSite = await makeSite(h, other.id);
    expect((await s.coordinator.request('POST', '/api/pilots', { ...body, siteIds: [foreignSite.id] })).json().error.details).toEqual({ field: 'siteIds' });
    expect((await s.coordinator.request('PATCH', `/api/pilots/${pilot.id}`, { endsOn: '2025-12-31' })).statusCode).toBe(400);
    expect((await s.coordinator.request('POST', '/api/pilots', { ...body, siteIds: [] })).statusCode).toBe(400);
    expect((await s.coordinator.request('GET', `/api/pilots/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it('dates a phase: the start may be planned before the pilot begins; a midpoint or end not, nor any phase in the future', async () => {
    const h = await createHarness();
    const s = await setUp(h);
    const pilot = (await s.coordinator.request('POST', '/api/pilots', { name: 'Jälkikäteen kirjattu', siteIds: [s.siteA.id], startsOn: '2026-01-05', endsOn: '2026-04-30' })).json<PilotDetail>();
    const phases = `/api/pilots/${pilot.id}/phases`;
    expect((await s.coordinator.request('POST', phases, { kind: 'start', heldOn: '2025-12-20', fields: start })).statusCode).toBe(201);
    const early = await s.coordinator.request('POST', phases, { kind: 'midpoint', heldOn: '2026-01-04', fields: midpoint });
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toEqual({ code: 'bad_request', message: 'A midpoint or end evaluation cannot be dated before the pilot starts (2026-01-05).', details: { field: 'heldOn' } });
    const future = await s.coordinator.request('POST', phases, { kind: 'midpoint', heldOn: '2026-01-16', fields: midpoint });
    expect(future.json().error).toMatchObject({ code: 'bad_request', details: { field: 'heldOn' } });
    expect((await s.coordinator.request('POST', phases, { kind: 'midpoint', heldOn: '2026-01-05', fields: midpoint })).statusCode).toBe(201);
    expect((await s.coordinator.request('POST', phases, { kind: 'end', heldOn: '2026-01-01', fields: { ...midpoint, decision: 'stop' } })).statusCode).toBe(400);
    // Without a day the phase is dated today (the harness clock: 15 January).
    expect((await s.coordinator.request('POST', phases, { kind: 'end', fields: { ...midpoint, decision: 'stop' } })).statusCode).toBe(201);
    const detail = (await s.coordinator.request('GET', `/api/pilots/${pilot.id}`)).json<PilotDetail>();
    expect(detail.phases.map((p) => [p.kind, p.heldOn])).toEqual([['start', '2025-12-20'], ['midpoint', '2026-01-05'], ['end', '2026-01-15']]);
  });

  it('saves phases as revisions with their authors, in order, and keeps the conclusions; every change is audited', async () => {
    const h = await createHarness();
    const s = await setUp(h);
    const pilot = (await s.coordinator.request('POST', '/api/pilots', { name: 'Yhteisvastaanotto', siteIds: [s.siteA.id, s.siteB.id], startsOn: '2026-01-05', endsOn: '2026-04-30' })).json<PilotDetail>();
    const phases = `/api/pilots/${pilot.id}/phases`;
    expect((await s.coordinator.request('POST', phases, { kind: 'midpoint', fields: midpoint })).statusCode).toBe(409);
    expect((await s.coordinator.request('POST', phases, { kind: 'start', fields: {} })).statusCode).toBe(400);
    expect((await s.nurse.request('POST', phases, { kind: 'start', fields: start })).statusCode).toBe(403);
    expect((await s.coordinator.request('POST', phases, { kind: 'start', fields: start })).statusCode).toBe(201);
    h.clock.advance(3_600_000);
    const corrected = await s.secondCoordinator.request('POST', phases, { kind: 'start', fields: { ...start, resources: '4 h viikossa' } });
    expect(corrected.statusCode, corrected.body).toBe(201);
    const afterStart = corrected.json<PilotDetail>();
    expect(afterStart.phases).toHaveLength(1);
    expect(afterStart.phases[0]).toMatchObject({ kind: 'start', number: 1, revision: 2, authorId: s.secondCoordinator.session.user.id, authorName: s.secondCoordinator.session.user.displayName, savedAt: '2026-01-15T10:00:00.000Z' });
    expect(afterStart.phases[0]!.fields.resources).toBe('4 h viikossa');
    expect(afterStart.phases[0]!.revisions.map((r) => [r.revision, r.authorName])).toEqual([[1, s.coordinator.session.user.displayName], [2, s.secondCoordinator.session.user.displayName]]);

    expect((await s.coordinator.request('POST', phases, { kind: 'midpoint', fields: midpoint })).statusCode).toBe(201);
    expect((await s.coordinator.request('POST', phases, { kind: 'midpoint', fields: { ...midpoint, successes: 'Toinen väliarvio' } })).statusCode).toBe(201);
    expect((await s.coordinator.request('POST', phases, { kind: 'midpoint', number: 1, fields: { ...midpoint, failures: 'Korjattu' } })).statusCode).toBe(201);
    expect((await s.coordinator.request('POST', phases, { kind: 'midpoint', number: 7, fields: midpoint })).statusCode).toBe(400);
    expect((await s.coordinator.request('POST', phases, { kind: 'end', fields: { ...midpoint, future: 'Jatkuu', learned: 'Paljon' } })).statusCode).toBe(400);
    const ended = await s.coordinator.request('POST', phases, { kind: 'end', fields: { ...midpoint, future: 'Vakiinnutetaan', learned: 'Yhteinen vastaanotto madaltaa kynnystä', decision: 'change' } });
    expect(ended.statusCode, ended.body).toBe(201);
    expect((await s.coordinator.request('POST', phases, { kind: 'midpoint', fields: midpoint })).statusCode).toBe(409);
    const detail = ended.json<PilotDetail>();
    expect(detail.phases.map((p) => [p.kind, p.number, p.revision])).toEqual([['start', 1, 2], ['midpoint', 1, 2], ['midpoint', 2, 1], ['end', 1, 1]]);
    expect(detail.phases[1]!.fields.failures).toBe('Korjattu');
    expect(detail).toMatchObject({ latestPhase: { kind: 'end', number: 1 }, decision: 'change' });
    expect((await s.nurse.request('GET', '/api/pilots')).json<{ pilots: PilotSummary[] }>().pilots[0]).toMatchObject({ latestPhase: { kind: 'end', number: 1 }, decision: 'change' });

    const patched = await s.coordinator.request('PATCH', `/api/pilots/${pilot.id}`, { conclusions: 'Jatketaan iltapäivisin.', siteIds: [s.siteA.id] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<PilotDetail>()).toMatchObject({ conclusions: 'Jatketaan iltapäivisin.', sites: [{ id: s.siteA.id }] });

    const audit = await h.db.withRawSession((x) => x.query<{ action: string; actor_id: string; details: Record<string, unknown> }>('select action, actor_id, details from audit_log where resource_id = $1 order by id', [pilot.id]));
    expect(audit.map((a) => a.action)).toEqual(['pilot.created', 'pilot.phase_saved', 'pilot.phase_saved', 'pilot.phase_saved', 'pilot.phase_saved', 'pilot.phase_saved', 'pilot.phase_saved', 'pilot.updated']);
    expect(audit[2]).toMatchObject({ actor_id: s.secondCoordinator.session.user.id, details: { kind: 'start', number: 1, revision: 2 } });
    expect(audit.at(-1)!.details).toEqual({ fields: ['conclusions', 'siteIds'] });
    // Earlier revisions stay, and the database refuses to change them.
    const stored = await h.db.withRawSession((x) => x.query<{ n: number }>('select count(*)::int as n from pilot_phase_entries where pilot_id = $1', [pilot.id]));
    expect(stored[0]!.n).toBe(6);
    await expect(h.db.withRawSession((x) => x.exec(`update pilot_phase_entries set fields = '{}' where pilot_id = '${pilot.id}'`))).rejects.toThrow(/append-only/);
  });

  it('narrows a report to the pilot (the reader’s sites of it) and gives its pilot section', async () => {
    const h = await createHarness();
    const s = await setUp(h);
    const pilot = (await s.coordinator.request('POST', '/api/pilots', { name: 'Yhteisvastaanotto', siteIds: [s.siteA.id, s.siteB.id], startsOn: '2026-01-05', endsOn: '2026-04-30' })).json<PilotDetail>();
    const phases = `/api/pilots/${pilot.id}/phases`;
    await s.coordinator.request('POST', phases, { kind: 'start', fields: { targetGroup: 'Kävijät', problem: 'Ohjautuminen' } });
    await s.coordinator.request('POST', phases, { kind: 'midpoint', fields: { successes: 'Eka' } });
    await s.coordinator.request('POST', phases, { kind: 'midpoint', fields: { successes: 'Toka' } });
    await s.coordinator.request('POST', phases, { kind: 'midpoint', number: 2, fields: { successes: 'Toka korjattu', failures: 'Ei' } });
    await s.coordinator.request('POST', phases, { kind: 'end', fields: { learned: 'Paljon', decision: 'continue' } });
    await s.coordinator.request('PATCH', `/api/pilots/${pilot.id}`, { conclusions: 'Kannattaa jatkaa.' });

    const actor = async (id: string) => (await loadActor(h.db.orm, id))!;
    const coordinator = await actor(s.coordinatorUser.id);
    const nurse = await actor(s.nurseUser.id);
    expect(await pilotScope(h.deps, coordinator, pilot.id)).toEqual({ siteIds: [s.siteA.id, s.siteB.id].sort(), from: '2026-01-05', to: '2026-04-30' });
    expect(await pilotScope(h.deps, nurse, pilot.id)).toEqual({ siteIds: [s.siteA.id], from: '2026-01-05', to: '2026-04-30' });
    expect(await pilotScope(h.deps, await actor(s.auditor.session.user.id), pilot.id)).toBeNull();
    expect(await pilotScope(h.deps, coordinator, crypto.randomUUID())).toBeNull();
    const other = await makeRegion(h);
    const foreign = await actor((await makeUser(h, other.id, [{ role: 'coordinator', siteId: null }])).id);
    expect(await pilotScope(h.deps, foreign, pilot.id)).toBeNull();

    const section = await pilotSection(h.deps, nurse, pilot.id);
    expect(section).toEqual({
      key: 'pilot',
      tables: [],
      texts: [
        { key: 'start.targetGroup', text: 'Kävijät' },
        { key: 'start.problem', text: 'Ohjautuminen' },
        { key: 'midpoint.1.successes', text: 'Eka' },
        { key: 'midpoint.2.successes', text: 'Toka korjattu' },
        { key: 'midpoint.2.failures', text: 'Ei' },
        { key: 'end.learned', text: 'Paljon' },
        { key: 'end.decision', text: 'continue' },
        { key: 'conclusions', text: 'Kannattaa jatkaa.' },
      ],
    });
    await expect(pilotSection(h.deps, foreign, pilot.id)).rejects.toMatchObject({ status: 404 });
  });

  it('seeds the demo pilot over the history window: start phase and one midpoint, by the coordinator, through the commands', async () => {
    const h = await createHarness();
    const s = await setUp(h);
    const actor = async (id: string) => (await loadActor(h.db.orm, id))!;
    const actors = { coordinator: await actor(s.coordinatorUser.id), nurse: await actor(s.nurseUser.id), socialWorker: await actor(s.socialWorkerUser.id), staff: await actor(s.staffB.session.user.id) };
    const services = (await s.nurse.request('GET', '/api/services')).json<{ services: { id: string; code: string }[] }>().services;
    const window = historyWindow(h.clock.now());
    const pilotId = await seedPilot(h.deps, window, s.siteA.id, actors, new Map(services.map((x) => [x.code, x.id])));
    const detail = (await s.nurse.request('GET', `/api/pilots/${pilotId}`)).json<PilotDetail>();
    expect(detail).toMatchObject({ name: DEMO_PILOT_NAME, startsOn: window.start, endsOn: '2026-02-14', sites: [{ id: s.siteA.id }], latestPhase: { kind: 'midpoint', number: 1 }, decision: null });
    expect(detail.services.map((x) => x.code)).toEqual(['health_station', 'social_guidance', 'substance_services', 'kela']);
    expect(detail.professionals.map((p) => p.id).sort()).toEqual([s.nurseUser.id, s.socialWorkerUser.id].sort());
    expect(detail.phases.map((p) => [p.kind, p.authorId])).toEqual([['start', s.coordinatorUser.id], ['midpoint', s.coordinatorUser.id]]);
    expect(Object.values(detail.phases[0]!.fields).every((text) => text.length > 20)).toBe(true);
    expect(detail.phases[1]!.savedAt < h.clock.now().toISOString()).toBe(true);
    expect(detail.conclusions).not.toBe('');
  });
});
