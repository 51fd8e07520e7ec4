// The report says up to when its figures are complete (issue 16 item 10): reads never wait for the
// rollup fold, so the page states the fold's time in Helsinki.
import { describe, expect, it } from 'vitest';
import { helsinkiDay } from '../src/domain/calendar';
import type { Report } from '../src/domain/report';
import { quickPeriod } from '../src/web/reports/selection';
import { desktop } from './support/browser';
import { signedIn } from './support/sign-in';
import { useSuite } from './support/suite';
import { ReportPage } from './pages/report';

const suite = useSuite();
const period = quickPeriod('last3Months', helsinkiDay(new Date()));

describe('report freshness', () => {
  it('states the time the figures are complete up to, as the API gives it', async () => {
    const { page } = await signedIn(suite(), 'demo.coordinator', desktop);
    const response = await page.request.get(`/api/reports?from=${period.from}&to=${period.to}`);
    expect(response.status()).toBe(200);
    const asOf = ((await response.json()) as Report).figuresAsOf;
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await new ReportPage(page).open({ from: period.from, to: period.to });
    const line = page.locator('#report-freshness');
    await line.waitFor();
    // Minutes since Helsinki midnight, so that 9.59 and 10.00 compare as times, not as text.
    const minutesOf = (clock: string) => Number(clock.split('.')[0]) * 60 + Number(clock.split('.')[1]);
    const time = new Intl.DateTimeFormat('fi', { hour: 'numeric', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Helsinki' });
    // The page's own report was folded at or after the API's; both within the same minute or the next.
    const text = await line.textContent();
    expect(text).toMatch(/^Luvut sisältävät \d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2} mennessä tallennetut tiedot\.$/);
    const shown = /klo (\d{1,2}\.\d{2})/.exec(text!)![1]!;
    const earliest = time.format(new Date(asOf!));
    expect(minutesOf(shown) >= minutesOf(earliest) || earliest === '23.59').toBe(true);
  }, 120_000);
});
