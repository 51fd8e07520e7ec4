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
    const server = await startServer();
    try {
      suite = { server, browser: await launchBrowser() };
    } catch (error) {
      await server.stop();
      throw error;
    }
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
