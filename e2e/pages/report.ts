import type { Download, Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

/** The evaluation report page (/reports): selection form, sections, tables, charts and downloads. */
export class ReportPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  /** Opens the report with a selection in the URL and waits until the sections have rendered. */
  async open(query: Record<string, string>): Promise<void> {
    await this.page.goto(`/reports?${new URLSearchParams(query).toString()}`);
    await this.heading().waitFor();
    await this.sections().first().waitFor();
  }

  sections(): Locator {
    return this.page.locator('main section.report-section');
  }

  section(key: string): Locator {
    return this.page.locator(`main section[data-section="${key}"]`);
  }

  block(tableKey: string): Locator {
    return this.page.locator(`main [data-table-block="${tableKey}"]`);
  }

  table(tableKey: string): Locator {
    return this.page.locator(`main table[data-table-key="${tableKey}"]`).first();
  }

  suppressedCells(): Locator {
    return this.page.locator('main table.report-table td[data-state="suppressed"]');
  }

  /** The table's body rows as text: the row header, then each cell, with spacing removed. */
  async tableRows(tableKey: string): Promise<string[][]> {
    return this.table(tableKey).locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/[\s\u00a0\u202f]/g, ''))),
    );
  }

  async downloadCsv(tableKey: string): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.block(tableKey).locator('button.report-csv').first().click()]);
    return download;
  }

  async downloadWorkbook(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.locator('#report-xlsx').click()]);
    return download;
  }

  exactToggle(): Locator {
    return this.page.locator('label[for="report-exact"]');
  }

  exactBanner(): Locator {
    return this.page.locator('#report-exact-banner');
  }
}
