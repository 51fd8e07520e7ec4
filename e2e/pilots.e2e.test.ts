import { describe, expect, it } from 'vitest';
import { addDays, helsinkiDay } from '../src/domain/calendar';
import type { PilotDetail } from '../src/domain/pilots';
import type { Report } from '../src/domain/report';
import { expectNoSeriousViolations } from './support/axe';
import { desktop, phone } from './support/browser';
import { inspectStoredData } from './support/database';
import { screenshot } from './support/screenshots';
import { signedIn, siteOf } from './support/sign-in';
import { useSuite } from './support/suite';
import { PilotsPages } from './pages/pilots';

const suite = useSuite();

const asTyped = (day: string): string => `${Number(day.slice(8, 10))}.${Number(day.slice(5, 7))}.${day.slice(0, 4)}`;
const today = helsinkiDay(new Date());

/** The pilot the coordinator made through the UI; the later tests look at it. */
let made: { pilotId: string; coordinatorId: string; from: string; to: string } | null = null;

type Box = { x: number; y: number; width: number; height: number };
const boxOf = async (locator: { boundingBox(): Promise<Box | null> }): Promise<Box> => {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element is not on screen');
  return box;
};

describe('pilots', () => {
  it('the coordinator creates a pilot, then writes its start, a midpoint beside the start, and the end with a decision', async () => {
    const { page, context, problems, session } = await signedIn(suite(), 'demo.coordinator', desktop);
    const p = new PilotsPages(page);
    const services = ((await (await page.request.get('/api/services')).json()) as { services: { id: string; code: string }[] }).services;
    const sites = ((await (await page.request.get('/api/sites')).json()) as { sites: { id: string }[] }).sites;
    const siteId = sites[0]!.id;
    const colleagues = ((await (await page.request.get(`/api/sites/${siteId}/colleagues`)).json()) as { colleagues: { id: string; displayName: string }[] }).colleagues;
    const nurse = colleagues.find((c) => c.displayName === 'Demo Sairaanhoitaja')!;
    const kela = services.find((s) => s.code === 'kela')!;
    const healthStation = services.find((s) => s.code === 'health_station')!;
    const startsOn = addDays(today, -14);
    const endsOn = addDays(today, 60);

    await p.openList();
    expect(await page.locator('main').innerText()).toContain('Kokeiluja ei ole vielä.');
    await expectNoSeriousViolations(page, 'pilots list (desktop)');
    await p.openCreateForm();
    await expectNoSeriousViolations(page, 'pilot form (desktop)');
    // The demo region has one site: it is chosen already, and its professionals are offered.
    expect(await page.locator(`#pilot-site-${siteId}`).isChecked()).toBe(true);
    await p.fillPilot({
      name: '',
      description: 'Sairaanhoitaja ja sosiaalityöntekijä päiväkeskuksessa yhtä aikaa.',
      goals: 'Palveluohjaus samalla käynnillä.',
      startsOn: asTyped(startsOn),
      endsOn: asTyped(endsOn),
      serviceIds: [healthStation.id, kela.id],
      professionalIds: [nurse.id],
    });
    // No name: nothing is sent, the summary takes focus and links to the field.
    await p.submitPilot();
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Lomakkeessa on 1 virhe') ?? false);
    expect(await p.errorSummary().locator('a[href="pilot-name"]').innerText()).toContain('Kirjoita kokeilun nimi');
    await expectNoSeriousViolations(page, 'pilot form with an error (desktop)');
    const name = `Yhteisvastaanotto ${Date.now()}`;
    await page.locator('#pilot-name').fill(name);
    await p.submitPilot();
    await page.waitForURL((url) => /^\/pilots\/[0-9a-f-]{36}$/.test(url.pathname));
    const pilotId = new URL(page.url()).pathname.split('/').at(-1)!;
    // The pilot page loads lazily: until its facts show, the form's heading may still be on screen.
    await page.locator('#pilot-facts').waitFor();
    expect(await p.headingText()).toBe(name);
    expect(await page.locator('main [role="status"]').first().innerText()).toContain('Kirjaa seuraavaksi aloitusvaihe');
    const facts = await page.locator('#pilot-facts').innerText();
    expect(facts).toContain('Kela');
    expect(facts).toContain('Terveysasema');
    expect(facts).toContain('Demo Sairaanhoitaja');
    expect(facts).toContain(`${asTyped(startsOn)}–${asTyped(endsOn)}`);
    await expectNoSeriousViolations(page, 'pilot page, nothing evaluated (desktop)');

    // The start phase: an empty form is refused, then three answers are saved.
    expect(await p.phaseFormHeading().innerText()).toBe('Kirjaa: Aloitusvaihe');
    await p.savePhase();
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Lomakkeessa on 1 virhe') ?? false);
    expect(await p.errorSummary().innerText()).toContain('Kirjoita vastaus ainakin yhteen kysymykseen');
    await p.answer('targetGroup', 'Päiväkeskuksen kävijät, joilla on sekä terveyden että toimeentulon huolia.');
    await p.answer('problem', 'Kävijät eivät hakeudu palveluihin.');
    await p.answer('evaluationMethod', 'Kontaktit tunnissa ja toteutuneet ohjaukset.');
    await p.savePhase('start-1');
    expect(await page.locator('#phase-saved').innerText()).toContain('Aloitusvaihe on tallennettu');
    expect(await p.entry('start-1').innerText()).toContain(`Tallennettu ${asTyped(today)}, Demo Koordinaattori`);

    // A midpoint: the start phase stands beside the form, so the evaluator sees what was expected.
    expect(await p.phaseFormHeading().innerText()).toBe('Kirjaa: Väliarviointi 1');
    const start = await boxOf(p.entry('start-1'));
    const form = await boxOf(p.phaseForm());
    expect(start.x + start.width).toBeLessThanOrEqual(form.x);
    expect(start.y).toBeLessThan(form.y + form.height);
    expect(form.y).toBeLessThan(start.y + start.height);
    expect(await p.entry('start-1').isVisible()).toBe(true);
    await expectNoSeriousViolations(page, 'pilot page, midpoint form beside the start (desktop)');
    await screenshot(page, 'pilot-midpoint-desktop');
    await p.answer('targetGroupReached', 'Osittain: vakiokävijät löysivät vastaanoton.');
    await p.answer('successes', 'Ohjaukset Kelaan toteutuivat.');
    await p.answer('changes', 'Aika myöhemmäksi aamulla.');
    await p.savePhase('midpoint-1');

    // The end: chosen instead of a second midpoint; the decision is required.
    await p.chooseEndPhase();
    expect(await p.phaseFormHeading().innerText()).toBe('Kirjaa: Lopetusvaihe');
    await p.answer('learned', 'Yhteinen vastaanotto madaltaa kynnystä.');
    await p.answer('future', 'Jatketaan iltapäivisin.');
    await p.savePhase();
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Lomakkeessa on 1 virhe') ?? false);
    expect(await p.errorSummary().locator('a[href="phase-decision-continue"]').innerText()).toContain('Valitse päätös');
    await expectNoSeriousViolations(page, 'end phase form with an error (desktop)');
    await p.chooseDecision('change');
    await p.savePhase('end-1');
    expect(await p.entry('end-1').innerText()).toContain('Jatketaan muutettuna');
    expect(await p.phaseForm().count()).toBe(0);
    expect(await page.locator('#pilot-record').innerText()).toContain('Lopetusvaihe on kirjattu');

    // A correction of the start phase: the form comes filled, the saved entry keeps its earlier version.
    await page.locator('#phase-start-1-correct').click();
    expect(await p.phaseFormHeading().innerText()).toBe('Korjaa: Aloitusvaihe');
    expect(await page.locator('#phase-problem').inputValue()).toBe('Kävijät eivät hakeudu palveluihin.');
    await p.answer('resources', 'Kolme tuntia viikossa kummaltakin.');
    await p.savePhase();
    await page.locator('#phase-saved').waitFor();
    await p.entry('start-1').locator('details').waitFor();
    expect(await p.entry('start-1').innerText()).toContain('Kolme tuntia viikossa kummaltakin.');
    expect(await p.entry('start-1').locator('summary').innerText()).toContain('Aiemmat versiot (1)');

    // The evaluator's conclusions.
    await page.locator('#pilot-conclusions').fill('Jatketaan muutettuna: aika iltapäivään.');
    await page.locator('#conclusions-submit').click();
    await page.locator('main [role="status"]', { hasText: 'Johtopäätökset on tallennettu' }).waitFor();
    await expectNoSeriousViolations(page, 'pilot page, ended (desktop)');
    await screenshot(page, 'pilot-ended-desktop');

    // The list shows the latest phase and the decision.
    await p.openList();
    const row = page.locator('main tr', { hasText: name });
    expect(await row.innerText()).toContain('Lopetusvaihe');
    expect(await row.innerText()).toContain('Jatketaan muutettuna');
    expect(problems).toEqual([]);
    made = { pilotId, coordinatorId: session.user.id, from: startsOn, to: today };
    await context.close();
  });

  it('stacks the saved phases above the form on a phone, with touch-sized controls', async () => {
    const { page, context, problems, session } = await signedIn(suite(), 'demo.coordinator', phone);
    const headers = { 'x-csrf-token': session.csrfToken };
    const sites = ((await (await page.request.get('/api/sites')).json()) as { sites: { id: string }[] }).sites;
    const created = await page.request.post('/api/pilots', { headers, data: { name: `Kela-jalkautuminen ${Date.now()}`, siteIds: [sites[0]!.id], startsOn: addDays(today, -7), endsOn: addDays(today, 30) } });
    expect(created.status()).toBe(201);
    const pilot = (await created.json()) as PilotDetail;
    const started = await page.request.post(`/api/pilots/${pilot.id}/phases`, { headers, data: { kind: 'start', fields: { targetGroup: 'Kelassa asioivat', problem: 'Ohjautuminen' } } });
    expect(started.status()).toBe(201);

    const p = new PilotsPages(page);
    await p.openPilot(pilot.id);
    await p.phaseForm().waitFor();
    const start = await boxOf(p.entry('start-1'));
    const form = await boxOf(p.phaseForm());
    expect(start.y + start.height).toBeLessThanOrEqual(form.y);
    expect((await boxOf(page.locator('#phase-submit'))).height).toBeGreaterThanOrEqual(44);
    expect((await boxOf(page.locator('#phase-start-1-correct'))).height).toBeGreaterThanOrEqual(44);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(phone.width);
    await expectNoSeriousViolations(page, 'pilot page (phone)');
    await screenshot(page, 'pilot-phone');
    expect(problems).toEqual([]);
    expect(siteOf(session, 'coordinator')).toBe('');
    await context.close();
  });

  it('the coordinator edits a pilot\'s plan: the form comes filled, an emptied name is refused, and the page shows the change', async () => {
    const { page, context, problems, session } = await signedIn(suite(), 'demo.coordinator', desktop);
    const headers = { 'x-csrf-token': session.csrfToken };
    const sites = ((await (await page.request.get('/api/sites')).json()) as { sites: { id: string }[] }).sites;
    const services = ((await (await page.request.get('/api/services')).json()) as { services: { id: string; code: string }[] }).services;
    const kela = services.find((s) => s.code === 'kela')!;
    const [startsOn, endsOn, laterEnd] = [addDays(today, -7), addDays(today, 30), addDays(today, 45)];
    const created = await page.request.post('/api/pilots', {
      headers,
      data: { name: `Muokattava kokeilu ${Date.now()}`, goals: 'Alkuperäinen tavoite', siteIds: [sites[0]!.id], startsOn, endsOn, serviceIds: [kela.id] },
    });
    expect(created.status()).toBe(201);
    const pilot = (await created.json()) as PilotDetail;

    const p = new PilotsPages(page);
    await p.openPilot(pilot.id);
    await page.getByRole('link', { name: 'Muokkaa kokeilun tietoja' }).click();
    await page.waitForURL((url) => url.pathname === `/pilots/${pilot.id}/edit`);
    await page.locator('#pilot-submit').waitFor();
    expect(await p.headingText()).toBe(`Muokkaa kokeilua: ${pilot.name}`);
    expect(await page.locator('#pilot-name').inputValue()).toBe(pilot.name);
    expect(await page.locator('#pilot-goals').inputValue()).toBe('Alkuperäinen tavoite');
    expect(await page.locator('#pilot-ends-on').inputValue()).toBe(asTyped(endsOn));
    expect(await page.locator(`#pilot-service-${kela.id}`).isChecked()).toBe(true);
    await expectNoSeriousViolations(page, 'pilot edit form (desktop)');

    await page.locator('#pilot-name').fill('');
    await p.submitPilot();
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Lomakkeessa on 1 virhe') ?? false);
    const renamed = `${pilot.name} (muutettu)`;
    await page.locator('#pilot-name').fill(renamed);
    await page.locator('#pilot-goals').fill('Uusi tavoite');
    await page.locator('#pilot-ends-on').fill(asTyped(laterEnd));
    await p.tick('service', kela.id);
    await p.submitPilot();
    await page.waitForURL((url) => url.pathname === `/pilots/${pilot.id}`);
    await page.locator('main [role="status"]', { hasText: 'Kokeilun tiedot on tallennettu' }).waitFor();
    expect(await p.headingText()).toBe(renamed);
    const facts = await page.locator('#pilot-facts').innerText();
    expect(facts).toContain('Uusi tavoite');
    expect(facts).not.toContain('Kela');
    expect(facts).toContain(`${asTyped(startsOn)}–${asTyped(laterEnd)}`);
    const stored = (await (await page.request.get(`/api/pilots/${pilot.id}`)).json()) as PilotDetail;
    expect(stored).toMatchObject({ name: renamed, goals: 'Uusi tavoite', startsOn, endsOn: laterEnd, services: [] });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows live figures from the report beside the phases, and links to the full report', async (ctx) => {
    expect(made).not.toBeNull();
    const { pilotId, from, to } = made!;
    const { page, context, problems } = await signedIn(suite(), 'demo.coordinator', desktop);
    const probe = await page.request.get(`/api/reports?pilotId=${pilotId}&from=${from}&to=${to}`);
    // The report server is built alongside this feature; until it answers, there is nothing to show.
    if (probe.status() !== 200) {
      await context.close();
      ctx.skip(`GET /api/reports answered ${probe.status()}: the report server is not ready, so the figures panel cannot be checked`);
    }
    const report = (await probe.json()) as Report;
    const overview = report.sections.find((s) => s.key === 'overview')?.tables.find((t) => t.key === 'overview.figures');
    const meetingsColumn = overview?.columns.findIndex((c) => c.key === 'meetings') ?? -1;
    const meetings = overview?.rows.find((r) => r.key === 'all')?.cells[meetingsColumn];
    const p = new PilotsPages(page);
    await p.openPilot(pilotId);
    await page.locator('#pilot-figures-table').waitFor();
    expect(await p.figureValue('meetings').innerText()).toBe(meetings?.suppressed ? `<${report.threshold}` : String(meetings?.value ?? '–'));
    for (const key of ['contactsPerHour', 'first', 'repeat', 'visitNotKnown', 'referrals', 'realised']) expect(await p.figureValue(key).innerText()).not.toBe('');
    // First and repeat visits as the report's table counts them (derived in the region), and the meetings where that is not known.
    const visits = report.sections.find((s) => s.key === 'visits')?.tables.find((t) => t.key === 'visits.firstOrRepeat');
    for (const [figure, row] of [['first', 'first'], ['repeat', 'repeat'], ['visitNotKnown', 'unknown']] as const) {
      const cell = visits?.rows.find((r) => r.key === row)?.cells[0];
      if (cell && !cell.suppressed && cell.value !== null) expect(await p.figureValue(figure).innerText()).toBe(new Intl.NumberFormat('fi-FI').format(cell.value));
    }
    expect(await page.locator('#pilot-figures-visits-note').innerText()).toContain('kävijäkoodeista');
    expect(await page.locator('#pilot-figures').innerText()).toContain('Kontakteja ammattilaisen tuntia kohden');
    expect(await page.locator('#pilot-figures a').getAttribute('href')).toBe(`/reports?pilotId=${pilotId}&from=${from}&to=${to}`);
    // The pilot section of the report carries the phases and the conclusions.
    const texts = report.sections.find((s) => s.key === 'pilot')?.texts ?? [];
    expect(texts).toEqual(expect.arrayContaining([
      { key: 'start.resources', text: 'Kolme tuntia viikossa kummaltakin.' },
      { key: 'end.decision', text: 'change' },
      { key: 'conclusions', text: 'Jatketaan muutettuna: aika iltapäivään.' },
    ]));
    await expectNoSeriousViolations(page, 'pilot page with figures (desktop)');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('stored every revision with its author, and audited every change', async () => {
    expect(made).not.toBeNull();
    const { pilotId, coordinatorId } = made!;
    const stored = await inspectStoredData(suite().server, async (db) => ({
      entries: (await db.query<{ kind: string; number: number; revision: number; author_id: string }>('select kind, number, revision, author_id from pilot_phase_entries where pilot_id = $1 order by saved_at, revision', [pilotId])).rows,
      audit: (await db.query<{ action: string; actor_id: string }>('select action, actor_id from audit_log where resource_id = $1 order by id', [pilotId])).rows,
    }));
    expect(stored.entries.map((e) => [e.kind, e.number, e.revision])).toEqual([['start', 1, 1], ['midpoint', 1, 1], ['end', 1, 1], ['start', 1, 2]]);
    expect(stored.entries.every((e) => e.author_id === coordinatorId)).toBe(true);
    expect(stored.audit.map((a) => a.action)).toEqual(['pilot.created', 'pilot.phase_saved', 'pilot.phase_saved', 'pilot.phase_saved', 'pilot.phase_saved', 'pilot.updated']);
    expect(stored.audit.every((a) => a.actor_id === coordinatorId)).toBe(true);
  });
});
