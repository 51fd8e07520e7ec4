// Client work's clocks on the home page (issue 18 item 3): the worker sees their own clients with a step
// overdue or due soon, linked to the client and naming the clock; the coordinator sees counts per clock,
// no names. The demo seeds a client whose local 7-day clock ran out two days ago (Mikko Korhonen).
import { describe, expect, it } from 'vitest';
import type { DueCounts, DueList } from '../src/domain/clients/schemas';
import { expectNoSeriousViolations } from './support/axe';
import { desktop } from './support/browser';
import { signedIn } from './support/sign-in';
import { useSuite } from './support/suite';

const suite = useSuite();

describe("clients' deadlines on the home page", () => {
  it("lists the worker's overdue client with a link to the client and the clock it is counted by", async () => {
    const { page } = await signedIn(suite(), 'demo.socialworker', desktop);
    const due = (await (await page.request.get('/api/clients/due')).json()) as DueList;
    const overdue = due.items.filter((i) => i.deadline.status === 'overdue');
    expect(overdue.map((i) => [i.name, i.deadline.clockKey])).toEqual([['Mikko Korhonen', 'local_assessment_start']]);
    await page.goto('/');
    const section = page.locator('section[aria-labelledby="home-due-clients"]');
    await section.getByRole('heading', { name: 'Asiakkaiden määräajat', level: 2 }).waitFor();
    await section.getByRole('heading', { name: 'Myöhässä (1)', level: 3 }).waitFor();
    const link = section.getByRole('link', { name: 'Mikko Korhonen' });
    expect(await link.getAttribute('href')).toBe(`/clients/${overdue[0]!.clientId}`);
    const entry = section.locator(`li[data-client="${overdue[0]!.clientId}"]`);
    expect(await entry.textContent()).toContain('Paikallinen palvelutaso: palvelutarpeen arvioinnin aloitus, 7 kalenteripäivää yhteydenotosta');
    await expectNoSeriousViolations(page, "worker's home with due clients");
  }, 120_000);

  it("shows the coordinator the counts per clock, saying which is statutory and which local, and no client's name", async () => {
    const { page } = await signedIn(suite(), 'demo.coordinator', desktop);
    const counts = (await (await page.request.get('/api/clients/due-counts')).json()) as DueCounts;
    const local = counts.totals.find((c) => c.clockKey === 'local_assessment_start')!;
    await page.goto('/');
    const section = page.locator('section[aria-labelledby="home-due-counts"]');
    await section.getByRole('heading', { name: 'Asiakkaiden määräajat toimipaikoittain', level: 2 }).waitFor();
    const row = section.locator('table.due-counts__totals tr[data-clock="local_assessment_start"]');
    expect((await row.locator('th').textContent())?.startsWith('Paikallinen palvelutaso:')).toBe(true);
    expect(await row.locator('td').allTextContents()).toEqual([String(local.overdue), String(local.dueSoon)]);
    expect(local.overdue).toBeGreaterThanOrEqual(1);
    expect((await section.locator('table.due-counts__totals tr[data-clock="shl36_assessment_start"] th').textContent())?.startsWith('Lakisääteinen:')).toBe(true);
    expect(await section.textContent()).not.toContain('Mikko');
    await expectNoSeriousViolations(page, "coordinator's home with due counts");
  }, 120_000);
});
