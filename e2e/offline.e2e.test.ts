import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DaylogView, EncounterView } from '../src/domain/outreach-views';
import { expectNoSeriousViolations } from './support/axe';
import { desktop, phone } from './support/browser';
import { useSuite } from './support/suite';
import { EncounterForm } from './pages/encounter-form';
import { signedIn as signedInAs } from './support/sign-in';

const suite = useSuite();
const helsinkiDay = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());

type OutboxEntry = { id: string; method: 'POST' | 'PUT'; path: string; body: unknown };

async function signedIn(username: string) {
  const opened = await signedInAs(suite(), username, phone);
  // The service worker has cached the app shell and controls the page.
  await opened.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  return opened;
}

/** The outbox as the app stored it in IndexedDB. */
function readOutbox(page: Page): Promise<OutboxEntry[]> {
  return page.evaluate(
    () =>
      new Promise<OutboxEntry[]>((resolve, reject) => {
        const open = indexedDB.open('silta');
        open.onerror = () => reject(new Error('no database'));
        open.onsuccess = () => {
          const request = open.result.transaction('outbox', 'readonly').objectStore('outbox').getAll();
          request.onsuccess = () => resolve(request.result as OutboxEntry[]);
          request.onerror = () => reject(new Error('no outbox'));
        };
      }),
  );
}

function writeOutbox(page: Page, entries: OutboxEntry[]): Promise<void> {
  return page.evaluate(
    (list) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('silta');
        open.onerror = () => reject(new Error('no database'));
        open.onsuccess = () => {
          const tx = open.result.transaction('outbox', 'readwrite');
          for (const entry of list) tx.objectStore('outbox').put(entry);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(new Error('not written'));
        };
      }),
    entries,
  );
}

const pendingStatus = (page: Page) => page.locator('main .outbox-status');

describe('offline outbox (360×740)', () => {
  it('the app is installable (manifest) and the day-log page has no serious axe violations at 360 px and on desktop', async () => {
    const { page, context } = await signedIn('demo.staff');
    const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as { start_url: string; display: string };
    expect(manifest).toMatchObject({ start_url: '/', display: 'standalone' });
    for (const [label, viewport] of [['phone', phone], ['desktop', desktop]] as const) {
      await page.setViewportSize(viewport);
      await page.goto('/daylog');
      await page.locator('#daylog-save').waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoSeriousViolations(page, `day log (${label})`);
      await page.locator('#daylog-breakfasts').fill('x');
      await page.locator('#daylog-closedAt').fill('25:00');
      await page.locator('#daylog-save').click();
      await page.locator('#daylog-breakfasts-statusText').filter({ hasText: /./ }).waitFor();
      await expectNoSeriousViolations(page, `day log with errors (${label})`);
    }
    await context.close();
  });

  it('three encounters and a day log made offline, across a reload, arrive exactly once when the network returns', async () => {
    const nurse = await signedIn('demo.nurse');
    const staff = await signedIn('demo.staff');
    const nurseSite = nurse.session.user.roles.find((r) => r.role === 'professional')?.siteId ?? '';
    const staffSite = staff.session.user.roles.find((r) => r.role === 'daycentre_staff')?.siteId ?? '';
    const day = helsinkiDay();

    // Open the forms online once: the code lists, services and sites are then kept on the device.
    await nurse.page.goto('/encounters/new');
    await nurse.page.locator('main button[data-choice^="need:"]').first().waitFor();
    await nurse.page.waitForLoadState('networkidle');
    await staff.page.goto('/daylog');
    await staff.page.locator('#daylog-save').waitFor();
    await staff.page.waitForLoadState('networkidle');

    await nurse.context.setOffline(true);
    await staff.context.setOffline(true);

    const form = new EncounterForm(nurse.page);
    for (const [index, age] of ['18_29', '30_50', '65_80'].entries()) {
      await form.tap(form.choice('age', age));
      await form.tap(form.firstChoice('need'));
      await form.tap('#encounter-save');
      await pendingStatus(nurse.page).filter({ hasText: `Lähettämättä (${index + 1})` }).waitFor();
    }
    await nurse.page.locator('main [role="status"]:not(.outbox-status)').filter({ hasText: /lähetetään/ }).waitFor();
    await expectNoSeriousViolations(nurse.page, 'encounter form offline with a pending outbox');

    await staff.page.locator('#daylog-breakfasts').fill('12');
    await staff.page.locator('#daylog-lunches').fill('20');
    await staff.page.locator('#daylog-estimatedVisitors').fill('35');
    await staff.page.locator('#daylog-closedAt').fill('14:30');
    await staff.page.locator('#daylog-events').fill('Joulujuhla');
    await staff.page.locator('#daylog-save').click();
    await pendingStatus(staff.page).filter({ hasText: 'Lähettämättä (1)' }).waitFor();
    await expectNoSeriousViolations(staff.page, 'day log offline with a pending outbox');

    // Reload while offline: the app still opens, and the outbox is still there.
    for (const { page } of [nurse, staff]) {
      const response = await page.reload();
      expect(response?.fromServiceWorker()).toBe(true);
      await page.locator('main h1').waitFor();
      await pendingStatus(page).waitFor();
    }
    const worker = nurse.context.serviceWorkers()[0];
    const workerNetwork = await worker?.evaluate(() => fetch('/favicon.svg?probe').then(() => 'online', () => 'offline'));
    // The worker is offline too: the reload above was served from its cache, not the network.
    expect(workerNetwork).toBe('offline');
    await nurse.page.locator('main button[data-choice^="need:"]').first().waitFor();
    await staff.page.locator('#daylog-save').waitFor();
    const nurseOutbox = await readOutbox(nurse.page);
    const staffOutbox = await readOutbox(staff.page);
    expect(nurseOutbox).toHaveLength(3);
    expect(staffOutbox).toHaveLength(1);

    // Nothing has reached the server yet.
    const before = (await (await nurse.page.request.get(`/api/sites/${nurseSite}/encounters?day=${day}`)).json()) as { encounters: EncounterView[] };
    expect(before.encounters).toHaveLength(0);

    await nurse.context.setOffline(false);
    await staff.context.setOffline(false);
    for (const { page } of [nurse, staff]) await pendingStatus(page).waitFor({ state: 'detached', timeout: 30_000 });

    const encountersNow = async () =>
      ((await (await nurse.page.request.get(`/api/sites/${nurseSite}/encounters?day=${day}`)).json()) as { encounters: EncounterView[] }).encounters;
    const daysNow = async () =>
      ((await (await staff.page.request.get(`/api/sites/${staffSite}/daylog`)).json()) as { days: DaylogView[] }).days;
    const arrived = await encountersNow();
    expect(arrived.map((e) => e.id).sort()).toEqual(nurseOutbox.map((e) => e.id).sort());
    expect(arrived.map((e) => e.ageBand).sort()).toEqual(['18_29', '30_50', '65_80']);
    const days = await daysNow();
    expect(days).toHaveLength(1);
    expect(days[0]).toMatchObject({ day, breakfasts: 12, lunches: 20, estimatedVisitors: 35, closedAt: '14:30', events: 'Joulujuhla' });

    // Sending the same outbox again — by the app and by hand — stores nothing twice.
    await writeOutbox(nurse.page, nurseOutbox);
    await writeOutbox(staff.page, staffOutbox);
    for (const { page } of [nurse, staff]) {
      await page.reload();
      await page.locator('main h1').waitFor();
      await page.waitForFunction(
        () =>
          new Promise<boolean>((resolve) => {
            const open = indexedDB.open('silta');
            open.onsuccess = () => {
              const count = open.result.transaction('outbox', 'readonly').objectStore('outbox').count();
              count.onsuccess = () => resolve(count.result === 0);
            };
          }),
        undefined,
        { timeout: 30_000 },
      );
    }
    for (const [opened, entries] of [[nurse, nurseOutbox], [staff, staffOutbox]] as const) {
      for (const entry of entries) {
        const response = await opened.page.request.fetch(entry.path, {
          method: entry.method,
          data: entry.body,
          headers: { 'x-csrf-token': opened.session.csrfToken },
        });
        expect(response.status()).toBe(200);
      }
    }
    expect(await encountersNow()).toHaveLength(3);
    expect(await daysNow()).toHaveLength(1);

    await nurse.context.close();
    await staff.context.close();
  });

  it('a save the server sheds (503 busy) waits in the outbox and arrives once the server has room', async () => {
    const nurse = await signedIn('demo.nurse');
    const nurseSite = nurse.session.user.roles.find((r) => r.role === 'professional')?.siteId ?? '';
    const encountersNow = async () =>
      ((await (await nurse.page.request.get(`/api/sites/${nurseSite}/encounters?day=${helsinkiDay()}`)).json()) as { encounters: EncounterView[] }).encounters;
    const before = await encountersNow();
    await nurse.page.goto('/encounters/new');
    await nurse.page.locator('main button[data-choice^="need:"]').first().waitFor();
    // What the server answers when it is at capacity (src/server/http/admission.ts).
    const busy = { status: 503, contentType: 'application/json', headers: { 'retry-after': '2' }, body: JSON.stringify({ error: { code: 'busy', message: 'busy' } }) };
    await nurse.page.route('**/api/encounters', (route) => (route.request().method() === 'POST' ? route.fulfill(busy) : route.continue()));

    const form = new EncounterForm(nurse.page);
    await form.tap(form.choice('age', '30_50'));
    await form.tap(form.firstChoice('need'));
    await form.tap('#encounter-save');
    // Kept on the device and said so, not an error: the form is free for the next visitor.
    await pendingStatus(nurse.page).filter({ hasText: 'Lähettämättä (1)' }).waitFor();
    await nurse.page.locator('main [role="status"]:not(.outbox-status)').filter({ hasText: /lähetetään/ }).waitFor();
    const [waiting] = await readOutbox(nurse.page);
    expect(await encountersNow()).toHaveLength(before.length);

    await nurse.page.unroute('**/api/encounters');
    await nurse.page.locator('#outbox-send').click();
    await pendingStatus(nurse.page).waitFor({ state: 'detached', timeout: 30_000 });
    const after = await encountersNow();
    expect(after).toHaveLength(before.length + 1);
    expect(after.map((e) => e.id)).toContain(waiting?.id);
    await nurse.context.close();
  });
});
