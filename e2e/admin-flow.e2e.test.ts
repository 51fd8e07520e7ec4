import { describe, expect, it } from 'vitest';
import type { SessionInfo, SiteView } from '../src/domain/api-types';
import { openPage } from './support/browser';
import { helsinkiFilterDay } from './support/dates';
import { demoPassword } from './support/server';
import { useSuite } from './support/suite';
import { AuditLogPage } from './pages/audit-page';
import { LoginPage } from './pages/login-page';
import { ChangePasswordPage } from './pages/password-page';
import { type SiteDraft, SitesAdminPage } from './pages/sites-admin-page';
import { type UserDraft, UsersAdminPage } from './pages/users-admin-page';

const suite = useSuite();

const site: SiteDraft = {
  name: 'Kemijärven seurakuntakeskus',
  kindLabel: 'Seurakunta',
  address: 'Kirkkokatu 1, Kemijärvi',
  hours: [
    { weekday: 3, opens: '10', closes: '14.00' },
    { weekday: 4, opens: '9.30', closes: '1300' },
  ],
  rooms: ['Diakoniatila'],
};

const user: UserDraft = {
  username: 'e2e.hoitaja',
  displayName: 'Testi Hoitaja',
  password: 'e2e-user-password-2025',
  professionLabel: 'Sairaanhoitaja',
  roleLabel: 'Ammattilainen',
  scopeLabel: site.name,
};

const signInEvents = [
  'Kirjautuminen',
  'Epäonnistunut kirjautuminen',
  'Kirjautuminen estetty liian monen yrityksen vuoksi',
  'Uloskirjautuminen',
  'Oman salasanan vaihto',
];

// The tests below build on each other in order: the auditor looks for what the administrator did.
let adminName = '';

describe('administration and audit', () => {
  it('the administrator creates a site with opening hours and a user with a role at that site; the new user can sign in', async () => {
    const { server, browser } = suite();
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    const login = new LoginPage(page);
    await login.open();
    await login.signIn('demo.admin', demoPassword);
    const me = (await (await page.request.get('/api/auth/me')).json()) as SessionInfo;
    adminName = me.user.displayName;

    const sites = new SitesAdminPage(page);
    await sites.createSite(site);
    expect(await page.locator('main [role="status"]').first().innerText()).toContain(`Toimipaikka ${site.name} on luotu.`);
    const row = await sites.rowText(site.name);
    expect(row).toContain('Seurakunta');
    expect(row).toContain('Keskiviikko 10.00–14.00');
    expect(row).toContain('Torstai 9.30–13.00');
    expect(row).toContain('Diakoniatila');
    const stored = ((await (await page.request.get('/api/sites')).json()) as { sites: SiteView[] }).sites.find((s) => s.name === site.name);
    expect(stored?.openingHours).toEqual([
      { weekday: 3, opens: '10:00', closes: '14:00' },
      { weekday: 4, opens: '09:30', closes: '13:00' },
    ]);
    expect(stored?.kind).toBe('parish');

    const users = new UsersAdminPage(page);
    await users.createUser(user);
    const userRow = await users.rowText(user.displayName);
    expect(userRow).toContain(user.username);
    expect(userRow).toContain(`Ammattilainen – ${site.name}`);
    expect(userRow).toContain('Sairaanhoitaja');

    await users.signOut();
    await login.signIn(user.username, user.password);
    expect(await login.headingText()).toBe(`Tervetuloa, ${user.displayName}`);
    await page.locator('main strong', { hasText: site.name }).waitFor();
    const home = await page.locator('main').innerText();
    expect(home).toContain(site.name);
    expect(home).toContain(`Ammattilainen – ${site.name}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the administrator edits the site and sets a new password for the user', async () => {
    const { server, browser } = suite();
    const { page, context } = await openPage(browser, server.baseUrl);
    const login = new LoginPage(page);
    await login.open();
    await login.signIn('demo.admin', demoPassword);
    const sites = new SitesAdminPage(page);
    await sites.open();
    await page.locator('table.data-table a', { hasText: site.name }).click();
    await page.locator('#site-address').waitFor();
    await page.locator('#site-address').fill('Kirkkokatu 3, Kemijärvi');
    await page.locator('main button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/admin/sites');
    expect(await sites.rowText(site.name)).toContain('Kirkkokatu 3, Kemijärvi');

    const users = new UsersAdminPage(page);
    await users.open();
    await page.locator('table.data-table a', { hasText: user.displayName }).click();
    await page.locator('#reset-password').fill('another-password-2025');
    await page.locator('section button[type="submit"]').click();
    await page.locator('section [role="status"]').waitFor();
    await users.signOut();
    await login.signIn(user.username, 'another-password-2025');
    expect(await login.headingText()).toBe(`Tervetuloa, ${user.displayName}`);
    await context.close();
  });

  it('the new user changes their own password and signs in with it', async () => {
    const { server, browser } = suite();
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    const login = new LoginPage(page);
    await login.open();
    await login.signIn(user.username, 'another-password-2025');
    const password = new ChangePasswordPage(page);
    await password.open();
    expect(await password.change('another-password-2025', 'short', 'short')).toBe('Salasanassa on oltava 12–200 merkkiä.');
    expect(await password.change('wrong-current-password', 'my-own-password-2025')).toBe('Nykyinen salasana on väärin.');
    expect(await password.change('another-password-2025', 'my-own-password-2025')).toContain('Salasanasi on vaihdettu.');
    // The change rotated the session: a second change on the same page works only if the app took
    // over the new cookie and CSRF token, and the sign-in below tells whether it went through.
    await password.change('my-own-password-2025', 'my-final-password-2025');
    await password.signOut();
    await login.signIn(user.username, 'my-final-password-2025');
    expect(await login.headingText()).toBe(`Tervetuloa, ${user.displayName}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the auditor sees the sign-in, site-created and user-created entries on the audit page and can filter them', async () => {
    const { server, browser } = suite();
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    const login = new LoginPage(page);
    await login.open();
    await login.signIn('demo.auditor', demoPassword);
    const audit = new AuditLogPage(page);
    await audit.open();
    const all = await audit.rows();
    expect(all.some((r) => r.action === 'Kirjautuminen' && r.actor === adminName)).toBe(true);
    expect(all.some((r) => r.action === 'Kirjautuminen' && r.actor === user.displayName)).toBe(true);
    expect(all.some((r) => r.action === 'Toimipaikka luotu' && r.actor === adminName && r.site === site.name)).toBe(true);
    expect(all.some((r) => r.action === 'Käyttäjä luotu' && r.actor === adminName)).toBe(true);

    await audit.filter({ actionLabel: 'Toimipaikka luotu' });
    const created = await audit.rows();
    expect(created.length).toBeGreaterThan(0);
    expect(created.every((r) => r.action === 'Toimipaikka luotu')).toBe(true);
    expect(new URL(page.url()).searchParams.get('action')).toBe('site.created');

    await audit.filter({ actionLabel: 'Kaikki tapahtumat', siteLabel: site.name });
    const atSite = await audit.rows();
    expect(atSite.map((r) => r.action)).toEqual(expect.arrayContaining(['Toimipaikka luotu', 'Toimipaikkaa muutettu']));
    expect(atSite.every((r) => r.site === site.name)).toBe(true);

    await audit.filter({ siteLabel: 'Kaikki toimipaikat', actionLabel: 'Kaikki kirjautumistapahtumat', from: helsinkiFilterDay(0), to: helsinkiFilterDay(0) });
    const signIns = await audit.rows();
    expect(signIns.some((r) => r.action === 'Kirjautuminen' && r.actor === user.displayName)).toBe(true);
    expect(signIns.every((r) => signInEvents.includes(r.action))).toBe(true);

    await audit.filter({ from: helsinkiFilterDay(1), to: helsinkiFilterDay(1) });
    expect(await audit.rows()).toEqual([]);
    expect(await audit.shownText()).toBe('Näytetään 0 merkintää.');

    // The filters live in the address, so a reload shows the same view.
    await page.reload();
    expect(await audit.shownText()).toBe('Näytetään 0 merkintää.');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the audit log loads more entries with its cursor', async () => {
    const { server, browser } = suite();
    const { page, context } = await openPage(browser, server.baseUrl);
    const login = new LoginPage(page);
    await login.open();
    await login.signIn('demo.auditor', demoPassword);
    const audit = new AuditLogPage(page);
    // Every view of the log is itself logged, so viewing it again fills it until it has a second page.
    await audit.open();
    for (let views = 0; views < 60 && !(await audit.loadMoreButton().isVisible()); views++) await audit.open();
    const firstPage = await audit.rows();
    expect(firstPage.length).toBe(50);
    await audit.loadMore();
    await page.waitForFunction(() => document.querySelectorAll('table.data-table tbody tr').length > 50);
    const both = await audit.rows();
    expect(both.length).toBeGreaterThan(50);
    expect(both.slice(0, 50)).toEqual(firstPage);
    await context.close();
  });

  it('the administrator finds the demo region\'s municipalities by their codes, adds one (a bad code first) and deactivates it', async () => {
    const { server, browser } = suite();
    const { page, context } = await openPage(browser, server.baseUrl);
    const login = new LoginPage(page);
    await login.open();
    await login.signIn('demo.admin', demoPassword);
    await page.goto('/admin/municipalities');
    const row = (code: string) => page.locator('table.data-table tbody tr', { has: page.locator(`[data-municipality="${code}"]`) });
    await row('698').waitFor();
    // The page is in the administrator's menu.
    expect(await page.locator('a[href="/admin/municipalities"]').count()).toBeGreaterThan(0);
    expect(await page.locator('table.data-table tbody tr').count()).toBe(21);
    expect(await row('148').innerText()).toContain('Enare');

    await page.locator('#municipality-add-code').fill('91');
    await page.locator('#municipality-add-fi').fill('Helsinki');
    await page.locator('#municipality-add-sv').fill('Helsingfors');
    await page.locator('#municipality-add-en').fill('Helsinki');
    await page.locator('#municipality-add-submit').click();
    expect(await page.locator('main').innerText()).toContain('Kirjoita kuntanumero kolmena numerona');
    await page.locator('#municipality-add-code').fill('091');
    await page.locator('#municipality-add-submit').click();
    await page.getByText('Kunta Helsinki (091) lisätty.').waitFor();
    await row('091').waitFor();

    await row('091').locator('button[data-action="deactivate"]').click();
    await row('091').locator('button[data-action="reactivate"]').waitFor();
    expect(await row('091').innerText()).toContain('Poistettu käytöstä');
    await context.close();
  });
});
