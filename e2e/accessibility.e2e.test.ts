import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import type { SiteView, UserView } from '../src/domain/api-types';
import { expectNoSeriousViolations } from './support/axe';
import { type Viewport, desktop, openPage, phone } from './support/browser';
import { screenshot } from './support/screenshots';
import { useSuite } from './support/suite';
import { AppShell } from './pages/app-shell';
import { signedIn as signedInAs } from './support/sign-in';

const suite = useSuite();
const viewports: [string, Viewport][] = [
  ['desktop', desktop],
  ['phone', phone],
];

/** Opens a page, waits until it has loaded its data, then runs axe at both viewports. */
async function checkPage(page: Page, path: string, name: string): Promise<void> {
  const shell = new AppShell(page);
  for (const [label, viewport] of viewports) {
    await page.setViewportSize(viewport);
    await page.goto(path);
    await shell.heading().waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSeriousViolations(page, `${name} (${label})`);
    await screenshot(page, `${name}-${label}`);
  }
}

const signedIn = (username: string) => signedInAs(suite(), username);

describe('accessibility (axe, desktop and 360×740)', () => {
  it('axe finds no serious violations on the sign-in page, also with an error shown', async () => {
    const { server, browser } = suite();
    const { page, context } = await openPage(browser, server.baseUrl);
    await checkPage(page, '/login', 'sign-in');
    await page.locator('main button[type="submit"]').click();
    await page.locator('#login-username-statusText').filter({ hasText: /./ }).waitFor();
    await expectNoSeriousViolations(page, 'sign-in with field errors');
    await page.locator('#login-username').fill('nobody');
    await page.locator('#login-password').fill('wrong password here');
    await page.locator('main button[type="submit"]').click();
    await page.locator('main [role="alert"]').waitFor();
    await expectNoSeriousViolations(page, 'sign-in with a failed sign-in');
    await screenshot(page, 'sign-in-error-phone');
    await context.close();
  });

  for (const username of ['demo.admin', 'demo.coordinator', 'demo.nurse', 'demo.socialworker', 'demo.staff', 'demo.auditor']) {
    it(`axe finds no serious violations on the home page of ${username}`, async () => {
      const { page, context } = await signedIn(username);
      await checkPage(page, '/', `home-${username}`);
      // On the phone the navigation folds behind a button: check it open too.
      await new AppShell(page).openNavigation();
      await expectNoSeriousViolations(page, `home of ${username} with the menu open (phone)`);
      await screenshot(page, `home-${username}-phone-menu`);
      await context.close();
    });
  }

  it('axe finds no serious violations on the sites admin pages (list, new, edit)', async () => {
    const { page, context } = await signedIn('demo.admin');
    const sites = ((await (await page.request.get('/api/sites')).json()) as { sites: SiteView[] }).sites;
    await checkPage(page, '/admin/sites', 'sites');
    await checkPage(page, '/admin/sites/new', 'site-new');
    await checkPage(page, `/admin/sites/${sites[0]?.id ?? 'missing'}`, 'site-edit');
    await context.close();
  });

  it('axe finds no serious violations on the users admin pages (list, new, edit)', async () => {
    const { page, context } = await signedIn('demo.admin');
    const users = ((await (await page.request.get('/api/users')).json()) as { users: UserView[] }).users;
    await checkPage(page, '/admin/users', 'users');
    await checkPage(page, '/admin/users/new', 'user-new');
    await checkPage(page, `/admin/users/${users[0]?.id ?? 'missing'}`, 'user-edit');
    await context.close();
  });

  it('axe finds no serious violations on the audit log and change-password pages of the administrator', async () => {
    const { page, context } = await signedIn('demo.admin');
    await checkPage(page, '/audit', 'audit-admin');
    await checkPage(page, '/account/password', 'password');
    await context.close();
  });

  it('axe finds no serious violations on the site and user forms with their error summaries', async () => {
    const { page, context } = await signedIn('demo.admin');
    await page.setViewportSize(phone);
    await page.goto('/admin/sites/new');
    await page.locator('#site-name').waitFor();
    await page.locator('fieldset.hours-day').first().locator(':scope > button').click();
    await page.locator('.hours-row input').first().fill('25.99');
    await page.locator('main button[type="submit"]').click();
    await page.locator('.fi-error-summary').waitFor();
    await expectNoSeriousViolations(page, 'site form with errors (phone)');
    await screenshot(page, 'site-new-errors-phone');
    await page.goto('/admin/users/new');
    await page.locator('#user-username').waitFor();
    await page.locator('main button[type="submit"]').click();
    await page.locator('.fi-error-summary').waitFor();
    await expectNoSeriousViolations(page, 'user form with errors (phone)');
    await screenshot(page, 'user-new-errors-phone');
    await context.close();
  });

  it('axe finds no serious violations on the audit log and password pages of the auditor', async () => {
    const { page, context } = await signedIn('demo.auditor');
    await checkPage(page, '/audit', 'audit');
    await checkPage(page, '/account/password', 'password-auditor');
    await context.close();
  });
});
