import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

/** /visitors (look up, issue) and /visitors/:code (the code's page and card). */
export class VisitorsPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.page.goto('/visitors');
    await this.page.locator('#visitor-code-input').waitFor();
  }

  /** Issues a code at the (only) site and returns it, read from the card page's address. */
  async issue(): Promise<string> {
    await this.page.locator('#visitor-issue').click();
    await this.page.waitForURL((url) => /^\/visitors\/[A-Z0-9]{7}$/.test(url.pathname));
    await this.card().waitFor();
    return new URL(this.page.url()).pathname.split('/').pop() ?? '';
  }

  async lookUp(text: string): Promise<void> {
    await this.page.locator('#visitor-code-input').fill(text);
    await this.page.locator('#visitor-lookup').click();
  }

  /** The message under the code field (typo, wrong length, not found). */
  codeProblem(): Locator {
    return this.page.locator('#visitor-code-input-statusText');
  }

  card(): Locator {
    return this.page.locator('main [data-testid="visitor-card"]');
  }

  qr(): Locator {
    return this.card().locator('svg.qr-code');
  }

  use(): Locator {
    return this.page.locator('main [data-testid="visitor-use"]');
  }

  async retire(): Promise<void> {
    await this.page.locator('#visitor-retire-start').click();
    await this.page.locator('#visitor-retire-question').waitFor();
    await this.page.locator('#visitor-retire-confirm').click();
    await this.page.locator('#visitor-retired').waitFor();
  }
}

/** /follow-ups: open referrals of visitors with codes. */
export class FollowUpsPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.page.goto('/follow-ups');
    await this.heading().waitFor();
  }

  group(code: string): Locator {
    return this.page.locator(`main section[data-visitor-code="${code}"]`);
  }

  item(referralId: string): Locator {
    return this.page.locator(`main li[data-referral-id="${referralId}"]`);
  }

  statusButton(referralId: string, status: string): Locator {
    return this.item(referralId).locator(`button[data-choice$=":${status}"]`);
  }

  async openDetails(referralId: string): Promise<Locator> {
    await this.item(referralId).locator('button[data-action="edit"]').click();
    const form = this.item(referralId).locator('[data-testid="follow-up-form"]');
    await form.waitFor();
    return form;
  }

  done(): Locator {
    return this.page.locator('main [data-testid="follow-ups-done"]');
  }
}
