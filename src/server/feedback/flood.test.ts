import { describe, expect, it } from 'vitest';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { seedDefaultFeedbackForms } from './seed.js';

type Opened = { ticket: string; form: { items: { id: string }[] } };
type Alarm = { kind: string; id: string; reachedOn: string; pausedAt: string | null };

async function setUp(h: Harness) {
  const region = await makeRegion(h);
  const site = await makeSite(h, region.id);
  const otherSite = await makeSite(h, region.id);
  await seedDefaultFeedbackForms(h.db.orm, h.deps.ids, region.id, h.clock.now());
  const staffUser = await makeUser(h, region.id, [{ role: 'daycentre_staff', siteId: site.id }]);
  const staff = await signIn(h, staffUser);
  const forms = (await staff.request('GET', '/api/feedback/forms')).json<{ forms: { id: string; templateKey: string }[] }>().forms;
  const formId = forms.find((f) => f.templateKey === 'pilot_meeting')!.id;
  const link = (await staff.request('POST', '/api/feedback/links', { formId, context: { siteId: site.id } })).json<{ id: string; token: string }>();
  return { region, site, otherSite, staff, formId, link };
}

const rows = (h: Harness, sql: string, params: unknown[] = []) => h.db.withRawSession((s) => s.query<Record<string, unknown>>(sql, params));
const openLink = (h: Harness, token: string, address: string) => h.app.inject({ method: 'POST', url: `/api/public/feedback/links/${token}/open`, remoteAddress: address });
const submit = (h: Harness, body: object) => h.app.inject({ method: 'POST', url: '/api/public/feedback/responses', payload: body, remoteAddress: '198.51.100.20' });

/** Opens the link `times` times from `address` and gives the status codes. */
async function openMany(h: Harness, token: string, address: string, times: number): Promise<number[]> {
  const codes: number[] = [];
  for (let i = 0; i < times; i++) codes.push((await openLink(h, token, address)).statusCode);
  return codes;
}

describe(`feedback flood limits on ${testEngine}`, () => {
  it('refuses openings from one address long before the daily quota, while another address still gets through', async () => {
    const h = await createHarness();
    const { link } = await setUp(h);
    expect(await openMany(h, link.token, '203.0.113.9', 6)).toEqual([200, 200, 200, 200, 200, 200]);
    const refused = await openLink(h, link.token, '203.0.113.9');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ error: { code: 'too_many_requests', message: expect.stringMatching(/Wait a moment/), details: { reason: 'flood' } } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Another phone on another network opens the same link at once.
    expect((await openLink(h, link.token, '198.51.100.7')).statusCode).toBe(200);

    // A minute later the address may open again, up to 40 tries a day in all (the refused one counts too).
    let tries = 7;
    while (tries < 40) {
      h.clock.advance(60_000);
      const batch = Math.min(6, 40 - tries);
      expect(await openMany(h, link.token, '203.0.113.9', batch)).toEqual(Array<number>(batch).fill(200));
      tries += batch;
    }
    h.clock.advance(60_000);
    expect((await openLink(h, link.token, '203.0.113.9')).statusCode).toBe(429);
    // Far below the link's daily quota of 300, which counts only the openings let through.
    expect(await rows(h, 'select openings, quota_alarm_on from feedback_links where id = $1', [link.id])).toEqual([{ openings: 40, quota_alarm_on: null }]);

    // The counters hold no address, and no time but the end of their window.
    const counters = await rows(h, 'select * from feedback_flood_counters');
    expect(counters.length).toBeGreaterThan(0);
    expect(JSON.stringify(counters)).not.toMatch(/203\.0\.113\.9|198\.51\.100\.7/);
    h.clock.advance(24 * 3_600_000);
    expect((await openLink(h, link.token, '203.0.113.9')).statusCode).toBe(200);
    // Yesterday's windows are swept on the way.
    expect((await rows(h, 'select count(*)::int as n from feedback_flood_counters'))[0]!.n).toBe(2);
  });

  it('raises an alarm for the link’s maker and coordinators when the daily quota is reached, and does not refuse the next visitor', async () => {
    const h = await createHarness();
    const { region, site, otherSite, staff, link } = await setUp(h);
    const coordinator = await signIn(h, await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]));
    const colleague = await signIn(h, await makeUser(h, region.id, [{ role: 'daycentre_staff', siteId: site.id }]));
    const elsewhere = await signIn(h, await makeUser(h, region.id, [{ role: 'coordinator', siteId: otherSite.id }]));
    const alarms = async (client: typeof staff) => (await client.request('GET', '/api/feedback/alarms')).json<{ alarms: Alarm[] }>().alarms;
    expect(await alarms(staff)).toEqual([]);

    // Many phones opened the link today: bring the count to just below the quota instead of opening 299 times.
    expect((await openLink(h, link.token, '192.0.2.1')).statusCode).toBe(200);
    await rows(h, 'update feedback_links set openings = 298 where id = $1', [link.id]);
    expect((await openLink(h, link.token, '192.0.2.2')).statusCode).toBe(200);
    expect(await alarms(staff)).toEqual([]);
    expect((await openLink(h, link.token, '192.0.2.3')).statusCode).toBe(200);
    const raised = [{ kind: 'link', id: link.id, formId: expect.any(String), context: expect.objectContaining({ siteId: site.id }), reachedOn: '2026-01-15', pausedAt: null }];
    expect(await alarms(staff)).toEqual(raised);
    expect(await alarms(coordinator)).toEqual(raised);
    // A colleague who did not make the link, and a coordinator of another site, are not alarmed.
    expect(await alarms(colleague)).toEqual([]);
    expect(await alarms(elsewhere)).toEqual([]);

    // The next real visitor still gets the form, and the answers are taken.
    const next = await openLink(h, link.token, '192.0.2.4');
    expect(next.statusCode).toBe(200);
    const opened = next.json<Opened>();
    expect((await submit(h, { ticket: opened.ticket, locale: 'fi', answers: [{ itemId: opened.form.items[0]!.id, score: 4 }] })).statusCode).toBe(201);
    const listed = (await staff.request('GET', `/api/sites/${site.id}/feedback/links`)).json<{ links: { id: string; quotaAlarmOn: string | null }[] }>().links;
    expect(listed.find((l) => l.id === link.id)?.quotaAlarmOn).toBe('2026-01-15');

    // Closing the link ends its alarm.
    expect((await staff.request('POST', `/api/feedback/links/${link.id}/close`)).statusCode).toBe(200);
    expect(await alarms(coordinator)).toEqual([]);
  });

  it('lets staff pause and resume a link (audited); a paused link refuses openings and answers', async () => {
    const h = await createHarness();
    const { staff, link } = await setUp(h);
    const before = (await openLink(h, link.token, '192.0.2.1')).json<Opened>();

    const paused = await staff.request('POST', `/api/feedback/links/${link.id}/pause`);
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json()).toMatchObject({ id: link.id, isOpen: true, pausedAt: '2026-01-15T09:00:00.000Z' });
    const refused = await openLink(h, link.token, '192.0.2.2');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'conflict', details: { reason: 'paused' } });
    // A sheet opened before the pause is not taken either: a flood's unspent tickets stay out of the results.
    const late = await submit(h, { ticket: before.ticket, locale: 'fi', answers: [{ itemId: before.form.items[0]!.id, score: 5 }] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details).toEqual({ reason: 'paused' });
    expect(await rows(h, 'select count(*)::int as n from feedback_responses')).toEqual([{ n: 0 }]);

    const resumed = await staff.request('POST', `/api/feedback/links/${link.id}/resume`);
    expect(resumed.json()).toMatchObject({ isOpen: true, pausedAt: null });
    expect((await openLink(h, link.token, '192.0.2.2')).statusCode).toBe(200);
    const audit = await rows(h, 'select action from audit_log where resource_id = $1 order by id', [link.id]);
    expect(audit.map((r) => r.action)).toEqual(['feedback.link_created', 'feedback.link_paused', 'feedback.link_resumed']);
  });

  it('limits a kiosk token to ten sheets a minute, and raises the kiosk’s alarm at its quota without refusing', async () => {
    const h = await createHarness();
    const { site, staff, formId } = await setUp(h);
    const { kioskToken, kiosk } = (await staff.request('POST', '/api/feedback/kiosks', { formId, context: { siteId: site.id }, pin: '4812' })).json<{ kioskToken: string; kiosk: { id: string } }>();
    const open = () => h.app.inject({ method: 'POST', url: '/api/public/kiosk/open', payload: { kioskToken }, remoteAddress: '192.0.2.50' });
    for (let i = 0; i < 10; i++) expect((await open()).statusCode).toBe(200);
    expect((await open()).statusCode).toBe(429);
    h.clock.advance(60_000);
    await rows(h, 'update feedback_kiosks set openings = 299 where id = $1', [kiosk.id]);
    expect((await open()).statusCode).toBe(200);
    expect((await open()).statusCode).toBe(200);
    expect(await rows(h, 'select openings, quota_alarm_on::text as day from feedback_kiosks where id = $1', [kiosk.id])).toEqual([{ openings: 301, day: '2026-01-15' }]);
    // The kiosk unlock ended the staff session on this browser: sign in again to see the alarm.
    const again = await signIn(h, await makeUser(h, site.regionId, [{ role: 'coordinator', siteId: site.id }]));
    const alarms = (await again.request('GET', '/api/feedback/alarms')).json<{ alarms: Alarm[] }>().alarms;
    expect(alarms.map((a) => [a.kind, a.id])).toEqual([['kiosk', kiosk.id]]);
  });
  it('lets staff pause and resume a kiosk from their own device (audited); a paused kiosk refuses openings and answers', async () => {
    const h = await createHarness();
    const { site, staff, formId } = await setUp(h);
    const { kioskToken, kiosk } = (await staff.request('POST', '/api/feedback/kiosks', { formId, context: { siteId: site.id }, pin: '4812' })).json<{ kioskToken: string; kiosk: { id: string } }>();
    const open = () => h.app.inject({ method: 'POST', url: '/api/public/kiosk/open', payload: { kioskToken }, remoteAddress: '192.0.2.60' });
    const before = (await open()).json<Opened>();
    // The unlock ended the staff session on the tablet: the pause comes from another device.
    const coordinator = await signIn(h, await makeUser(h, site.regionId, [{ role: 'coordinator', siteId: site.id }]));

    const paused = await coordinator.request('POST', `/api/feedback/kiosks/${kiosk.id}/pause`);
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json()).toMatchObject({ id: kiosk.id, isOpen: true, pausedAt: '2026-01-15T09:00:00.000Z' });
    const refused = await open();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/paused this kiosk/), details: { reason: 'paused' } });
    const late = await submit(h, { ticket: before.ticket, locale: 'fi', answers: [{ itemId: before.form.items[0]!.id, score: 5 }] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details).toEqual({ reason: 'paused' });
    expect(await rows(h, 'select count(*)::int as n from feedback_responses')).toEqual([{ n: 0 }]);
    // Still listed as an open kiosk of the site, marked paused, so staff find it to resume.
    const listed = (await coordinator.request('GET', `/api/sites/${site.id}/feedback/kiosks`)).json<{ kiosks: { id: string; pausedAt: string | null }[] }>().kiosks;
    expect(listed).toEqual([expect.objectContaining({ id: kiosk.id, pausedAt: '2026-01-15T09:00:00.000Z' })]);

    const resumed = await coordinator.request('POST', `/api/feedback/kiosks/${kiosk.id}/resume`);
    expect(resumed.json()).toMatchObject({ isOpen: true, pausedAt: null });
    expect((await open()).statusCode).toBe(200);
    const audit = await rows(h, 'select action from audit_log where resource_id = $1 order by id', [kiosk.id]);
    expect(audit.map((r) => r.action)).toEqual(['feedback.kiosk_unlocked', 'feedback.kiosk_paused', 'feedback.kiosk_resumed']);
    // A kiosk of another region is not found, not paused.
    const otherRegion = await makeRegion(h);
    const stranger = await signIn(h, await makeUser(h, otherRegion.id, [{ role: 'coordinator', siteId: (await makeSite(h, otherRegion.id)).id }]));
    expect((await stranger.request('POST', `/api/feedback/kiosks/${kiosk.id}/pause`)).statusCode).toBe(404);
  });
});
