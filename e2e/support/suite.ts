import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { type RunningServer, startServer } from './server';

export type Suite = { server: RunningServer; browser: Browser };

/**
 * One fresh server (own data directory, demo accounts) and one Chromium for a test file.
 * The tests of a file share them; each test opens its own browser context.
 */
export function useSuite(): () => Suite {
  let suite: Suite | null = null;
  beforeAll(async () => {
    // Started side by side: the server's start-up is mostly waiting on its own process.
    const [server, browser] = await Promise.allSettled([startServer(), launchBrowser()]);
    if (server.status === 'fulfilled' && browser.status === 'fulfilled') {
      suite = { server: server.value, browser: browser.value };
      return;
    }
    // One of them failed: close the other, then report the failure.
    if (server.status === 'fulfilled') await server.value.stop();
    if (browser.status === 'fulfilled') await browser.value.close();
    const failed = [server, browser].find((result) => result.status === 'rejected');
    throw failed?.reason;
  });
  afterAll(async () => {
    await suite?.browser.close();
    await suite?.server.stop();
  });
  return () => {
    if (!suite) throw new Error('The suite has not started.');
    return suite;
  };
}
