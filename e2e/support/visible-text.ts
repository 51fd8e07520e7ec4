import type { Page } from 'playwright-core';

/**
 * Every string a person can see or hear on the page, in document order: text nodes of rendered
 * elements (visually hidden ones too, screen readers read them), the accessible-name attributes
 * (aria-label, placeholder, title, alt) and the document title.
 */
export function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const isShown = (element: Element): boolean =>
      element.checkVisibility({ visibilityProperty: true }) && element.closest('[aria-hidden="true"], script, style, noscript, template') === null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text !== '' && node.parentElement && isShown(node.parentElement)) texts.push(text);
    }
    for (const element of document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
      if (!isShown(element)) continue;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(`${name}: ${value}`);
      }
    }
    texts.push(`document title: ${document.title}`);
    return texts;
  });
}

/**
 * The strings that stayed the same between two languages, except those `isExempt` allows
 * (proper names and user data). Throws when the pages do not have the same structure, because
 * then the strings cannot be paired and a missing translation could hide.
 */
export function unchangedTexts(before: string[], after: string[], isExempt: (text: string) => boolean): string[] {
  if (before.length !== after.length) {
    throw new Error(
      `The pages have ${before.length} and ${after.length} strings, so they cannot be compared one to one.\n` +
        `before: ${JSON.stringify(before)}\nafter:  ${JSON.stringify(after)}`,
    );
  }
  return before.filter((text, index) => text === after[index] && !isExempt(text));
}
