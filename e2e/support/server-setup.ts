import path from 'node:path';
import { repoRoot } from './server-process';

/** Every demo account gets this password in the browser tests. */
export const demoPassword = 'e2e-demo-password-2025';

// SILTA_E2E_WEB_DIR lets parallel work build the app into its own folder instead of sharing dist/web.
export const webDir = process.env.SILTA_E2E_WEB_DIR ?? path.join(repoRoot, 'dist/web');

/** Whether the demo data includes the made-up history (SILTA_DEMO_HISTORY). */
export type DemoHistory = 'on' | 'off';

/**
 * What the global setup hands to the test files: the bundled server and a seeded data directory per
 * setting. `seeded` is null when the templates were ready before the tests began, otherwise the
 * directory to wait on (./seeded.ts) before copying them.
 */
export type E2eServerSetup = { entry: string; templates: Record<DemoHistory, string>; seeded: string | null };

declare module 'vitest' {
  export interface ProvidedContext {
    e2eServer: E2eServerSetup;
  }
}
