import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AuditLogPage } from './pages/audit-page';
import { expectNoSeriousViolations } from './support/axe';
import { desktop, phone } from './support/browser';
import { signedIn, siteOf } from './support/sign-in';
import { useSuite } from './support/suite';

const suite = useSuite();

describe('the audit log answers "who looked at this?"', () => {
  it('names the encounter a row is about, and following it or its person filters the log to them', async () => {
    const nurse = await signedIn(suite(), 'demo.nurse', phone);
    const siteId = siteOf(nurse.session, 'professional');
    const id = randomUUID();
    const created = await nurse.page.request.post('/api/encounters', {
      headers: { 'x-csrf-token': nurse.session.csrfToken },
      data: { id, siteId, occurredAt: new Date().toISOString(), ageBand: '30_50' },
    });
    expect(created.status(), await created.text()).toBe(201);
    expect((await nurse.page.request.get(`/api/encounters/${id}`)).status()).toBe(200);
    await nurse.context.close();

    const { page, context, problems } = await signedIn(suite(), 'demo.auditor', desktop);
    const audit = new AuditLogPage(page);
    await audit.open();
    const rows = await audit.rows();
    const read = rows.find((row) => row.action === 'Kohtaaminen avattu');
    expect(read?.resource).toMatch(/^Kohtaaminen · \d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}/);

    await page.locator('main td button', { hasText: read!.resource }).first().click();
    await page.waitForURL((url) => url.searchParams.get('target') === `encounter:${id}`);
    await audit.waitForResults();
    const aboutIt = await audit.rows();
    // Its creation and its reading, and nothing else.
    expect(aboutIt.length).toBe(2);
    expect(aboutIt.every((row) => row.resource === read!.resource && row.actor.startsWith('Demo'))).toBe(true);
    expect(await page.locator('main .audit-follows').innerText()).toContain(`Kohde: ${read!.resource}`);
    await expectNoSeriousViolations(page, 'audit log about one encounter');

    await page.locator('main td button', { hasText: aboutIt[0]!.actor }).first().click();
    await page.waitForURL((url) => url.searchParams.has('actor'));
    await audit.waitForResults();
    expect((await audit.rows()).every((row) => row.actor === aboutIt[0]!.actor)).toBe(true);
    await page.locator('main .audit-follows button').first().click();
    await page.waitForURL((url) => !url.searchParams.has('actor'));
    expect(problems).toEqual([]);
    await context.close();
  });
});
