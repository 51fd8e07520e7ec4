import { describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './support/axe';
import { desktop, openPage, phone } from './support/browser';
import { inspectStoredData } from './support/database';
import { signedIn } from './support/sign-in';
import { useSuite } from './support/suite';

// Issue 19 item 2: a person asks for help on a phone without signing in or giving an e-mail address, keeps
// the receipt code, the guidance team replies, and the person comes back with the code to read it. Wrong
// codes are throttled, and the database holds no network address or browser agent of the sender.

const suite = useSuite();
const WRONG_CODE = 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ';

describe('ask for help', () => {
  it('goes from the public form to a receipt, a staff reply and the sender reading it with the code; wrong codes are throttled; nothing of the sender\'s device is stored', async () => {
    const coordinator = await signedIn(suite(), 'demo.coordinator', desktop);
    const regionId = coordinator.session.user.regionId;
    const message = `Tarvitsen apua vuokran kanssa (${Date.now()})`;

    const sender = await openPage(suite().browser, suite().server.baseUrl, phone);
    const agent = await sender.page.evaluate(() => navigator.userAgent);
    await sender.page.goto(`/apua/${regionId}`);
    await sender.page.locator('[data-testid="help-form"]').waitFor();
    await expectNoSeriousViolations(sender.page, 'ask-for-help form (phone)');
    expect(await sender.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await sender.page.fill('#help-message', message);
    await sender.page.fill('#help-phone', '040 765 4321');
    await sender.page.locator('button[data-action="send-help"]').click();
    const codeText = sender.page.locator('[data-testid="help-code"]');
    await codeText.waitFor();
    const code = (await codeText.textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    await expectNoSeriousViolations(sender.page, 'receipt (phone)');
    // The receipt prints alone: the buttons and the "saved" step are not on paper.
    await sender.page.emulateMedia({ media: 'print' });
    expect(await sender.page.locator('[data-testid="help-saved"]').isVisible()).toBe(false);
    expect(await codeText.isVisible()).toBe(true);
    await sender.page.emulateMedia({ media: 'screen' });
    await sender.page.locator('[data-testid="help-saved"]').check();
    await sender.page.locator('a[href="/apua/vastaukset"]').last().click();
    await sender.page.locator('[data-testid="help-code-form"]').waitFor();

    // The guidance team: the notice on the home page, the inbox, the request, a reply.
    await coordinator.page.goto('/');
    await coordinator.page.locator('[data-testid="help-home"]').waitFor();
    await coordinator.page.locator('[data-testid="help-home"] a[href="/help-requests"]').click();
    const row = coordinator.page.locator('[data-testid="help-inbox"] a', { hasText: message.slice(0, 40) });
    await row.click();
    await coordinator.page.locator('[data-testid="help-staff-thread"]').waitFor();
    await expectNoSeriousViolations(coordinator.page, 'request page (staff)');
    await coordinator.page.fill('#help-note', 'Soitettu kerran, ei vastannut.');
    await coordinator.page.locator('button[data-action="add-note"]').click();
    await coordinator.page.locator('.help-thread li', { hasText: 'Soitettu kerran' }).waitFor();
    await coordinator.page.fill('#help-staff-reply', 'Hei! Vuokra-asioissa auttaa sosiaaliohjaaja. Soitamme huomenna kello 10.');
    await coordinator.page.locator('button[data-action="staff-reply"]').click();
    await coordinator.page.locator('[data-testid="help-staff-thread"] li[data-from="staff"]').waitFor();
    expect(await coordinator.page.locator('[data-testid="help-detail-status"]').textContent()).toBe('Odottaa lähettäjää');

    // The sender comes back with the code: the reply is there, the team's note is not.
    await sender.page.fill('#help-code-input', code.toLowerCase());
    await sender.page.locator('button[data-action="open-help"]').click();
    const staffMessage = sender.page.locator('[data-testid="help-thread"] li[data-from="staff"]');
    await staffMessage.waitFor();
    expect(await staffMessage.textContent()).toContain('Soitamme huomenna kello 10.');
    expect(await sender.page.locator('[data-testid="help-thread"]').textContent()).not.toContain('Soitettu kerran');
    await expectNoSeriousViolations(sender.page, 'answers (phone)');
    await sender.page.fill('#help-reply', 'Kiitos, sopii hyvin.');
    await sender.page.locator('button[data-action="sender-reply"]').click();
    await sender.page.locator('[data-testid="help-thread"] li[data-from="sender"]', { hasText: 'Kiitos, sopii hyvin.' }).waitFor();

    // Another visit with wrong codes: five are "not found", then the address waits, even with the right code.
    const guesser = await openPage(suite().browser, suite().server.baseUrl, phone);
    await guesser.page.goto('/apua/vastaukset');
    const error = guesser.page.locator('[data-testid="help-code-error"]');
    for (let i = 0; i < 5; i++) {
      await guesser.page.fill('#help-code-input', WRONG_CODE);
      await guesser.page.locator('button[data-action="open-help"]').click();
      await expect.poll(() => error.textContent()).toContain('Tällä koodilla ei löytynyt pyyntöä');
      await guesser.page.fill('#help-code-input', '');
    }
    await guesser.page.fill('#help-code-input', code);
    await guesser.page.locator('button[data-action="open-help"]').click();
    await expect.poll(() => error.textContent()).toContain('Liian monta väärää koodia');
    expect(await guesser.page.locator('[data-testid="help-thread"]').count()).toBe(0);
    expect([...sender.problems, ...guesser.problems, ...coordinator.problems]).toEqual([]);
    for (const opened of [sender, guesser, coordinator]) await opened.context.close();

    // The database: the message is there, and no address or agent in anything the channel stored.
    const stored = await inspectStoredData(suite().server, async (db) => {
      const rows = async (sql: string) => JSON.stringify((await db.query(sql)).rows);
      return {
        requests: await rows('select * from help_requests'),
        messages: await rows('select * from help_request_messages'),
        notes: await rows('select * from help_request_notes'),
        audit: await rows("select * from audit_log where resource_type = 'help_request'"),
      };
    });
    const all = Object.values(stored).join('\n');
    expect(stored.messages).toContain(message);
    for (const trace of ['127.0.0.1', '::1', '::ffff:', agent, 'HeadlessChrome', 'Mozilla']) expect(all).not.toContain(trace);
  }, 180_000);
});
