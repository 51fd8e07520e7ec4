import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays } from '../src/domain/calendar';
import type { DaylogView } from '../src/domain/outreach-views';
import { expectNoSeriousViolations } from './support/axe';
import { phone } from './support/browser';
import { signedIn as signedInAs, siteOf } from './support/sign-in';
import { useSuite } from './support/suite';

const suite = useSuite();
const helsinkiDay = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());
type Month = { days: DaylogView[]; writable: { from: string; to: string } };

async function putDaylog(page: Page, csrf: string, siteId: string, day: string, body: Record<string, unknown>) {
  return page.request.put(`/api/sites/${siteId}/daylog/${day}`, { data: { id: crypto.randomUUID(), ...body }, headers: { 'x-csrf-token': csrf } });
}

async function entryOf(page: Page, siteId: string, day: string): Promise<DaylogView | undefined> {
  const month = (await (await page.request.get(`/api/sites/${siteId}/daylog?month=${day.slice(0, 7)}`)).json()) as Month;
  return month.days.find((d) => d.day === day);
}

const value = (page: Page, field: string) => page.locator(`#daylog-${field}`).inputValue();

async function openDay(page: Page, day: string): Promise<void> {
  await page.locator('#daylog-day').selectOption(day);
  await page.locator('#daylog-save').waitFor();
  await page.waitForLoadState('networkidle');
}

describe('day log entry on a phone (360×740)', () => {
  it('opens a day that has data with the saved values, and fills in a forgotten day within the window', async () => {
    const { page, context, session } = await signedInAs(suite(), 'demo.staff', phone);
    const siteId = siteOf(session, 'daycentre_staff');
    const today = helsinkiDay();
    const saved = await putDaylog(page, session.csrfToken, siteId, today, { breakfasts: 17, lunches: 23, estimatedVisitors: 30, closedAt: '14:00', events: 'Kahvihetki' });
    expect(saved.status()).toBe(201);

    await page.goto('/daylog');
    await page.locator('#daylog-save').waitFor();
    expect([await value(page, 'breakfasts'), await value(page, 'lunches'), await value(page, 'estimatedVisitors'), await value(page, 'closedAt'), await value(page, 'events')]).toEqual(['17', '23', '30', '14:00', 'Kahvihetki']);
    await page.locator('main .daylog-entry__has-entry').waitFor();
    await expectNoSeriousViolations(page, 'day log prefilled (phone)');

    // Today and the seven days before it can be chosen, newest first.
    const options = await page.locator('#daylog-day option').evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(Array.from({ length: 8 }, (_, i) => addDays(today, -i)));

    const forgotten = addDays(today, -3);
    await openDay(page, forgotten);
    expect(await value(page, 'breakfasts')).toBe('');
    await page.locator('#daylog-breakfasts').fill('9');
    await page.locator('#daylog-lunches').fill('14');
    await page.locator('#daylog-save').click();
    await page.locator('main [role="status"]').filter({ hasText: 'Päivän tiedot tallennettu.' }).waitFor();
    expect(await entryOf(page, siteId, forgotten)).toMatchObject({ breakfasts: 9, lunches: 14, version: 1 });
    expect(await entryOf(page, siteId, today)).toMatchObject({ breakfasts: 17, lunches: 23 });

    // Opened again later, the back-dated day shows what was saved.
    await page.reload();
    await page.locator('#daylog-save').waitFor();
    expect(await value(page, 'breakfasts')).toBe('17');
    await openDay(page, forgotten);
    expect([await value(page, 'breakfasts'), await value(page, 'lunches')]).toEqual(['9', '14']);

    // Beyond the window and in the future the server refuses, saying why.
    const tooOld = await putDaylog(page, session.csrfToken, siteId, addDays(today, -8), { breakfasts: 1 });
    expect(tooOld.status()).toBe(400);
    expect(((await tooOld.json()) as { error: { details: { reason: string } } }).error.details.reason).toBe('too_far_back');
    const tomorrow = await putDaylog(page, session.csrfToken, siteId, addDays(today, 1), { breakfasts: 1 });
    expect(tomorrow.status()).toBe(400);
    await context.close();
  });

  it('shows the other person’s newer values on a conflicting save and lets the user keep theirs or save over them', async () => {
    const { page, context, session } = await signedInAs(suite(), 'demo.staff', phone);
    const siteId = siteOf(session, 'daycentre_staff');
    const day = addDays(helsinkiDay(), -1);
    expect((await putDaylog(page, session.csrfToken, siteId, day, { breakfasts: 10, lunches: 20 })).status()).toBe(201);
    await page.goto('/daylog');
    await page.locator('#daylog-save').waitFor();
    await openDay(page, day);
    expect(await value(page, 'lunches')).toBe('20');

    // A colleague saves the same day on another device.
    expect((await putDaylog(page, session.csrfToken, siteId, day, { breakfasts: 12, lunches: 40, baseVersion: 1 })).status()).toBe(200);
    await page.locator('#daylog-lunches').fill('25');
    await page.locator('#daylog-save').click();
    const conflict = page.locator('#daylog-conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('40');
    await expectNoSeriousViolations(page, 'day log conflict (phone)');
    expect(await entryOf(page, siteId, day)).toMatchObject({ lunches: 40, version: 2 });

    await page.locator('#daylog-take-theirs').click();
    await conflict.waitFor({ state: 'detached' });
    expect([await value(page, 'breakfasts'), await value(page, 'lunches')]).toEqual(['12', '40']);

    // Once more, and this time the user's own number wins, knowingly.
    expect((await putDaylog(page, session.csrfToken, siteId, day, { breakfasts: 12, lunches: 41, baseVersion: 2 })).status()).toBe(200);
    await page.locator('#daylog-lunches').fill('26');
    await page.locator('#daylog-save').click();
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('41');
    await page.locator('#daylog-overwrite').click();
    await page.locator('main [role="status"]').filter({ hasText: 'Päivän tiedot tallennettu.' }).waitFor();
    expect(await entryOf(page, siteId, day)).toMatchObject({ breakfasts: 12, lunches: 26, version: 4 });
    expect(await value(page, 'lunches')).toBe('26');
    await context.close();
  });
});
