import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function describe(violation: Violation): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map((node) => `    - ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
    .join('\n');
  return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}`;
}

/** Runs axe (WCAG 2.x A/AA and best practices) and fails on serious or critical violations. */
export async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    // By default the builder runs axe per frame and then merges the results in a new blank page, which
    // costs a page per check. A page without frames gets the same rules and results from one axe.run()
    // in the page itself; a page with frames keeps the default, which also reaches cross-origin frames.
    .setLegacyMode(page.frames().length === 1)
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  // axe files text with a 1:1 contrast (text the colour of its background) under "incomplete",
  // since it may be hidden on purpose; on these pages it never is, so it counts as a failure.
  const invisibleText = results.incomplete
    .filter((v) => v.id === 'color-contrast')
    .map((v) => ({ ...v, nodes: v.nodes.filter((node) => node.any.some((check) => check.message.includes('1:1'))) }))
    .filter((v) => v.nodes.length > 0);
  serious.push(...invisibleText);
  if (serious.length > 0) {
    throw new Error(`axe found ${serious.length} serious or critical violation(s) on ${where}:\n${serious.map(describe).join('\n')}`);
  }
}
