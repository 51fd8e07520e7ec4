// The browser tests' server entry: the production server (serve.ts) on a clock that may pretend another
// date (SILTA_TEST_NOW, see test-clock.ts). Bundled beside main.ts by the browser tests' global setup.
import { loadConfig } from '../config.js';
import { systemClock } from '../deps.js';
import { runOrExplain, serve } from '../serve.js';
import { StartupError } from '../startup-error.js';
import { shiftedClock, testClockOffset, TestClockError } from '../test-clock.js';

await runOrExplain(async () => {
  let offset: number | null;
  try {
    offset = testClockOffset(process.env);
  } catch (error) {
    if (error instanceof TestClockError) throw new StartupError(error.message);
    throw error;
  }
  await serve(loadConfig(), offset === null ? systemClock : shiftedClock(offset));
});
