// Starts Silta: environment → database → migrations → (demo data on a fresh embedded database) → listen.
// Only light modules load before the embedded engine's files are being read and compiled; the server
// (serve.ts and everything it imports) loads meanwhile.
import { loadConfig, OIDC_TEST_HTTP_VARIABLE } from './config.js';
import { preloadPgliteAssets } from './db/pglite-assets.js';
import { systemClock } from './deps.js';
import { runOrExplain } from './run-or-explain.js';
import { StartupError } from './startup-error.js';
import { TEST_NOW_VARIABLES } from './test-clock.js';

await runOrExplain(async () => {
  // A pretended date is for the browser tests' own entry only; a deployment must never run on one. Nor
  // may it talk to its identity provider over plain http, which only the in-test provider needs.
  const set = [...TEST_NOW_VARIABLES, OIDC_TEST_HTTP_VARIABLE].filter((name) => (process.env[name] ?? '') !== '');
  if (set.length > 0) throw new StartupError(`${set.join(' and ')} ${set.length > 1 ? 'are test settings' : 'is a test setting'}; remove ${set.length > 1 ? 'them' : 'it'} to start Silta.`);
  const config = loadConfig();
  const pgliteAssets = config.databaseUrl ? undefined : preloadPgliteAssets();
  const { serve } = await import('./serve.js');
  await serve(config, systemClock, pgliteAssets);
});
