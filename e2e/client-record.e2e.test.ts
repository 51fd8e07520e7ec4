import { describe, expect, it } from 'vitest';
import { clientRecordPath } from '../src/web/client-record/paths';
import { expectNoSeriousViolations } from './support/axe';
import { desktop } from './support/browser';
import { signedIn, siteOf } from './support/sign-in';
import { useSuite } from './support/suite';

const suite = useSuite();

describe('a client\'s record for the official record system', () => {
  it('shows the whole record to the own worker, prints it without the app\'s frame as a PDF, and shows nothing to an unrelated worker', async () => {
    const { page, session, problems, context } = await signedIn(suite(), 'demo.socialworker', desktop);
    const siteId = siteOf(session, 'professional');
    const name = `Arkistoitava Asiakas ${Date.now() % 100_000}`;
    const created = await page.request.post('/api/clients', {
      headers: { 'x-csrf-token': session.csrfToken },
      data: { siteId, name, preferredLanguage: 'fi', contactPreference: 'phone', existingClientsChecked: true, contact: { source: 'self', isStatutoryGroup: false, need: 'Tukea arjen hallintaan.' } },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await page.goto(clientRecordPath(id));
    await page.getByRole('heading', { level: 1 }).filter({ hasText: name }).waitFor();
    expect(await page.locator('.client-record-sheet').innerText()).toContain('Tukea arjen hallintaan.');
    await expect(page.getByRole('button', { name: 'Tulosta / tallenna PDF:nä' }).isVisible()).resolves.toBe(true);
    await expectNoSeriousViolations(page, 'client record');

    // On paper: the sheet only, no navigation or buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Tulosta / tallenna PDF:nä' }).isVisible()).toBe(false);
    expect(await page.locator('.client-record-sheet').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(problems).toEqual([]);
    await context.close();

    // The nurse does not work with this client: the same answer as for an id that does not exist.
    const nurse = await signedIn(suite(), 'demo.nurse', desktop);
    expect((await nurse.page.request.get(`/api/clients/${id}/record`)).status()).toBe(404);
    await nurse.page.goto(clientRecordPath(id));
    await nurse.page.getByRole('alert').first().waitFor();
    expect(await nurse.page.locator('.client-record-sheet').count()).toBe(0);
    await nurse.context.close();
  }, 120_000);
});
