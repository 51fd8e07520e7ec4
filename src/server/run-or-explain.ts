import { ConfigError } from './config.js';
import { StartupError } from './startup-error.js';

/** Runs a start function, printing an operator's problem as one sentence instead of a stack trace. */
export async function runOrExplain(start: () => Promise<void>): Promise<void> {
  try {
    await start();
  } catch (error) {
    if (error instanceof StartupError || error instanceof ConfigError) {
      process.stderr.write(`Silta could not start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
