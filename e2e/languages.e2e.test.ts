import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AuditPage, SiteView, UserView } from '../src/domain/api-types';
import { openPage } from './support/browser';
import { demoPassword } from './support/server';
import { useSuite } from './support/suite';
import { unchangedTexts, visibleTexts } from './support/visible-text';
import { AppShell } from './pages/app-shell';
import { LoginPage } from './pages/login-page';

const suite = useSuite();

// Proper names and user data stay the same in every language; nothing else may.
const properNames = new Set(['Silta', 'Rovaniemen päiväkeskus', 'Lapin hyvinvointialue']);
const isExempt = (text: string): boolean => properNames.has(text);

type Texts = Record<'fi' | 'sv' | 'en', string[]>;

/**
 * The page's strings once they stop changing. Some home sections render nothing until their answer
 * comes (today's session, notices): on a busy machine the first language's strings were read before
 * those answers (72 against 74 strings). Playwright's 'networkidle' does not help in a single-page
 * app: it fires once per document load.
 */
async function settledTexts(page: Page): Promise<string[]> {
  let inFlight = 0;
  const started = (): void => void (inFlight += 1);
  const ended = (): void => void (inFlight -= 1);
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    let previous = await visibleTexts(page);
    for (let round = 0; round < 30; round += 1) {
      await page.waitForTimeout(500);
      const now = await visibleTexts(page);
      // Requests already under way when the listeners came are not counted: the second equal read
      // 500 ms later, with none started since, is what says the page has settled.
      if (inFlight <= 0 && JSON.stringify(now) === JSON.stringify(previous)) return now;
      previous = now;
    }
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
  throw new Error("The page's strings kept changing for 15 s.");
}

/** The page's strings in each language, switched with the header's language menu. */
async function textsInEachLanguage(page: Page): Promise<Texts> {
  const shell = new AppShell(page);
  const texts: Partial<Texts> = {};
  for (const locale of ['fi', 'sv', 'en'] as const) {
    await shell.switchLanguage(locale);
    await shell.heading().waitFor();
    // Compare finished pages only: a list still loading has other strings than a loaded one.
    await page.waitForFunction(() => document.querySelector('main .loading') === null);
    texts[locale] = await settledTexts(page);
  }
  return texts as Texts;
}

function expectAllTranslated(texts: Texts, exempt: (text: string) => boolean = isExempt): void {
  expect(unchangedTexts(texts.fi, texts.sv, exempt)).toEqual([]);
  expect(unchangedTexts(texts.sv, texts.en, exempt)).toEqual([]);
  expect(unchangedTexts(texts.fi, texts.en, exempt)).toEqual([]);
}

/** Every string value in an API answer (free text people wrote, names): data, whatever the language. */
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(stringsIn) : value !== null && typeof value === 'object' ? Object.values(value).flatMap(stringsIn) : [];

/**
 * The data a professional's home shows besides interface text: their clients' names (due clocks) and
 * what their structural observations say (answers, descriptions); separators and numeric dates, which
 * Finnish and Swedish write alike (7.12.2026), carry no words to translate.
 */
async function professionalHomeData(page: Page): Promise<(text: string) => boolean> {
  const get = async (path: string): Promise<unknown> => (await page.request.get(path)).json();
  const data = new Set([...stringsIn(((await get('/api/clients/due')) as { items: { name: string }[] }).items.map((i) => i.name)), ...stringsIn(await get('/api/structural/observations?mine=true'))]);
  return (text) => isExempt(text) || data.has(text) || !/\p{L}/u.test(text) || /^\d{1,2}\.\d{1,2}\.\d{4}$/.test(text);
}

/** Names, usernames, addresses and rooms as the API returns them: data, not interface text. */
async function userDataTexts(page: Page): Promise<Set<string>> {
  const get = async <T>(path: string): Promise<T> => (await (await page.request.get(path)).json()) as T;
  const { sites } = await get<{ sites: SiteView[] }>('/api/sites');
  const { users } = await get<{ users: UserView[] }>('/api/users');
  const { entries } = await get<AuditPage>('/api/audit?limit=200');
  return new Set([
    ...sites.flatMap((site) => [site.name, site.address, site.rooms.join(', ')]),
    ...users.flatMap((user) => [user.displayName, user.username]),
    ...entries.flatMap((entry) => [entry.actorName ?? '', entry.siteName ?? '']),
  ]);
}

describe('languages', () => {
  it('switching to Swedish and then English changes every visible string on the sign-in and home pages, and the choice is remembered after reload', async () => {
    const { server, browser } = suite();
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    const login = new LoginPage(page);
    await login.open();
    expectAllTranslated(await textsInEachLanguage(page));
    await page.reload();
    expect(await login.headingText()).toBe('Sign in');
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await login.signIn('demo.admin', demoPassword);
    expect(await login.headingText()).toMatch(/^Welcome, /);
    expectAllTranslated(await textsInEachLanguage(page));
    await page.reload();
    expect(await login.headingText()).toMatch(/^Welcome, /);
    expect(await page.evaluate(() => localStorage.getItem('silta.locale'))).toBe('en');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('every visible string on the home page of a professional changes with the language', async () => {
    const { server, browser } = suite();
    const { page, context } = await openPage(browser, server.baseUrl);
    const login = new LoginPage(page);
    await login.open();
    await login.signIn('demo.socialworker', demoPassword);
    expectAllTranslated(await textsInEachLanguage(page), await professionalHomeData(page));
    await context.close();
  });

  it('the language is saved to the profile and used on a browser that has not chosen one', async () => {
    const { server, browser } = suite();
    const first = await openPage(browser, server.baseUrl);
    const login = new LoginPage(first.page);
    await login.open();
    await login.signIn('demo.auditor', demoPassword);
    const saved = first.page.waitForResponse((r) => r.url().endsWith('/api/auth/me') && r.request().method() === 'PATCH');
    await login.switchLanguage('sv');
    expect((await saved).status()).toBe(200);
    await first.context.close();

    const second = await openPage(browser, server.baseUrl);
    const again = new LoginPage(second.page);
    await again.open();
    expect(await again.headingText()).toBe('Kirjaudu sisään');
    await again.signIn('demo.auditor', demoPassword);
    await second.page.waitForFunction(() => document.documentElement.lang === 'sv');
    expect(await again.headingText()).toMatch(/^Välkommen, /);
    await second.context.close();
  });

  it('every visible string on the admin, audit and password pages changes with the language, apart from names and user data', async () => {
    const { server, browser } = suite();
    const { page, context } = await openPage(browser, server.baseUrl);
    const login = new LoginPage(page);
    await login.open();
    await login.signIn('demo.admin', demoPassword);
    const userData = await userDataTexts(page);
    const isUserData = (text: string): boolean => isExempt(text) || userData.has(text);
    for (const path of ['/admin/sites', '/admin/sites/new', '/admin/users', '/admin/users/new', '/audit', '/account/password']) {
      await page.goto(path);
      await new AppShell(page).heading().waitFor();
      const texts = await textsInEachLanguage(page);
      // Swedish in Finland writes dates and times as Finnish does (7.12.2026 9.05.30): only those may stay the same.
      expect({ path, unchanged: unchangedTexts(texts.fi, texts.sv, (text) => isUserData(text) || /^\d{1,2}\.\d{1,2}\.\d{4}( \d{1,2}\.\d{2}(\.\d{2})?)?$/.test(text)) }).toEqual({ path, unchanged: [] });
      expect({ path, unchanged: unchangedTexts(texts.sv, texts.en, isUserData) }).toEqual({ path, unchanged: [] });
    }
    await context.close();
  });

  it('the comparison of visible strings reports a string that did not change', () => {
    expect(unchangedTexts(['Kirjaudu', 'Silta', 'Salasana'], ['Logga in', 'Silta', 'Salasana'], isExempt)).toEqual(['Salasana']);
    expect(() => unchangedTexts(['a', 'b'], ['a'], isExempt)).toThrow(/cannot be compared/);
  });
});
