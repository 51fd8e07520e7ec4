import type { Page } from 'playwright-core';
import { AppShell, chooseFromDropdown } from './app-shell';

export type AuditRow = { at: string; actor: string; action: string; resource: string; site: string };

export class AuditLogPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.page.goto('/audit');
    await this.waitForResults();
  }

  async waitForResults(): Promise<void> {
    await this.page.locator('main .result-count').waitFor();
  }

  async rows(): Promise<AuditRow[]> {
    await this.waitForResults();
    return this.page.locator('table.data-table tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const cells = Array.from(row.querySelectorAll('td'), (cell) => (cell.textContent ?? '').trim());
        return { at: cells[0] ?? '', actor: cells[1] ?? '', action: cells[2] ?? '', resource: cells[3] ?? '', site: cells[4] ?? '' };
      }),
    );
  }

  /** Applies the filters given by their visible labels and dates (d.m.yyyy); waits for the new results. */
  async filter(filters: { actionLabel?: string; siteLabel?: string; from?: string; to?: string }): Promise<void> {
    if (filters.actionLabel) await chooseFromDropdown(this.page, 'audit-action', filters.actionLabel);
    if (filters.siteLabel) await chooseFromDropdown(this.page, 'audit-site', filters.siteLabel);
    if (filters.from !== undefined) await this.page.locator('#audit-from').fill(filters.from);
    if (filters.to !== undefined) await this.page.locator('#audit-to').fill(filters.to);
    const answered = this.page.waitForResponse((response) => new URL(response.url()).pathname === '/api/audit');
    await this.page.locator('form.filter-form button[type="submit"]').click();
    await answered;
    await this.waitForResults();
  }

  /** The "load more" button, present only while the API has another page. */
  loadMoreButton() {
    return this.page.locator('main .audit-load-more');
  }

  async loadMore(): Promise<void> {
    const answered = this.page.waitForResponse((response) => new URL(response.url()).pathname === '/api/audit');
    await this.loadMoreButton().click();
    await answered;
  }

  async shownText(): Promise<string> {
    return (await this.page.locator('main .result-count').innerText()).trim();
  }
}
