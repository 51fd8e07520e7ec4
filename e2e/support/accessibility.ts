import type { Page } from 'playwright-core';
import { expectNoSeriousViolations } from './axe';
import { type Viewport, desktop, phone } from './browser';
import { screenshot } from './screenshots';
import { AppShell } from '../pages/app-shell';

const viewports: [string, Viewport][] = [
  ['desktop', desktop],
  ['phone', phone],
];

/** Opens a page, waits until it has loaded its data, then runs axe at both viewports. */
export async function checkPage(page: Page, path: string, name: string): Promise<void> {
  const shell = new AppShell(page);
  for (const [label, viewport] of viewports) {
    await page.setViewportSize(viewport);
    await page.goto(path);
    await shell.heading().waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSeriousViolations(page, `${name} (${label})`);
    await screenshot(page, `${name}-${label}`);
  }
}
