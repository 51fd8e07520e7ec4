import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

/** The clients list (/clients), the new-contact form (/clients/new) and a client's page. */
export class ClientsPages extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async openList(): Promise<void> {
    await this.navigate('/clients');
    await this.heading().waitFor();
    await this.page.locator('main table, main .loading').first().waitFor();
    await this.page.locator('main .loading').waitFor({ state: 'detached' });
  }

  async openCreateForm(): Promise<void> {
    await this.page.locator('main a[href="/clients/new"]').click();
    await this.page.waitForURL((url) => url.pathname === '/clients/new');
    await this.page.locator('#client-submit').waitFor();
  }

  async fillContact(form: { name: string; identityCode: string; source: string; need: string }): Promise<void> {
    await this.page.locator('#client-name').fill(form.name);
    await this.page.locator('#client-identity-code').fill(form.identityCode);
    await this.page.locator(`label[for="client-source-${form.source}"]`).click();
    await this.page.locator('#client-need').fill(form.need);
  }

  async submitContact(): Promise<void> {
    await this.page.locator('#client-submit').click();
  }

  errorSummary(): Locator {
    return this.page.locator('main .fi-error-summary');
  }

  processState(): Locator {
    return this.page.locator('#client-process-state');
  }

  clockStatus(clockKey: string): Locator {
    return this.page.locator(`[data-clock="${clockKey}"] [data-status]`);
  }

  async step(type: string): Promise<void> {
    await this.page.locator(`#process-${type}`).click();
  }

  consentRows(): Locator {
    return this.page.locator('#client-consents tbody tr');
  }
}
