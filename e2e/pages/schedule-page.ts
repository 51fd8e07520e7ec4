import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

export type WeeklyPlan = { startsOn: string; endsOn: string; weekday: number; startsAt: string; endsAt: string; room: string; note: string };

/** The outreach calendar (/schedule), the plan form (/schedule/new), my sessions and the session editor. */
export class SchedulePages extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async openCalendar(query = ''): Promise<void> {
    await this.page.goto(`/schedule${query}`);
    await this.page.locator('#schedule-month').waitFor();
  }

  /** From the calendar, the "plan sessions" button. */
  async openPlanForm(): Promise<void> {
    await this.page.locator('main a[href^="/schedule/new"]').click();
    await this.page.waitForURL((url) => url.pathname === '/schedule/new');
    await this.page.locator('#plan-submit').waitFor();
  }

  async chooseRecurrence(value: 'one_off' | 'weekly' | 'monthly_nth'): Promise<void> {
    await this.page.locator(`label[for="plan-recurrence-${value}"]`).click();
  }

  /** Fills a weekly plan; dates as d.m.yyyy and times as 9.00, as a person types them. */
  async fillWeekly(plan: WeeklyPlan): Promise<void> {
    await this.chooseRecurrence('weekly');
    await this.page.locator('#plan-weekday').selectOption(String(plan.weekday));
    await this.page.locator('#plan-starts-on').fill(plan.startsOn);
    await this.page.locator('#plan-ends-on').fill(plan.endsOn);
    await this.page.locator('#plan-starts-at').fill(plan.startsAt);
    await this.page.locator('#plan-ends-at').fill(plan.endsAt);
    await this.page.locator('#plan-room').selectOption(plan.room);
    await this.page.locator('#plan-note').fill(plan.note);
  }

  summaryWords(): Locator {
    return this.page.locator('#plan-summary-words');
  }

  async submitPlan(): Promise<void> {
    await this.page.locator('#plan-submit').click();
  }

  /** Sessions shown in the calendar (day list on a phone, grid on a desktop). */
  sessionItems(): Locator {
    return this.page.locator('main .session-item');
  }

  sessionItem(sessionId: string): Locator {
    return this.page.locator(`main .session-item[data-session-id="${sessionId}"]`);
  }

  async openSessionEditor(sessionId: string): Promise<void> {
    await this.sessionItem(sessionId).locator('a').click();
    await this.page.waitForURL((url) => url.pathname === `/schedule/sessions/${sessionId}`);
    await this.page.locator('#session-save').waitFor();
  }

  async setHours(userId: string, hours: string): Promise<void> {
    await this.page.locator(`#hours-${userId}`).fill(hours);
    await this.page.locator('#session-save').click();
  }

  async toggleCancelled(): Promise<void> {
    await this.page.locator('#session-cancel-toggle').click();
  }

  /** The polite confirmation a page shows after saving. */
  confirmation(): Locator {
    return this.page.locator('main [role="status"]:not(.outbox-status):not(.loading)');
  }
}
