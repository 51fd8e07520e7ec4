import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

/** The day-centre month view (/daylog/month) with its trend chart and the chart's table. */
export class DaylogMonthPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  /** From the day-log entry page, by its link. */
  async openFromDaylog(): Promise<void> {
    await this.page.goto('/daylog');
    await this.page.locator('main a[href="/daylog/month"]').click();
    await this.page.waitForURL((url) => url.pathname === '/daylog/month');
    await this.waitForData();
  }

  async waitForData(): Promise<void> {
    await this.page.locator('main .daylog-month table').waitFor();
    await this.page.locator('main .trend-chart table').waitFor();
  }

  monthHeading(): Promise<string> {
    return this.page.locator('#daylog-month-heading').innerText();
  }

  async previousMonth(): Promise<void> {
    const before = await this.monthHeading();
    await this.page.locator('#daylog-month-previous').click();
    await this.page.locator('#daylog-month-heading').filter({ hasNotText: before }).waitFor();
    await this.page.locator('main .daylog-month table').waitFor();
  }

  monthRows(): Locator {
    return this.page.locator('main .daylog-month tbody tr');
  }

  /** The cells of one day's row, as the user reads them. */
  async dayCells(day: string): Promise<string[]> {
    const row = this.page.locator(`main .daylog-month tbody tr:has([data-day="${day}"])`);
    await row.waitFor();
    return (await row.locator('td').allInnerTexts()).map((text) => text.trim());
  }

  /** Every row of the trend table: month, days logged, visitors, breakfasts, lunches. */
  async trendRows(): Promise<string[][]> {
    const rows = this.page.locator('main .trend-chart tbody tr');
    const count = await rows.count();
    const cells: string[][] = [];
    for (let i = 0; i < count; i++) cells.push((await rows.nth(i).locator('td').allInnerTexts()).map((text) => text.trim()));
    return cells;
  }

  chart(): Locator {
    return this.page.locator('main svg.trend-chart__svg');
  }
}
