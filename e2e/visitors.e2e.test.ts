import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../src/domain/api-types';
import type { FollowUpView, ServiceView, VisitorCodeView } from '../src/domain/outreach-views';
import { CODE_ALPHABET } from '../src/domain/visitor-code';
import { expectNoSeriousViolations } from './support/axe';
import { desktop, phone, type Viewport } from './support/browser';
import { screenshot } from './support/screenshots';
import { useSuite } from './support/suite';
import { FollowUpsPage, VisitorsPage } from './pages/visitors-page';
import { signedIn as signedInAs } from './support/sign-in';

const suite = useSuite();

async function signedIn(username: string, viewport: Viewport = phone) {
  const opened = await signedInAs(suite(), username, viewport);
  const me = opened.session;
  const siteId = me.user.roles.find((r) => r.role === 'professional' || r.role === 'daycentre_staff')?.siteId ?? '';
  return { ...opened, me, siteId };
}

/** The code with its last (check) character changed: the kind of typo the checksum must catch. */
const typo = (code: string) => code.slice(0, -1) + CODE_ALPHABET[(CODE_ALPHABET.indexOf(code.at(-1) ?? 'A') + 1) % CODE_ALPHABET.length];

/** Records every API request for a visitor code, to prove that a typo never reaches the server. */
function codeRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/visitor-codes/')) seen.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  return seen;
}

describe('visitor codes (360×740)', () => {
  it('a professional issues a code, sees its card with a QR code, finds it by typing, and retires it', async () => {
    const { page, context, problems, me } = await signedIn('demo.nurse');
    const visitors = new VisitorsPage(page);
    const requests = codeRequests(page);
    await visitors.open();
    await page.waitForLoadState('networkidle');
    await expectNoSeriousViolations(page, 'visitor codes page (phone)');

    const code = await visitors.issue();
    const formatted = `${code.slice(0, 3)}-${code.slice(3)}`;
    expect(await visitors.headingText()).toBe('Asiakaskoodi');
    const letters = page.locator('main [data-testid="visitor-code-letters"]');
    expect(await letters.locator('[aria-hidden="true"]').innerText()).toBe(`${code.slice(0, 3)} ${code.slice(3)}`);
    expect(await letters.locator('.visually-hidden').textContent()).toContain([...code].join(' '));
    // The QR code is drawn, named for screen readers, and the card says nothing about anyone.
    expect(await visitors.qr().getAttribute('role')).toBe('img');
    expect(await page.getByRole('img', { name: `QR-koodi, jossa on asiakaskoodi ${formatted}` }).count()).toBe(1);
    const cardText = await visitors.card().innerText();
    expect(cardText).toContain(formatted);
    expect(cardText).not.toContain(me.user.displayName);
    expect(await visitors.use().innerText()).toContain('Ei vielä kohtaamisia');
    await page.waitForLoadState('networkidle');
    await expectNoSeriousViolations(page, 'visitor card page (phone)');
    await screenshot(page, 'visitor-card-phone');

    // Printed, only the card remains, at credit-card width (85.6 mm = 323.5 CSS px).
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('#visitor-retire-start').isVisible()).toBe(false);
    const box = await visitors.card().boundingBox();
    expect(box?.width).toBeCloseTo(323.5, 0);
    expect(box?.height).toBeCloseTo(204.1, 0);
    await screenshot(page, 'visitor-card-print');
    await page.emulateMedia({ media: 'screen' });

    // A typo and a missing character are caught in the browser: a message, and no request at all.
    await visitors.open();
    const before = requests.length;
    await visitors.lookUp(typo(code));
    expect(await visitors.codeProblem().innerText()).toMatch(/^Tarkista koodi: jokin merkki on väärin/);
    await visitors.lookUp(code.slice(0, 6));
    expect(await visitors.codeProblem().innerText()).toMatch(/^Tarkista koodi: siinä on 7 merkkiä/);
    expect(await page.locator('#visitor-code-input').inputValue()).toBe(code.slice(0, 6)); // kept for correcting
    expect(requests.slice(before)).toEqual([]);
    await expectNoSeriousViolations(page, 'visitor code look-up with a typo (phone)');

    // Lower case and separators are forgiven; the code is found with one audited read.
    await visitors.lookUp(`${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`);
    await page.waitForURL((url) => url.pathname === `/visitors/${code}`);
    await visitors.card().waitFor();
    expect(requests.slice(before)).toEqual([`GET /api/visitor-codes/${code}`]);

    await visitors.retire();
    // The button is gone, so focus moves to the notice, which is also announced.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('visitor-retired-notice');
    expect(await visitors.card().count()).toBe(0);
    expect(await page.locator('#visitor-retire-start').count()).toBe(0);
    expect(await page.locator('main [data-testid="visitor-code-letters"]').getAttribute('class')).toContain('--retired');
    const stored = (await (await page.request.get(`/api/visitor-codes/${code}`)).json()) as VisitorCodeView;
    expect(stored.isRetired).toBe(true);
    await expectNoSeriousViolations(page, 'retired visitor code (phone)');
    await screenshot(page, 'visitor-retired-phone');

    // Opened again later, the page says so at once.
    await page.reload();
    await page.locator('#visitor-retired').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an unknown but well-formed code is asked about and reported as not found, the input kept', async () => {
    const { page, context } = await signedIn('demo.socialworker');
    const visitors = new VisitorsPage(page);
    await visitors.open();
    const unknown = 'AAAAAA' + 'A'; // check character of AAAAAA is A (Luhn of zeros)
    await visitors.lookUp(unknown);
    await visitors.codeProblem().filter({ hasText: /alueella/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/visitors');
    expect(await page.locator('#visitor-code-input').inputValue()).toBe(unknown);
    await context.close();
  });

  it('the scan button appears only where the browser can read QR codes, and a scanned card opens its page', async () => {
    const { page, context, siteId, me } = await signedIn('demo.nurse');
    const visitors = new VisitorsPage(page);
    await visitors.open();
    const native = await page.evaluate(() => 'BarcodeDetector' in window);
    expect(await page.locator('#visitor-scan').count()).toBe(native ? 1 : 0);

    // A browser with a barcode detector (stubbed here, with a canvas for a camera) shows the button,
    // and what the detector reads goes through the same check and look-up as a typed code.
    const issued = await page.request.post(`/api/sites/${siteId}/visitor-codes`, { headers: { 'x-csrf-token': me.csrfToken } });
    const { code } = (await issued.json()) as { code: string };
    await context.addInitScript((raw: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const paint = () => canvas.getContext('2d')?.fillRect(0, 0, Math.random() * 64, 64);
      setInterval(paint, 50);
      const mediaDevices = navigator.mediaDevices as { getUserMedia: (c: unknown) => Promise<MediaStream> };
      mediaDevices.getUserMedia = () => Promise.resolve(canvas.captureStream(10));
      (window as unknown as { BarcodeDetector: unknown }).BarcodeDetector = class {
        static getSupportedFormats() {
          return Promise.resolve(['qr_code']);
        }
        detect() {
          return Promise.resolve([{ rawValue: raw }]);
        }
      };
    }, code);
    await visitors.open();
    await page.locator('#visitor-scan').click();
    await page.waitForURL((url) => url.pathname === `/visitors/${code}`);
    await visitors.card().waitFor();
    await context.close();
  });

  it('day-centre staff issue a code and see its card without what it was used for', async () => {
    const { page, context, problems } = await signedIn('demo.staff');
    const visitors = new VisitorsPage(page);
    const requests = codeRequests(page);
    await visitors.open();
    await visitors.issue();
    await page.locator('main').getByText('Koodin käyttötiedot näkyvät vain ammattilaisille.').waitFor();
    // No read was attempted: staff may not read codes, and a refused read would only fill the log.
    expect(requests.filter((r) => r.startsWith('GET'))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

async function encounterWithReferrals(page: Page, me: SessionInfo, siteId: string, code: string, serviceIds: string[]) {
  const referrals = serviceIds.map((serviceId) => ({ id: randomUUID(), serviceId, way: 'advised' }));
  const response = await page.request.post('/api/encounters', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { id: randomUUID(), siteId, occurredAt: new Date().toISOString(), visitorCode: code, ageBand: '30_50', referrals },
  });
  expect(response.status()).toBe(201);
  return referrals.map((r) => r.id);
}

describe('the follow-up list (360×740)', () => {
  it('shows open referrals by code; marking one realised takes it off the list; a memo has a counter and a warning', async () => {
    const { page, context, problems, me, siteId } = await signedIn('demo.nurse');
    const issued = await page.request.post(`/api/sites/${siteId}/visitor-codes`, { headers: { 'x-csrf-token': me.csrfToken } });
    const { code } = (await issued.json()) as { code: string };
    const services = ((await (await page.request.get('/api/services')).json()) as { services: ServiceView[] }).services;
    const kela = services.find((s) => s.code === 'kela');
    const health = services.find((s) => s.code === 'health_station');
    const [kelaReferral = '', healthReferral = ''] = await encounterWithReferrals(page, me, siteId, code, [kela?.id ?? '', health?.id ?? '']);

    const list = new FollowUpsPage(page);
    const patches: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PATCH') patches.push(new URL(r.url()).pathname);
    });
    await list.open();
    await list.group(code).waitFor();
    expect(await list.group(code).locator('li').count()).toBe(2);
    const groupText = await list.group(code).innerText();
    expect(groupText).toContain('Kysy: pääsitkö perille?');
    expect(groupText).toContain('Kela');
    expect(await list.item(kelaReferral).innerText()).toContain('tila: Ehdotettu');
    await page.locator('main [data-testid="next-session"]').waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSeriousViolations(page, 'follow-up list (phone)');
    await screenshot(page, 'follow-ups-phone');

    // Memo: the warning is on screen, the counter follows the text, and too long is refused in the browser.
    const form = await list.openDetails(kelaReferral);
    expect(await form.locator('[data-testid="memo-warning"]').innerText()).toMatch(/Älä kirjoita nimiä/);
    const memo = form.locator('textarea');
    await memo.fill('Soita ensi viikolla');
    expect(await form.locator('[data-testid="memo-counter"]').innerText()).toBe('19/200 merkkiä');
    const tooLong = 'x'.repeat(205);
    await memo.fill(tooLong);
    expect(await form.locator('[data-testid="memo-counter"]').innerText()).toBe('205/200 merkkiä');
    await form.locator('button[data-action="save"]').click();
    await form.locator('[data-testid="memo-too-long"]').waitFor();
    expect(await memo.inputValue()).toBe(tooLong); // nothing lost
    expect(patches).toEqual([]);
    await expectNoSeriousViolations(page, 'follow-up memo too long (phone)');
    await screenshot(page, 'follow-up-memo-phone');
    await memo.fill('Soita ensi viikolla');
    await form.locator('input[type="date"]').fill('2026-12-01');
    await form.locator('button[data-action="save"]').click();
    await form.waitFor({ state: 'detached' });
    expect(await list.item(kelaReferral).innerText()).toContain('Muistiinpano: Soita ensi viikolla');
    expect(patches).toEqual([`/api/referrals/${kelaReferral}`]);
    const listed = ((await (await page.request.get(`/api/sites/${siteId}/follow-ups`)).json()) as { followUps: FollowUpView[] }).followUps;
    expect(listed.find((f) => f.referral.id === kelaReferral)?.referral).toMatchObject({ memo: 'Soita ensi viikolla', followUpOn: '2026-12-01', status: 'suggested' });

    // Booked keeps it on the list; realised takes it off, with a way back for a mistaken tap.
    await list.statusButton(healthReferral, 'booked').click();
    await page.waitForFunction((id) => document.querySelector(`li[data-referral-id="${id}"] button[data-choice$=":booked"]`)?.getAttribute('aria-pressed') === 'true', healthReferral);
    await list.statusButton(healthReferral, 'realised').click();
    await list.item(healthReferral).waitFor({ state: 'detached' });
    await list.done().getByText(/merkitty ”Toteutui”/).waitFor();
    expect(await list.group(code).locator('li').count()).toBe(1);
    const open = (await (await page.request.get(`/api/visitor-codes/${code}`)).json()) as VisitorCodeView;
    expect(open.openReferrals.map((r) => r.id)).toEqual([kelaReferral]);
    await page.locator('#follow-up-undo').click();
    await list.item(healthReferral).waitFor();
    expect(await list.item(healthReferral).innerText()).toContain('tila: Aika varattu');
    await list.statusButton(healthReferral, 'realised').click();
    await list.item(healthReferral).waitFor({ state: 'detached' });
    await expectNoSeriousViolations(page, 'follow-up list after an answer (phone)');

    await page.setViewportSize(desktop);
    await expectNoSeriousViolations(page, 'follow-up list (desktop)');
    await screenshot(page, 'follow-ups-desktop');
    expect(problems).toEqual([]);
    await context.close();
  });
});
