// Starts Silta: environment → database → migrations → (demo data on a fresh embedded database) → listen.
import { loadConfig } from './config.js';
import { systemClock } from './deps.js';
import { runOrExplain, serve } from './serve.js';
import { StartupError } from './startup-error.js';
import { TEST_NOW_VARIABLES } from './test-clock.js';

await runOrExplain(async () => {
  // A pretended date is for the browser tests' own entry only; a deployment must never run on one.
  const set = TEST_NOW_VARIABLES.filter((name) => (process.env[name] ?? '') !== '');
  if (set.length > 0) throw new StartupError(`${set.join(' and ')} ${set.length > 1 ? 'are test settings' : 'is a test setting'}; remove ${set.length > 1 ? 'them' : 'it'} to start Silta.`);
  await serve(loadConfig(), systemClock);
});
