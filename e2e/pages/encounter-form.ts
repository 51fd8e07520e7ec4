import type { Page } from 'playwright-core';
import { AppShell } from './app-shell';

/**
 * The fast encounter form. Every tap and every keystroke group goes through `tap` or `type`,
 * which count them, so a test can assert how many actions the common case takes.
 */
export class EncounterForm extends AppShell {
  actions = 0;

  constructor(page: Page) {
    super(page);
  }

  async tap(selector: string): Promise<void> {
    this.actions += 1;
    await this.page.locator(selector).click();
  }

  async type(selector: string, text: string): Promise<void> {
    this.actions += 1;
    await this.page.locator(selector).fill(text);
  }

  /** From the home page: one tap on "Record an encounter". */
  async openFromHome(): Promise<void> {
    await this.tap('main a[href="/encounters/new"]');
    await this.page.waitForURL((url) => url.pathname === '/encounters/new');
    await this.page.locator('#encounter-save').waitFor();
  }

  choice(name: string, value: string): string {
    return `main button[data-choice="${name}:${value}"]`;
  }

  /** The first chip of a group (need, support, service). */
  firstChoice(name: string): string {
    return `main button[data-choice^="${name}:"] >> nth=0`;
  }

  async save(): Promise<void> {
    await this.tap('#encounter-save');
    await this.page.locator('main [role="status"]:not(.outbox-status)').waitFor();
  }
}
