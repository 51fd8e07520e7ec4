// Staff sign-in through the organisation's OpenID Connect provider in Chromium (issue 18 item 4): an
// in-test `oidc-provider` started here (no network) with its own development login and consent pages,
// and a Silta server whose groups-to-roles mapping gives the roles.
//
// The server runs the browser tests' own entry (main-at-test-time.js): the in-test provider speaks plain
// http, and the production entry refuses the test-only allowance for that (src/server/start-oidc.test.ts).
// Silta is opened as `localhost` and the provider as `127.0.0.1`, so the round trip is cross-site as it
// is in a deployment, with the cookies' SameSite rules in force.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../src/domain/api-types';
import { startTestProvider, type TestProvider } from '../src/server/testing/oidc-test-provider';
import { launchBrowser, openPage } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { freePort } from './support/server-process';
import { LoginPage } from './pages/login-page';

const demoSite = 'Rovaniemen päiväkeskus';
const roleMap = {
  'silta-koordinaattorit': { role: 'coordinator', site: demoSite },
};

let provider: TestProvider | null = null;
let server: RunningServer | null = null;
let browser: Browser | null = null;
let siltaUrl = '';

/** Links demo accounts to the provider's accounts, as `npm run admin -- link-oidc` does (tested at server level). */
async function linkDemoAccounts(dataDir: string, issuer: string): Promise<void> {
  const db = await PGlite.create({ dataDir: path.join(dataDir, 'pglite') });
  try {
    const link = (username: string, subject: string) =>
      db.query('update users set oidc_issuer = $1, oidc_subject = $2 where username = $3', [issuer, subject, username]);
    // An auditor whose organisation groups make them a coordinator at the demo's day centre.
    await link('demo.auditor', 'maija');
    // A day-centre worker whose groups give no Silta role.
    await link('demo.staff', 'outi');
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  const port = await freePort();
  siltaUrl = `http://localhost:${port}`;
  provider = await startTestProvider({ redirectUri: `${siltaUrl}/api/auth/oidc/callback`, interactive: true });
  provider.setGroups('maija', ['Domain Users', 'silta-koordinaattorit']);
  provider.setGroups('outi', ['Domain Users']);
  const issuer = provider.issuer;
  const started = await Promise.allSettled([
    startServer({
      isTestEntry: true,
      port,
      prepare: (dataDir) => linkDemoAccounts(dataDir, issuer),
      env: {
        SILTA_OIDC_ISSUER: issuer,
        SILTA_OIDC_CLIENT_ID: provider.clientId,
        SILTA_OIDC_CLIENT_SECRET: provider.clientSecret,
        SILTA_OIDC_REDIRECT_URI: provider.redirectUri,
        SILTA_OIDC_TEST_ALLOW_HTTP_ISSUER: 'true',
        SILTA_OIDC_ROLE_CLAIM: 'groups',
        SILTA_OIDC_ROLE_MAP: JSON.stringify(roleMap),
      },
    }),
    launchBrowser(),
  ]);
  if (started[0].status === 'fulfilled') server = started[0].value;
  if (started[1].status === 'fulfilled') browser = started[1].value;
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}, 32 * 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await provider?.close();
});

async function openSilta(): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
  const opened = await openPage(browser!, siltaUrl);
  // The provider's development pages import a web font: nothing in this test may reach the network, and
  // an empty answer (rather than a refused request) keeps the console clean for the problems check.
  await opened.context.route((url) => url.hostname !== 'localhost' && url.hostname !== '127.0.0.1', (route) => route.fulfill({ status: 200, contentType: 'text/css', body: '' }));
  return opened;
}

/** From Silta's sign-in page through the provider's own pages, back to Silta. */
async function signInAtProvider(page: Page, account: string): Promise<void> {
  const login = new LoginPage(page);
  await login.open();
  await page.getByRole('link', { name: 'Kirjaudu organisaation tunnuksella' }).click();
  await page.waitForURL((url) => url.origin === provider!.issuer);
  await page.locator('input[name="login"]').fill(account);
  await page.locator('input[name="password"]').fill('any password the development pages accept');
  await page.locator('button[type="submit"]').click();
  // The provider asks once for consent to give Silta the account's details.
  const consent = page.locator('button[type="submit"]', { hasText: 'Continue' });
  await page.waitForURL((url) => url.origin === siltaUrl || url.pathname.startsWith('/interaction/'));
  if (new URL(page.url()).origin !== siltaUrl) {
    await consent.click();
    await page.waitForURL((url) => url.origin === siltaUrl);
  }
}

describe('staff sign-in through the organisation', () => {
  it('a user clicks the button, signs in at the provider and arrives with the roles the groups give', async () => {
    const { page, context, problems } = await openSilta();
    await signInAtProvider(page, 'maija');
    await page.waitForURL((url) => url.pathname === '/');
    const login = new LoginPage(page);
    expect(await login.headingText()).toBe('Tervetuloa, Demo Tietosuojavastaava');
    const session = (await (await page.request.get('/api/auth/me')).json()) as SessionInfo;
    // The mapping replaced the auditor role the demo gave this account.
    expect(session.user.roles).toHaveLength(1);
    expect(session.user.roles[0]!.role).toBe('coordinator');
    expect(session.user.roles[0]!.siteId).not.toBeNull();
    // The coordinator's abilities, not the auditor's: the schedule is in the menu, the audit log is not.
    await page.locator('.main-nav__link[href="/schedule"]').waitFor();
    expect(await page.locator('.main-nav__link[href="/audit"]').count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain(demoSite);
    await page.locator('.main-nav__link[href="/schedule"]').click();
    await page.waitForURL((url) => url.pathname === '/schedule');
    expect(await login.headingText()).not.toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a user whose groups give no role is signed in to a clear "no rights yet" page, not an error', async () => {
    const { page, context, problems } = await openSilta();
    await signInAtProvider(page, 'outi');
    await page.locator('[data-testid="no-rights"]').waitFor();
    expect(await new LoginPage(page).headingText()).toBe('Sinulla ei ole vielä oikeuksia Siltaan');
    expect(await page.locator('main').innerText()).toContain('demo.staff');
    expect(await page.locator('main [role="alert"]').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an account linked to nobody comes back to the sign-in page with the reason, in the user\'s language', async () => {
    const { page, context } = await openSilta();
    await signInAtProvider(page, 'mallory');
    await page.waitForURL((url) => url.pathname === '/login');
    const login = new LoginPage(page);
    await page.locator('main [role="alert"]').waitFor();
    expect(await login.errorText()).toContain('Organisaatiotunnukseesi ei ole liitetty Silta-käyttäjää.');
    // The password form stays for local accounts.
    await page.locator('#login-username').waitFor();
    await login.switchLanguage('sv');
    await page.locator('main [role="alert"]', { hasText: 'Ingen Silta-användare är kopplad till ditt organisationskonto.' }).waitFor();
    expect(await page.getByRole('link', { name: 'Logga in med organisationens inloggning' }).count()).toBe(1);
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
    await context.close();
  });
});
