import { type ComponentType, lazy } from 'react';
import { loadPageTexts } from './i18n/i18n';

/**
 * React.lazy for a page: its code and its language's full texts load together, because the first
 * route ships only the shell's texts (see i18n.ts). The page renders once both are there.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same bound as React.lazy's own
export function lazyPage<Page extends ComponentType<any>>(load: () => Promise<{ default: Page }>) {
  return lazy(async () => (await Promise.all([load(), loadPageTexts()]))[0]);
}
