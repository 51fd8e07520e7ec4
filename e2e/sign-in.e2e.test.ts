import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from './support/browser';
import { demoPassword } from './support/server';
import { useSuite } from './support/suite';
import { LoginPage } from './pages/login-page';

const suite = useSuite();

function activeElementId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/** Presses Tab (or Shift+Tab) until `isTarget` holds for the focused element; fails after `limit` presses. */
async function tabUntil(page: Page, isTarget: () => boolean, limit = 20, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press(key);
    if (await page.evaluate(isTarget)) return;
  }
  throw new Error(`The element was not reached with ${limit} presses of ${key}.`);
}

describe('signing in', () => {
  it('a newcomer signs in with a demo account; the UI is Finnish by default', async () => {
    const { server, browser } = suite();
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    const login = new LoginPage(page);
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/login');
    expect(await page.getAttribute('html', 'lang')).toBe('fi');
    expect(await login.headingText()).toBe('Kirjaudu sisään');
    expect(await page.title()).toBe('Kirjaudu sisään – Silta');

    await login.signIn('demo.nurse', demoPassword);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await login.headingText()).toMatch(/^Tervetuloa, /);
    await page.locator('main strong', { hasText: 'Rovaniemen päiväkeskus' }).waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain('Rovaniemen päiväkeskus');
    expect(main).toContain('Ammattilainen');
    expect(await page.getAttribute('html', 'lang')).toBe('fi');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a wrong password gives a Finnish error message and keeps the user on the sign-in page', async () => {
    const { server, browser } = suite();
    const { page, context } = await openPage(browser, server.baseUrl);
    const login = new LoginPage(page);
    await login.open();
    await page.locator('#login-username').fill('demo.staff');
    await page.locator('#login-password').fill('not the password at all');
    await page.locator('main button[type="submit"]').click();
    await page.locator('main [role="alert"]').waitFor();
    expect(await login.errorText()).toContain('Käyttäjätunnus tai salasana on väärin.');
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });

  it('the whole sign-in flow is usable with Tab and Enter only', async () => {
    const { server, browser } = suite();
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    const login = new LoginPage(page);
    await login.open();

    await tabUntil(page, () => document.activeElement?.id === 'login-username');
    await page.keyboard.type('demo.coordinator');
    await page.keyboard.press('Tab');
    expect(await activeElementId(page)).toBe('login-password');
    await page.keyboard.type(demoPassword);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/');
    // The sign-in page's own h1 may still be showing: wait for the home page's.
    await page.locator('main h1', { hasText: /^Tervetuloa, / }).waitFor();
    // Focus moves to the new page's heading, so keyboard users start at the content.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');

    // The menu comes before the content: back from the heading, however many links the home page has.
    await tabUntil(page, () => document.activeElement?.closest('.main-nav__user') !== null && document.activeElement?.tagName === 'BUTTON', 20, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/login');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('after signing out, a protected page sends the user to sign in and back after it', async () => {
    const { server, browser } = suite();
    const { page, context } = await openPage(browser, server.baseUrl);
    const login = new LoginPage(page);
    await login.open();
    await login.signIn('demo.admin', demoPassword);
    await login.signOut();
    await page.goto('/admin/users');
    await page.waitForURL((url) => url.pathname === '/login');
    expect(await page.locator('main [data-testid="login-notice"]').count()).toBe(0);
    await login.signIn('demo.admin', demoPassword);
    expect(new URL(page.url()).pathname).toBe('/admin/users');
    expect(await login.headingText()).toBe('Käyttäjät');
    await context.close();
  });

  it('when the session ends, the next request sends the user to sign in and back to the same page after it', async () => {
    const { server, browser } = suite();
    const { page, context } = await openPage(browser, server.baseUrl);
    const login = new LoginPage(page);
    await login.open();
    await login.signIn('demo.admin', demoPassword);
    // The server forgets nothing here; dropping the cookie is how the browser sees an ended session.
    await context.clearCookies();
    // The users list is not cached yet, so opening it asks the server, which answers 401.
    await login.navigate('/admin/users');
    await page.waitForURL((url) => url.pathname === '/login');
    expect(await page.locator('main [data-testid="login-notice"]').innerText()).toContain('Istuntosi päättyi.');
    await login.signIn('demo.admin', demoPassword);
    expect(new URL(page.url()).pathname).toBe('/admin/users');
    expect(await login.headingText()).toBe('Käyttäjät');
    await context.close();
  });

  it('the skip link moves focus to the main content', async () => {
    const { server, browser } = suite();
    const { page, context } = await openPage(browser, server.baseUrl);
    await new LoginPage(page).open();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Siirry sisältöön');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    await context.close();
  });
});
