import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

export type SeriesForm = {
  name: string;
  description: string;
  targetGroup: string;
  room: string;
  facilitators: { role: string; organisation: string; isPeerWorker: boolean }[];
  weekday: number;
  startsAt: string;
  endsAt: string;
  startsOn: string;
  endsOn: string;
  themes: string[];
};

/** The groups list (/groups), the series form, a series' page and a session's attendance page. */
export class GroupsPages extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async openList(): Promise<void> {
    await this.page.goto('/groups');
    await this.heading().waitFor();
    await this.page.locator('main table, main a[href^="/groups/new"]').first().waitFor();
  }

  async openCreateForm(): Promise<void> {
    await this.page.locator('main a[href^="/groups/new"]').click();
    await this.page.waitForURL((url) => url.pathname === '/groups/new');
    await this.page.locator('#series-submit').waitFor();
  }

  /** Fills the series form as a person types: dates d.m.yyyy, times 12.00, themes one per line. */
  async fillSeries(form: SeriesForm): Promise<void> {
    await this.page.locator('#series-name').fill(form.name);
    await this.page.locator('#series-description').fill(form.description);
    await this.page.locator('#series-target-group').fill(form.targetGroup);
    await this.page.locator('#series-room').fill(form.room);
    for (const [i, f] of form.facilitators.entries()) {
      await this.page.locator('#facilitator-add').click();
      const rows = this.page.locator('main fieldset.facilitator-row');
      const row = rows.nth(i);
      await row.locator('input[id^="facilitator-role-"]').fill(f.role);
      await row.locator('input[id^="facilitator-organisation-"]').fill(f.organisation);
      if (f.isPeerWorker) await row.locator('label[for^="facilitator-peer-"]').click();
    }
    await this.page.locator('#series-weekday').selectOption(String(form.weekday));
    await this.page.locator('#series-starts-at').fill(form.startsAt);
    await this.page.locator('#series-ends-at').fill(form.endsAt);
    await this.page.locator('#series-starts-on').fill(form.startsOn);
    await this.page.locator('#series-ends-on').fill(form.endsOn);
    await this.page.locator('#series-themes').fill(form.themes.join('\n'));
  }

  async submitSeries(): Promise<void> {
    await this.page.locator('#series-submit').click();
  }

  errorSummary(): Locator {
    return this.page.locator('main .fi-error-summary');
  }

  async openSeries(seriesId: string): Promise<void> {
    await this.page.goto(`/groups/${seriesId}`);
    await this.page.locator('#series-figures').waitFor();
  }

  /** A session's row in the sessions table. */
  sessionRow(sessionId: string): Locator {
    return this.page.locator('main section[aria-labelledby="series-sessions"] tr', { has: this.page.locator(`[data-session-id="${sessionId}"]`) });
  }

  async sessionFigures(sessionId: string): Promise<string[]> {
    const row = this.sessionRow(sessionId);
    return Promise.all(['total', 'returning', 'new'].map(async (key) => (await row.locator(`[data-figure="${key}"]`).innerText()).trim()));
  }

  recordLinks(): Locator {
    return this.page.locator('main a[href*="/attendance"]');
  }

  async openAttendanceFromSeries(sessionId: string): Promise<void> {
    await this.sessionRow(sessionId).locator(`a[href^="/groups/sessions/${sessionId}/attendance"]`).click();
    await this.page.waitForURL((url) => url.pathname === `/groups/sessions/${sessionId}/attendance`);
    await this.page.locator('#attendance-save').waitFor();
  }

  async setCounter(field: 'total' | 'returning' | 'new', value: string): Promise<void> {
    await this.page.locator(`#counter-${field}`).fill(value);
  }

  async tapCounter(field: 'total' | 'returning' | 'new', sign: 'plus' | 'minus', times: number): Promise<void> {
    for (let i = 0; i < times; i += 1) await this.page.locator(`#counter-${field}-${sign}`).click();
  }

  async addCode(typed: string): Promise<void> {
    await this.page.locator('#roster-code').fill(typed);
    await this.page.locator('#roster-add').click();
  }

  rosterCodes(): Locator {
    return this.page.locator('#roster-list li');
  }

  async saveAttendance(): Promise<void> {
    await this.page.locator('#attendance-save').click();
  }

  /** The polite confirmation a page shows after saving. */
  confirmation(): Locator {
    return this.page.locator('main [role="status"]:not(.loading):not(.visually-hidden)');
  }

  statistic(name: 'recorded' | 'mean' | 'max' | 'min' | 'repeat' | 'repeat-parts' | 'distinct'): Locator {
    return this.page.locator(`#series-figures [data-stat="${name}"]`);
  }

  async openSessionEditor(sessionId: string): Promise<void> {
    await this.page.locator(`#session-edit-${sessionId}`).click();
    await this.page.locator('#session-editor-heading').waitFor();
  }
}
