import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { testNow } from './test-time';

export const desktop = { width: 1280, height: 900 } as const;
export const phone = { width: 360, height: 740 } as const;
export type Viewport = { width: number; height: number };

/** Debian's Chromium; the tests never download a browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export type TestPage = { context: BrowserContext; page: Page; problems: string[] };

/**
 * A fresh browser profile (no cookies, no localStorage) on the given server. `problems` collects
 * page errors and console errors, which include Content-Security-Policy violations.
 */
export async function openPage(browser: Browser, baseUrl: string, viewport: Viewport = desktop): Promise<TestPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'fi-FI', timezoneId: 'Europe/Helsinki' });
  // At a pretended date the page's clock starts there and runs on (Date is shifted in this process too).
  if (testNow() !== null) await context.clock.install({ time: Date.now() });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // The browser logs every 4xx answer of the API (a 401 from /api/auth/me is how a signed-out
    // page learns it is signed out); the app shows those itself, so only other errors count.
    const isApiAnswer = new URL(message.location().url || 'about:blank').pathname.startsWith('/api/');
    if (message.type() === 'error' && !isApiAnswer) problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}
