import type { Page } from 'playwright-core';
import { AppShell } from './app-shell';

export class ChangePasswordPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.page.goto('/account/password');
    await this.page.locator('#password-current').waitFor();
  }

  /** Fills the form and submits it; returns the confirmation or error that appears. */
  async change(current: string, next: string, confirm = next): Promise<string> {
    await this.page.locator('#password-current').fill(current);
    await this.page.locator('#password-new').fill(next);
    await this.page.locator('#password-confirm').fill(confirm);
    await this.page.locator('main button[type="submit"]').click();
    const outcome = this.page.locator('main [role="status"], main [role="alert"], main .fi-status-text:not(:empty)').first();
    await outcome.waitFor();
    return (await outcome.innerText()).trim();
  }
}
