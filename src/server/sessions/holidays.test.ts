import { describe, expect, it } from 'vitest';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

type Planned = { sessions: { id: string; day: string }[]; holidays: { day: string; key: string; kind: string; name: { fi: string; sv: string; en: string }; isWorkingDay: boolean }[] };

async function setUp(h: Harness) {
  const region = await makeRegion(h);
  const site = await makeSite(h, region.id);
  const coordinator = await signIn(h, await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]));
  const plan = (body: object) => coordinator.request('POST', `/api/sites/${site.id}/sessions`, { startsAt: '10:00', endsAt: '12:00', ...body });
  return { site, coordinator, plan };
}

const auditDetails = (h: Harness, resourceId: string) =>
  h.db.withRawSession((s) => s.query<{ action: string; details: Record<string, unknown> }>('select action, details from audit_log where resource_id = $1 order by id', [resourceId]));

describe(`sessions on public holidays on ${testEngine}`, () => {
  it('flags the planned days that fall on a public holiday or an eve, by name, and keeps them unless skipped', async () => {
    const h = await createHarness();
    const { plan } = await setUp(h);
    // Thursdays of May 2026 hold Ascension Day (14th); Fridays of June hold Midsummer Eve (19th).
    const thursdays = await plan({ recurrence: 'weekly', weekday: 4, startsOn: '2026-05-01', endsOn: '2026-05-31' });
    expect(thursdays.statusCode).toBe(201);
    const may = thursdays.json<Planned>();
    expect(may.sessions.map((s) => s.day)).toEqual(['2026-05-07', '2026-05-14', '2026-05-21', '2026-05-28']);
    expect(may.holidays).toEqual([{ day: '2026-05-14', key: 'ascension_day', kind: 'public_holiday', name: { fi: 'helatorstai', sv: 'Kristi himmelsfärds dag', en: 'Ascension Day' }, isWorkingDay: false }]);

    const fridays = (await plan({ recurrence: 'weekly', weekday: 5, startsOn: '2026-06-01', endsOn: '2026-06-30' })).json<Planned>();
    expect(fridays.holidays).toMatchObject([{ day: '2026-06-19', key: 'midsummer_eve', kind: 'eve', name: { fi: 'juhannusaatto' }, isWorkingDay: false }]);
    const ordinary = (await plan({ recurrence: 'one_off', startsOn: '2026-06-18' })).json<Planned>();
    expect(ordinary.holidays).toEqual([]);
  });

  it('tells whether a flagged eve is a working day in this deployment, by SILTA_EVES_ARE_WORKING_DAYS', async () => {
    const h = await createHarness();
    const { plan } = await setUp(h);
    h.deps.config.workingDays = { evesAreWorkingDays: true };
    const planned = (await plan({ recurrence: 'weekly', weekday: 4, startsOn: '2026-12-20', endsOn: '2026-12-31', professionals: [] })).json<Planned>();
    expect(planned.holidays.map((x) => [x.day, x.kind, x.isWorkingDay])).toEqual([['2026-12-24', 'eve', true]]);
    const friday = (await plan({ recurrence: 'one_off', startsOn: '2026-12-25' })).json<Planned>();
    expect(friday.holidays.map((x) => [x.key, x.isWorkingDay])).toEqual([['christmas_day', false]]);
  });

  it('leaves out the days the planner skips, and audits each kept holiday session with its holiday', async () => {
    const h = await createHarness();
    const { plan } = await setUp(h);
    const planned = await plan({ recurrence: 'weekly', weekday: 4, startsOn: '2026-12-01', endsOn: '2026-12-31', skipDays: ['2026-12-24'] });
    expect(planned.statusCode).toBe(201);
    const december = planned.json<Planned>();
    expect(december.sessions.map((s) => s.day)).toEqual(['2026-12-03', '2026-12-10', '2026-12-17', '2026-12-31']);
    expect(december.holidays).toEqual([]);

    const kept = (await plan({ recurrence: 'one_off', startsOn: '2026-12-24' })).json<Planned>();
    expect(kept.holidays.map((x) => x.key)).toEqual(['christmas_eve']);
    expect(await auditDetails(h, kept.sessions[0]!.id)).toMatchObject([{ action: 'session.created', details: { day: '2026-12-24', holidays: ['christmas_eve'] } }]);
    expect(await auditDetails(h, december.sessions[0]!.id)).toMatchObject([{ details: { holidays: [] } }]);
  });

  it('refuses to skip a day that is not in the plan, or every day of it, and stores nothing then', async () => {
    const h = await createHarness();
    const { site, coordinator, plan } = await setUp(h);
    const stray = await plan({ recurrence: 'weekly', weekday: 4, startsOn: '2026-12-01', endsOn: '2026-12-31', skipDays: ['2026-12-25'] });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().error).toMatchObject({ code: 'bad_request', details: { field: 'skipDays', days: ['2026-12-25'] } });
    expect(stray.json().error.message).toMatch(/2026-12-25 is not one of/);
    const everything = await plan({ recurrence: 'one_off', startsOn: '2026-12-24', skipDays: ['2026-12-24'] });
    expect(everything.statusCode).toBe(400);
    expect(everything.json().error.details).toMatchObject({ field: 'skipDays' });
    const listed = await coordinator.request('GET', `/api/sites/${site.id}/sessions?from=2026-12-01&to=2026-12-31`);
    expect(listed.json().sessions).toEqual([]);
  });
});
