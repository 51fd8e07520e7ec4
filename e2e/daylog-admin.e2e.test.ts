import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, type MonthTrend } from '../src/domain/daylog-trend';
import type { CodeView, ServiceView } from '../src/domain/outreach-views';
import { expectNoSeriousViolations } from './support/axe';
import { desktop, phone, type Viewport } from './support/browser';
import { screenshot } from './support/screenshots';
import { useSuite } from './support/suite';
import { DaylogMonthPage } from './pages/daylog-month-page';
import { ListsAdminPage } from './pages/lists-admin-page';
import { LoginPage } from './pages/login-page';
import { OutboxReviewPage } from './pages/outbox-review-page';
import { signedIn as signedInAs, siteOf } from './support/sign-in';
import { isPretendedDate } from './support/test-time';

// The month view is tested on last month's entries, older than the day log's 7-day back-dating window:
// this file's server (started by useSuite, which passes this process's environment on) allows two months.
beforeAll(() => {
  process.env.SILTA_DAYLOG_BACKDATE_DAYS = '62';
});
afterAll(() => {
  delete process.env.SILTA_DAYLOG_BACKDATE_DAYS;
});
const suite = useSuite();
const helsinkiDay = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());
const viewports = [['phone', phone], ['desktop', desktop]] as const;

const signedIn = (username: string, viewport: Viewport = phone) => signedInAs(suite(), username, viewport);


async function putDaylog(page: Page, csrf: string, siteId: string, day: string, body: Record<string, unknown>): Promise<void> {
  const response = await page.request.put(`/api/sites/${siteId}/daylog/${day}`, {
    data: { id: crypto.randomUUID(), ...body },
    headers: { 'x-csrf-token': csrf },
  });
  expect(response.status(), await response.text()).toBe(201);
}

describe('day-centre month view and trend', () => {
  it('day-centre staff see the month with its entries, days without entry, and a trend table that matches the data', async () => {
    const { page, context, session, problems } = await signedIn('demo.staff');
    const siteId = siteOf(session, 'daycentre_staff');
    const today = helsinkiDay();
    const thisMonth = today.slice(0, 7);
    const lastMonth = addMonths(thisMonth, -1);
    await putDaylog(page, session.csrfToken, siteId, `${lastMonth}-03`, { breakfasts: 40, lunches: 55, estimatedVisitors: 60 });
    await putDaylog(page, session.csrfToken, siteId, `${lastMonth}-10`, { breakfasts: 44, lunches: 61, estimatedVisitors: 70, closedAt: '13:00', events: 'Kevätsiivous' });
    await putDaylog(page, session.csrfToken, siteId, `${lastMonth}-17`, { isClosed: true });
    await putDaylog(page, session.csrfToken, siteId, today, { breakfasts: 11, lunches: 12, estimatedVisitors: 25 });

    const month = new DaylogMonthPage(page);
    await month.openFromDaylog();
    const daysThisMonth = new Date(Date.UTC(Number(thisMonth.slice(0, 4)), Number(thisMonth.slice(5, 7)), 0)).getUTCDate();
    expect(await month.monthRows().count()).toBe(daysThisMonth);
    expect((await month.dayCells(today)).slice(1, 5)).toEqual(['11', '12', '25', 'Tavallinen aukiolo']);
    expect(await page.locator('#daylog-month-next').isDisabled()).toBe(true);

    await month.previousMonth();
    expect(new URL(page.url()).searchParams.get('month')).toBe(lastMonth);
    expect((await month.dayCells(`${lastMonth}-03`)).slice(1, 5)).toEqual(['40', '55', '60', 'Tavallinen aukiolo']);
    expect((await month.dayCells(`${lastMonth}-10`)).slice(1, 6)).toEqual(['44', '61', '70', 'Suljettiin klo 13.00', 'Kevätsiivous']);
    expect((await month.dayCells(`${lastMonth}-17`))[4]).toBe('Suljettu koko päivän');
    // A day nobody logged is still there, marked as such.
    expect((await month.dayCells(`${lastMonth}-04`)).slice(1, 5)).toEqual(['–', '–', '–', 'Ei kirjausta']);
    expect(await page.locator('main .daylog-month__summary').innerText()).toContain('3 päivältä');

    // The chart's table says what the API says, month by month, in Finnish number format.
    const trend = (await (await page.request.get(`/api/sites/${siteId}/daylog/trend?from=${addMonths(thisMonth, -11)}&to=${thisMonth}`)).json()) as { months: MonthTrend[] };
    const number = (value: number | null) => (value === null ? '–' : value.toLocaleString('fi', { maximumFractionDigits: 1 }));
    const rows = await month.trendRows();
    expect(rows).toHaveLength(12);
    expect(rows.map((row) => row.slice(1))).toEqual(trend.months.map((m) => [String(m.daysLogged), number(m.meanVisitors), number(m.meanBreakfasts), number(m.meanLunches)]));
    // The closed day is left out of the means: (60 + 70) / 2 visitors, (40 + 44) / 2 breakfasts, (55 + 61) / 2 lunches.
    expect(rows[10]?.slice(1)).toEqual(['2', '65', '42', '58']);
    expect(rows[11]?.slice(1)).toEqual(['1', '25', '11', '12']);
    expect(rows[0]?.slice(1)).toEqual(['0', '–', '–', '–']);
    // The chart draws a dot for each known value: two months × three series.
    expect(await month.chart().getAttribute('role')).toBe('img');
    expect(await month.chart().locator('circle').count()).toBe(6);
    expect(problems).toEqual([]);

    for (const [label, viewport] of viewports) {
      await page.setViewportSize(viewport);
      await page.waitForLoadState('networkidle');
      await expectNoSeriousViolations(page, `day-log month (${label})`);
      await screenshot(page, `daylog-month-${label}`);
    }
    await context.close();
  }, 120_000);

  it("a coordinator (a region-wide role) sees the day centre's month too", async () => {
    const { page, context } = await signedIn('demo.coordinator', desktop);
    await page.goto('/daylog/month');
    const month = new DaylogMonthPage(page);
    await month.waitForData();
    // With no site of its own, a region-wide role gets the region's day centre first: today's entry made by its staff shows.
    expect((await month.dayCells(helsinkiDay())).slice(1, 4)).toEqual(['11', '12', '25']);
    await context.close();
  });
});

// Neither the code lists nor the outbox depend on the date: the runs at pretended dates skip them.
describe.skipIf(isPretendedDate())('code lists and service directory', () => {
  it('an administrator adds a need code in three languages; a nurse sees it in her language, and not once retired', async () => {
    const admin = await signedIn('demo.admin');
    const codes = new ListsAdminPage(admin.page, 'code');
    await codes.open();
    await codes.chooseList('need', 'health');
    for (const [label, viewport] of viewports) {
      await admin.page.setViewportSize(viewport);
      await expectNoSeriousViolations(admin.page, `code lists (${label})`);
      await screenshot(admin.page, `admin-codes-${label}`);
    }
    await admin.page.setViewportSize(phone);

    // Empty and malformed input is caught at the fields, nothing sent.
    await codes.submitAdd();
    await codes.errorSummary().waitFor();
    for (const id of ['code-add-code', 'code-add-fi', 'code-add-sv', 'code-add-en']) expect(await codes.fieldError(id).innerText()).not.toBe('');
    await expectNoSeriousViolations(admin.page, 'code lists with errors (phone)');
    await screenshot(admin.page, 'admin-codes-errors-phone');
    await codes.fill('code-add', { code: 'Hammas Hoito', fi: 'Hammashoito', sv: 'Tandvård', en: 'Dental care' });
    await codes.submitAdd();
    expect(await codes.fieldError('code-add-code').innerText()).toContain('pieniä kirjaimia');
    expect(await codes.page.locator('#code-add-fi').inputValue()).toBe('Hammashoito');

    await codes.page.locator('#code-add-code').fill('e2e_dental');
    await codes.submitAdd();
    const key = 'need:health:e2e_dental';
    expect((await codes.rowCells(key)).slice(0, 4)).toEqual(['e2e_dental', 'Hammashoito', 'Tandvård', 'Dental care']);
    // Ids are never reused: the same id again is refused at the field.
    await codes.fill('code-add', { code: 'e2e_dental', fi: 'Toinen', sv: 'Annan', en: 'Other' });
    await codes.submitAdd();
    expect(await codes.fieldError('code-add-code').innerText()).toContain('jo käytössä');

    // Relabel and move to the top; the id is shown but cannot be edited.
    await codes.row(key).locator('button[data-action="edit"]').click();
    await admin.page.locator('#code-edit-heading').waitFor();
    expect(await admin.page.locator('#code-edit-code').count()).toBe(0);
    await expectNoSeriousViolations(admin.page, 'code editor (phone)');
    await screenshot(admin.page, 'admin-codes-editor-phone');
    await codes.fill('code-edit', { fi: 'Hammashoidon tarve', sv: 'Tandvård', en: 'Dental care', sortOrder: '0' });
    await admin.page.locator('#code-edit-submit').click();
    await admin.page.locator('#code-edit-heading').waitFor({ state: 'detached' });
    await codes.row(key).filter({ hasText: 'Hammashoidon tarve' }).waitFor();
    const stored = ((await (await admin.page.request.get('/api/codes')).json()) as { codes: CodeView[] }).codes.find((c) => `${c.kind}:${c.register}:${c.code}` === key);
    expect(stored).toMatchObject({ labels: { fi: 'Hammashoidon tarve', sv: 'Tandvård', en: 'Dental care' }, sortOrder: 0, isActive: true });

    const nurse = await signedIn('demo.nurse');
    await nurse.page.goto('/encounters/new');
    const chip = nurse.page.locator(`main button[data-choice="need:health:e2e_dental"]`);
    await chip.waitFor();
    expect((await chip.innerText()).trim()).toBe('Hammashoidon tarve');
    await new LoginPage(nurse.page).switchLanguage('sv');
    await chip.filter({ hasText: 'Tandvård' }).waitFor();
    await new LoginPage(nurse.page).switchLanguage('en');
    await chip.filter({ hasText: 'Dental care' }).waitFor();

    await codes.row(key).locator('button[data-action="retire"]').click();
    await codes.row(key).filter({ hasText: 'Poistettu käytöstä' }).waitFor();
    await nurse.page.reload();
    await nurse.page.locator('main button[data-choice^="need:"]').first().waitFor();
    expect(await chip.count()).toBe(0);
    await codes.row(key).locator('button[data-action="reactivate"]').click();
    await codes.row(key).filter({ hasText: 'Käytössä' }).waitFor();

    await nurse.context.close();
    await admin.context.close();
  }, 150_000);

  it('an administrator adds a service and retires one; referrals offer only active services', async () => {
    const admin = await signedIn('demo.admin', desktop);
    const services = new ListsAdminPage(admin.page, 'service');
    await services.open();
    for (const [label, viewport] of viewports) {
      await admin.page.setViewportSize(viewport);
      await expectNoSeriousViolations(admin.page, `service directory (${label})`);
      await screenshot(admin.page, `admin-services-${label}`);
    }
    await services.fill('service-add', { code: 'e2e_food_bank', fi: 'Ruoka-apu', sv: 'Mathjälp', en: 'Food aid', sortOrder: 'x' });
    await services.submitAdd();
    expect(await services.fieldError('service-add-sortOrder').innerText()).toContain('kokonaisluku');
    await services.page.locator('#service-add-sortOrder').fill('5');
    await services.submitAdd();
    expect((await services.rowCells('e2e_food_bank')).slice(0, 5)).toEqual(['e2e_food_bank', 'Ruoka-apu', 'Mathjälp', 'Food aid', '5']);

    await services.row('kela').locator('button[data-action="retire"]').click();
    await services.row('kela').filter({ hasText: 'Poistettu käytöstä' }).waitFor();
    await admin.page.locator('main [role="status"]').filter({ hasText: 'kela' }).waitFor();
    await services.row('kela').locator('button[data-action="edit"]').click();
    await admin.page.locator('#service-edit-heading').waitFor();
    await expectNoSeriousViolations(admin.page, 'service editor (desktop)');
    await admin.page.locator('#service-edit-cancel').click();

    const list = ((await (await admin.page.request.get('/api/services')).json()) as { services: ServiceView[] }).services;
    const kela = list.find((s) => s.code === 'kela');
    const foodBank = list.find((s) => s.code === 'e2e_food_bank');
    expect(kela?.isActive).toBe(false);
    expect(foodBank).toMatchObject({ names: { fi: 'Ruoka-apu', sv: 'Mathjälp', en: 'Food aid' }, sortOrder: 5, isActive: true });

    const nurse = await signedIn('demo.nurse');
    await nurse.page.goto('/encounters/new');
    await nurse.page.locator('main button[data-choice="referral:add"]').click();
    await nurse.page.locator(`main button[data-choice="service:${foodBank?.id ?? ''}"]`).waitFor();
    expect(await nurse.page.locator(`main button[data-choice="service:${kela?.id ?? ''}"]`).count()).toBe(0);
    await nurse.context.close();
    await admin.context.close();
  }, 120_000);
});

type StoredEntry = { id: string; userId: string; kind: string; method: string; path: string; body: unknown; createdAt: string; lastError?: string };

function putIntoOutbox(page: Page, entry: StoredEntry): Promise<void> {
  return page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('silta');
        open.onerror = () => reject(new Error('no database'));
        open.onsuccess = () => {
          const tx = open.result.transaction('outbox', 'readwrite');
          tx.objectStore('outbox').put(value);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(new Error('not written'));
        };
      }),
    entry,
  );
}

function outboxIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('silta');
        open.onerror = () => reject(new Error('no database'));
        open.onsuccess = () => {
          const request = open.result.transaction('outbox', 'readonly').objectStore('outbox').getAllKeys();
          request.onsuccess = () => resolve(request.result.map(String));
        };
      }),
  );
}

describe.skipIf(isPretendedDate())('refused outbox entries', () => {
  it('an entry the server refuses is listed on /outbox with its reason, can be retried, and is discarded only after confirmation', async () => {
    const { page, context, session } = await signedIn('demo.staff');
    const siteId = siteOf(session, 'daycentre_staff');
    const day = helsinkiDay();
    await page.goto('/daylog');
    await page.locator('#daylog-save').waitFor();
    // A day log with a negative count, as an older app version might have queued: the API answers 400.
    const id = crypto.randomUUID();
    await putIntoOutbox(page, {
      id,
      userId: session.user.id,
      kind: 'daylog',
      method: 'PUT',
      path: `/api/sites/${siteId}/daylog/${day}`,
      body: { id, breakfasts: -5, events: 'Salainen muistiinpano' },
      createdAt: new Date().toISOString(),
    });
    await page.reload();
    const status = page.locator('main .outbox-status');
    await status.locator('a[href="/outbox"]').waitFor({ timeout: 30_000 });
    expect(await status.innerText()).toContain('Lähettämättä (1)');

    const review = new OutboxReviewPage(page);
    await review.openFromStatus();
    const card = review.card(id);
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('Päivän tiedot');
    const sites = (await (await page.request.get('/api/sites')).json()) as { sites: { id: string; name: string }[] };
    expect(text).toContain(sites.sites.find((s) => s.id === siteId)?.name ?? 'no such site');
    expect(await card.locator('[data-reason]').getAttribute('data-reason')).toBe('bad_request');
    expect(text).toContain('eivät kelvanneet');
    // The entry's free text is never shown.
    expect(await page.locator('main').innerText()).not.toContain('Salainen');
    // The link is not offered on the page it points to.
    expect(await status.locator('a[href="/outbox"]').count()).toBe(0);
    for (const [label, viewport] of viewports) {
      await page.setViewportSize(viewport);
      await expectNoSeriousViolations(page, `outbox review (${label})`);
      await screenshot(page, `outbox-review-${label}`);
    }
    await page.setViewportSize(phone);

    // Retrying sends it again; the server refuses again, and the entry stays.
    await review.act(id, 'retry');
    await review.outcome().filter({ hasText: 'uudelleen' }).waitFor();
    await card.waitFor();
    expect(await outboxIds(page)).toEqual([id]);

    // Discard asks first; cancelling keeps the entry.
    await review.act(id, 'discard');
    await card.locator('button[data-action="confirm-discard"]').waitFor();
    await expectNoSeriousViolations(page, 'outbox review, confirming discard (phone)');
    await screenshot(page, 'outbox-review-confirm-phone');
    await review.act(id, 'cancel-discard');
    expect(await outboxIds(page)).toEqual([id]);
    await review.act(id, 'discard');
    await review.act(id, 'confirm-discard');
    await card.waitFor({ state: 'detached' });
    await review.outcome().filter({ hasText: 'hylättiin' }).waitFor();
    expect(await outboxIds(page)).toEqual([]);
    await status.waitFor({ state: 'detached' });
    await page.locator('main').filter({ hasText: 'Ei hylättyjä kirjauksia.' }).waitFor();
    // Nothing of it reached the server.
    const days = (await (await page.request.get(`/api/sites/${siteId}/daylog`)).json()) as { days: { id: string; breakfasts: number }[] };
    expect(days.days.some((d) => d.id === id || d.breakfasts < 0)).toBe(false);
    await context.close();
  }, 120_000);

  it('an entry for a site the user has no access to is refused for good, not kept waiting', async () => {
    const admin = await signedIn('demo.admin');
    const created = await admin.page.request.post('/api/sites', {
      data: { regionId: admin.session.user.regionId, name: `Toinen paikka ${Date.now()}`, kind: 'parish' },
      headers: { 'x-csrf-token': admin.session.csrfToken },
    });
    expect(created.status()).toBe(201);
    const otherSiteId = ((await created.json()) as { id: string }).id;
    await admin.context.close();

    const { page, context, session } = await signedIn('demo.staff');
    await page.goto('/daylog');
    await page.locator('#daylog-save').waitFor();
    const id = crypto.randomUUID();
    // A valid day log, but for a site where demo.staff has no role: the server answers 403 forbidden.
    await putIntoOutbox(page, { id, userId: session.user.id, kind: 'daylog', method: 'PUT', path: `/api/sites/${otherSiteId}/daylog/${helsinkiDay()}`, body: { id, breakfasts: 3 }, createdAt: new Date().toISOString() });
    await page.reload();
    await page.locator('main .outbox-status a[href="/outbox"]').waitFor({ timeout: 30_000 });
    const review = new OutboxReviewPage(page);
    await review.openFromStatus();
    const card = review.card(id);
    await card.waitFor();
    expect(await card.locator('[data-reason]').getAttribute('data-reason')).toBe('forbidden');
    expect(await card.innerText()).toContain('ei ole (enää) oikeutta');
    await context.close();
  }, 120_000);
});
