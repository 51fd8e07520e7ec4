// The templates of the projects at pretended dates are seeded in the background (./global-setup.ts).
// The outcome is a file in a directory of its own, so that a test file in another process can wait for it.
// Used by the global setup in Vitest's main process and by the test files: no import from 'vitest'.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const okFile = (dir: string): string => path.join(dir, 'ok');
const failedFile = (dir: string): string => path.join(dir, 'failed');

export async function seededOk(dir: string, message: string): Promise<void> {
  process.stderr.write(`${message}\n`);
  await writeFile(okFile(dir), message);
}

export async function seededFailed(dir: string, message: string): Promise<void> {
  process.stderr.write(`${message}\n`);
  await writeFile(failedFile(dir), message);
}

/**
 * Resolves once the templates in `dir`'s care are seeded, and throws the seeding's error if it failed.
 * No limit of its own: the seeding has one (each server must be seeded within minutes) and reports it here.
 */
export async function waitForSeeded(dir: string): Promise<void> {
  for (;;) {
    if (existsSync(okFile(dir))) return;
    if (existsSync(failedFile(dir))) throw new Error(await readFile(failedFile(dir), 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
