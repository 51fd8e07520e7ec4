// The pages every role starts from. The admin, audit and password pages are checked in
// accessibility-admin.e2e.test.ts, so that the two halves run side by side.
import { describe, it } from 'vitest';
import { expectNoSeriousViolations } from './support/axe';
import { openPage } from './support/browser';
import { checkPage } from './support/accessibility';
import { screenshot } from './support/screenshots';
import { useSuite } from './support/suite';
import { AppShell } from './pages/app-shell';
import { signedIn as signedInAs } from './support/sign-in';

const suite = useSuite();
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
});
