import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { ChatStatus } from '../src/domain/chat/schemas';
import type { SessionInfo } from '../src/domain/api-types';
import { launchBrowser, openPage, phone, desktop } from './support/browser';
import { demoPassword } from './support/server-setup';
import { postgresUrl, startPostgresServers, type PostgresServers } from './support/postgres-servers';
import { LoginPage } from './pages/login-page';
import type { Browser } from 'playwright-core';

// Friday 15 January 2027, 12:30 in Helsinki: within the chat's Friday 12–14 hours.
const FRIDAY_NOON = '2027-01-15T12:30:00+02:00';
// Good Friday 2027 (26 March), 12:30: a Friday, within the weekly hours, but a public holiday.
const GOOD_FRIDAY = '2027-03-26T12:30:00+02:00';
const fridays = [{ weekday: 5, from: '12:00', to: '14:00' }];

/** Signed in on one Silta process through its sign-in page; API calls go with the session's CSRF token. */
async function signedInAt(browser: Browser, baseUrl: string, username: string) {
  const opened = await openPage(browser, baseUrl, desktop);
  const login = new LoginPage(opened.page);
  await login.open();
  await login.signIn(username, demoPassword);
  const session = (await (await opened.page.request.get('/api/auth/me')).json()) as SessionInfo;
  const api = async (method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) => {
    const response = await opened.page.request.fetch(path, { method, data, headers: method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken } });
    if (!response.ok()) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  return { ...opened, session, api };
}

const chatWidget = (page: Page) => page.locator('section.chat-widget');

describe.skipIf(postgresUrl() === null)('anonymous chat across two Silta processes on one PostgreSQL', () => {
  let cluster: PostgresServers;
  let browser: Browser;
  beforeAll(async () => {
    [cluster, browser] = await Promise.all([startPostgresServers(2, FRIDAY_NOON), launchBrowser()]);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await cluster?.stop();
  });

  it('connects a visitor on one process with a worker on the other, and keeps only the tallies', async () => {
    const [a, b] = cluster.servers as [PostgresServers['servers'][number], PostgresServers['servers'][number]];
    const worker = await signedInAt(browser, b.baseUrl, 'demo.socialworker');
    const coordinator = await signedInAt(browser, a.baseUrl, 'demo.coordinator');
    await coordinator.api('PUT', '/api/chat/settings', { weeklyHours: fridays, readyAnswers: ['Hei! Miten voin auttaa?'], rota: [worker.session.user.id] });
    const regionId = coordinator.session.user.regionId;

    // Before any worker is online the chat is closed, though within its hours.
    const visitor = await openPage(browser, a.baseUrl, phone);
    await visitor.page.goto(`/chat/${regionId}`);
    await chatWidget(visitor.page).and(visitor.page.locator('[data-chat-state="closed"]')).waitFor();
    await expect(visitor.page.locator('a[href^="/apua/"]').innerText()).resolves.toContain('Jatka turvallisesti');

    await worker.page.goto('/chat-console');
    await worker.page.getByRole('button', { name: 'Tule paikalle' }).click();
    await worker.page.locator('[data-console-presence="online"]').waitFor();

    await visitor.page.reload();
    await visitor.page.locator('[data-chat-state="open"]').waitFor();
    await expect(visitor.page.getByText('Chat on nimetön').innerText()).resolves.toContain('Älä kerro henkilökohtaisia asioitasi');
    await visitor.page.getByRole('button', { name: 'Aloita chat' }).click();
    await visitor.page.getByText('Olet jonossa sijalla 1.').waitFor();

    await worker.page.getByRole('button', { name: 'Ota keskustelu' }).click({ timeout: 15_000 });
    const panel = worker.page.locator('.chat-panel');
    await panel.waitFor();
    await visitor.page.locator('[data-chat-phase="active"]').waitFor();

    await visitor.page.getByLabel('Viesti').fill('Mistä saan tietoa toimeentulotuesta?');
    await visitor.page.getByRole('button', { name: 'Lähetä' }).click();
    await panel.locator('[role="log"]').getByText('Mistä saan tietoa toimeentulotuesta?').waitFor();
    await panel.getByLabel('Vastaus').fill('Kelan sivuilta ja sosiaalityön neuvonnasta.');
    await panel.getByRole('button', { name: 'Lähetä' }).click();
    const visitorLog = visitor.page.locator('[role="log"]');
    await visitorLog.getByText('Kelan sivuilta ja sosiaalityön neuvonnasta.').waitFor();
    await expect(visitorLog.getAttribute('aria-live')).resolves.toBe('polite');
    // Each message once, in order, although each side is on a process of its own.
    await expect(visitorLog.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-seq')))).resolves.toEqual(['1', '2', '3']);

    await panel.getByLabel('Aihe').selectOption('benefits');
    await panel.getByRole('button', { name: 'Päätä keskustelu' }).click();
    await visitor.page.locator('[data-chat-phase="ended"]').waitFor();
    await visitor.page.getByRole('button', { name: 'Arvio 5' }).click();
    await visitor.page.getByText('Kiitos palautteesta!').waitFor();

    const db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
    try {
      expect((await db.query('select count(*)::int as n from chat_messages')).rows[0]).toEqual({ n: 0 });
      expect((await db.query('select topic, outcome, feedback, visitor_token_hash, answered_at is not null as answered from chat_sessions')).rows)
        .toEqual([{ topic: 'benefits', outcome: 'advised', feedback: 5, visitor_token_hash: null, answered: true }]);
    } finally {
      await db.end();
    }
    for (const opened of [visitor, worker, coordinator]) await opened.context.close();
  }, 240_000);

  it('shows the chat closed outside its hours and on a public holiday, with the next opening and the ask-for-help path', async () => {
    const [a] = cluster.servers as [PostgresServers['servers'][number]];
    const coordinator = await signedInAt(browser, a.baseUrl, 'demo.coordinator');
    const worker = await signedInAt(browser, a.baseUrl, 'demo.socialworker');
    const regionId = coordinator.session.user.regionId;
    await coordinator.api('PUT', '/api/chat/settings', { weeklyHours: [{ weekday: 1, from: '09:00', to: '11:00' }], readyAnswers: [], rota: [worker.session.user.id] });
    await worker.api('POST', '/api/chat/presence', { isOnline: true });

    const visitor = await openPage(browser, a.baseUrl, phone);
    await visitor.page.goto(`/chat/${regionId}`);
    await visitor.page.locator('[data-chat-state="closed"]').waitFor();
    await expect(chatWidget(visitor.page).innerText()).resolves.toContain('Chat on seuraavan kerran auki');
    await visitor.page.locator('a[href^="/apua/"]').waitFor();

    // The same hours as the first test's, at a process that pretends it is Good Friday.
    await coordinator.api('PUT', '/api/chat/settings', { weeklyHours: fridays, readyAnswers: [], rota: [worker.session.user.id] });
    const holiday = await cluster.add({ SILTA_TEST_NOW: GOOD_FRIDAY, SILTA_TEST_NOW_ANCHOR: String(Date.now()) });
    const holidayWorker = await signedInAt(browser, holiday.baseUrl, 'demo.socialworker');
    await holidayWorker.api('POST', '/api/chat/presence', { isOnline: true });
    const status = (await holidayWorker.api('GET', `/api/public/chat/regions/${regionId}/status`)) as ChatStatus;
    expect(status).toMatchObject({ isOpen: false, isWithinHours: false, nextOpening: { from: '2027-04-02T09:00:00.000Z' } });
    const holidayVisitor = await openPage(browser, holiday.baseUrl, phone);
    await holidayVisitor.page.goto(`/chat/${regionId}`);
    await holidayVisitor.page.locator('[data-chat-state="closed"]').waitFor();
    await expect(chatWidget(holidayVisitor.page).innerText()).resolves.toMatch(/Chat on seuraavan kerran auki .*2\.4\./);
    for (const opened of [visitor, worker, coordinator, holidayWorker, holidayVisitor]) await opened.context.close();
  }, 240_000);
});
