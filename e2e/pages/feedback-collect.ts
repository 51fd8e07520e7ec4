import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

/** /feedback/collect: choose a form and place, start a kiosk on this device or make a QR link. */
export class CollectPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.page.goto('/feedback/collect');
    await this.page.locator('#collect-form').waitFor();
  }

  /** Picks a form by its visible name (in the page's language). */
  async chooseForm(name: string): Promise<void> {
    await this.page.locator('#collect-form').selectOption({ label: name });
  }

  async startKiosk(pin: string, again = pin): Promise<void> {
    await this.page.locator('#collect-pin').fill(pin);
    await this.page.locator('#collect-pin-again').fill(again);
    await this.page.locator('#collect-kiosk-start').click();
  }

  async makeLink(): Promise<void> {
    await this.page.locator('#collect-link-create').click();
    await this.qrCode().waitFor();
  }

  qrCode(): Locator {
    return this.page.locator('.collect-link-result svg.qr-code').first();
  }

  async linkUrl(): Promise<string> {
    return (await this.page.locator('#collect-link-url').innerText()).trim();
  }
}

/** The answer flow shared by /kiosk and /f/:token. */
export class AnswerFlowPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  screen(): Locator {
    return this.page.locator('main [data-flow-screen]');
  }

  /** Waits for the given screen of the flow (start, question, send, thanks). */
  async waitForScreen(name: 'start' | 'question' | 'send' | 'thanks', timeout?: number): Promise<void> {
    await this.page.locator(`main [data-flow-screen="${name}"]`).waitFor({ timeout });
  }

  async chooseLanguage(label: 'Suomi' | 'Svenska' | 'English'): Promise<void> {
    await this.page.locator('.fc-screen--start .fc-language', { hasText: label }).click();
    const lang = { Suomi: 'fi', Svenska: 'sv', English: 'en' }[label];
    await this.page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }

  async start(): Promise<void> {
    await this.page.locator('#fc-start').click();
    await this.waitForScreen('question');
  }

  questionText(): Promise<string> {
    return this.page.locator('main .fc-question-text').innerText();
  }

  progressText(): Promise<string> {
    return this.page.locator('main .fc-progress').innerText();
  }

  /** Clicks the answer tile whose words are exactly this text. */
  async pick(text: string): Promise<void> {
    await this.page.locator('main .fc-tile').filter({ has: this.page.getByText(text, { exact: true }) }).click();
  }

  async next(): Promise<void> {
    await this.page.locator('#fc-next').click();
  }

  async send(): Promise<void> {
    await this.page.locator('#fc-send').click();
  }
}

/** The kiosk's own frame: leaving with the PIN. */
export class KioskPage extends AnswerFlowPage {
  async open(): Promise<void> {
    await this.page.goto('/kiosk');
    await this.page.locator('main [data-kiosk-state]').first().waitFor();
  }

  async leave(pin: string): Promise<void> {
    await this.page.locator('#fc-kiosk-leave').click();
    await this.page.locator('#fc-leave-pin').fill(pin);
    await this.page.locator('#fc-leave-submit').click();
  }

  leaveError(): Locator {
    return this.page.locator('#fc-leave-error');
  }
}
