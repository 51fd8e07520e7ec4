import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { EncounterView } from '../src/domain/outreach-views';
import { expectNoSeriousViolations } from './support/axe';
import { phone } from './support/browser';
import { signedIn as signedInAs, siteOf } from './support/sign-in';
import { useSuite } from './support/suite';
import { EncounterForm } from './pages/encounter-form';

const suite = useSuite();
const helsinkiDay = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());

const queuedItems = (page: Page) => page.locator('main [data-testid="queued-encounter-list"] > li');
const savedItems = (page: Page) => page.locator('main [data-testid="encounter-list"] > li');

async function record(page: Page, age: string): Promise<void> {
  const form = new EncounterForm(page);
  await form.tap(form.choice('age', age));
  await form.tap(form.firstChoice('need'));
  await form.tap('#encounter-save');
}

describe('today’s encounters offline (360×740)', () => {
  it('shows what waits in the outbox, marked not yet sent, beside the saved ones it knew, and the sent list once the network returns', async () => {
    const { page, context, session } = await signedInAs(suite(), 'demo.nurse', phone);
    const siteId = siteOf(session, 'professional');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    const encountersNow = async () =>
      ((await (await page.request.get(`/api/sites/${siteId}/encounters?day=${helsinkiDay()}`)).json()) as { encounters: EncounterView[] }).encounters;

    // One encounter saved online; the list of the day shows it (and keeps a copy on the device).
    await page.goto('/encounters/new');
    await page.locator('main button[data-choice^="need:"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    await record(page, '30_50');
    await page.locator('main [role="status"]:not(.outbox-status)').waitFor();
    expect(await encountersNow()).toHaveLength(1);
    await page.goto('/encounters');
    await savedItems(page).first().waitFor();
    expect(await savedItems(page).count()).toBe(1);

    await context.setOffline(true);
    await page.goto('/encounters/new');
    await page.locator('main button[data-choice^="need:"]').first().waitFor();
    await record(page, '18_29');
    await page.locator('main .outbox-status').filter({ hasText: 'Lähettämättä (1)' }).waitFor();
    await record(page, '65_80');
    await page.locator('main .outbox-status').filter({ hasText: 'Lähettämättä (2)' }).waitFor();

    // The list opens offline at once: the two queued, each marked, and the one saved earlier.
    await page.goto('/encounters');
    await queuedItems(page).nth(1).waitFor({ timeout: 5_000 });
    expect(await queuedItems(page).count()).toBe(2);
    for (const text of await queuedItems(page).allInnerTexts()) expect(text).toContain('Ei vielä lähetetty');
    await savedItems(page).first().waitFor({ timeout: 5_000 });
    expect(await savedItems(page).count()).toBe(1);
    expect(await page.locator('main .loading').count()).toBe(0);
    await expectNoSeriousViolations(page, 'today’s encounters offline with a queue (phone)');

    // The network returns: the outbox is sent and the list is the server's, three saved, none queued.
    await context.setOffline(false);
    await page.locator('main .outbox-status').waitFor({ state: 'detached', timeout: 30_000 });
    await savedItems(page).nth(2).waitFor({ timeout: 15_000 });
    expect(await queuedItems(page).count()).toBe(0);
    expect(await encountersNow()).toHaveLength(3);
    await context.close();
  });
});
