import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

/** /outbox: the entries the server refused, with retry and discard. */
export class OutboxReviewPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  /** From the "not yet sent" status, by its link to the refused entries. */
  async openFromStatus(): Promise<void> {
    await this.page.locator('main .outbox-status a[href="/outbox"]').click();
    await this.page.waitForURL((url) => url.pathname === '/outbox');
    await this.heading().waitFor();
  }

  card(entryId: string): Locator {
    return this.page.locator(`main li[data-entry-id="${entryId}"]`);
  }

  outcome(): Locator {
    return this.page.locator('main .outbox-review__outcome');
  }

  async act(entryId: string, action: 'retry' | 'discard' | 'confirm-discard' | 'cancel-discard'): Promise<void> {
    await this.card(entryId).locator(`button[data-action="${action}"]`).click();
  }
}
