import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../src/domain/api-types';
import type { EncounterView } from '../src/domain/outreach-views';
import { expectNoSeriousViolations } from './support/axe';
import { phone } from './support/browser';
import { useSuite } from './support/suite';
import { EncounterForm } from './pages/encounter-form';
import { signedIn as signedInAs } from './support/sign-in';

// Issue 17 items 10 and 11: the encounter form on a 360×740 phone, and correcting entries from the list.

const suite = useSuite();
const signedIn = (username: string) => signedInAs(suite(), username, phone);
const helsinkiDay = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());

type Page = Awaited<ReturnType<typeof signedIn>>['page'];

async function saveIsInView(page: Page): Promise<boolean> {
  const box = await page.locator('#encounter-save').boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= phone.height && box.x >= 0 && box.x + box.width <= phone.width;
}

const activeChoice = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-choice') ?? document.activeElement?.id ?? null);

describe('the encounter form on a phone (360×740)', () => {
  it('asks for the visitor code first, preselects no answer, keeps Save in view and moves focus to the confirmation', async () => {
    const { page, context, session } = await signedIn('demo.nurse');
    const siteId = session.user.roles.find((r) => r.role === 'professional')?.siteId ?? '';
    const form = new EncounterForm(page);
    await form.openFromHome();

    // The code field comes before every question of the form.
    const fields = await page.locator('main form input, main form button[data-choice]').evaluateAll((els) => els.map((e) => e.id || e.getAttribute('data-choice')));
    expect(fields[0]).toBe('encounter-visitor-code');
    // Save is visible without scrolling, and stays so at the bottom of a long form.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await saveIsInView(page)).toBe(true);
    // Nothing answered in advance: anonymous, first time, age.
    for (const group of ['anonymous', 'first-me', 'age', 'need']) {
      expect(await page.locator(`main button[data-choice^="${group}:"][aria-pressed="true"]`).count(), group).toBe(0);
    }
    await form.tap(form.choice('anonymous', 'yes'));
    await form.tap(form.choice('first-me', 'no'));
    await form.tap(form.choice('age', '51_64'));
    await form.tap(form.choice('referral', 'add'));
    await page.locator(form.firstChoice('service')).waitFor();
    expect(await saveIsInView(page)).toBe(true);
    await form.tap(form.firstChoice('service'));
    await form.save();

    // Focus and the screen reader's attention go to the confirmation.
    expect(await activeChoice(page)).toBe('encounter-saved');
    expect(await page.locator('#encounter-saved').getAttribute('role')).toBe('status');
    expect(await page.locator('main button[data-choice^="anonymous:"][aria-pressed="true"]').count()).toBe(0);

    const listed = (await (await page.request.get(`/api/sites/${siteId}/encounters?day=${helsinkiDay()}`)).json()) as { encounters: EncounterView[] };
    const saved = listed.encounters.find((e) => e.ageBand === '51_64' && e.isAnonymousToProfessional === true);
    expect(saved?.professionals.map((p) => [p.userId, p.isFirstWithProfessional])).toEqual([[session.user.id, false]]);
    expect(saved?.referrals.map((r) => r.referredBy)).toEqual([session.user.id]);
    await expectNoSeriousViolations(page, 'encounter form after saving (phone)');
    await context.close();
  });

  it('moves between the chips of a group with the arrow keys, one Tab stop per group', async () => {
    const { page, context } = await signedIn('demo.nurse');
    const form = new EncounterForm(page);
    await form.openFromHome();
    const ages = page.locator('main button[data-choice^="age:"]');
    expect(await ages.evaluateAll((els) => els.map((e) => e.getAttribute('tabindex')))).toEqual(['0', '-1', '-1', '-1', '-1', '-1', '-1']);
    await ages.first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await activeChoice(page)).toBe('age:18_29');
    await page.keyboard.press('End');
    expect(await activeChoice(page)).toBe('age:unknown');
    await page.keyboard.press('ArrowRight');
    expect(await activeChoice(page)).toBe('age:under_18');
    await page.keyboard.press('Space');
    expect(await ages.first().getAttribute('aria-pressed')).toBe('true');
    // Tab leaves the group: the next stop is in the next group, not the next age chip.
    await page.keyboard.press('Tab');
    expect(await activeChoice(page)).not.toMatch(/^age:/);
    await context.close();
  });
});

async function recordViaApi(page: Page, session: SessionInfo, siteId: string, extra: Record<string, unknown> = {}): Promise<EncounterView> {
  const response = await page.request.post('/api/encounters', {
    headers: { 'x-csrf-token': session.csrfToken },
    data: { id: crypto.randomUUID(), siteId, occurredAt: new Date().toISOString(), ...extra },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as EncounterView;
}

describe('correcting today’s entries on a phone', () => {
  it('the creator corrects one entry and deletes another from today’s list', async () => {
    const { page, context, session } = await signedIn('demo.socialworker');
    const siteId = session.user.roles.find((r) => r.role === 'professional')?.siteId ?? '';
    const kept = await recordViaApi(page, session, siteId, { ageBand: '65_80' });
    const mistaken = await recordViaApi(page, session, siteId, { ageBand: 'over_80' });

    await page.goto('/encounters');
    await page.locator(`main li[data-encounter-id="${kept.id}"] a[href$="/edit"]`).click();
    await page.waitForURL((url) => url.pathname === `/encounters/${kept.id}/edit`);
    await page.locator('#encounter-save').waitFor();
    expect(await saveIsInView(page)).toBe(true);
    expect(await page.locator('main button[data-choice="age:65_80"]').getAttribute('aria-pressed')).toBe('true');
    await page.locator('main button[data-choice="urgent:urgent"]').click();
    await page.locator('main button[data-choice="anonymous:no"]').click();
    await page.locator('#encounter-save').click();
    await page.locator('#encounter-saved').waitFor();
    expect(await activeChoice(page)).toBe('encounter-saved');
    const corrected = (await (await page.request.get(`/api/encounters/${kept.id}`)).json()) as EncounterView;
    expect([corrected.isUrgent, corrected.isAnonymousToProfessional, corrected.ageBand]).toEqual([true, false, '65_80']);

    await page.goto('/encounters');
    const row = page.locator(`main li[data-encounter-id="${mistaken.id}"]`);
    await row.waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await row.locator('button[data-action="delete"]').click();
    await row.waitFor({ state: 'detached' });
    expect((await page.request.get(`/api/encounters/${mistaken.id}`)).status()).toBe(404);
    expect(await page.locator(`main li[data-encounter-id="${kept.id}"]`).count()).toBe(1);
    await context.close();
  });
});
