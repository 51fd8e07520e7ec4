import { describe, expect, it } from 'vitest';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Client, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

async function setUp(h: Harness) {
  const region = await makeRegion(h);
  const site = await makeSite(h, region.id);
  const staff = await signIn(h, await makeUser(h, region.id, [{ role: 'daycentre_staff', siteId: site.id }]));
  return { region, site, staff };
}

const put = (client: Client, siteId: string, day: string, body: object) => client.request('PUT', `/api/sites/${siteId}/daylog/${day}`, { id: crypto.randomUUID(), ...body });
const rowsOf = (h: Harness, siteId: string) =>
  h.db.withRawSession((s) => s.query<{ id: string; day: string; lunches: number }>("select id, to_char(day, 'YYYY-MM-DD') as day, lunches from daylog where site_id = $1 order by day", [siteId]));

describe(`day-centre daily log on ${testEngine}`, () => {
  it('stores an entry sent twice once, takes a later edit, and audits every save', async () => {
    const h = await createHarness();
    const { site, staff } = await setUp(h);
    const entry = { id: crypto.randomUUID(), breakfasts: 42, lunches: 58, estimatedVisitors: 60, openedAt: '07:30', closedAt: '13:00', events: 'Suljettu klo 13 ryhmän vuoksi' };
    const first = await staff.request('PUT', `/api/sites/${site.id}/daylog/2026-01-14`, entry);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ ...entry, siteId: site.id, day: '2026-01-14', isClosed: false, version: 1 });
    const again = await staff.request('PUT', `/api/sites/${site.id}/daylog/2026-01-14`, entry);
    expect(again.statusCode).toBe(200);
    expect(await rowsOf(h, site.id)).toEqual([{ id: entry.id, day: '2026-01-14', lunches: 58 }]);

    const edited = await staff.request('PUT', `/api/sites/${site.id}/daylog/2026-01-14`, { ...entry, lunches: 63 });
    expect(edited.json()).toMatchObject({ id: entry.id, lunches: 63 });
    // A second tablet that logged the same day offline updates the same row, which keeps its first id.
    const otherDevice = await put(staff, site.id, '2026-01-14', { breakfasts: 40, lunches: 65 });
    expect(otherDevice.statusCode).toBe(200);
    expect(otherDevice.json()).toMatchObject({ id: entry.id, lunches: 65, estimatedVisitors: null, events: '' });
    expect(await rowsOf(h, site.id)).toEqual([{ id: entry.id, day: '2026-01-14', lunches: 65 }]);

    const audit = await h.db.withRawSession((s) => s.query<{ action: string; site_id: string; details: { day: string; isCreated: boolean } }>('select action, site_id, details from audit_log where resource_id = $1 order by id', [entry.id]));
    expect(audit.map((a) => [a.action, a.details.isCreated])).toEqual([['daylog.saved', true], ['daylog.saved', false], ['daylog.saved', false], ['daylog.saved', false]]);
    expect(audit.every((a) => a.site_id === site.id && a.details.day === '2026-01-14')).toBe(true);
  });

  it('refuses tomorrow (Helsinki), impossible days and an id reused for another day', async () => {
    const h = await createHarness();
    // 22:30 UTC on 14 January is 15 January in Helsinki, so 16 January is tomorrow.
    h.clock.set(new Date('2026-01-14T22:30:00Z'));
    const { site, staff } = await setUp(h);
    expect((await put(staff, site.id, '2026-01-15', { isClosed: true, events: 'Henkilöstön koulutuspäivä' })).statusCode).toBe(201);
    const tomorrow = await put(staff, site.id, '2026-01-16', { lunches: 50 });
    expect(tomorrow.statusCode).toBe(400);
    expect(tomorrow.json().error).toMatchObject({ code: 'bad_request', message: 'A day in the future cannot be logged yet.', details: { field: 'day', reason: 'future' } });
    expect((await put(staff, site.id, '2025-02-29', { lunches: 50 })).statusCode).toBe(400);
    const id = crypto.randomUUID();
    expect((await staff.request('PUT', `/api/sites/${site.id}/daylog/2026-01-12`, { id, lunches: 50 })).statusCode).toBe(201);
    expect((await staff.request('PUT', `/api/sites/${site.id}/daylog/2026-01-13`, { id, lunches: 50 })).statusCode).toBe(409);
    expect((await rowsOf(h, site.id)).map((r) => r.day)).toEqual(['2026-01-12', '2026-01-15']);
  });

  it('lists one month’s days in order and gives monthly means over open logged days', async () => {
    const h = await createHarness();
    const { region, site, staff } = await setUp(h);
    // History older than the back-dating window, as an import would bring it.
    h.deps.config.daylogBackdateDays = 90;
    const entries: [string, object][] = [
      ['2025-11-03', { breakfasts: 40, lunches: 45, estimatedVisitors: 45 }],
      ['2025-11-04', { breakfasts: 44, lunches: 50, estimatedVisitors: 46 }],
      ['2025-11-05', { breakfasts: 43, lunches: 48 }],
      ['2025-11-06', { isClosed: true, events: 'Vesivahinko' }],
      ['2026-01-08', { breakfasts: 60, lunches: 72, estimatedVisitors: 70 }],
      ['2026-01-02', { breakfasts: 55, lunches: 66, estimatedVisitors: 65 }],
    ];
    for (const [day, body] of entries) expect((await put(staff, site.id, day, body)).statusCode).toBe(201);

    const nurse = await signIn(h, await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'nurse'));
    const month = await nurse.request('GET', `/api/sites/${site.id}/daylog?month=2026-01`);
    expect(month.statusCode).toBe(200);
    expect(month.json().days.map((d: { day: string; lunches: number }) => [d.day, d.lunches])).toEqual([['2026-01-02', 66], ['2026-01-08', 72]]);
    // The harness clock is in January 2026: the default month.
    expect((await nurse.request('GET', `/api/sites/${site.id}/daylog`)).json().days).toHaveLength(2);

    const trend = await nurse.request('GET', `/api/sites/${site.id}/daylog/trend?from=2025-11&to=2026-01`);
    expect(trend.statusCode).toBe(200);
    expect(trend.json()).toEqual({
      months: [
        // open days 3–5 Nov: breakfasts 127/3 = 42.3, lunches 143/3 = 47.7; visitors only where estimated: 91/2 = 45.5
        { month: '2025-11', daysLogged: 3, meanVisitors: 45.5, meanBreakfasts: 42.3, meanLunches: 47.7 },
        { month: '2025-12', daysLogged: 0, meanVisitors: null, meanBreakfasts: null, meanLunches: null },
        { month: '2026-01', daysLogged: 2, meanVisitors: 67.5, meanBreakfasts: 57.5, meanLunches: 69 },
      ],
    });
    expect((await nurse.request('GET', `/api/sites/${site.id}/daylog/trend?from=2026-01&to=2025-11`)).statusCode).toBe(400);
    expect((await nurse.request('GET', `/api/sites/${site.id}/daylog/trend`)).json().months).toHaveLength(12);
  });

  it('is written only by the site’s day-centre staff: 403 at another site, 404 in another region', async () => {
    const h = await createHarness();
    const { region, site, staff } = await setUp(h);
    const neighbour = await makeSite(h, region.id);
    const nurse = await signIn(h, await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'nurse'));
    expect((await put(nurse, site.id, '2026-01-14', { lunches: 1 })).statusCode).toBe(403);
    expect((await put(staff, neighbour.id, '2026-01-14', { lunches: 1 })).statusCode).toBe(403);
    expect((await staff.request('GET', `/api/sites/${neighbour.id}/daylog`)).statusCode).toBe(403);
    const other = await makeRegion(h);
    const foreignStaff = await signIn(h, await makeUser(h, other.id, [{ role: 'daycentre_staff', siteId: null }]));
    expect((await put(foreignStaff, site.id, '2026-01-14', { lunches: 1 })).statusCode).toBe(404);
    expect((await foreignStaff.request('GET', `/api/sites/${site.id}/daylog/trend`)).statusCode).toBe(404);
    expect(await rowsOf(h, site.id)).toEqual([]);
  });
});
