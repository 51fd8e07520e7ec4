import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

export type EntryDraft = { code?: string; fi: string; sv: string; en: string; sortOrder?: string };

/** The code list (/admin/codes) and service directory (/admin/services) pages share their forms. */
export class ListsAdminPage extends AppShell {
  constructor(
    page: Page,
    readonly what: 'code' | 'service',
  ) {
    super(page);
  }

  async open(): Promise<void> {
    await this.page.goto(this.what === 'code' ? '/admin/codes' : '/admin/services');
    await this.page.locator('main table').waitFor();
  }

  async chooseList(kind: 'need' | 'support', register: 'health' | 'social'): Promise<void> {
    await this.page.locator('#codes-kind').selectOption(kind);
    await this.page.locator('#codes-register').selectOption(register);
  }

  async fill(prefix: string, draft: EntryDraft): Promise<void> {
    if (draft.code !== undefined) await this.page.locator(`#${prefix}-code`).fill(draft.code);
    await this.page.locator(`#${prefix}-fi`).fill(draft.fi);
    await this.page.locator(`#${prefix}-sv`).fill(draft.sv);
    await this.page.locator(`#${prefix}-en`).fill(draft.en);
    if (draft.sortOrder !== undefined) await this.page.locator(`#${prefix}-sortOrder`).fill(draft.sortOrder);
  }

  async submitAdd(): Promise<void> {
    await this.page.locator(`#${this.what}-add-submit`).click();
  }

  /** The row of a code (`need:health:foo`) or a service (`foo`). */
  row(key: string): Locator {
    const attribute = this.what === 'code' ? 'data-code' : 'data-service';
    return this.page.locator(`main tbody tr:has([${attribute}="${key}"])`);
  }

  async rowCells(key: string): Promise<string[]> {
    await this.row(key).waitFor();
    return (await this.row(key).locator('td').allInnerTexts()).map((text) => text.trim());
  }

  /** The text of the error shown under a field. */
  fieldError(id: string): Locator {
    return this.page.locator(`#${id}-statusText`);
  }

  errorSummary(): Locator {
    return this.page.locator('main .fi-error-summary');
  }
}
