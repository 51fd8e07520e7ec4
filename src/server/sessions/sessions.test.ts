import { describe, expect, it } from 'vitest';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

type SessionJson = { id: string; seriesId: string | null; day: string; startsAt: string; endsAt: string; isCancelled: boolean; room: string; professionals: { userId: string; hours: number; profession: string | null }[] };

async function setUp(h: Harness) {
  const region = await makeRegion(h);
  const site = await makeSite(h, region.id);
  const coordinator = await signIn(h, await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]));
  const nurse = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'nurse');
  const socialWorker = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'social_worker');
  return { region, site, coordinator, nurse, socialWorker };
}

const auditOf = (h: Harness, resourceIds: string[]) =>
  h.db.withRawSession((s) => s.query<{ action: string; resource_id: string; site_id: string }>('select action, resource_id, site_id from audit_log where resource_id = any($1) order by id', [resourceIds]));

describe(`outreach sessions on ${testEngine}`, () => {
  it('plans the pilot’s mid-month Wednesday receptions as a series of six sessions, listed by day', async () => {
    const h = await createHarness();
    const { site, coordinator, nurse, socialWorker } = await setUp(h);
    const plan = {
      recurrence: 'monthly_nth', weekday: 3, nth: 3, startsOn: '2024-11-01', endsOn: '2025-04-30', startsAt: '10:00', endsAt: '14:00',
      room: 'Neuvotteluhuone', professionals: [{ userId: nurse.id }, { userId: socialWorker.id }],
    };
    const created = await coordinator.request('POST', `/api/sites/${site.id}/sessions`, plan);
    expect(created.statusCode).toBe(201);
    const sessions = created.json<{ sessions: SessionJson[] }>().sessions;
    expect(sessions.map((s) => s.day)).toEqual(['2024-11-20', '2024-12-18', '2025-01-15', '2025-02-19', '2025-03-19', '2025-04-16']);
    expect(new Set(sessions.map((s) => s.seriesId)).size).toBe(1);
    expect(sessions[0]!.seriesId).not.toBeNull();
    expect(sessions[0]).toMatchObject({ startsAt: '10:00', endsAt: '14:00', room: 'Neuvotteluhuone', isCancelled: false });
    expect(sessions[0]!.professionals.map((p) => p.hours)).toEqual([4, 4]);

    const listed = await coordinator.request('GET', `/api/sites/${site.id}/sessions?from=2025-01-01&to=2025-03-31`);
    expect(listed.json().sessions.map((s: SessionJson) => s.day)).toEqual(['2025-01-15', '2025-02-19', '2025-03-19']);
    const series = await h.db.withRawSession((s) => s.query<{ recurrence: string; nth: number; weekday: number }>('select recurrence, nth, weekday from session_series where site_id = $1', [site.id]));
    expect(series).toEqual([{ recurrence: 'monthly_nth', nth: 3, weekday: 3 }]);
    const audit = await auditOf(h, sessions.map((s) => s.id));
    expect(audit.map((a) => a.action)).toEqual(Array(6).fill('session.created'));
    expect(audit.every((a) => a.site_id === site.id)).toBe(true);
  });

  it('lists this Helsinki month by default and a one-off plan makes one session without a series', async () => {
    const h = await createHarness();
    // 22:30 UTC on 31 January is already 1 February in Helsinki. (Set before signing in: sessions expire.)
    h.clock.set(new Date('2026-01-31T22:30:00Z'));
    const { site, coordinator } = await setUp(h);
    for (const startsOn of ['2026-01-28', '2026-02-04']) {
      const created = await coordinator.request('POST', `/api/sites/${site.id}/sessions`, { recurrence: 'one_off', startsOn, startsAt: '09:00', endsAt: '11:00' });
      expect(created.json().sessions).toMatchObject([{ day: startsOn, seriesId: null, professionals: [] }]);
    }
    const listed = await coordinator.request('GET', `/api/sites/${site.id}/sessions`);
    expect(listed.json().sessions.map((s: SessionJson) => s.day)).toEqual(['2026-02-04']);
  });

  it('gives each professional the session length as hours by default, editable later, and refuses non-professionals', async () => {
    const h = await createHarness();
    const { region, site, coordinator, nurse, socialWorker } = await setUp(h);
    const created = await coordinator.request('POST', `/api/sites/${site.id}/sessions`, {
      recurrence: 'one_off', startsOn: '2026-02-11', startsAt: '09:30', endsAt: '13:00', professionals: [{ userId: nurse.id }, { userId: socialWorker.id, hours: 2 }],
    });
    const session = created.json<{ sessions: SessionJson[] }>().sessions[0]!;
    expect(Object.fromEntries(session.professionals.map((p) => [p.userId, p.hours]))).toEqual({ [nurse.id]: 3.5, [socialWorker.id]: 2 });

    const edited = await coordinator.request('PATCH', `/api/sessions/${session.id}`, { professionals: [{ userId: nurse.id, hours: 2.75 }], endsAt: '12:00' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ endsAt: '12:00', professionals: [{ userId: nurse.id, hours: 2.75, profession: 'nurse' }] });
    const regained = await coordinator.request('PATCH', `/api/sessions/${session.id}`, { professionals: [{ userId: socialWorker.id }] });
    expect(regained.json().professionals).toMatchObject([{ userId: socialWorker.id, hours: 2.5 }]);

    const elsewhere = await makeSite(h, region.id);
    const strangerNurse = await makeUser(h, region.id, [{ role: 'professional', siteId: elsewhere.id }], 'nurse');
    const staff = await makeUser(h, region.id, [{ role: 'daycentre_staff', siteId: site.id }]);
    for (const userId of [strangerNurse.id, staff.id]) {
      const refused = await coordinator.request('PATCH', `/api/sessions/${session.id}`, { professionals: [{ userId }] });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details.userIds).toEqual([userId]);
    }
    expect((await coordinator.request('GET', `/api/sessions/${session.id}`)).json().professionals).toMatchObject([{ userId: socialWorker.id }]);
  });

  it('cancels a session, keeps it in the list marked cancelled, and audits the change', async () => {
    const h = await createHarness();
    const { site, nurse } = await setUp(h);
    const nurseClient = await signIn(h, nurse);
    const created = await nurseClient.request('POST', `/api/sites/${site.id}/sessions`, { recurrence: 'weekly', weekday: 2, startsOn: '2026-02-01', endsOn: '2026-02-28', startsAt: '12:00', endsAt: '14:00' });
    const [first, second] = created.json<{ sessions: SessionJson[] }>().sessions;
    const cancelled = await nurseClient.request('PATCH', `/api/sessions/${second!.id}`, { isCancelled: true, publicNote: 'Peruttu sairastumisen vuoksi' });
    expect(cancelled.json()).toMatchObject({ isCancelled: true, publicNote: 'Peruttu sairastumisen vuoksi', day: '2026-02-10' });
    const listed = (await nurseClient.request('GET', `/api/sites/${site.id}/sessions?from=2026-02-01&to=2026-02-28`)).json().sessions;
    expect(listed.map((s: SessionJson) => [s.day, s.isCancelled])).toEqual([['2026-02-03', false], ['2026-02-10', true], ['2026-02-17', false], ['2026-02-24', false]]);
    const audit = await auditOf(h, [first!.id, second!.id]);
    expect(audit.map((a) => `${a.resource_id === second!.id ? 'second' : 'first'}:${a.action}`)).toEqual(['first:session.created', 'second:session.created', 'second:session.updated']);
  });

  it('moves a planned session to other hours, changes its professionals and announcement, and audits what it was', async () => {
    const h = await createHarness();
    const { site, coordinator, nurse, socialWorker } = await setUp(h);
    const created = await coordinator.request('POST', `/api/sites/${site.id}/sessions`, { recurrence: 'one_off', startsOn: '2026-03-04', startsAt: '09:00', endsAt: '12:00', professionals: [{ userId: nurse.id }] });
    const session = created.json<{ sessions: SessionJson[] }>().sessions[0]!;
    const moved = await coordinator.request('PATCH', `/api/sessions/${session.id}`, {
      startsAt: '13:00', endsAt: '15:30', professionals: [{ userId: socialWorker.id }], isAnnounced: false, publicNote: 'Iltapäivällä',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ startsAt: '13:00', endsAt: '15:30', isAnnounced: false, publicNote: 'Iltapäivällä', professionals: [{ userId: socialWorker.id, hours: 2.5 }] });
    const later = await coordinator.request('PATCH', `/api/sessions/${session.id}`, { startsAt: '16:00' });
    expect(later.statusCode).toBe(400);
    expect(later.json().error).toMatchObject({ message: 'A session must start before it ends.', details: { field: 'endsAt' } });
    const audit = await h.db.withRawSession((s) => s.query<{ action: string; details: Record<string, unknown> }>('select action, details from audit_log where resource_id = $1 order by id', [session.id]));
    expect(audit.map((a) => a.action)).toEqual(['session.created', 'session.updated']);
    expect(audit[1]!.details).toEqual({
      fields: ['startsAt', 'endsAt', 'isAnnounced', 'publicNote', 'professionals'],
      timesBefore: { startsAt: '09:00:00', endsAt: '12:00:00' },
      professionals: 1,
    });
  });

  it('refuses plans that are too long, produce no day, or end when they start', async () => {
    const h = await createHarness();
    const { site, coordinator } = await setUp(h);
    const post = (body: object) => coordinator.request('POST', `/api/sites/${site.id}/sessions`, { startsAt: '10:00', endsAt: '12:00', ...body });
    expect((await post({ recurrence: 'weekly', weekday: 1, startsOn: '2026-01-01', endsOn: '2027-01-01' })).statusCode).toBe(201);
    const tooLong = await post({ recurrence: 'weekly', weekday: 1, startsOn: '2026-01-01', endsOn: '2027-01-02' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toMatch(/366 days/);
    expect((await post({ recurrence: 'weekly', weekday: 7, startsOn: '2026-01-05', endsOn: '2026-01-09' })).statusCode).toBe(400);
    expect((await post({ recurrence: 'one_off', startsOn: '2026-02-30' })).statusCode).toBe(400);
    expect((await post({ recurrence: 'one_off', startsOn: '2026-02-03', startsAt: '10:00', endsAt: '10:00:00' })).statusCode).toBe(400);
    // Only the first plan was stored: 2026 has 52 Mondays.
    const listed = await coordinator.request('GET', `/api/sites/${site.id}/sessions?from=2026-01-01&to=2026-12-31`);
    expect(listed.json().sessions).toHaveLength(52);
  });
});
