import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, helsinkiDay, isoWeekday } from '../src/domain/calendar';
import type { ServiceView, SessionView } from '../src/domain/outreach-views';
import { expectNoSeriousViolations } from './support/axe';
import { desktop, openPage, phone, type Viewport } from './support/browser';
import { screenshot } from './support/screenshots';
import { useSuite } from './support/suite';
import { visibleTexts } from './support/visible-text';
import { AnnouncementsPage, PosterPage, ReferralSlipPage, SlipConfirmPage } from './pages/public-pages';
import { signedIn as signedInAs } from './support/sign-in';
import { isPretendedDate } from './support/test-time';

const suite = useSuite();

async function signedIn(username: string, viewport: Viewport = desktop) {
  const opened = await signedInAs(suite(), username, viewport);
  return { ...opened, me: opened.session };
}

/** A fresh browser profile that has never signed in: what a visitor or a receiving service has. */
function anonymous(viewport: Viewport = phone) {
  const { server, browser } = suite();
  return openPage(browser, server.baseUrl, viewport);
}

async function api<T>(page: Page, csrfToken: string, method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown): Promise<T> {
  const response = await page.request.fetch(path, { method, data, headers: method === 'GET' ? {} : { 'x-csrf-token': csrfToken } });
  if (!response.ok()) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Every string on the page (including accessible names and the title), for privacy checks. */
const pageText = async (page: Page): Promise<string> => (await visibleTexts(page)).join('\n');

/** Count of pages in a PDF: one "/Type /Page" object per page ("/Type /Pages" is the tree). */
const pdfPages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
/** Each page's width and height in whole points, from the PDF's MediaBox entries. */
const pdfPageSizes = (pdf: Buffer): number[][] =>
  [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);

// Expected texts written out here, independently of the app's formatting code.
const weekdays = {
  fi: ['Maanantaina', 'Tiistaina', 'Keskiviikkona', 'Torstaina', 'Perjantaina', 'Lauantaina', 'Sunnuntaina'],
  sv: ['Måndag', 'Tisdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lördag', 'Söndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const englishMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function expectedLines(day: string) {
  const [, month = 0, date = 0] = day.split('-').map(Number);
  const weekday = isoWeekday(day) - 1;
  return {
    fi: { when: `${weekdays.fi[weekday]} ${date}.${month}. klo 14.15–15.45`, present: 'Paikalla sairaanhoitaja ja sosiaalityöntekijä.', room: 'Paikka: Ryhmätila' },
    // The demo site names its rooms in Swedish and English too (src/server/demo/seed-demo.ts).
    sv: { when: `${weekdays.sv[weekday]} ${date}.${month}. kl. 14.15–15.45`, present: 'På plats: sjukskötare och socialarbetare.', room: 'Plats: Grupprum' },
    en: { when: `${weekdays.en[weekday]} ${date} ${englishMonths[month - 1]?.slice(0, 3)}, 14:15–15:45`, present: 'Here: a nurse and a social worker.', room: 'Where: Group room' },
  } as const;
}

// The professionals get names that could not appear on the page by chance.
const staffNames = ['Hilkka Ahokas', 'Veli-Pekka Virtanen'];
const staffWords = ['Hilkka', 'Ahokas', 'Virtanen', 'Demo'];

type SiteJson = { id: string; name: string; slug: string; nameTranslations: { sv?: string; en?: string } };
type Fixture = { siteId: string; slug: string; siteName: Record<'fi' | 'sv' | 'en', string>; day: string };

/** Gives the demo professionals real-looking names and plans a coming session for both at the demo site. */
async function announcedSession(): Promise<Fixture> {
  const admin = await signedIn('demo.admin');
  const { users } = await api<{ users: { id: string; username: string }[] }>(admin.page, admin.me.csrfToken, 'GET', '/api/users');
  const ids = ['demo.nurse', 'demo.socialworker'].map((username) => users.find((u) => u.username === username)?.id ?? '');
  for (const [index, id] of ids.entries()) await api(admin.page, admin.me.csrfToken, 'PATCH', `/api/users/${id}`, { displayName: staffNames[index] });
  await admin.context.close();

  const coordinator = await signedIn('demo.coordinator');
  const { sites } = await api<{ sites: SiteJson[] }>(coordinator.page, coordinator.me.csrfToken, 'GET', '/api/sites');
  const site = sites[0];
  if (!site) throw new Error('The demo has no site.');
  const day = addDays(helsinkiDay(new Date()), 2);
  const planned = await api<{ sessions: SessionView[] }>(coordinator.page, coordinator.me.csrfToken, 'POST', `/api/sites/${site.id}/sessions`, {
    recurrence: 'one_off',
    startsOn: day,
    startsAt: '14:15',
    endsAt: '15:45',
    room: 'Ryhmätila',
    professionals: ids.map((userId) => ({ userId })),
    isAnnounced: true,
  });
  // Staff see who is coming; the public pages must show the same session by profession only.
  expect(planned.sessions[0]?.professionals.map((p) => p.displayName).sort()).toEqual([...staffNames].sort());
  await coordinator.context.close();
  // The demo gives the site a Swedish and an English name; the page must show them, not the Finnish one.
  const siteName = { fi: site.name, sv: site.nameTranslations.sv ?? '', en: site.nameTranslations.en ?? '' };
  expect(siteName.sv).not.toBe('');
  expect(siteName.sv).not.toBe(siteName.fi);
  expect(siteName.en).not.toBe(siteName.fi);
  return { siteId: site.id, slug: site.slug, siteName, day };
}

async function expectNoStaffNames(page: Page, where: string): Promise<void> {
  const text = await pageText(page);
  for (const word of staffWords) expect(text, `${where} shows "${word}"`).not.toContain(word);
}

describe('public announcements and poster, without signing in', () => {
  it('show the coming sessions by profession in fi, sv and en, never staff names, axe-clean, on a phone', async () => {
    const fixture = await announcedSession();
    const expected = expectedLines(fixture.day);
    const { page, context, problems } = await anonymous(phone);
    const announcements = new AnnouncementsPage(page);
    // Opened by the short address a person types from the poster.
    await announcements.openAddress(fixture.slug);
    expect(await announcements.state()).toBe('timetable');
    expect(await page.locator('.main-nav').count()).toBe(0); // no signed-in chrome
    expect(await announcements.shortAddress()).toBe(`${new URL(suite().server.baseUrl).host}/s/${fixture.slug}`);

    for (const locale of ['fi', 'sv', 'en'] as const) {
      if (locale !== 'fi') await announcements.switchLanguage(locale);
      expect(await announcements.headingText()).toContain(fixture.siteName[locale]);
      const entries = await announcements.entries();
      const ours = entries.find((text) => text.includes(expected[locale].when));
      expect(ours, `${locale}: ${JSON.stringify(entries)}`).toBeDefined();
      expect(ours).toContain(expected[locale].present);
      expect(ours).toContain(expected[locale].room);
      // The seeded weekly nurse session (Tuesdays 9–12) is coming too.
      const tuesday = { fi: 'Tiistaina', sv: 'Tisdag', en: 'Tuesday' }[locale];
      const nine = { fi: 'klo 9.00–12.00', sv: 'kl. 9.00–12.00', en: '9:00–12:00' }[locale];
      expect(entries.some((text) => text.startsWith(tuesday) && text.includes(nine))).toBe(true);
      expect((await announcements.weekHeadings()).every((h) => /^(Viikko|Vecka|Week) \d+/.test(h))).toBe(true);
      await expectNoStaffNames(page, `announcements (${locale})`);
      await expectNoSeriousViolations(page, `announcements (${locale}, phone)`);
      await screenshot(page, `announcements-${locale}-phone`);
    }
    // Readable on a 360 px phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    expect(await announcements.posterLink().count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();

    // The poster of the session's month, in each language, printed to A4.
    const month = fixture.day.slice(0, 7);
    const opened = await anonymous(desktop);
    const poster = new PosterPage(opened.page);
    await poster.openAddressMonth(fixture.slug, month);
    expect(await poster.state()).toBe('poster');
    for (const locale of ['fi', 'sv', 'en'] as const) {
      if (locale !== 'fi') await poster.switchLanguage(locale);
      expect(await poster.headingText()).toBe(fixture.siteName[locale]);
      const ours = (await poster.entries()).find((text) => text.includes(expected[locale].when));
      expect(ours).toContain(expected[locale].present);
      await expectNoStaffNames(opened.page, `poster (${locale})`);
      await expectNoSeriousViolations(opened.page, `poster (${locale})`);
    }
    expect(await poster.qrCode().getAttribute('aria-label')).toBeTruthy();
    // The poster prints the short address, which is what a reader can type.
    expect(await opened.page.locator('main .poster__url').innerText()).toBe(`${suite().server.baseUrl}/s/${fixture.slug}`);
    await screenshot(opened.page, 'poster-desktop');

    // On paper: the poster only, without the header, language menu or print button.
    await opened.page.emulateMedia({ media: 'print' });
    expect(await opened.page.locator('.app-header').isVisible()).toBe(false);
    expect(await poster.printButton().isVisible()).toBe(false);
    expect(await opened.page.locator('main .poster').isVisible()).toBe(true);
    const pdf = await opened.page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
    expect(pdfPageSizes(pdf)[0]).toEqual([596, 843]); // A4 in points
    await opened.page.emulateMedia({ media: 'screen' });
    expect(opened.problems).toEqual([]);
    await opened.context.close();
  });

  // Which address opens the page is what this checks; which sessions it lists, the test above checks at
  // every pretended date: the runs at pretended dates skip it.
  it.skipIf(isPretendedDate())('keep answering the old links by site id: the same page and poster, in the reader’s language, showing the short address', async () => {
    const fixture = await announcedSession();
    const expected = expectedLines(fixture.day);
    const { page, context, problems } = await anonymous(phone);
    const announcements = new AnnouncementsPage(page);
    await announcements.open(fixture.siteId);
    expect(await announcements.state()).toBe('timetable');
    expect(new URL(page.url()).pathname).toBe(`/announcements/${fixture.siteId}`);
    expect(await announcements.headingText()).toContain(fixture.siteName.fi);
    expect(await announcements.shortAddress()).toBe(`${new URL(suite().server.baseUrl).host}/s/${fixture.slug}`);
    await announcements.switchLanguage('sv');
    expect(await announcements.headingText()).toContain(fixture.siteName.sv);
    const ours = (await announcements.entries()).find((text) => text.includes(expected.sv.when));
    expect(ours).toContain(expected.sv.room);
    await expectNoSeriousViolations(page, 'announcements by the old link (sv)');
    // From the old page, the poster link leads to the short address.
    expect(await announcements.posterLink().getAttribute('href')).toMatch(new RegExp(`^/s/${fixture.slug}/poster\\?month=\\d{4}-\\d{2}$`));

    const poster = new PosterPage(page);
    await poster.openMonth(fixture.siteId, fixture.day.slice(0, 7));
    expect(await poster.state()).toBe('poster');
    expect(await poster.headingText()).toBe(fixture.siteName.sv);
    expect(await page.locator('main .poster__url').innerText()).toBe(`${suite().server.baseUrl}/s/${fixture.slug}`);
    await expectNoSeriousViolations(page, 'poster by the old link (sv)');
    expect(problems).toEqual([]);
    await context.close();
  });

  // No site, no sessions: nothing here depends on the date.
  it.skipIf(isPretendedDate())('answer an unknown site with a clear page, not an error code', async () => {
    const { page, context } = await anonymous(phone);
    const announcements = new AnnouncementsPage(page);
    await announcements.open(randomUUID());
    expect(await announcements.state()).toBe('unknown-site');
    expect(await announcements.headingText()).toBe('Paikkaa ei löytynyt');
    await announcements.open('not-a-site');
    expect(await announcements.state()).toBe('unknown-site');
    await announcements.openAddress('no-such-place');
    expect(await announcements.state()).toBe('unknown-site');
    await announcements.openAddress('Not%20an%20address');
    expect(await announcements.state()).toBe('unknown-site');
    await expectNoSeriousViolations(page, 'announcements of an unknown site');
    await context.close();
  });

  it('show open groups among the sessions, with a theme only when it was published', async () => {
    // Groups come from the groups feature; the answer is stubbed here in the announcement API's shape
    // so that the page's rendering of them is pinned whatever that feature seeds.
    const { page, context, problems } = await anonymous(phone);
    const day = addDays(helsinkiDay(new Date()), 1);
    await page.route('**/api/public/sites/*/announcements**', (route) =>
      route.fulfill({
        status: 200,
        json: {
          site: { id: 'x', name: 'Testipaikka', address: 'Katu 1' },
          sessions: [{ day, startsAt: '12:00', endsAt: '13:00', room: '', kind: 'reception', publicNote: '', professions: ['peer_worker'] }],
          groups: [
            { day, startsAt: '10:00', endsAt: '11:30', room: 'Ryhmätila', name: 'Aamukahvit', theme: null, description: 'Avoin kaikille.' },
            { day, startsAt: '14:00', endsAt: '15:00', room: '', name: 'Liikuntaryhmä', theme: 'Kävely', description: '' },
          ],
        },
      }),
    );
    const announcements = new AnnouncementsPage(page);
    await announcements.open(randomUUID());
    const entries = await announcements.entries();
    expect(entries).toHaveLength(3);
    expect(entries[0]).toContain('klo 10.00–11.30');
    expect(entries[0]).toContain('Ryhmä: Aamukahvit');
    expect(entries[0]).toContain('Avoin kaikille.');
    expect(entries[0]).not.toContain('Aihe');
    expect(entries[1]).toContain('Paikalla kokemusasiantuntija.');
    expect(entries[2]).toContain('Aihe: Kävely');
    await expectNoSeriousViolations(page, 'announcements with groups');
    await announcements.switchLanguage('sv');
    expect((await announcements.entries())[2]).toContain('Grupp: Liikuntaryhmä');
    expect((await announcements.entries())[2]).toContain('Tema: Kävely');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('referral slip: issued by a professional, confirmed once by the receiving service', () => {
  it('confirms once, then shows clear pages for a used, guessed and expired slip, and for too many attempts', async () => {
    // A nurse records an encounter with a referral to the health station (through the API, as the
    // encounter form is tested elsewhere), then opens its slip from the list of encounters.
    const nurse = await signedIn('demo.nurse', phone);
    const siteId = nurse.me.user.roles.find((r) => r.role === 'professional')?.siteId ?? '';
    const { services } = await api<{ services: ServiceView[] }>(nurse.page, nurse.me.csrfToken, 'GET', '/api/services');
    const healthStation = services.find((s) => s.code === 'health_station');
    const referralId = randomUUID();
    await api(nurse.page, nurse.me.csrfToken, 'POST', '/api/encounters', {
      id: randomUUID(),
      siteId,
      occurredAt: new Date().toISOString(),
      ageBand: '51_64',
      isUrgent: true,
      referrals: [{ id: referralId, serviceId: healthStation?.id, way: 'advised' }],
    });
    await nurse.page.goto('/encounters');
    const link = nurse.page.locator(`main a[href="/referrals/${referralId}/slip"]`);
    await link.click();
    await nurse.page.waitForURL((url) => url.pathname === `/referrals/${referralId}/slip`);
    const issuing = new ReferralSlipPage(nurse.page);
    await expectNoSeriousViolations(nurse.page, 'referral slip page before issuing');
    const code = await issuing.issue();
    expect(code).toMatch(/^[ACDEFHJKMNPQRTUVWXY34679]{10}$/);
    const slipText = await issuing.slip().innerText();
    expect(slipText).toContain('Terveysasema');
    expect(slipText).toContain(`${code.slice(0, 5)}-${code.slice(5)}`); // grouped for reading aloud
    expect(slipText).toContain(`${suite().server.baseUrl}/slip/${code}`);
    expect(slipText).not.toMatch(/51–64|Kiireellinen|Demo/); // nothing about the visitor or the worker
    expect(await issuing.slip().locator('svg.qr-code').count()).toBe(1);
    await expectNoSeriousViolations(nurse.page, 'issued referral slip (phone)');
    await screenshot(nurse.page, 'referral-slip-phone');
    // Printed, the slip stands alone on one small card.
    await nurse.page.emulateMedia({ media: 'print' });
    expect(await nurse.page.locator('.app-header').isVisible()).toBe(false);
    expect(await nurse.page.locator('#slip-print').isVisible()).toBe(false);
    expect(await issuing.slip().isVisible()).toBe(true);
    const slipPdf = await nurse.page.pdf({ preferCSSPageSize: true });
    expect(pdfPages(slipPdf)).toBe(1);
    expect(pdfPageSizes(slipPdf)).toEqual([[298, 420]]); // A6 (105 × 148 mm) in points
    await nurse.page.emulateMedia({ media: 'screen' });

    // The receiving service opens the link on a browser that has never signed in.
    const desk = await anonymous(phone);
    const receiving = new SlipConfirmPage(desk.page);
    expect(await receiving.open(code)).toBe('open');
    expect(await receiving.field('service')).toBe('Terveysasema');
    const [year, month, date] = helsinkiDay(new Date()).split('-').map(Number);
    expect(await receiving.field('date')).toBe(`${date}.${month}.${year}`);
    expect(await pageText(desk.page)).not.toMatch(/51–64|Kiireellinen|Demo|Sairaanhoitaja/);
    expect(await desk.page.locator('.main-nav').count()).toBe(0);
    await expectNoSeriousViolations(desk.page, 'slip confirmation (open)');
    await screenshot(desk.page, 'slip-open-phone');
    expect(await receiving.confirm()).toBe('confirmed');
    expect(await receiving.headingText()).toBe('Saapuminen vahvistettu');
    await expectNoSeriousViolations(desk.page, 'slip confirmed');

    // The referral is now realised: the list offers no slip for it, and a new one is refused in plain words.
    await nurse.page.goto('/encounters');
    await nurse.page.locator('main [data-testid="encounter-list"]').waitFor();
    expect(await link.count()).toBe(0);
    await nurse.page.goto(`/referrals/${referralId}/slip`);
    await nurse.page.locator('#slip-issue').click();
    expect(await nurse.page.locator('main [role="alert"]').innerText()).toContain('Ohjaus on jo suljettu');
    await nurse.context.close();

    // Single use: the same link again says so.
    expect(await receiving.open(code)).toBe('used');
    expect(await receiving.headingText()).toBe('Lappu on jo käytetty');
    expect(await desk.page.locator('#slip-confirm').count()).toBe(0);
    await expectNoSeriousViolations(desk.page, 'slip already used');
    await receiving.switchLanguage('sv');
    expect(await receiving.headingText()).toBe('Lappen har redan använts');
    await receiving.switchLanguage('en');
    expect(await receiving.headingText()).toBe('This slip has already been used');
    await receiving.switchLanguage('fi');

    // A guessed code and a malformed one.
    expect(await receiving.open('CCCCCCCCCC')).toBe('unknown');
    expect(await receiving.headingText()).toBe('Lappua ei löytynyt');
    await expectNoSeriousViolations(desk.page, 'slip not found');
    expect(desk.problems).toEqual([]);

    // Repeated look-ups from one address reach the limit (30 per 15 minutes, counted on the server
    // for every look-up and confirmation, found or not), and the page says to wait.
    let attempts = 0;
    let state = '';
    while (state !== 'limited' && attempts < 40) {
      attempts += 1;
      state = await receiving.open(`CCCCCCCCC${attempts % 10}`);
      expect(['unknown', 'limited']).toContain(state);
    }
    expect(state).toBe('limited');
    expect(attempts).toBeLessThanOrEqual(30);
    expect(await receiving.headingText()).toBe('Liian monta yritystä');
    // The limit holds for a real code too.
    expect(await receiving.open(code)).toBe('limited');
    await expectNoSeriousViolations(desk.page, 'slip rate-limited');
    await screenshot(desk.page, 'slip-limited-phone');
    await desk.context.close();
  });

  // Both answers are stubbed with a fixed date: nothing here depends on today.
  it.skipIf(isPretendedDate())('shows the expired page, both when the slip is already expired and when it expires before the click', async () => {
    // The server's clock cannot be moved from a browser test: the server answers are stubbed here
    // with the shapes the API gives for an expired slip (the API itself is covered in
    // src/server/referrals/slip.test.ts and slip-expiry.test.ts).
    const { page, context, problems } = await anonymous(phone);
    const serviceName = { fi: 'Kela', sv: 'FPA', en: 'Kela (social insurance)' };
    let status: 'open' | 'expired' = 'expired';
    await page.route('**/api/slips/**', async (route) => {
      if (route.request().method() === 'POST') {
        await route.fulfill({ status: 410, json: { error: { code: 'gone', message: 'This slip has expired.' } } });
      } else {
        await route.fulfill({ status: 200, json: { serviceName, referredOn: '2026-01-15', status } });
      }
    });
    const receiving = new SlipConfirmPage(page);
    expect(await receiving.open('ACDEFHJKMN')).toBe('expired');
    expect(await receiving.headingText()).toBe('Lappu on vanhentunut');
    expect(await receiving.field('service')).toBe('Kela');
    expect(await receiving.field('date')).toBe('15.1.2026');
    await expectNoSeriousViolations(page, 'slip expired');

    status = 'open';
    expect(await receiving.open('ACDEFHJKMP')).toBe('open');
    expect(await receiving.confirm()).toBe('expired');
    await receiving.switchLanguage('en');
    expect(await receiving.headingText()).toBe('This slip has expired');
    expect(problems).toEqual([]);
    await context.close();
  });
});

