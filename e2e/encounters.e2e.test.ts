import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../src/domain/api-types';
import type { EncounterView } from '../src/domain/outreach-views';
import { expectNoSeriousViolations } from './support/axe';
import { desktop, phone, type Viewport } from './support/browser';
import { screenshot } from './support/screenshots';
import { useSuite } from './support/suite';
import { EncounterForm } from './pages/encounter-form';
import { signedIn as signedInAs } from './support/sign-in';

const suite = useSuite();

const signedIn = (username: string, viewport: Viewport = phone) => signedInAs(suite(), username, viewport);

const helsinkiDay = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());

describe('fast encounter entry (360×740)', () => {
  it('a nurse records an anonymous encounter with a referral in at most 8 actions and sees it in the list', async () => {
    const { page, context, problems } = await signedIn('demo.nurse');
    const me = (await (await page.request.get('/api/auth/me')).json()) as SessionInfo;
    const siteId = me.user.roles.find((r) => r.role === 'professional')?.siteId;
    expect(siteId).toBeTruthy();

    const form = new EncounterForm(page);
    await form.openFromHome(); // 1
    await form.tap(form.choice('age', '30_50')); // 2
    const need = (await page.locator(form.firstChoice('need')).getAttribute('data-choice')) ?? '';
    await form.tap(form.firstChoice('need')); // 3
    const support = (await page.locator(form.firstChoice('support')).getAttribute('data-choice')) ?? '';
    await form.tap(form.firstChoice('support')); // 4
    await form.tap(form.choice('referral', 'add')); // 5
    const service = (await page.locator(form.firstChoice('service')).getAttribute('data-choice')) ?? '';
    await form.tap(form.firstChoice('service')); // 6
    await screenshot(page, 'encounter-new-filled-phone');
    await form.save(); // 7
    expect(form.actions).toBeLessThanOrEqual(8);
    console.info(`encounter recorded in ${form.actions} actions`);

    // The form is ready for the next visitor: nothing pressed (only today's session, when there is one, stays chosen).
    expect(await page.locator('main button[data-choice][aria-pressed="true"]:not([data-choice^="session:"])').count()).toBe(0);

    // The API has it, anonymous, with the referral.
    const listed = (await (await page.request.get(`/api/sites/${siteId}/encounters?day=${helsinkiDay()}`)).json()) as { encounters: EncounterView[] };
    expect(listed.encounters).toHaveLength(1);
    const saved = listed.encounters[0];
    expect(saved?.visitorCode).toBeNull();
    expect(saved?.isFirstVisit).toBeNull();
    expect(saved?.ageBand).toBe('30_50');
    expect(saved?.needs).toEqual([need.replace(/^need:/, '')]);
    expect(saved?.support).toEqual([support.replace(/^support:/, '')]);
    expect(saved?.referrals.map((r) => [r.serviceId, r.way])).toEqual([[service.replace(/^service:/, ''), 'advised']]);
    expect(saved?.professionals.map((p) => p.userId)).toEqual([me.user.id]);

    // And the site's list of today shows it.
    await page.locator('main a[href="/encounters"]').first().click();
    await page.waitForURL((url) => url.pathname === '/encounters');
    const item = page.locator(`main li[data-encounter-id="${saved?.id ?? ''}"]`);
    await item.waitFor();
    const text = await item.innerText();
    expect(text).toContain('30–50');
    expect(text).toContain('En tiedä');
    expect(text).toContain('Ohjaukset');
    await screenshot(page, 'encounters-list-phone');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a visitor code is checked before sending; with a valid code the first visit in the region is derived', async () => {
    const { page, context } = await signedIn('demo.socialworker');
    const me = (await (await page.request.get('/api/auth/me')).json()) as SessionInfo;
    const siteId = me.user.roles.find((r) => r.role === 'professional')?.siteId ?? '';
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/encounters') posts.push(r.url());
    });
    const form = new EncounterForm(page);
    await form.openFromHome();
    await form.type('#encounter-visitor-code', 'ABC-1234');
    // "First time?" is asked of the professional, with or without a code; nothing is answered in advance.
    expect(await page.locator('main button[data-choice^="first-me:"][aria-pressed="true"]').count()).toBe(0);
    expect(await page.locator('main button[data-choice^="first-me:"]').count()).toBe(2);
    await form.tap('#encounter-save');
    await page.locator('#encounter-visitor-code-statusText').filter({ hasText: /./ }).waitFor();
    await expectNoSeriousViolations(page, 'encounter form with an invalid code (phone)');
    expect(posts).toEqual([]);

    const issued = await page.request.post(`/api/sites/${siteId}/visitor-codes`, { headers: { 'x-csrf-token': me.csrfToken } });
    expect(issued.status()).toBe(201);
    const { code } = (await issued.json()) as { code: string };
    await form.type('#encounter-visitor-code', `${code.slice(0, 3)}-${code.slice(3)}`);
    await form.tap(form.choice('age', '18_29'));
    await form.save();
    expect(posts).toHaveLength(1);
    const listed = (await (await page.request.get(`/api/sites/${siteId}/encounters?day=${helsinkiDay()}`)).json()) as { encounters: EncounterView[] };
    const saved = listed.encounters.find((e) => e.visitorCode === code);
    expect(saved?.ageBand).toBe('18_29');
    expect(saved?.isFirstVisit).toBe(true);
    await context.close();
  });

  it('axe finds no serious violations on the encounter pages at 360 px and on desktop', async () => {
    const { page, context } = await signedIn('demo.nurse');
    for (const [label, viewport] of [['phone', phone], ['desktop', desktop]] as const) {
      await page.setViewportSize(viewport);
      await page.goto('/encounters/new');
      await page.locator('#encounter-save').waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoSeriousViolations(page, `encounter form (${label})`);
      await page.locator('main button[data-choice="referral:add"]').click();
      await page.locator('main button[data-choice^="service:"]').first().waitFor();
      await expectNoSeriousViolations(page, `encounter form with a referral (${label})`);
      await screenshot(page, `encounter-new-${label}`);
      await page.goto('/encounters');
      await page.locator('main h2').waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoSeriousViolations(page, `encounters list (${label})`);
      await screenshot(page, `encounters-${label}`);
    }
    await context.close();
  });
});
