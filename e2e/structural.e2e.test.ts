import { describe, expect, it } from 'vitest';
import { helsinkiDay } from '../src/domain/calendar';
import { quarterOf } from '../src/domain/structural/quarter';
import type { ObservationDetail } from '../src/domain/structural/observations';
import { expectNoSeriousViolations } from './support/axe';
import { desktop, phone } from './support/browser';
import { signedIn } from './support/sign-in';
import { useSuite } from './support/suite';

// Issue 20: a worker files an observation on a phone, a manager answers, the worker sees the answer on
// the home page, and the coordinator's quarterly report prints on A4.

const suite = useSuite();

describe('structural social work reporting', () => {
  it('goes from a worker\'s phone to a manager\'s answer and back to the worker\'s home, and into the quarter\'s report', async () => {
    const worker = await signedIn(suite(), 'demo.socialworker', phone);
    const description = `Ei iltapaikkaa nuorille aikuisille (${Date.now()})`;
    await worker.page.goto('/');
    await worker.page.locator('[data-testid="structural-home"] a[href="/structural/new"]').click();
    await worker.page.locator('[data-testid="observation-form"]').waitFor();
    // The warning is shown before the fields, and the free-text fields point at it.
    expect(await worker.page.locator('[data-testid="structural-warning"]').isVisible()).toBe(true);
    expect(await worker.page.locator('#obs-description').getAttribute('aria-describedby')).toBe('structural-warning');
    await expectNoSeriousViolations(worker.page, 'observation form (phone)');
    const formWidth = await worker.page.evaluate(() => document.documentElement.scrollWidth);
    expect(formWidth).toBeLessThanOrEqual(phone.width);

    await worker.page.selectOption('#obs-municipality', '698');
    await worker.page.selectOption('#obs-category', 'exclusion_participation');
    await worker.page.fill('#obs-description', description);
    await worker.page.fill('#obs-affected', 'Alle 30-vuotiaat työttömät');
    await worker.page.fill('#obs-estimate', '8');
    await worker.page.fill('#obs-proposal', 'Nuorisotalon iltavuoro aikuisille kerran viikossa.');
    await worker.page.selectOption('#obs-level', 'municipality');
    await worker.page.locator('button[data-action="submit"]').click();
    await worker.page.waitForURL(/\/structural\/[0-9a-f-]{36}$/);
    const id = worker.page.url().split('/').pop()!;
    await worker.page.locator('[data-testid="observation-status"]').waitFor();
    expect(await worker.page.locator('[data-testid="observation-status"]').textContent()).toBe('Lähetetty');
    await expectNoSeriousViolations(worker.page, 'observation page (phone)');

    const manager = await signedIn(suite(), 'demo.manager', desktop);
    await manager.page.goto(`/structural/${id}`);
    await manager.page.locator('[data-testid="answer-form"]').waitFor();
    await expectNoSeriousViolations(manager.page, 'observation page with the answer form');
    await manager.page.selectOption('#obs-outcome', 'accepted');
    await manager.page.fill('#obs-answer-text', 'Iltavuoro aloitetaan helmikuussa.');
    await manager.page.locator('button[data-action="answer"]').click();
    await manager.page.locator('[data-testid="observation-answer"]').waitFor();
    expect(await manager.page.locator('[data-testid="observation-status"]').textContent()).toBe('Hyväksytty');

    await worker.page.goto('/');
    const answer = worker.page.locator(`[data-testid="structural-home"] [data-observation="${id}"] [data-testid="observation-answer"]`);
    await answer.waitFor();
    expect(await answer.textContent()).toBe('Iltavuoro aloitetaan helmikuussa.');
    await expectNoSeriousViolations(worker.page, 'home page with the answer (phone)');
    const detail = (await (await worker.page.request.get(`/api/structural/observations/${id}`)).json()) as ObservationDetail;
    expect(detail.timeline.map((e) => e.kind)).toEqual(['created', 'submitted', 'answered']);

    const coordinator = await signedIn(suite(), 'demo.coordinator', desktop);
    const q = quarterOf(helsinkiDay(new Date()));
    await coordinator.page.goto('/structural/quarterly');
    await coordinator.page.selectOption('#q-municipality', '698');
    await coordinator.page.fill('#q-year', String(q.year));
    await coordinator.page.selectOption('#q-quarter', String(q.quarter));
    await coordinator.page.locator('button[data-action="show"]').click();
    await coordinator.page.locator(`[data-testid="quarterly-report"] tr[data-observation="${id}"]`).waitFor();
    await expectNoSeriousViolations(coordinator.page, 'quarterly report');
    // Compiling and presenting move the quarter's observations along; the answered one keeps its answer's state.
    await coordinator.page.locator('button[data-action="compile"]').click();
    await coordinator.page.locator('button[data-action="present"]').click();
    await coordinator.page.locator('button[data-action="present"]').waitFor({ state: 'detached' });
    const states = await coordinator.page.locator('[data-testid="quarterly-report"] tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelector('td:nth-child(8)')?.textContent));
    expect(states).toContain('Hyväksytty');
    expect(states.every((s) => ['Hyväksytty', 'Esitelty', 'Työn alla', 'Toteutettu', 'Hylätty'].includes(s ?? ''))).toBe(true);
    await coordinator.page.emulateMedia({ media: 'print' });
    expect(await coordinator.page.locator('[data-testid="quarter-form"]').isVisible()).toBe(false);
    const pdf = await coordinator.page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    for (const opened of [worker, manager, coordinator]) await opened.context.close();
  }, 120_000);
});
