import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

/** /feedback (the forms), the form builder, paper entry and the results page. */
export class FeedbackFormsPages extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async openList(): Promise<void> {
    await this.page.goto('/feedback');
    await this.page.locator('.feedback-form-list').waitFor();
  }

  formEntry(formId: string): Locator {
    return this.page.locator(`.feedback-form-entry[data-form-id="${formId}"]`);
  }

  /** From the list, a form's link to paper entry, results or the builder. */
  async follow(formId: string, to: 'paper' | 'results' | 'edit'): Promise<void> {
    await this.formEntry(formId).locator(`a[href="/feedback/forms/${formId}/${to}"]`).click();
    await this.page.waitForURL((url) => url.pathname === `/feedback/forms/${formId}/${to}`);
    await this.heading().waitFor();
  }

  // ---- paper entry ----

  /** Marks an answer on the paper being typed: a score, 'na', 'none' or `c-<option key>`. */
  async mark(itemId: string, value: string | number): Promise<void> {
    await this.page.locator(`#p-${itemId}-${value}`).check();
  }

  async write(itemId: string, text: string): Promise<void> {
    await this.page.locator(`#p-${itemId}`).fill(text);
  }

  async addPaper(): Promise<void> {
    await this.page.locator('#paper-add').click();
  }

  readyCount(): Locator {
    return this.page.locator('#paper-ready');
  }

  async savePapers(): Promise<void> {
    await this.page.locator('#paper-save').click();
  }

  confirmation(): Locator {
    return this.page.locator('main [role="status"] .fi-inline-alert');
  }

  errorSummary(): Locator {
    return this.page.locator('main .fi-error-summary');
  }

  // ---- results ----

  async openResults(formId: string, query = ''): Promise<void> {
    await this.page.goto(`/feedback/forms/${formId}/results${query}`);
    await this.page.locator('#results-responses').waitFor();
  }

  versionBlock(version: number): Locator {
    return this.page.locator(`.results-version[data-version="${version}"]`);
  }

  itemResult(itemId: string, within: Locator | Page = this.page): Locator {
    return within.locator(`.item-result[data-item-id="${itemId}"]`);
  }

  /** The distribution table's count and share for one answer ('1'–'5', 'na', an option key). */
  async row(item: Locator, value: string): Promise<{ count: string; share: string }> {
    const cells = item.locator(`tr[data-value="${value}"] td`);
    return { count: (await cells.nth(0).innerText()).trim(), share: (await cells.nth(1).innerText()).trim() };
  }

  // ---- builder ----

  async addItem(kind: 'agreement' | 'recommendation' | 'single_choice' | 'multiple_choice' | 'open_text'): Promise<Locator> {
    await this.page.locator('#form-add-kind').selectOption(kind);
    await this.page.locator('#form-add-item').click();
    return this.page.locator('fieldset.builder-item').last();
  }

  async save(): Promise<void> {
    await this.page.locator('#form-save').click();
  }
}
