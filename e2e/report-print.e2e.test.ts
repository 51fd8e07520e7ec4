// The server of this file seeds the demo history: set before useSuite() starts it.
process.env.SILTA_DEMO_HISTORY = 'on';

import { describe, expect, it } from 'vitest';
import { helsinkiDay } from '../src/domain/calendar';
import type { Report, ReportTable } from '../src/domain/report';
import { quickPeriod } from '../src/web/reports/selection';
import { expectNoSeriousViolations } from './support/axe';
import { isPretendedDate } from './support/test-time';
import { desktop } from './support/browser';
import { signedIn } from './support/sign-in';
import { useSuite } from './support/suite';
import { ReportPage } from './pages/report';

const suite = useSuite();

// The demo month: the last whole month before the test's now (also at the pretended dates), which the
// demo history always fills — a fixed date relative to the clock the server and the browser share.
const month = quickPeriod('lastMonth', helsinkiDay(new Date()));

/** A statement's table with the answers 1–5 given, as the report sends it. */
const statement = (id: string, counts: number[]): ReportTable => {
  const n = counts.reduce((a, b) => a + b, 0);
  const agreeing = counts[3]! + counts[4]!;
  const mean = counts.reduce((sum, c, i) => sum + c * (i + 1), 0) / n;
  return {
    key: `feedback.item.${id}`,
    label: null,
    columns: [...['s1', 's2', 's3', 's4', 's5', 'n'].map((key) => ({ key, kind: 'count' as const, label: null })), { key: 'shareAgreeing', kind: 'percent' as const, label: null }, { key: 'mean', kind: 'mean' as const, label: null }],
    rows: [{ key: id, label: { fi: `Väite ${id}`, sv: `Påstående ${id}`, en: `Statement ${id}` }, cells: [...counts, n, (agreeing / n) * 100, mean].map((value) => ({ value, suppressed: false })) }],
    totals: null,
    hasRowTotals: true,
  };
};

// The charts' frames do not depend on the date: checked once, not again at each pretended date.
describe.skipIf(isPretendedDate())('the evaluation report\'s charts', () => {
  it('draws every chart inside its own frame, even at 0 %, 50 % and 100 % agreement', async () => {
    const { page, problems } = await signedIn(suite(), 'demo.coordinator', desktop);
    // Three statements added to the real report: nobody agreeing, half agreeing, everybody agreeing.
    await page.route('**/api/reports?*', async (route) => {
      const response = await route.fetch();
      const report = (await response.json()) as Report;
      const feedback = report.sections.find((s) => s.key === 'feedback')!;
      feedback.tables.unshift(statement('none', [6, 4, 0, 0, 0]), statement('half', [0, 5, 0, 5, 0]), statement('all', [0, 0, 0, 3, 7]));
      await route.fulfill({ response, json: report });
    });
    const r = new ReportPage(page);
    await r.open({ from: month.from, to: month.to, exact: 'true' });
    for (const id of ['none', 'half', 'all']) await r.block(`feedback.item.${id}`).locator('svg').first().waitFor();

    const escapes = await page.locator('main svg').evaluateAll((svgs) =>
      svgs.flatMap((svg) => {
        const view = (svg as SVGSVGElement).viewBox.baseVal;
        if (!view || view.width === 0) return [];
        const shapes = [...svg.querySelectorAll('rect, line, path, circle, polyline, polygon')] as SVGGraphicsElement[];
        return shapes.flatMap((shape) => {
          const box = shape.getBBox();
          const inside = box.x >= view.x - 0.5 && box.y >= view.y - 0.5 && box.x + box.width <= view.x + view.width + 0.5 && box.y + box.height <= view.y + view.height + 0.5;
          const block = svg.closest('[data-table-block]')?.getAttribute('data-table-block') ?? '?';
          return inside ? [] : [`${block} ${shape.tagName} ${box.x},${box.y} ${box.width}×${box.height} in ${view.width}×${view.height}`];
        });
      }),
    );
    expect(escapes).toEqual([]);
    const bars = await page.locator('main [data-table-block^="feedback.item."] svg rect.diverging__segment').count();
    expect(bars).toBeGreaterThanOrEqual(5);
    expect(problems).toEqual([]);
  }, 150_000);
});

describe('the evaluation report on paper', () => {
  it('prints the demo month on at most 8 A4 pages, axe-clean, with no column of any table cut', async () => {
    const { page, problems } = await signedIn(suite(), 'demo.coordinator', desktop);
    const r = new ReportPage(page);
    await r.open({ from: month.from, to: month.to });
    // A4 less the report's page margins (12 mm each side), in CSS pixels, in print media.
    await page.setViewportSize({ width: Math.floor(((210 - 24) / 25.4) * 96), height: 1000 });
    await page.emulateMedia({ media: 'print' });
    // No table is wider than its region on paper: a cut column would be lost.
    const cut = await page.locator('main table.report-table').evaluateAll((tables) =>
      tables.flatMap((table) => {
        const region = table.closest('.table-region') ?? table.parentElement!;
        return table.scrollWidth > region.clientWidth + 1 ? [`${table.getAttribute('data-table-key')} ${table.scrollWidth} > ${region.clientWidth}`] : [];
      }),
    );
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
    console.info(`the demo month ${month.from}…${month.to} prints on ${pages} A4 pages; wider than the paper: ${cut.length ? cut.join('; ') : 'none'}`);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    // Issue 16 item 11: at most 8 A4 pages, and no column cut.
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(8);
    expect(cut).toEqual([]);
    await expectNoSeriousViolations(page, 'report (print)');
    expect(problems).toEqual([]);
  }, 150_000);
});
