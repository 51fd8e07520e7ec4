import { describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './support/axe';
import { desktop, openPage, phone } from './support/browser';
import { useSuite } from './support/suite';

const suite = useSuite();

/** The demo's published services, from the public HSDS API (as any outside reader would find them). */
async function publishedServices(baseUrl: string): Promise<{ id: string; name: string }[]> {
  const response = await fetch(`${baseUrl}/api/public/hsds/services`);
  return ((await response.json()) as { contents: { id: string; name: string }[] }).contents;
}

describe('the public service tray (server-rendered, no sign-in)', () => {
  it('is axe-clean on the front, category, search and service pages, on a phone and a desktop, and a service page is under 60 KiB', async () => {
    const { server, browser } = suite();
    const [service] = await publishedServices(server.baseUrl);
    expect(service).toBeDefined();
    for (const viewport of [phone, desktop]) {
      const { context, page, problems } = await openPage(browser, server.baseUrl, viewport);
      for (const path of ['/palvelut', '/palvelut/luokka/group_activity', '/palvelut/haku?q=olohuone', `/palvelut/${service!.id}`, `/palvelut/${service!.id}?lang=sv`, `/palvelut/${service!.id}?lang=en`]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expectNoSeriousViolations(page, `${path} at ${viewport.width}px`);
      }
      const response = await page.goto(`/palvelut/${service!.id}`);
      const body = await response!.body();
      const headers = await response!.headersArray();
      const headerBytes = headers.reduce((n, h) => n + h.name.length + h.value.length + 4, 0);
      expect(body.length + headerBytes).toBeLessThan(60 * 1024);
      // Nothing else is fetched for the page: no scripts, no stylesheets, no fonts.
      expect(await page.locator('script, link[rel=stylesheet]').count()).toBe(0);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('works with JavaScript disabled: search from the front page, open a service, change the language', async () => {
    const { server, browser } = suite();
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: phone, javaScriptEnabled: false, locale: 'fi-FI' });
    const page = await context.newPage();
    await page.goto('/palvelut');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Palvelutarjotin');
    await page.getByLabel('Hae palveluja').fill('olohuone', { timeout: 10_000 });
    await page.getByRole('button', { name: 'Hae', exact: true }).click({ timeout: 10_000 });
    await page.waitForURL(/\/palvelut\/haku\?/);
    await page.getByRole('link', { name: 'Matalan kynnyksen olohuone' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Matalan kynnyksen olohuone');
    for (const field of ['Palvelu ja yhteystiedot', 'Palvelunjärjestäjä', 'Kuvaus', 'Saatavuus', 'Kohderyhmä', 'Työmuodot', 'Toimintaperiaatteet', 'Tavoite', 'Tuloksellisuus ja vaikuttavuus']) {
      expect(await page.getByRole('heading', { level: 2, name: field }).count(), field).toBe(1);
    }
    await page.getByRole('link', { name: 'På svenska' }).click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('sv');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Lågtröskelvardagsrum');
    // (axe runs inside the page, which needs JavaScript: the same pages are checked with it in the first test.)
    await context.close();
  });

  it('prints without the navigation and search', async () => {
    const { server, browser } = suite();
    const [service] = await publishedServices(server.baseUrl);
    const { context, page } = await openPage(browser, server.baseUrl, desktop);
    await page.goto(`/palvelut/${service!.id}`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header nav').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  });
});
