import type { Locator, Page } from 'playwright-core';

/** The header, navigation and main landmark every page shares. */
export class AppShell {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.locator('main h1');
  }

  /** Waits until the page's h1 has rendered (pages load lazily) and returns its text. */
  async headingText(): Promise<string> {
    await this.heading().waitFor();
    return (await this.heading().innerText()).trim();
  }

  async switchLanguage(locale: 'fi' | 'sv' | 'en'): Promise<void> {
    await this.page.locator('#language-menu').click();
    await this.page.locator(`[role="menuitem"][lang="${locale}"]`).click();
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, locale);
  }

  /** On a phone the navigation is behind the menu button; open it when it is closed. */
  async openNavigation(): Promise<void> {
    const toggle = this.page.locator('.main-nav__toggle');
    if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  }

  async navigate(path: string): Promise<void> {
    await this.openNavigation();
    await this.page.locator(`.main-nav__link[href="${path}"]`).click();
    await this.page.waitForURL((url) => url.pathname === path);
  }

  async signOut(): Promise<void> {
    await this.openNavigation();
    await this.page.locator('.main-nav__user button').click();
    await this.page.waitForURL((url) => url.pathname === '/login');
  }
}

/** Picks an option of a Suomi.fi Dropdown by its visible text. */
export async function chooseFromDropdown(page: Page, id: string, optionText: string): Promise<void> {
  await page.locator(`#${id}_button`).click();
  await page.locator(`#${id}-popover`).getByRole('option', { name: optionText, exact: true }).click();
}
