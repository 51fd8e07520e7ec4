import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Saves a full-page screenshot when SILTA_SCREENSHOTS_DIR is set; otherwise does nothing. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SILTA_SCREENSHOTS_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`), fullPage: true });
}
