import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../src/domain/api-types';
import type { EncounterView } from '../src/domain/outreach-views';
import { AppShell } from './pages/app-shell';
import { inspectStoredData } from './support/database';
import { expectNoSeriousViolations } from './support/axe';
import { phone } from './support/browser';
import { screenshot } from './support/screenshots';
import { signedIn, siteOf } from './support/sign-in';
import { useSuite } from './support/suite';

const suite = useSuite();
const helsinkiDay = (instant: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(instant);

/** Two of today's encounters recorded by the nurse through the API, a minute apart, for the coordinator to correct. */
async function recordTwo(page: Page, session: SessionInfo, siteId: string): Promise<[string, string]> {
  const now = Date.now();
  const ids: [string, string] = [randomUUID(), randomUUID()];
  for (const [index, id] of ids.entries()) {
    // Never before today's Helsinki midnight, so that both are on today's list even just after midnight.
    const at = new Date(Math.max(now - (2 - index) * 60_000, Date.parse(`${helsinkiDay(new Date(now))}T00:00:00+03:00`)));
    const response = await page.request.post('/api/encounters', {
      headers: { 'x-csrf-token': session.csrfToken },
      data: { id, siteId, occurredAt: at.toISOString(), ageBand: '30_50', durationMinutes: 15 },
    });
    expect(response.status()).toBe(201);
  }
  return ids;
}

let changed: { corrected: string; removed: string } | null = null;

describe('a coordinator corrects and removes encounters (360×740)', () => {
  it('finds the day’s entries, corrects one field with a reason, removes one with a reason, by keyboard, axe-clean', async () => {
    const nurse = await signedIn(suite(), 'demo.nurse', phone);
    const siteId = siteOf(nurse.session, 'professional');
    const [corrected, removed] = await recordTwo(nurse.page, nurse.session, siteId);
    await nurse.context.close();

    const { page, context, problems } = await signedIn(suite(), 'demo.coordinator', phone);
    // From the home page's link, not a typed address.
    await page.locator('main a[href="/encounters/corrections"]').click();
    await page.waitForURL((url) => url.pathname === '/encounters/corrections');
    const list = page.locator('main [data-testid="correction-list"]');
    await list.locator(`li[data-encounter-id="${corrected}"]`).waitFor();
    // The date picker's button is named for screen readers in the page's language.
    expect(await page.getByRole('button', { name: /Valitse päivämäärä/ }).count()).toBe(1);
    await expectNoSeriousViolations(page, 'encounter corrections list (phone)');

    // Correct: the age group, with the reason first left out.
    const entry = list.locator(`li[data-encounter-id="${corrected}"]`);
    await entry.locator('button[data-action="correct"]').focus();
    await page.keyboard.press('Enter');
    const form = entry.locator('[data-testid="correction-form"]');
    await form.waitFor();
    await form.locator(`#correction-${corrected}-age`).selectOption('65_80');
    await form.locator('button[type="submit"]').click();
    await page.locator('main').getByText('Kirjoita syy, vähintään 3 merkkiä.').first().waitFor();
    await expectNoSeriousViolations(page, 'correction form with an error (phone)');
    await form.locator(`#correction-${corrected}-reason`).fill('Ikäryhmä kirjattiin väärin');
    await screenshot(page, 'encounter-correction-phone');
    await form.locator('button[type="submit"]').focus();
    await page.keyboard.press('Enter');
    const done = page.locator('main [data-testid="corrections-done"]');
    await done.getByText(/korjattu/).waitFor();
    // The confirmation takes focus, so a screen reader reads it next.
    expect(await done.evaluate((el) => el === document.activeElement)).toBe(true);

    // Remove: by keyboard only, with a reason.
    const second = list.locator(`li[data-encounter-id="${removed}"]`);
    await second.locator('button[data-action="remove"]').focus();
    await page.keyboard.press('Enter');
    const removal = second.locator('[data-testid="removal-form"]');
    await removal.waitFor();
    await removal.locator(`#removal-${removed}-reason`).focus();
    await page.keyboard.type('Kirjattu kahteen kertaan');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await done.getByText(/poistettu/).waitFor();
    await second.waitFor({ state: 'detached' });
    await expectNoSeriousViolations(page, 'encounter corrections after removal (phone)');

    // The server has both changes, and the audit log the reasons.
    const day = helsinkiDay(new Date());
    const stored = (await (await page.request.get(`/api/sites/${siteId}/encounters/for-correction?day=${day}`)).json()) as { encounters: EncounterView[] };
    expect(stored.encounters.find((e) => e.id === corrected)).toMatchObject({ ageBand: '65_80', durationMinutes: 15 });
    expect(stored.encounters.some((e) => e.id === removed)).toBe(false);
    changed = { corrected, removed };

    // The same page in Swedish and English: texts and the date picker's label change.
    const shell = new AppShell(page);
    await shell.switchLanguage('sv');
    await page.getByRole('heading', { name: 'Korrigering av möten' }).waitFor();
    expect(await page.getByRole('button', { name: /Välj datum/ }).count()).toBe(1);
    await shell.switchLanguage('en');
    await page.getByRole('heading', { name: 'Correcting encounters' }).waitFor();
    expect(await page.getByRole('button', { name: /Choose a date/ }).count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  // Last in the file: it stops the server to read its database.
  it('audits the correction and the removal with the coordinator’s reasons', async () => {
    expect(changed).not.toBeNull();
    const { corrected, removed } = changed!;
    const rows = await inspectStoredData(suite().server, async (db) =>
      (await db.query<{ resource_id: string; action: string; details: Record<string, unknown> }>(
        "select resource_id, action, details from audit_log where resource_id = any($1) and action in ('encounter.corrected', 'encounter.deleted') order by id",
        [[corrected, removed]],
      )).rows,
    );
    expect(rows).toEqual([
      { resource_id: corrected, action: 'encounter.corrected', details: { fields: ['ageBand'], reason: 'Ikäryhmä kirjattiin väärin' } },
      { resource_id: removed, action: 'encounter.deleted', details: expect.objectContaining({ reason: 'Kirjattu kahteen kertaan', byCoordinator: true }) },
    ]);
  });
});
