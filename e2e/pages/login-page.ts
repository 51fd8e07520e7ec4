import type { Page } from 'playwright-core';
import { AppShell } from './app-shell';

export class LoginPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.page.goto('/login');
    await this.page.locator('#login-username').waitFor();
  }

  /** Signs in and waits until the app has left the sign-in page. */
  async signIn(username: string, password: string): Promise<void> {
    await this.page.locator('#login-username').fill(username);
    await this.page.locator('#login-password').fill(password);
    await this.page.locator('main button[type="submit"]').click();
    await this.page.waitForURL((url) => url.pathname !== '/login');
    // The URL changes before the next page renders; until the form is gone, h1 is still the sign-in page's.
    await this.page.locator('#login-username').waitFor({ state: 'detached' });
    await this.heading().waitFor();
  }

  errorText(): Promise<string> {
    return this.page.locator('main [role="alert"]').innerText();
  }
}
