import { describe, expect, it } from 'vitest';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { issueVisitorCode } from '../visitor-codes/commands.js';
import type { Actor } from '../policy/policy.js';

type SessionJson = { id: string; day: string; theme: string; isCancelled: boolean; attendance: { total: number; returning: number; new: number } | null };

async function setUp(h: Harness) {
  const region = await makeRegion(h);
  const site = await makeSite(h, region.id);
  const coordinator = await signIn(h, await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]));
  const staffUser = await makeUser(h, region.id, [{ role: 'daycentre_staff', siteId: site.id }]);
  const staff = await signIn(h, staffUser);
  const actor: Actor = { userId: staffUser.id, regionId: region.id, displayName: 'staff', profession: null, roles: [{ role: 'daycentre_staff', siteId: site.id }] };
  const codes = [];
  for (let i = 0; i < 4; i++) codes.push(await issueVisitorCode(h.deps, { actor, requestId: null }, site.id));
  return { region, site, coordinator, staff, codes };
}

const porinapirtti = {
  name: 'Porinapirtti', description: 'Avoin keskusteluryhmä päiväkeskuksen kävijöille', targetGroup: 'Päiväkeskuksen kävijät', room: 'Olohuone',
  facilitators: [{ role: 'Sosiaalityöntekijä', organisation: 'Riippuvuuspalvelut' }, { role: 'Kokemus- ja vertaistoimija', organisation: 'Lapin ensi- ja turvakoti', isPeerWorker: true }],
  weekday: 3, startsAt: '12:00', endsAt: '13:30', startsOn: '2025-11-05', endsOn: '2025-12-24',
  themes: ['Omat vahvuudet', 'Asenteet', 'Itsemyötätunto', 'Vaikeat tunteet', 'Häpeä', 'Ihmissuhteet', 'Omat rajat'],
};

describe(`open groups on ${testEngine}`, () => {
  it('reports eight sessions mixing counters and codes: per-session figures, mean, max, min and repeat participants', async () => {
    const h = await createHarness();
    const { site, coordinator, staff, codes } = await setUp(h);
    const created = await coordinator.request('POST', `/api/sites/${site.id}/group-series`, porinapirtti);
    expect(created.statusCode).toBe(201);
    const series = created.json<{ id: string; sessions: SessionJson[] }>();
    expect(series.sessions.map((s) => s.day)).toEqual(['2025-11-05', '2025-11-12', '2025-11-19', '2025-11-26', '2025-12-03', '2025-12-10', '2025-12-17', '2025-12-24']);
    expect(series.sessions.map((s) => s.theme)).toEqual([...porinapirtti.themes, '']);
    const [a, b, c, d] = codes as [string, string, string, string];
    const entries = [
      { counters: { total: 5, returning: 0, new: 5 }, codes: [a, b] }, // 7: codes a, b new
      { counters: { total: 3, returning: 2, new: 1 }, codes: [a] }, // 4: a returning
      { counters: null, codes: [a, b, c] }, // 3: a, b returning, c new
      { counters: { total: 6, returning: 4, new: 2 }, codes: [] }, // 6
      { counters: { total: 2, returning: 1, new: 0 }, codes: [d] }, // 3: d new, one unknown
      { counters: { total: 4, returning: 4, new: 0 }, codes: [c, d] }, // 6: c, d returning
      { counters: { total: 0, returning: 0, new: 0 }, codes: [] }, // 0: held, nobody came
      { counters: { total: 1, returning: 0, new: 1 }, codes: [a.toLowerCase()] }, // 2: typed in lower case, a returning
    ];
    for (const [i, entry] of entries.entries()) {
      const saved = await staff.request('PUT', `/api/group-sessions/${series.sessions[i]!.id}/attendance`, entry);
      expect(saved.statusCode, saved.body).toBe(200);
    }
    await coordinator.request('PATCH', `/api/group-series/${series.id}`, { anonymousRepeatParticipants: 3 });

    const stats = await coordinator.request('GET', `/api/group-series/${series.id}/statistics`);
    expect(stats.statusCode).toBe(200);
    const body = stats.json();
    expect(body.sessions.map((s: SessionJson) => s.attendance)).toEqual([
      { total: 7, returning: 0, new: 7 },
      { total: 4, returning: 3, new: 1 },
      { total: 3, returning: 2, new: 1 },
      { total: 6, returning: 4, new: 2 },
      { total: 3, returning: 1, new: 1 },
      { total: 6, returning: 6, new: 0 },
      { total: 0, returning: 0, new: 0 },
      { total: 2, returning: 1, new: 1 },
    ]);
    expect(body).toMatchObject({ recordedSessions: 8, mean: 31 / 8, max: 7, min: 0, distinctCodes: 4 });
    // a (5 sessions), b (2), c (2), d (2) came more than once; the facilitators counted 3 without a code.
    expect(body.repeatParticipants).toEqual({ fromCodes: 4, entered: 3, total: 7 });
  });

  it('keeps the roster to the staff who run groups, audits reading it, and refuses unknown codes and future sessions', async () => {
    const h = await createHarness();
    const { site, coordinator, staff, codes } = await setUp(h);
    const series = (await coordinator.request('POST', `/api/sites/${site.id}/group-series`, { ...porinapirtti, startsOn: '2026-01-07', endsOn: '2026-02-25', themes: [] })).json<{ sessions: SessionJson[] }>();
    const first = series.sessions[0]!.id;
    expect((await staff.request('PUT', `/api/group-sessions/${first}/attendance`, { codes: [codes[0]] })).statusCode).toBe(200);
    expect((await coordinator.request('GET', `/api/group-sessions/${first}/attendance`)).statusCode).toBe(403);
    const roster = await staff.request('GET', `/api/group-sessions/${first}/attendance`);
    expect(roster.json()).toEqual({ sessionId: first, counters: null, codes: [{ code: codes[0], isReturning: false }], figures: { total: 1, returning: 0, new: 1 } });
    const audit = await h.db.withRawSession((s) => s.query<{ action: string }>('select action from audit_log where resource_id = $1 order by id', [first]));
    expect(audit.map((r) => r.action)).toEqual(['group_attendance.recorded', 'group_attendance.read']);

    const unknown = await staff.request('PUT', `/api/group-sessions/${first}/attendance`, { codes: ['ACDEFH7'] });
    expect(unknown.statusCode).toBe(400);
    const future = await staff.request('PUT', `/api/group-sessions/${series.sessions[3]!.id}/attendance`, { counters: { total: 2 } });
    expect(future.statusCode).toBe(400);
    const tooMany = await staff.request('PUT', `/api/group-sessions/${first}/attendance`, { counters: { total: 2, returning: 2, new: 1 } });
    expect(tooMany.statusCode).toBe(400);
  });

  it('announces coming, not cancelled group sessions: the theme only when published, never the facilitators', async () => {
    const h = await createHarness();
    const { site, coordinator } = await setUp(h);
    const series = (await coordinator.request('POST', `/api/sites/${site.id}/group-series`, { ...porinapirtti, weekday: 4, startsOn: '2026-01-08', endsOn: '2026-02-05', themes: ['Omat vahvuudet', 'Asenteet', 'Häpeä'] })).json<{ sessions: SessionJson[] }>();
    const [past, published, hidden, cancelled] = series.sessions as [SessionJson, SessionJson, SessionJson, SessionJson];
    expect(past.day).toBe('2026-01-08'); // the test clock's today is 15.1.2026
    await coordinator.request('PATCH', `/api/group-sessions/${published.id}`, { isThemePublished: true });
    await coordinator.request('PATCH', `/api/group-sessions/${cancelled.id}`, { isCancelled: true });
    const page = await h.app.inject({ method: 'GET', url: `/api/public/sites/${site.id}/announcements` });
    expect(page.statusCode).toBe(200);
    const groups = page.json().groups;
    expect(groups).toEqual([
      { day: '2026-01-15', startsAt: '12:00', endsAt: '13:30', room: 'Olohuone', name: 'Porinapirtti', theme: 'Asenteet', description: porinapirtti.description, descriptionTranslations: {}, roomTranslations: {} },
      { day: '2026-01-22', startsAt: '12:00', endsAt: '13:30', room: 'Olohuone', name: 'Porinapirtti', theme: null, description: porinapirtti.description, descriptionTranslations: {}, roomTranslations: {} },
      { day: '2026-02-05', startsAt: '12:00', endsAt: '13:30', room: 'Olohuone', name: 'Porinapirtti', theme: null, description: porinapirtti.description, descriptionTranslations: {}, roomTranslations: {} },
    ]);
    expect(page.body).not.toContain('Riippuvuuspalvelut');
    expect(page.body).not.toContain('vertaistoimija');
    expect(hidden.theme).toBe('Häpeä');
    expect(page.body).not.toContain('Häpeä');
  });
});
