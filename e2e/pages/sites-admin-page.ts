import type { Page } from 'playwright-core';
import { AppShell, chooseFromDropdown } from './app-shell';

export type SiteDraft = {
  name: string;
  kindLabel: string;
  address: string;
  hours: { weekday: number; opens: string; closes: string }[];
  rooms: string[];
};

export class SitesAdminPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.page.goto('/admin/sites');
    await this.heading().waitFor();
  }

  async createSite(site: SiteDraft): Promise<void> {
    await this.page.goto('/admin/sites/new');
    await this.page.locator('#site-name').fill(site.name);
    await chooseFromDropdown(this.page, 'site-kind', site.kindLabel);
    await this.page.locator('#site-address').fill(site.address);
    for (const period of site.hours) {
      const day = this.page.locator('fieldset.hours-day').nth(period.weekday - 1);
      await day.locator(':scope > button').click();
      const row = day.locator('.hours-row').last();
      await row.locator('input').nth(0).fill(period.opens);
      await row.locator('input').nth(1).fill(period.closes);
    }
    for (const room of site.rooms) {
      await this.page.locator('.rooms-editor > button').click();
      await this.page.locator('.room-row input').last().fill(room);
    }
    await this.page.locator('main button[type="submit"]').click();
    await this.page.waitForURL((url) => url.pathname === '/admin/sites');
  }

  /** The text of the table row that names the site, or null when there is none. */
  async rowText(siteName: string): Promise<string | null> {
    const row = this.page.locator('table.data-table tbody tr', { hasText: siteName });
    await this.page.locator('table.data-table').waitFor();
    return (await row.count()) === 0 ? null : row.first().innerText();
  }
}
