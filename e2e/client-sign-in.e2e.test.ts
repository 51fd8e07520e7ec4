import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from './support/browser';
import { demoPassword } from './support/server';
import { useSuite } from './support/suite';
import { LoginPage } from './pages/login-page';
import { screenshot } from './support/screenshots';
import { expectNoSeriousViolations } from './support/axe';

const suite = useSuite();

// WebAuthn works only in a secure context: http is one on `localhost`, not on 127.0.0.1. The server
// listens on 127.0.0.1 and its relying party defaults to localhost on its port.
const onLocalhost = (baseUrl: string) => baseUrl.replace('://127.0.0.1:', '://localhost:');

/** A client's browser with a platform passkey authenticator (the DevTools protocol's virtual one). */
async function withPasskeyDevice(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials };
}

/** The worker gives the client a new invitation on the staff page and reads the code off the card. */
async function issueCode(worker: Page, clientName: string): Promise<string> {
  await worker.goto('/invitations');
  await worker.locator('#invite-client option', { hasText: clientName }).waitFor({ state: 'attached' });
  await worker.selectOption('#invite-client', { label: clientName });
  await worker.locator('#invite-client-submit').click();
  const code = worker.locator('#invitation-code');
  await code.waitFor();
  await expectNoSeriousViolations(worker, 'the invitation card');
  await screenshot(worker, 'invitation-card');
  await worker.emulateMedia({ media: 'print' });
  await screenshot(worker, 'invitation-card-print');
  await worker.emulateMedia({ media: 'screen' });
  expect(await worker.locator('[data-testid="invitation-card"] .qr-code').count()).toBe(1);
  return (await code.getAttribute('data-code')) ?? '';
}

async function signInWithPasskey(page: Page): Promise<void> {
  await page.locator('#principal-passkey-sign-in').click();
}

describe('clients sign in without bank ID', () => {
  it('a worker invites a client; the client registers a passkey, signs out and in again with it, sees the worker\'s read in their access log and another client as 404; a new invitation revokes it', async () => {
    const { server, browser } = suite();
    const base = onLocalhost(server.baseUrl);
    const worker = await openPage(browser, base);
    await new LoginPage(worker.page).open();
    await new LoginPage(worker.page).signIn('demo.socialworker', demoPassword);
    const code = await issueCode(worker.page, 'Aada Virtanen');
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);

    // The client finds the sign-in from the staff sign-in page.
    const client = await openPage(browser, base);
    const device = await withPasskeyDevice(client.page);
    await client.page.goto('/login');
    await client.page.locator('#login-client-link').click();
    await client.page.waitForURL((url) => url.pathname === '/asiakas');
    await client.page.locator('#principal-new-card').click();
    await client.page.locator('#principal-code').fill(code.toLowerCase());
    await client.page.locator('#principal-code-continue').click();
    await expectNoSeriousViolations(client.page, 'choosing a passkey or a PIN');
    await screenshot(client.page, 'client-choose');
    await client.page.locator('#principal-make-passkey').click();
    await client.page.waitForURL((url) => url.pathname === '/oma');
    expect(await client.page.locator('#own-signed-in-as').innerText()).toContain('Aada Virtanen');
    const made = await device.credentials();
    expect(made).toHaveLength(1);
    expect(made[0]!.isResidentCredential).toBe(true);

    await client.page.locator('#own-sign-out').click();
    await client.page.waitForURL((url) => url.pathname === '/asiakas');
    await signInWithPasskey(client.page);
    await client.page.waitForURL((url) => url.pathname === '/oma');
    expect(await client.page.locator('#own-signed-in-as').innerText()).toContain('Aada Virtanen');

    // The worker opens the client's page; a moment later the client sees that read in their access log.
    await worker.page.goto('/clients');
    const clientLinks = worker.page.locator('main a[href^="/clients/"]');
    await clientLinks.filter({ hasText: 'Aada Virtanen' }).first().waitFor();
    const hrefs = await clientLinks.evaluateAll((links) => links.map((a): [string, string] => [a.textContent ?? '', a.getAttribute('href') ?? '']));
    const idOf = (href: string) => href.split('/')[2] ?? '';
    const aada = hrefs.find(([name]) => name.includes('Aada Virtanen'));
    const other = hrefs.find(([name, href]) => !name.includes('Aada Virtanen') && /^\/clients\/[0-9a-f-]{36}$/.test(href));
    expect(aada).toBeDefined();
    expect(other).toBeDefined();
    await worker.page.goto(aada![1]);
    await worker.page.locator('h1', { hasText: 'Aada Virtanen' }).waitFor();
    await client.page.reload();
    const log = client.page.locator('table', { has: client.page.locator('caption', { hasText: 'Tietojesi katsominen' }) });
    const newest = log.locator('tbody tr').first();
    await newest.waitFor();
    expect(await newest.textContent()).toContain('Demo Sosiaalityöntekijä');
    expect(await newest.textContent()).toContain('Katsoi tietojasi');
    // Another client's data, by a real id the worker's list showed, is 404 to this client.
    expect((await client.page.request.get(`/api/own/clients/${idOf(other![1])}`)).status()).toBe(404);
    expect((await client.page.request.get(`/api/own/clients/${idOf(aada![1])}`)).status()).toBe(200);

    // A lost device: the worker gives a new code, and the passkey and the session stop working.
    const second = await issueCode(worker.page, 'Aada Virtanen');
    expect(second).not.toBe(code);
    await client.page.goto('/oma');
    await client.page.waitForURL((url) => url.pathname === '/asiakas');
    await signInWithPasskey(client.page);
    const alert = client.page.locator('#principal-error');
    await alert.waitFor();
    await expectNoSeriousViolations(client.page, 'the client sign-in with a refusal');
    await screenshot(client.page, 'client-sign-in-refused');
    expect(await alert.innerText()).toContain('Pääsyavainta ei hyväksytty');
    expect(new URL(client.page.url()).pathname).toBe('/asiakas');
    expect(client.problems).toEqual([]);
    await client.context.close();
    await worker.context.close();
  });

  it('the demo client\'s printed code opens from its QR link and takes a PIN; a used or wrong code is explained', async () => {
    const { server, browser } = suite();
    const { page, context, problems } = await openPage(browser, onLocalhost(server.baseUrl));
    await page.goto('/asiakas#koodi=DEM0-A5AK-A500-0000-0001');
    await page.locator('#principal-code-continue').click();
    await page.locator('#principal-new-pin').fill('271828');
    await page.locator('#principal-new-pin-again').fill('271828');
    await page.locator('#principal-set-pin').click();
    await page.waitForURL((url) => url.pathname === '/oma');
    expect(await page.locator('#own-signed-in-as').innerText()).toContain('Jere Nieminen');
    await page.locator('#own-sign-out').click();
    await page.waitForURL((url) => url.pathname === '/asiakas');

    // The code again as a new card: already used.
    await page.locator('#principal-new-card').click();
    await page.locator('#principal-code').fill('DEM0-A5AK-A500-0000-0001');
    await page.locator('#principal-code-continue').click();
    await page.locator('#principal-error').waitFor();
    expect(await page.locator('#principal-error').innerText()).toContain('Koodi on jo käytetty');
    await page.getByRole('button', { name: 'Takaisin' }).click();

    // A wrong PIN, then the right one.
    await page.locator('#principal-code').fill('DEM0-A5AK-A500-0000-0001');
    await page.locator('#principal-pin').fill('000000');
    await page.locator('main button[type="submit"]').click();
    await page.locator('#principal-error').waitFor();
    expect(await page.locator('#principal-error').innerText()).toContain('Koodi tai PIN-koodi on väärin');
    await page.locator('#principal-pin').fill('271828');
    await page.locator('main button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/oma');
    expect(problems).toEqual([]);
    await context.close();
  });
});
