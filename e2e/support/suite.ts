import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { type RunningServer, startServer } from './server';

export type Suite = { server: RunningServer; browser: Browser };

// Three projects' templates seeded one after another at most (up to 10 minutes each, see global-setup.ts)
// plus the server's own start.
const startWithinMs = 32 * 60_000;

/**
 * One fresh server (own data directory, demo accounts) and one Chromium for a test file.
 * The tests of a file share them; each test opens its own browser context.
 */
export function useSuite(): () => Suite {
  let suite: Suite | null = null;
  // The hook's own limit rather than the config's hookTimeout: at a pretended date the server may wait
  // for its project's templates, seeded in the background by the global setup (which bounds each seed).
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
  }, startWithinMs);
  afterAll(async () => {
    await suite?.browser.close();
    await suite?.server.stop();
  });
  return () => {
    if (!suite) throw new Error('The suite has not started.');
    return suite;
  };
}
