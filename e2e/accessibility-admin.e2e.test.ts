// The administration, audit and password pages; the sign-in and home pages are checked in
// accessibility.e2e.test.ts.
import { describe, it } from 'vitest';
import type { SiteView, UserView } from '../src/domain/api-types';
import { expectNoSeriousViolations } from './support/axe';
import { phone } from './support/browser';
import { checkPage } from './support/accessibility';
import { screenshot } from './support/screenshots';
import { useSuite } from './support/suite';
import { signedIn as signedInAs } from './support/sign-in';

const suite = useSuite();
const signedIn = (username: string) => signedInAs(suite(), username);

describe('accessibility of the admin, audit and password pages (axe, desktop and 360×740)', () => {
  it('axe finds no serious violations on the sites admin pages (list, new, edit) and the municipalities page', async () => {
    const { page, context } = await signedIn('demo.admin');
    const sites = ((await (await page.request.get('/api/sites')).json()) as { sites: SiteView[] }).sites;
    await checkPage(page, '/admin/sites', 'sites');
    await checkPage(page, '/admin/sites/new', 'site-new');
    await checkPage(page, `/admin/sites/${sites[0]?.id ?? 'missing'}`, 'site-edit');
    await checkPage(page, '/admin/municipalities', 'municipalities');
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
