import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

/** The public timetable of a site (/announcements/:siteId), opened without signing in. */
export class AnnouncementsPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(siteId: string): Promise<void> {
    await this.page.goto(`/announcements/${siteId}`);
    await this.page.locator('main [data-page-state]').waitFor();
  }

  /** The same page by the site's short address (/s/:slug), as a person types it from a poster. */
  async openAddress(slug: string): Promise<void> {
    await this.page.goto(`/s/${slug}`);
    await this.page.locator('main [data-page-state]').waitFor();
  }

  /** The short address the page shows, "host/s/slug". */
  shortAddress(): Promise<string> {
    return this.page.locator('main .announcements__short-url').innerText();
  }

  state(): Promise<string | null> {
    return this.page.locator('main [data-page-state]').getAttribute('data-page-state');
  }

  /** The lines of the timetable, one per session or group, as the visitor reads them. */
  async entries(): Promise<string[]> {
    return (await this.page.locator('main .announcement-entry').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  weekHeadings(): Promise<string[]> {
    return this.page.locator('main h2').allInnerTexts();
  }

  posterLink(): Locator {
    return this.page.locator('main a[href*="/poster?month="]');
  }
}

/** The month's printable poster (/announcements/:siteId/poster?month=YYYY-MM). */
export class PosterPage extends AnnouncementsPage {
  async openMonth(siteId: string, month: string): Promise<void> {
    await this.page.goto(`/announcements/${siteId}/poster?month=${month}`);
    await this.page.locator('main [data-page-state]').waitFor();
  }

  async openAddressMonth(slug: string, month: string): Promise<void> {
    await this.page.goto(`/s/${slug}/poster?month=${month}`);
    await this.page.locator('main [data-page-state]').waitFor();
  }

  printButton(): Locator {
    return this.page.locator('#poster-print');
  }

  qrCode(): Locator {
    return this.page.locator('main .poster svg.qr-code');
  }
}

/** What the receiving service sees at /slip/:code. */
export class SlipConfirmPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(code: string): Promise<string> {
    await this.page.goto(`/slip/${code}`);
    return this.state();
  }

  /** Waits for the page to settle on one of its states (open, confirmed, used, expired, unknown, limited, failed). */
  async state(): Promise<string> {
    const settled = this.page.locator('main [data-slip-state]');
    await settled.waitFor();
    return (await settled.getAttribute('data-slip-state')) ?? '';
  }

  async confirm(): Promise<string> {
    await this.page.locator('#slip-confirm').click();
    await this.page.locator('main [data-slip-state]:not([data-slip-state="open"])').waitFor();
    return this.state();
  }

  field(name: 'service' | 'date'): Promise<string> {
    return this.page.locator(`main [data-slip-field="${name}"]`).innerText();
  }

  mainText(): Promise<string> {
    return this.page.locator('main').innerText();
  }
}

/** The professional's slip page (/referrals/:referralId/slip). */
export class ReferralSlipPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  /** Issues the slip and returns its code as the QR encodes it. */
  async issue(): Promise<string> {
    await this.page.locator('#slip-issue').click();
    const code = this.page.locator('main [data-slip-code]');
    await code.waitFor();
    await this.page.locator('main [data-slip-field="service"]').waitFor();
    return (await code.getAttribute('data-slip-code')) ?? '';
  }

  slip(): Locator {
    return this.page.locator('main [data-testid="referral-slip"]');
  }
}
