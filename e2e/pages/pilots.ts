import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

export type PilotForm = {
  name: string;
  description: string;
  goals: string;
  startsOn: string;
  endsOn: string;
  serviceIds: string[];
  professionalIds: string[];
};

/** The pilots list (/pilots), the pilot form (/pilots/new) and a pilot's page with its phases. */
export class PilotsPages extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async openList(): Promise<void> {
    await this.page.goto('/pilots');
    await this.heading().waitFor();
    await this.page.locator('main table, main a[href="/pilots/new"]').first().waitFor();
    // The "new pilot" link shows while the list is still loading: wait for the list itself.
    await this.page.locator('main .loading').waitFor({ state: 'detached' });
  }

  async openCreateForm(): Promise<void> {
    await this.page.locator('main a[href="/pilots/new"]').click();
    await this.page.waitForURL((url) => url.pathname === '/pilots/new');
    await this.page.locator('#pilot-submit').waitFor();
  }

  async openPilot(pilotId: string): Promise<void> {
    await this.page.goto(`/pilots/${pilotId}`);
    await this.page.locator('#pilot-facts').waitFor();
  }

  /** Ticks a box by its label, as a person does. */
  async tick(list: 'site' | 'service' | 'professional', id: string): Promise<void> {
    await this.page.locator(`label[for="pilot-${list}-${id}"]`).click();
  }

  async fillPilot(form: PilotForm): Promise<void> {
    await this.page.locator('#pilot-name').fill(form.name);
    await this.page.locator('#pilot-description').fill(form.description);
    await this.page.locator('#pilot-goals').fill(form.goals);
    await this.page.locator('#pilot-starts-on').fill(form.startsOn);
    await this.page.locator('#pilot-ends-on').fill(form.endsOn);
    for (const id of form.serviceIds) await this.tick('service', id);
    for (const id of form.professionalIds) {
      await this.page.locator(`label[for="pilot-professional-${id}"]`).waitFor();
      await this.tick('professional', id);
    }
  }

  async submitPilot(): Promise<void> {
    await this.page.locator('#pilot-submit').click();
  }

  errorSummary(): Locator {
    return this.page.locator('main .fi-error-summary');
  }

  phaseFormHeading(): Locator {
    return this.page.locator('#phase-form-heading');
  }

  phaseForm(): Locator {
    return this.page.locator('#phase-form');
  }

  /** A saved phase entry: 'start-1', 'midpoint-2', 'end-1'. */
  entry(which: string): Locator {
    return this.page.locator(`#phase-${which}`);
  }

  async answer(question: string, text: string): Promise<void> {
    await this.page.locator(`#phase-${question}`).fill(text);
  }

  async chooseEndPhase(): Promise<void> {
    await this.page.locator('label[for="phase-kind-end"]').click();
    await this.page.locator('#phase-decision').waitFor();
  }

  async chooseDecision(decision: 'continue' | 'change' | 'stop'): Promise<void> {
    await this.page.locator(`label[for="phase-decision-${decision}"]`).click();
  }

  /** Saves the phase form; returns once the saved entry shows (or, on errors, at once). */
  async savePhase(expect?: string): Promise<void> {
    await this.page.locator('#phase-submit').click();
    if (expect) await this.entry(expect).waitFor();
  }

  figureValue(key: string): Locator {
    return this.page.locator(`#pilot-figures-table tr[data-figure="${key}"] td`);
  }
}
