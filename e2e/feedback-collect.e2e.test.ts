import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formTemplates } from '../src/server/feedback/templates';
import { expectNoSeriousViolations } from './support/axe';
import { openPage, phone } from './support/browser';
import { inspectStoredData } from './support/database';
import { screenshot } from './support/screenshots';
import { signedIn } from './support/sign-in';
import { useSuite } from './support/suite';
import { AnswerFlowPage, CollectPage, KioskPage } from './pages/feedback-collect';

const suite = useSuite();
const tablet = { width: 1024, height: 768 } as const;
const PIN = '2468';

const template = (key: string) => {
  const found = formTemplates.find((f) => f.key === key);
  if (!found) throw new Error(`No template ${key}`);
  return found.content;
};
const meeting = template('pilot_meeting');
const followUp = template('referral_follow_up');
const itemText = (item: (typeof meeting.items)[number]) => item.text;

// The agreement words as a visitor reads them in Swedish, written out here independently of the app.
const swedishAgreement = ['Helt av annan åsikt', 'Delvis av annan åsikt', 'Varken av samma eller annan åsikt', 'Delvis av samma åsikt', 'Helt av samma åsikt'];
// One answer per statement of the meeting form: scores 5,4,3,2,1,5,4,3 and "does not apply" for the last.
const kioskPicks = [...[5, 4, 3, 2, 1, 5, 4, 3].map((score) => swedishAgreement[score - 1]!), 'Gäller inte mig'];

const sessionStatus = async (page: Page) => (await page.request.get('/api/auth/me')).status();

describe('collecting feedback by kiosk and QR link', () => {
  it('unlocks a kiosk on a tablet, answers the meeting form in Swedish, resets, and leaves only with the PIN', async () => {
    const { page, context, problems } = await signedIn(suite(), 'demo.coordinator', tablet);
    const collect = new CollectPage(page);
    await collect.open();
    await expectNoSeriousViolations(page, 'the collect page');
    await collect.chooseForm(meeting.name.fi);

    // A PIN typed differently twice is refused before anything is sent.
    await collect.startKiosk(PIN, '1357');
    await page.getByText('PIN-koodit eivät ole samat.').first().waitFor();
    expect(page.url()).toContain('/feedback/collect');

    await collect.startKiosk(PIN);
    await page.waitForURL((url) => url.pathname === '/kiosk');
    const kiosk = new KioskPage(page);
    await kiosk.waitForScreen('start');
    // Unlocking ended the staff session in this browser.
    expect(await sessionStatus(page)).toBe(401);
    expect(await page.locator('.main-nav').count()).toBe(0);
    await expectNoSeriousViolations(page, 'the kiosk start screen');
    expect(await kiosk.headingText()).toBe(meeting.name.fi);

    await kiosk.chooseLanguage('Svenska');
    expect(await kiosk.headingText()).toBe(meeting.name.sv);
    await kiosk.start();
    for (const [index, item] of meeting.items.entries()) {
      expect(await kiosk.progressText()).toBe(`Fråga ${index + 1} av ${meeting.items.length}`);
      expect(await kiosk.questionText()).toBe(itemText(item).sv);
      if (index === 0) {
        // Every answer is a large touch target on the tablet.
        const sizes = await page.locator('main .fc-tile').evaluateAll((tiles) => tiles.map((tile) => tile.getBoundingClientRect().height));
        expect(sizes).toHaveLength(6);
        for (const height of sizes) expect(height).toBeGreaterThanOrEqual(64);
        await kiosk.pick(kioskPicks[index]!);
        await expectNoSeriousViolations(page, 'a kiosk question');
        await screenshot(page, 'feedback-kiosk-question');
      } else {
        await kiosk.pick(kioskPicks[index]!);
      }
      expect(await page.locator('main .fc-tile--checked').innerText()).toContain(kioskPicks[index]!);
      await kiosk.next();
    }
    await kiosk.waitForScreen('send');
    expect(await page.locator('main .fc-intro').innerText()).toBe('Du svarade på 9 av 9 frågor.');
    await kiosk.send();
    await kiosk.waitForScreen('thanks');
    expect(await kiosk.headingText()).toBe('Tack för din respons!');
    await expectNoSeriousViolations(page, 'the kiosk thanks screen');

    // By itself, after about ten seconds, the kiosk is ready for the next person, in its own language.
    await kiosk.waitForScreen('start', 15_000);
    expect(await kiosk.headingText()).toBe(meeting.name.fi);

    // A wrong PIN keeps the kiosk and says so.
    await kiosk.leave('0000');
    await kiosk.leaveError().waitFor();
    expect(await kiosk.leaveError().innerText()).toBe('PIN-koodi on väärä. Kioski jatkuu.');
    expect(new URL(page.url()).pathname).toBe('/kiosk');
    await page.locator('#fc-leave-cancel').click();
    await kiosk.waitForScreen('start');

    // The kiosk tab gives nobody a staff session: the app asks for sign-in, and the kiosk still works.
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/login');
    await page.locator('#login-username').waitFor();
    expect(await sessionStatus(page)).toBe(401);
    await kiosk.open();
    await kiosk.waitForScreen('start');

    await kiosk.leave(PIN);
    await page.waitForURL((url) => url.pathname === '/login');
    await page.locator('#login-username').waitFor();
    await kiosk.open();
    expect(await page.locator('main [data-kiosk-state="locked"]').count()).toBe(1);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('makes a QR link on a phone, and a visitor answers on their own phone in Finnish, once per sheet', async () => {
    const staff = await signedIn(suite(), 'demo.staff', phone);
    const collect = new CollectPage(staff.page);
    await collect.open();
    await collect.chooseForm(followUp.name.fi);
    await collect.makeLink();
    expect(await collect.qrCode().isVisible()).toBe(true);
    expect(await collect.qrCode().getAttribute('aria-label')).toContain(followUp.name.fi);
    const url = await collect.linkUrl();
    expect(url).toMatch(/^http:\/\/[^/]+\/f\/[A-Za-z0-9_-]{16,64}$/);
    // The new link is listed with a Close button.
    await staff.page.locator('.collect-link-path', { hasText: url }).waitFor();
    await expectNoSeriousViolations(staff.page, 'the collect page on a phone with a new link');
    await screenshot(staff.page, 'feedback-collect-phone');
    expect(staff.problems).toEqual([]);
    await staff.context.close();

    const path = new URL(url).pathname;
    const visitor = await openPage(suite().browser, suite().server.baseUrl, phone);
    const flow = new AnswerFlowPage(visitor.page);
    const opening = visitor.page.waitForResponse((r) => r.url().endsWith('/open') && r.request().method() === 'POST');
    await visitor.page.goto(path);
    const openedBody = await (await opening).text();
    const { ticket } = JSON.parse(openedBody) as { ticket: string };
    await flow.waitForScreen('start');
    expect(await visitor.page.locator('#fc-kiosk-leave').count()).toBe(0);
    await expectNoSeriousViolations(visitor.page, 'the link start screen at 360 px');
    expect(await flow.headingText()).toBe(followUp.name.fi);

    await flow.start();
    expect(await flow.questionText()).toBe(followUp.items[0]!.text.fi);
    // Back returns to the start; Start again comes back to the first question.
    await visitor.page.locator('#fc-back').click();
    await flow.waitForScreen('start');
    await flow.start();
    await flow.pick('En');
    await expectNoSeriousViolations(visitor.page, 'a link question at 360 px');
    await screenshot(visitor.page, 'feedback-link-phone');
    await flow.next();
    await flow.pick('En saanut aikaa');
    await flow.pick('Jokin muu syy');
    expect(await visitor.page.locator('main .fc-tile--checked').count()).toBe(2);
    await flow.next();
    await flow.pick('Jokseenkin samaa mieltä');
    await flow.next();
    expect(await visitor.page.locator('main .fc-text__hint').innerText()).toContain('Älä kirjoita nimiä');
    await visitor.page.locator('main textarea').fill('Ohjaus auttoi.');
    await flow.next();
    await flow.waitForScreen('send');
    await flow.send();
    await flow.waitForScreen('thanks');
    expect(await flow.headingText()).toBe('Kiitos palautteestasi!');
    // On a phone the thanks stays: no countdown, no "next person".
    expect(await visitor.page.locator('#fc-next-person').count()).toBe(0);
    await expectNoSeriousViolations(visitor.page, 'the link thanks screen at 360 px');

    // The sheet's ticket is spent: the server refuses it again.
    const again = await visitor.page.request.post('/api/public/feedback/responses', { data: { ticket, locale: 'fi', answers: [{ itemId: '00000000-0000-4000-8000-000000000000', score: 3 }] } });
    expect(again.status()).toBe(409);

    // A page that still holds a spent ticket says so, and opens a fresh sheet on request.
    await visitor.page.route('**/api/public/feedback/links/*/open', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: openedBody }));
    await visitor.page.goto(path);
    await flow.start();
    await visitor.page.locator('#fc-skip').click();
    await visitor.page.locator('#fc-skip').click();
    await flow.pick('Täysin samaa mieltä');
    await flow.next();
    await flow.next();
    await flow.waitForScreen('send');
    await flow.send();
    await visitor.page.locator('main [data-problem="alreadySent"]').waitFor();
    expect(await visitor.page.locator('main [data-problem="alreadySent"]').innerText()).toContain('Nämä vastaukset on jo lähetetty');
    await visitor.page.unroute('**/api/public/feedback/links/*/open');
    const fresh = visitor.page.waitForResponse((r) => r.url().endsWith('/open'));
    await visitor.page.locator('#fc-fresh').click();
    expect((await fresh).status()).toBe(200);
    await flow.waitForScreen('start');

    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });

  it('tells a visitor plainly when a link is closed or unknown', async () => {
    const staff = await signedIn(suite(), 'demo.staff', phone);
    const collect = new CollectPage(staff.page);
    await collect.open();
    await collect.makeLink();
    const path = new URL(await collect.linkUrl()).pathname;
    const row = staff.page.locator('.data-table tr', { has: staff.page.locator('.collect-link-path', { hasText: path }) });
    await row.locator('button.collect-close').click();
    await row.waitFor({ state: 'detached' });
    await staff.context.close();

    const visitor = await openPage(suite().browser, suite().server.baseUrl, phone);
    await visitor.page.goto(path);
    await visitor.page.locator('main [data-link-state="closed"]').waitFor();
    expect(await visitor.page.locator('main [role="alert"]').innerText()).toContain('Henkilökunta on sulkenut tämän palautelinkin.');
    await visitor.page.goto('/f/no-such-link-token-at-all');
    await visitor.page.locator('main [data-link-state="unknown"]').waitFor();
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });

  it('lets staff pause a link: a visitor is told kindly that feedback is not collected now, until staff resume it', async () => {
    const staff = await signedIn(suite(), 'demo.staff', phone);
    const collect = new CollectPage(staff.page);
    await collect.open();
    await collect.makeLink();
    const path = new URL(await collect.linkUrl()).pathname;
    const row = staff.page.locator('.data-table tr', { has: staff.page.locator('.collect-link-path', { hasText: path }) });
    await row.locator('button.collect-pause').click();
    await row.getByText('Keskeytetty').waitFor();

    const visitor = await openPage(suite().browser, suite().server.baseUrl, phone);
    await visitor.page.goto(path);
    await visitor.page.locator('main [data-link-state="paused"]').waitFor();
    expect(await visitor.page.locator('main h1').innerText()).toBe('Palautetta ei kerätä juuri nyt');
    // Not an error for the visitor: no alert, a kind word and another try for later.
    expect(await visitor.page.locator('main [role="alert"]').count()).toBe(0);
    await expectNoSeriousViolations(visitor.page, 'the paused link at 360 px');

    await row.locator('button.collect-pause').click();
    await row.getByText('Kerää palautetta').waitFor();
    await visitor.page.locator('main button', { hasText: 'Yritä uudelleen' }).click();
    await new AnswerFlowPage(visitor.page).waitForScreen('start');
    expect(visitor.problems).toEqual([]);
    expect(staff.problems).toEqual([]);
    await visitor.context.close();
    await staff.context.close();
  });

  // Last: stops the server to read its database.
  it('stores the answers anonymously: day only, no address, agent, device or user', async () => {
    const probe = await openPage(suite().browser, suite().server.baseUrl);
    const userAgent = await probe.page.evaluate(() => navigator.userAgent);
    await probe.context.close();

    await inspectStoredData(suite().server, async (db) => {
      const responses = await db.query<{ channel: string; locale: string; answers: number }>(
        `select r.channel, r.locale, (select count(*)::int from feedback_answers a where a.response_id = r.id) as answers
           from feedback_responses r order by r.channel`,
      );
      expect(responses.rows).toEqual([
        { channel: 'kiosk', locale: 'sv', answers: 9 },
        { channel: 'link', locale: 'fi', answers: 4 },
      ]);

      const columns = await db.query<{ table_name: string; column_name: string; data_type: string }>(
        `select table_name, column_name, data_type from information_schema.columns
          where table_schema = current_schema() and table_name like 'feedback%' order by table_name, column_name`,
      );
      const tables = new Set(columns.rows.map((c) => c.table_name));
      expect(tables).toContain('feedback_responses');
      expect(tables).toContain('feedback_answers');
      // Nothing in any feedback table can hold an address, a browser or a device.
      const identifying = columns.rows.filter((c) => /(^|_)(ip|address|agent|device)(_|$)/i.test(c.column_name));
      expect(identifying).toEqual([]);
      // Who made a form or a link is kept (staff work); nothing holding an answer names a person.
      const byUser = columns.rows.filter((c) => /(^|_)(user_id|created_by|unlocked_by)$/i.test(c.column_name));
      expect(byUser.map((c) => `${c.table_name}.${c.column_name}`)).toEqual([
        'feedback_form_versions.created_by',
        'feedback_forms.created_by',
        'feedback_kiosks.unlocked_by',
        'feedback_links.created_by',
      ]);
      const answerTables = ['feedback_responses', 'feedback_answers', 'feedback_openings'];
      const answerColumns = columns.rows.filter((c) => answerTables.includes(c.table_name));
      expect(answerColumns.filter((c) => /(^|_)(user|ip|agent|device|address|session)(_|$)|_by$/i.test(c.column_name) && !/_session_id$/.test(c.column_name))).toEqual([]);
      // The day of an answer, never its time.
      expect(columns.rows.find((c) => c.table_name === 'feedback_responses' && c.column_name === 'submitted_on')?.data_type).toBe('date');
      expect(columns.rows.filter((c) => ['feedback_responses', 'feedback_answers'].includes(c.table_name) && c.data_type.startsWith('timestamp'))).toEqual([]);

      // No stored value anywhere in the feedback tables is the browser's user agent or its address.
      for (const table of tables) {
        const found = await db.query<{ n: number }>(`select count(*)::int as n from ${table} t where t::text like '%' || $1 || '%' or t::text like '%' || $2 || '%'`, [userAgent, '127.0.0.1']);
        expect(found.rows[0]?.n, `${table} holds the user agent or address`).toBe(0);
      }
    });
  });
});
