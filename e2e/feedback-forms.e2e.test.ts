import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { helsinkiDay } from '../src/domain/calendar';
import type { FeedbackFormView } from '../src/domain/feedback';
import { expectNoSeriousViolations } from './support/axe';
import { phone } from './support/browser';
import { screenshot } from './support/screenshots';
import { signedIn, siteOf } from './support/sign-in';
import { useSuite } from './support/suite';
import { FeedbackFormsPages } from './pages/feedback-forms';

const suite = useSuite();

type Summary = { id: string; templateKey: string | null; name: { fi: string } };
const pilotKey = 'pilot_meeting';
const oldWording = 'Sain apua tästä tapaamisesta';
const newWording = 'Sain apua asiaani tästä tapaamisesta';

// Shared between the tests of this file, which run in order on one server.
let pilot: FeedbackFormView;
let staffSite = '';
let smallFormId = '';

async function formByKey(page: Page, key: string): Promise<FeedbackFormView> {
  const { forms } = (await (await page.request.get('/api/feedback/forms')).json()) as { forms: Summary[] };
  const id = forms.find((f) => f.templateKey === key)!.id;
  return (await (await page.request.get(`/api/feedback/forms/${id}`)).json()) as FeedbackFormView;
}

describe('feedback forms', () => {
  it('day-centre staff type in two paper forms, and the results show them item by item', async () => {
    const { page, context, problems, session } = await signedIn(suite(), 'demo.staff');
    staffSite = siteOf(session, 'daycentre_staff');
    pilot = await formByKey(page, pilotKey);
    const [s1, s2, s3, s4] = pilot.current.items.map((i) => i.id);
    const f = new FeedbackFormsPages(page);

    await f.openList();
    expect(await f.formEntry(pilot.id).innerText()).toContain('Palaute tapaamisesta sairaanhoitajan tai sosiaalityöntekijän kanssa');
    // Staff collect and read results, but do not edit forms.
    expect(await f.formEntry(pilot.id).locator(`a[href="/feedback/forms/${pilot.id}/edit"]`).count()).toBe(0);
    expect(await page.locator('main a[href="/feedback/forms/new"]').count()).toBe(0);
    expect(await page.locator('main a[href="/feedback/collect"]').count()).toBe(1);
    await expectNoSeriousViolations(page, 'feedback forms list (staff)');

    await f.follow(pilot.id, 'paper');
    await page.locator(`#p-${s1}-none`).waitFor();
    expect(await page.locator('main').innerText()).toContain('Toimipaikka:');
    await expectNoSeriousViolations(page, 'paper entry');

    // A paper with no answers is refused in words, before anything is sent.
    await f.addPaper();
    await f.errorSummary().waitFor();
    expect(await f.errorSummary().innerText()).toContain('Tällä paperilla ei ole yhtään vastausta');

    // Paper 1: 5, 4, "does not apply", 2. Paper 2: 4, 4, (blank), 5.
    await f.mark(s1!, 5);
    await f.mark(s2!, 4);
    await f.mark(s3!, 'na');
    await f.mark(s4!, 2);
    await f.addPaper();
    expect(await f.readyCount().innerText()).toBe('1 paperi valmiina tallennettavaksi.');
    // The answers are cleared for the next paper; the context stays.
    expect(await page.locator(`#p-${s1}-none`).isChecked()).toBe(true);
    await f.mark(s1!, 4);
    await f.mark(s2!, 4);
    await f.mark(s4!, 5);
    await screenshot(page, 'feedback-paper-entry');
    await f.savePapers();
    await f.confirmation().filter({ hasText: 'tallennettu' }).waitFor();
    expect(await f.confirmation().innerText()).toContain('2 paperilomaketta tallennettu, merkitty paperilta syötetyiksi');
    expect(await f.readyCount().innerText()).toBe('Ei vielä valmiita papereita.');

    await f.openList();
    await f.follow(pilot.id, 'results');
    await page.locator('#results-responses').waitFor();
    // Staff read their own site: it is chosen for them.
    expect(await page.locator('#results-site').inputValue()).toBe(staffSite);
    expect(await page.locator('#results-responses').innerText()).toBe('2');
    expect(await page.locator('#results-channel-paper').innerText()).toBe('2');
    expect(await page.locator('#results-channel-kiosk').innerText()).toBe('0');

    const first = f.itemResult(s1!);
    expect(await first.locator('.item-result__n').innerText()).toBe('n = 2');
    expect(await first.innerText()).toContain('samaa mieltä (4–5): 100');
    expect(await first.innerText()).toContain('keskiarvo 4,5');
    expect(await f.row(first, '5')).toEqual({ count: '1', share: expect.stringMatching(/^50\s?%$/) });
    expect(await f.row(first, '4')).toEqual({ count: '1', share: expect.stringMatching(/^50\s?%$/) });
    for (const v of ['1', '2', '3', 'na']) expect((await f.row(first, v)).count).toBe('0');
    const second = f.itemResult(s2!);
    expect(await second.locator('.item-result__n').innerText()).toBe('n = 2');
    expect((await f.row(second, '4')).count).toBe('2');
    const third = f.itemResult(s3!);
    // "Does not apply" is counted apart: n is 0, one paper said it does not apply.
    expect(await third.locator('.item-result__n').innerText()).toBe('n = 0');
    expect(await f.row(third, 'na')).toEqual({ count: '1', share: '–' });
    const fourth = f.itemResult(s4!);
    expect((await f.row(fourth, '2')).count).toBe('1');
    expect((await f.row(fourth, '5')).count).toBe('1');
    expect(await fourth.innerText()).toContain('samaa mieltä (4–5): 50');
    expect(await fourth.innerText()).toContain('keskiarvo 3,5');
    expect(await f.itemResult(pilot.current.items[4]!.id).locator('.item-result__n').innerText()).toBe('n = 0');
    await screenshot(page, 'feedback-results-staff');
    await expectNoSeriousViolations(page, 'results (staff)');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the coordinator rewords a statement of the answered form: a new version, old answers under the old wording', async () => {
    const { page, context, problems } = await signedIn(suite(), 'demo.coordinator');
    const f = new FeedbackFormsPages(page);
    await f.openList();
    await f.follow(pilot.id, 'edit');
    const firstText = page.locator('fieldset.builder-item').first().locator('input[id$="-text-fi"]');
    expect(await firstText.inputValue()).toBe(oldWording);
    // Told before saving.
    expect(await page.locator('#form-new-version-warning').innerText()).toContain('Versioon 1 on jo vastattu (2 vastausta). Kun tallennat, syntyy versio 2.');
    expect(await page.locator('#form-languages').innerText()).toContain('suomi, ruotsi, englanti');
    await expectNoSeriousViolations(page, 'form builder (edit)');

    await firstText.fill(newWording);
    await f.save();
    await f.confirmation().filter({ hasText: 'Uusi versio 2 tehty' }).waitFor();
    expect(await page.locator('#form-new-version-warning').count()).toBe(0);
    await screenshot(page, 'feedback-builder-new-version');

    await f.openResults(pilot.id, `?siteId=${staffSite}`);
    const v1 = f.versionBlock(1);
    const v2 = f.versionBlock(2);
    expect(await v1.locator('h2').innerText()).toBe('Versio 1 (vanha sanamuoto)');
    expect(await v2.locator('h2').innerText()).toBe('Versio 2 (nykyinen)');
    const oldFirst = f.itemResult(pilot.current.items[0]!.id, v1);
    expect(await oldFirst.locator('h3').innerText()).toBe(`1. ${oldWording}`);
    expect(await oldFirst.locator('.item-result__n').innerText()).toBe('n = 2');
    expect((await f.row(oldFirst, '5')).count).toBe('1');
    const newFirst = v2.locator('.item-result').first();
    expect(await newFirst.locator('h3').innerText()).toBe(`1. ${newWording}`);
    expect(await newFirst.locator('.item-result__n').innerText()).toBe('n = 0');

    // Filters live in the URL: a period with no papers in it shows none.
    await page.locator('#results-from').fill('1.1.2020');
    await page.locator('#results-to').fill('31.1.2020');
    await page.locator('#results-apply').click();
    await page.waitForURL((url) => url.searchParams.get('from') === '2020-01-01' && url.searchParams.get('siteId') === staffSite);
    await page.waitForFunction(() => document.querySelector('#results-responses')?.textContent === '0');
    await expectNoSeriousViolations(page, 'results (coordinator)');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the coordinator builds a small form; it appears in the list', async () => {
    const { page, context, problems } = await signedIn(suite(), 'demo.coordinator');
    const f = new FeedbackFormsPages(page);
    await f.openList();
    await page.locator('main a[href="/feedback/forms/new"]').click();
    await page.waitForURL((url) => url.pathname === '/feedback/forms/new');
    await page.locator('#form-save').waitFor();

    // Nothing filled in: the summary names what is missing.
    await f.save();
    await f.errorSummary().waitFor();
    expect(await f.errorSummary().innerText()).toContain('Kirjoita lomakkeen nimi suomeksi.');
    expect(await f.errorSummary().innerText()).toContain('Lisää lomakkeelle vähintään yksi kysymys.');
    await expectNoSeriousViolations(page, 'form builder with errors');

    await page.locator('#form-name-fi').fill('Kahvihetken palaute');
    const agree = await f.addItem('agreement');
    await agree.locator('input[id$="-text-fi"]').fill('Kahvihetki oli mukava');
    const choice = await f.addItem('single_choice');
    await choice.locator('input[id$="-text-fi"]').fill('Tuletko uudestaan?');
    const options = choice.locator('input[id*="-option-"][id$="-fi"]');
    await options.nth(0).fill('Kyllä');
    await options.nth(1).fill('En tiedä vielä');
    const open = await f.addItem('open_text');
    await open.locator('input[id$="-text-fi"]').fill('Mitä toivoisit?');
    // Only Finnish is written: visitors are offered Finnish only.
    expect(await page.locator('#form-languages').innerText()).toMatch(/kielillä: suomi\.\s/);
    // Reorder and back: the open question moves up past the choice, then down again.
    await open.locator('button[id$="-up"]').click();
    expect(await page.locator('fieldset.builder-item').nth(1).getAttribute('data-item-kind')).toBe('open_text');
    await page.locator('fieldset.builder-item').nth(1).locator('button[id$="-down"]').click();
    await screenshot(page, 'feedback-builder-new');
    await expectNoSeriousViolations(page, 'form builder (new)');
    await f.save();
    await page.waitForURL((url) => url.pathname === '/feedback');
    await f.confirmation().filter({ hasText: 'Kahvihetken palaute' }).waitFor();

    const { forms } = (await (await page.request.get('/api/feedback/forms')).json()) as { forms: Summary[] };
    smallFormId = forms.find((x) => x.name.fi === 'Kahvihetken palaute')!.id;
    const entry = f.formEntry(smallFormId);
    expect(await entry.innerText()).toContain('Kävijöiden lomake · versio 1 · käytössä');
    const stored = (await (await page.request.get(`/api/feedback/forms/${smallFormId}`)).json()) as FeedbackFormView;
    expect(stored.current.items.map((i) => i.kind)).toEqual(['agreement', 'single_choice', 'open_text']);
    expect(stored.current.items[1]!.options.map((o) => o.key)).toEqual(['kylla', 'en_tieda_viela']);
    expect(stored.current.locales).toEqual(['fi']);

    // Deactivate and activate again from the list.
    await entry.locator('button').click();
    await entry.filter({ hasText: 'ei käytössä' }).waitFor();
    await entry.locator('button').click();
    await entry.filter({ hasText: 'versio 1 · käytössä' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('open answers: the coordinator reads them, day-centre staff see a note instead', async () => {
    const staff = await signedIn(suite(), 'demo.staff');
    const form = (await (await staff.page.request.get(`/api/feedback/forms/${smallFormId}`)).json()) as FeedbackFormView;
    const [agreeItem, choiceItem, openItem] = form.current.items;
    // Set-up through the API: this test is about reading, paper entry was tested above.
    const entered = await staff.page.request.post(`/api/feedback/forms/${smallFormId}/paper`, {
      headers: { 'x-csrf-token': staff.session.csrfToken },
      data: {
        context: { siteId: staffSite },
        submittedOn: helsinkiDay(new Date()),
        responses: [{ answers: [{ itemId: openItem!.id, text: 'Lisää pullaa, kiitos' }, { itemId: choiceItem!.id, choices: ['kylla'] }] }, { answers: [{ itemId: agreeItem!.id, score: 3 }] }],
      },
    });
    expect(entered.status(), await entered.text()).toBe(201);
    const fs = new FeedbackFormsPages(staff.page);
    await fs.openResults(smallFormId);
    const hidden = fs.itemResult(openItem!.id);
    expect(await hidden.locator('.item-result__n').innerText()).toBe('n = 1');
    expect(await hidden.innerText()).toContain('Vain koordinaattorit näkevät avoimet vastaukset.');
    expect(await staff.page.locator('main').innerText()).not.toContain('Lisää pullaa');
    expect((await fs.row(fs.itemResult(choiceItem!.id), 'kylla')).count).toBe('1');
    expect(staff.problems).toEqual([]);
    await staff.context.close();

    const coordinator = await signedIn(suite(), 'demo.coordinator');
    const fc = new FeedbackFormsPages(coordinator.page);
    await fc.openResults(smallFormId);
    expect(await fc.itemResult(openItem!.id).locator('.open-answers').innerText()).toBe('Lisää pullaa, kiitos');
    expect(await coordinator.page.locator('.results-open-note').count()).toBe(0);
    await screenshot(coordinator.page, 'feedback-results-open');
    await expectNoSeriousViolations(coordinator.page, 'results with open answers');
    // On a phone the tables become cards; still axe-clean.
    await coordinator.page.setViewportSize(phone);
    await screenshot(coordinator.page, 'feedback-results-phone');
    await expectNoSeriousViolations(coordinator.page, 'results (phone)');
    expect(coordinator.problems).toEqual([]);
    await coordinator.context.close();
  });
});
