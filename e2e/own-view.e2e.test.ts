// The client's own view (issue 18 item 5): a client signed in with their invitation code and PIN sees
// their process and, in "who has looked at your data", a worker's read made a moment earlier.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadActor } from '../src/server/auth/actor-repo';
import { createClient, grantConsent, updateClient } from '../src/server/clients/commands';
import { helsinkiDay } from '../src/domain/calendar';
import { clientBody } from '../src/server/clients/test-support';
import { loadConfig } from '../src/server/config';
import { users } from '../src/server/db/schema';
import { PRINCIPAL_SESSION_COOKIE } from '../src/server/invitations/principal-sessions';
import { createExternalMember, issueInvitation, redeemWithPin } from '../src/server/invitations/commands';
import { createDeps, openDatabase } from '../src/server/start';
import { expectNoSeriousViolations } from './support/axe';
import { launchBrowser, openPage } from './support/browser';
import { runServer, type ServerProcess } from './support/server-process';
import { waitForSeeded } from './support/seeded';
import { demoPassword, webDir } from './support/server-setup';

type Prepared = { clientId: string; token: string; memberToken: string };

/**
 * Before the server starts (the embedded database has one user at a time): the demo social worker
 * registers a client and issues an invitation, and the client redeems it with a PIN, as the sign-in
 * page would. The session it makes is the cookie the browser gets.
 */
async function prepare(dataDir: string): Promise<Prepared> {
  const config = loadConfig({ SILTA_DATA_DIR: dataDir });
  const db = await openDatabase(config);
  try {
    const deps = createDeps(config, db);
    const [row] = await db.orm.select({ id: users.id }).from(users).where(eq(users.username, 'demo.socialworker'));
    const actor = row ? await loadActor(db.orm, row.id) : null;
    if (!actor) throw new Error('no demo social worker');
    const siteId = actor.roles.find((r) => r.siteId !== null)?.siteId ?? '';
    const ctx = { actor, requestId: null, address: '127.0.0.1' };
    const { clientId } = await createClient(deps, ctx, clientBody(siteId, { name: 'Aino Esimerkki' }));
    await updateClient(deps, ctx, clientId, { ownWorkerId: actor.userId });
    const { code } = await issueInvitation(deps, ctx, { principalKind: 'client', principalId: clientId });
    const { token } = await redeemWithPin(deps, { requestId: null, address: '127.0.0.1' }, { code, pin: '482915' });
    // A support person the client's consent shares the process with, signed in the same way.
    const member = await createExternalMember(deps, ctx, { regionId: actor.regionId, displayName: 'Tuula Tukihenkilö' });
    await grantConsent(deps, ctx, clientId, { purpose: 'share_process', grantee: { kind: 'external', id: member.id }, validFrom: helsinkiDay(new Date()) });
    const invited = await issueInvitation(deps, ctx, { principalKind: 'external', principalId: member.id });
    const { token: memberToken } = await redeemWithPin(deps, { requestId: null, address: '127.0.0.1' }, { code: invited.code, pin: '739204' });
    return { clientId, token, memberToken };
  } finally {
    await db.close();
  }
}

describe('the client\'s own view', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dataDir = '';
  let prepared: Prepared;

  beforeAll(async () => {
    const { entry, templates, seeded } = inject('e2eServer');
    if (seeded !== null) await waitForSeeded(seeded);
    dataDir = await mkdtemp(path.join(tmpdir(), 'silta-e2e-own-'));
    await cp(templates.off, dataDir, { recursive: true });
    prepared = await prepare(dataDir);
    server = await runServer(entry, { SILTA_DATA_DIR: dataDir, SILTA_WEB_DIR: webDir, SILTA_DEMO_PASSWORD: demoPassword, SILTA_DEMO_HISTORY: 'off' });
    browser = await launchBrowser();
  }, 32 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.halt();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('shows the signed-in client their process and a worker\'s read made a moment earlier, without serious axe violations', async () => {
    // The worker opens the client's record over HTTP, as the staff app does.
    const staff = await openPage(browser, server.baseUrl);
    const login = await staff.page.request.post('/api/auth/login', { data: { username: 'demo.socialworker', password: demoPassword } });
    expect(login.status()).toBe(200);
    expect((await staff.page.request.get(`/api/clients/${prepared.clientId}`)).status()).toBe(200);
    await staff.context.close();

    const { context, page, problems } = await openPage(browser, server.baseUrl);
    await context.addCookies([{ name: PRINCIPAL_SESSION_COOKIE, value: prepared.token, url: server.baseUrl }]);
    const visited: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.push(new URL(frame.url()).pathname);
    });
    await page.goto('/oma');
    await page.locator('h1').filter({ hasText: 'Omat tietosi' }).waitFor();
    await expect(page.locator('[data-own-state="contact"]').textContent()).resolves.toContain('Yhteydenotto');
    const log = page.locator('table', { has: page.locator('caption', { hasText: 'Tietojesi katsominen' }) });
    const newest = log.locator('tbody tr').first();
    await newest.waitFor();
    await expect(newest.textContent()).resolves.toContain('Demo Sosiaalityöntekijä');
    await expect(newest.textContent()).resolves.toContain('Katsoi tietojasi');
    await expect(newest.textContent()).resolves.toContain('Sosiaalityöntekijä');
    await expectNoSeriousViolations(page, 'the client\'s own page');
    // Another client's data is 404 with this session.
    expect((await page.request.get('/api/own/clients/0190f0e0-0000-7000-8000-00000000dead')).status()).toBe(404);

    // Signing out ends the session: the page sends the client to the sign-in page.
    const signedOut = page.waitForResponse((response) => response.url().endsWith('/api/own/session') && response.request().method() === 'DELETE');
    await page.locator('#own-sign-out').click();
    expect((await signedOut).status()).toBe(204);
    // Sent to the sign-in page, /asiakas (the sign-in work's page; until it is served, the app's
    // catch-all passes the reader on to /login, so the way through /asiakas is what is checked).
    await page.waitForFunction(() => window.location.pathname !== '/oma');
    expect(visited).toContain('/asiakas');
    expect((await page.request.get('/api/own/session')).status()).toBe(401);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows an external member the client their consent names and the shared process, without serious axe violations', async () => {
    const { context, page, problems } = await openPage(browser, server.baseUrl);
    await context.addCookies([{ name: PRINCIPAL_SESSION_COOKIE, value: prepared.memberToken, url: server.baseUrl }]);
    await page.goto('/oma');
    await page.locator('h1').filter({ hasText: 'Tiedot, jotka saat nähdä' }).waitFor();
    const client = page.locator('section', { has: page.locator('h2', { hasText: 'Aino Esimerkki' }) });
    await client.locator('[data-own-state="contact"]').waitFor();
    await expect(client.textContent()).resolves.toContain('asiakkuuden vaiheet');
    await expectNoSeriousViolations(page, 'an external member\'s own page');
    // The access log is the client's own.
    expect((await page.request.get(`/api/own/clients/${prepared.clientId}/access-log`)).status()).toBe(404);
    expect(problems).toEqual([]);
    await context.close();
  });
});
