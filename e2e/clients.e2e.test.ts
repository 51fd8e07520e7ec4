import { describe, expect, it } from 'vitest';
import { addDays, helsinkiDay } from '../src/domain/calendar';
import { identityCodeCheckCharacter } from '../src/domain/clients/identity-code';
import type { ClientDetail } from '../src/domain/clients/schemas';
import { expectNoSeriousViolations } from './support/axe';
import { desktop } from './support/browser';
import { screenshot } from './support/screenshots';
import { signedIn } from './support/sign-in';
import { useSuite } from './support/suite';
import { ClientsPages } from './pages/clients';

const suite = useSuite();

const asShown = (day: string): string => `${Number(day.slice(8, 10))}.${Number(day.slice(5, 7))}.${day.slice(0, 4)}`;
/** A whole identity code anywhere in a text: the pages show codes only masked. */
const wholeCode = /\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]/;

describe('client work', () => {
  it('a social worker registers a client (a wrong check character first), moves the process from contact to assessment, sees the clocks, and grants and revokes a consent', async () => {
    const { page, context, problems } = await signedIn(suite(), 'demo.socialworker', desktop);
    const p = new ClientsPages(page);
    const today = helsinkiDay(new Date());

    // The list: own clients (the demo's), codes masked only.
    await p.openList();
    expect(await p.headingText()).toBe('Asiakkaat');
    const listText = await page.locator('main').innerText();
    expect(listText).toContain('Aada Virtanen');
    expect(listText).toContain('120304A****');
    expect(listText).not.toMatch(wholeCode);
    await expectNoSeriousViolations(page, 'clients list');
    await screenshot(page, 'clients-list');
    // The search narrows the list in the browser; nothing about the person goes into the address.
    await page.locator('#clients-search').fill('korho');
    await page.locator('main [role="status"]').filter({ hasText: 'Näytetään 1 asiakas' }).waitFor();
    expect(await page.locator('main tbody tr').count()).toBe(1);
    expect(page.url()).not.toContain('korho');

    // A new contact: a code with a wrong check character is refused in Finnish before anything is sent.
    await p.openCreateForm();
    await expectNoSeriousViolations(page, 'new client form');
    // Born 5.3.2004, a temporary individual number (900–999): never a real person's code.
    const check = identityCodeCheckCharacter('050304942');
    const good = `050304A942${check}`;
    const wrong = `050304A942${check === 'A' ? 'B' : 'A'}`;
    const name = `Eeva Testinen ${Date.now()}`;
    await p.fillContact({ name, identityCode: wrong, source: 'referral', need: 'Jälkihuolto päättyy, tarvitsee tukea asumiseen.' });
    await p.submitContact();
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Lomakkeessa on 1 virhe') ?? false);
    expect(await p.errorSummary().innerText()).toContain('Henkilötunnuksen tarkistusmerkki ei täsmää');
    expect(await page.locator('main').innerText()).toContain('Tarkista, onko tunnuksessa kirjoitusvirhe');
    await expectNoSeriousViolations(page, 'new client form with a wrong identity code');
    await screenshot(page, 'client-new-wrong-code');
    expect(page.url()).toMatch(/\/clients\/new$/);

    // The right code: the existing-client check finds nobody, and the client is saved.
    await page.locator('#client-identity-code').fill(good);
    await p.submitContact();
    await page.waitForURL((url) => /^\/clients\/[0-9a-f-]{36}$/.test(url.pathname));
    const clientId = new URL(page.url()).pathname.split('/').at(-1)!;
    await p.processState().waitFor();
    expect(await p.headingText()).toBe(name);
    expect(page.url()).not.toContain(good);
    expect(page.url()).not.toContain('050304');
    const pageText = await page.locator('main').innerText();
    expect(pageText).toContain('Asiakas on tallennettu');
    expect(pageText).toContain('050304A****');
    expect(pageText).not.toMatch(wholeCode);
    expect(pageText).toContain('Lähete toisesta palvelusta');

    // The process is at contact with its local 7-day clock running.
    expect(await p.processState().innerText()).toBe('Yhteydenotto');
    const clocks = await page.locator('#client-process table').innerText();
    expect(clocks).toContain('Paikallinen');
    expect(clocks).toContain('Lakisääteinen');
    expect(clocks).toContain(asShown(addDays(today, 7)));
    expect(await p.clockStatus('local_assessment_start').innerText()).toBe('Aikaa jäljellä');
    await expectNoSeriousViolations(page, 'client page at contact');

    // Contact → assessment: the clock of the assessment's start is met today.
    await p.step('start_assessment');
    await page.locator('#client-process-state[data-state="assessment"]').waitFor();
    expect(await p.processState().innerText()).toBe('Palvelutarpeen arviointi');
    expect(await p.clockStatus('local_assessment_start').innerText()).toBe('Toteutui ajallaan');
    expect(await page.locator('[data-clock="local_assessment_start"]').innerText()).toContain(`toteutui ${asShown(today)}`);
    expect(await p.clockStatus('shl36_assessment_complete').innerText()).toBe('Aikaa jäljellä');
    const history = await page.locator('#client-process-history').innerText();
    expect(history).toContain('Yhteydenotto kirjattu');
    expect(history).toContain('Arviointi aloitettu');
    expect(history).toContain(asShown(today));
    // The buttons now offer the assessment's next step, not the one just taken.
    expect(await page.locator('#process-start_assessment').count()).toBe(0);
    expect(await page.locator('#process-complete_assessment').count()).toBe(1);

    // A consent: share the process with the demo nurse, then revoke it.
    await page.locator('#consent-purpose').selectOption('share_process');
    await page.locator('#consent-grantee option', { hasText: 'Demo Sairaanhoitaja' }).waitFor({ state: 'attached' });
    await page.locator('#consent-grantee').selectOption({ label: 'Demo Sairaanhoitaja' });
    await page.locator('#consent-submit').click();
    await p.consentRows().first().waitFor();
    expect(await p.consentRows().count()).toBe(1);
    const granted = await p.consentRows().first().innerText();
    expect(granted).toContain('Prosessin tietojen jakaminen');
    expect(granted).toContain('Demo Sairaanhoitaja');
    expect(granted).toContain(`${asShown(today)}–toistaiseksi`);
    expect(await page.locator('[data-consent-status]').getAttribute('data-consent-status')).toBe('active');
    await expectNoSeriousViolations(page, 'client page with a consent');
    await screenshot(page, 'client-page-consent');
    await page.locator('#client-consents button[data-consent]').click();
    await page.locator('[data-consent-status="revoked"]').waitFor();
    expect(await p.consentRows().first().innerText()).toContain('Peruttu');
    expect(await page.locator('#client-consents button[data-consent]').count()).toBe(0);

    // The own worker and the care team: name oneself, add the nurse, then remove her.
    await page.locator('#client-own-worker-choice').selectOption({ label: 'Demo Sosiaalityöntekijä' });
    await page.locator('#client-own-worker-save').click();
    await page.locator('#client-people [role="status"]').filter({ hasText: 'Omatyöntekijä on tallennettu' }).waitFor();
    expect(await page.locator('#client-own-worker').innerText()).toBe('Demo Sosiaalityöntekijä');
    await page.locator('#client-team-add').selectOption({ label: 'Demo Sairaanhoitaja' });
    await page.locator('#client-team-add-submit').click();
    const nurseOnTeam = page.locator('#client-care-team li', { hasText: 'Demo Sairaanhoitaja' });
    await nurseOnTeam.waitFor();
    await nurseOnTeam.locator('button').click();
    await nurseOnTeam.waitFor({ state: 'detached' });
    expect(await page.locator('#client-care-team').innerText()).toContain('Demo Sosiaalityöntekijä');

    // What the server holds agrees with the page.
    const stored = (await (await page.request.get(`/api/clients/${clientId}`)).json()) as ClientDetail;
    expect(stored.process?.state).toBe('assessment');
    expect(stored.ownWorker?.displayName).toBe('Demo Sosiaalityöntekijä');
    expect(stored.careTeam.map((m) => m.displayName)).toEqual(['Demo Sosiaalityöntekijä']);
    expect(stored.consents).toMatchObject([{ purpose: 'share_process', granteeKind: 'user', isActive: false, revokedAt: expect.any(String) }]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('ending with "moved away" asks about the handover meeting and then prompts it with a checklist line; a refusal shows the duty to notify', async () => {
    const { page, context, problems } = await signedIn(suite(), 'demo.socialworker', desktop);
    const p = new ClientsPages(page);
    await p.openList();
    // The demo's client in an action period: individual support is offered beside the next steps.
    await page.locator('main a', { hasText: 'Jere Nieminen' }).click();
    await page.locator('#client-process-state[data-state="action"]').waitFor();
    expect(await page.locator('#process-choose_individual_support').innerText()).toContain('vain yksilöllinen tuki');
    await p.step('end');
    await page.locator('#end-reason').selectOption('client_refused');
    expect(await page.locator('#end-refused-hint').innerText()).toContain('sosiaalihuoltolain 35 §');
    expect(await page.locator('#end-refused-hint').innerText()).toContain('lastensuojeluilmoitus');
    await page.locator('#end-reason').selectOption('moved_away');
    expect(await page.locator('#end-refused-hint').count()).toBe(0);
    expect(await page.locator('#end-moved-away-hint').innerText()).toContain('siirtoneuvonpito');
    // Without the handover answer nothing is sent.
    await page.locator('#end-submit').click();
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Lomakkeessa on 1 virhe') ?? false);
    await expectNoSeriousViolations(page, 'end form with an error');
    await page.locator('label[for="end-handover-to_be_arranged"]').click();
    await page.locator('#end-submit').click();
    await page.locator('#client-process-state[data-state="ended"]').waitFor();
    const prompt = await page.locator('[data-prompt="arrange_handover_meeting"]').innerText();
    expect(prompt).toContain('Järjestä siirtoneuvonpito');
    expect(prompt).toContain('Siirtoneuvonpito uuden kunnan palveluiden kanssa sovittu');
    expect(await page.locator('#client-process').innerText()).toContain('Muutti toiselle paikkakunnalle');
    expect(await page.locator('#client-process-next').count()).toBe(0);
    await expectNoSeriousViolations(page, 'client page with the handover prompt');
    await screenshot(page, 'client-ended-moved-away');
    expect(problems).toEqual([]);
    await context.close();
  });
});
