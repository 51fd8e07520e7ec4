import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktop, openPage, phone } from './support/browser';
import { signedIn, siteOf } from './support/sign-in';
import { useSuite } from './support/suite';

const suite = useSuite();

// One payload for every text field: HTML that would run script if it were ever put into the page as
// markup, quotes that would break out of an attribute, and SQL metacharacters that would break a
// query built by string concatenation. It must come back verbatim and be shown as text.
const PAYLOAD = `<img src=x onerror=window.__xss=1>"><svg onload=window.__xss=1>';--`;

const helsinkiDay = (offsetDays = 0): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date(Date.now() + offsetDays * 86_400_000));

async function call<T>(page: Page, csrf: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, data?: unknown): Promise<T> {
  const response = await page.request.fetch(path, { method, data, headers: method === 'GET' ? {} : { 'x-csrf-token': csrf } });
  if (!response.ok()) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Opens a page, waits for it to settle, and checks that nothing of the payload ran or became markup. */
async function expectInert(page: Page, path: string, dialogs: string[], showsPayload: boolean): Promise<string> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  // A page that lists the payload may render it after its data arrives (a list loaded from the
  // offline store, for one): wait for the words rather than for a quiet network alone.
  if (showsPayload) await page.waitForFunction(() => document.body.innerText.includes('onerror=window.__xss=1'), undefined, { timeout: 15_000 }).catch(() => undefined);
  const state = await page.evaluate(() => ({
    ran: (window as unknown as { __xss?: number }).__xss ?? 0,
    handlers: document.querySelectorAll('[onerror], [onload]').length,
    injected: document.querySelectorAll('img[src="x"], svg[onload]').length,
    text: document.body.innerText,
  }));
  expect({ path, ran: state.ran, handlers: state.handlers, injected: state.injected, dialogs }).toEqual({ path, ran: 0, handlers: 0, injected: 0, dialogs: [] });
  return state.text;
}

describe('injection: SQL metacharacters and script in every text field', () => {
  // It visits eighteen pages as five people, so it gets three times the usual minute.
  it('stores the payload verbatim and shows it as inert text on every page that renders it', { timeout: 180_000 }, async () => {
    const s = suite();
    // Codes are never reused, so a retry on CI needs its own.
    const probe = `xss_probe_${randomBytes(4).toString('hex')}`;
    const admin = await signedIn(s, 'demo.admin');
    const staff = await signedIn(s, 'demo.staff');
    const nurse = await signedIn(s, 'demo.nurse', phone);
    const coordinator = await signedIn(s, 'demo.coordinator');
    const siteId = siteOf(staff.session, 'daycentre_staff');

    // Administrator: the site's address, a colleague's name, a code list entry and a service.
    await call(admin.page, admin.session.csrfToken, 'PATCH', `/api/sites/${siteId}`, { address: PAYLOAD });
    const users = (await call<{ users: { id: string; username: string }[] }>(admin.page, admin.session.csrfToken, 'GET', '/api/users')).users;
    const socialWorker = users.find((u) => u.username === 'demo.socialworker')!;
    await call(admin.page, admin.session.csrfToken, 'PATCH', `/api/users/${socialWorker.id}`, { displayName: PAYLOAD });
    const labels = { fi: PAYLOAD, sv: PAYLOAD, en: PAYLOAD };
    await call(admin.page, admin.session.csrfToken, 'POST', '/api/codes', { kind: 'need', register: 'health', code: probe, labels });
    const service = await call<{ id: string; names: { fi: string } }>(admin.page, admin.session.csrfToken, 'POST', '/api/services', { code: probe, names: labels });
    expect(service.names.fi).toBe(PAYLOAD);

    // Coordinator: a session with a public note, and a feedback form whose texts are the payload.
    await call(coordinator.page, coordinator.session.csrfToken, 'POST', `/api/sites/${siteId}/sessions`, {
      recurrence: 'one_off', startsOn: helsinkiDay(3), startsAt: '10:00', endsAt: '11:00', publicNote: PAYLOAD,
    });
    const form = await call<{ id: string; current: { id: string; items: { id: string; kind: string }[] } }>(coordinator.page, coordinator.session.csrfToken, 'POST', '/api/feedback/forms', {
      audience: 'visitor',
      name: { fi: PAYLOAD },
      items: [{ kind: 'agreement', text: { fi: PAYLOAD } }, { kind: 'open_text', text: { fi: PAYLOAD } }],
    });

    // Day-centre staff: a day log event, an open group with the payload in every text, a paper answer.
    await call(staff.page, staff.session.csrfToken, 'PUT', `/api/sites/${siteId}/daylog/${helsinkiDay()}`, { id: randomUUID(), breakfasts: 10, events: PAYLOAD });
    const series = await call<{ id: string; name: string; sessions: { id: string; day: string }[] }>(staff.page, staff.session.csrfToken, 'POST', `/api/sites/${siteId}/group-series`, {
      name: PAYLOAD, description: PAYLOAD, targetGroup: PAYLOAD, room: PAYLOAD, facilitators: [{ role: PAYLOAD, organisation: PAYLOAD }],
      weekday: Number(new Date(`${helsinkiDay(7)}T12:00:00Z`).getUTCDay() || 7), startsAt: '12:00', endsAt: '13:00', startsOn: helsinkiDay(7), endsOn: helsinkiDay(21),
    });
    expect(series.name).toBe(PAYLOAD);
    await call(staff.page, staff.session.csrfToken, 'PATCH', `/api/group-sessions/${series.sessions[0]!.id}`, { theme: PAYLOAD, isThemePublished: true });
    const [agreement, open] = form.current.items;
    await call(staff.page, staff.session.csrfToken, 'POST', `/api/feedback/forms/${form.id}/paper`, {
      context: { siteId }, submittedOn: helsinkiDay(), responses: [{ answers: [{ itemId: agreement!.id, score: 4 }, { itemId: open!.id, text: PAYLOAD }] }],
    });

    // Nurse: an encounter with a referral whose follow-up memo is the payload (it shows on the follow-up list).
    const { code } = await call<{ code: string }>(nurse.page, nurse.session.csrfToken, 'POST', `/api/sites/${siteId}/visitor-codes`);
    const referralId = randomUUID();
    const encounter = await call<{ referrals: { memo: string | null }[] }>(nurse.page, nurse.session.csrfToken, 'POST', '/api/encounters', {
      id: randomUUID(), siteId, occurredAt: new Date().toISOString(), visitorCode: code, needs: [`health:${probe}`],
      referrals: [{ id: referralId, serviceId: service.id, way: 'advised', memo: PAYLOAD.slice(0, 200) }],
    });
    expect(encounter.referrals[0]!.memo).toBe(PAYLOAD);

    // Every page that shows one of these texts, as the people who see them.
    const visits: [typeof admin, string][] = [
      [admin, '/admin/sites'], [admin, `/admin/sites/${siteId}`], [admin, '/admin/users'], [admin, '/admin/codes'], [admin, '/admin/services'], [admin, '/audit'],
      [coordinator, '/schedule'], [coordinator, '/feedback'], [coordinator, `/feedback/forms/${form.id}/results`], [coordinator, `/groups/${series.id}`],
      [staff, `/groups?site=${siteId}`], [staff, `/daylog/month`], [staff, `/feedback/forms/${form.id}/paper`],
      [nurse, '/follow-ups'], [nurse, '/encounters'], [nurse, '/encounters/new'], [nurse, '/'],
    ];
    const mustShow = ['/admin/codes', '/admin/services', `/feedback/forms/${form.id}/results`, `/groups/${series.id}`, '/follow-ups', '/daylog/month'];
    const shown: string[] = [];
    for (const [who, path] of visits) {
      const dialogs: string[] = [];
      const onDialog = (dialog: { message: () => string; dismiss: () => Promise<void> }) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      };
      who.page.on('dialog', onDialog);
      shown.push(await expectInert(who.page, path, dialogs, mustShow.includes(path)));
      who.page.off('dialog', onDialog);
    }
    // The payload is not just harmless but visible, as the words it is, where it was written.
    const visibleOn = visits.filter((_, index) => shown[index]!.includes('onerror=window.__xss=1')).map(([, path]) => path);
    expect(visibleOn).toEqual(expect.arrayContaining(mustShow));

    // The public announcement page, for anyone: the group, its published theme and the session note.
    const visitor = await openPage(s.browser, s.server.baseUrl, desktop);
    const publicText = await expectInert(visitor.page, `/announcements/${siteId}`, [], true);
    expect(publicText).toContain(`onerror=window.__xss=1`);

    for (const who of [admin, staff, nurse, coordinator]) expect(who.problems).toEqual([]);
    expect(visitor.problems).toEqual([]);
    for (const who of [admin, staff, nurse, coordinator, visitor]) await who.context.close();
  });
});
