// The site form's short public address and Swedish and English texts (issue 17 item 17).
import { describe, expect, it } from 'vitest';
import type { SiteView } from '../src/domain/api-types';
import { expectNoSeriousViolations } from './support/axe';
import { AnnouncementsPage } from './pages/public-pages';
import { openPage, phone } from './support/browser';
import { useSuite } from './support/suite';
import { signedIn } from './support/sign-in';

const suite = useSuite();

describe('the short address and translated names in the site form', () => {
  it('suggests an address from the name, refuses a taken one beside the field, and the saved page opens at it in Swedish', async () => {
    const { page, context, problems } = await signedIn(suite(), 'demo.admin', phone);
    const [demo] = ((await (await page.request.get('/api/sites')).json()) as { sites: SiteView[] }).sites;
    if (!demo) throw new Error('The demo has no site.');

    // The demo site's form shows its address and its Swedish name.
    await page.goto(`/admin/sites/${demo.id}`);
    await page.locator('#site-slug').waitFor();
    expect(await page.locator('#site-slug').inputValue()).toBe(demo.slug);
    expect(await page.locator('#site-name-sv').inputValue()).toBe(demo.nameTranslations.sv);

    // A new site: the hint suggests the transliterated name until an address is typed.
    await page.goto('/admin/sites/new');
    await page.locator('#site-name').fill('Kemin Päiväkeskus');
    expect(await page.locator('main').innerText()).toContain('/s/kemin-paivakeskus');
    await page.locator('#site-name-sv').fill('Kemi dagcenter');
    await page.locator('#site-slug').fill(demo.slug);
    await page.locator('main button[type="submit"]').click();
    const alert = page.locator('main [role="alert"]', { hasText: `/s/${demo.slug}` });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('on jo toisen toimipaikan käytössä');
    await expectNoSeriousViolations(page, 'site form with a taken address (phone)');

    // A malformed address is caught in the form, before any request.
    await page.locator('#site-slug').fill('Kemi päiväkeskus');
    await page.locator('main button[type="submit"]').click();
    await page.locator('main', { hasText: 'pienin kirjaimin a–z' }).waitFor();

    await page.locator('#site-slug').fill('kemi-pk');
    await page.locator('main button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/admin/sites');
    const saved = ((await (await page.request.get('/api/sites')).json()) as { sites: SiteView[] }).sites.find((s) => s.slug === 'kemi-pk');
    expect(saved).toMatchObject({ name: 'Kemin Päiväkeskus', nameTranslations: { sv: 'Kemi dagcenter' } });
    expect(problems).toEqual([]);
    await context.close();

    // Anyone can open the new site's page at the typed address; in Swedish it has its Swedish name.
    const { page: anonymousPage, context: anonymousContext } = await openPage(suite().browser, suite().server.baseUrl, phone);
    const announcements = new AnnouncementsPage(anonymousPage);
    await announcements.openAddress('kemi-pk');
    expect(await announcements.state()).toBe('timetable');
    await announcements.switchLanguage('sv');
    expect(await announcements.headingText()).toContain('Kemi dagcenter');
    await expectNoSeriousViolations(anonymousPage, 'a new site’s page at its short address (sv)');
    await anonymousContext.close();
  });
});
