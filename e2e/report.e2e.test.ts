// The server of this file seeds the demo history (three months of encounters, referrals, day logs,
// an open group and feedback): set before useSuite() starts it.
process.env.SILTA_DEMO_HISTORY = 'on';

import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { helsinkiDay } from '../src/domain/calendar';
import type { Report } from '../src/domain/report';
import type { Comparison } from '../src/domain/report-comparison';
import { comparisonPath, quickPeriod, selectionFromSearch } from '../src/web/reports/selection';
import { expectNoSeriousViolations } from './support/axe';
import { desktop, phone } from './support/browser';
import { screenshot } from './support/screenshots';
import { signedIn } from './support/sign-in';
import { useSuite } from './support/suite';
import { ReportPage } from './pages/report';

const suite = useSuite();

const period = quickPeriod('last3Months', helsinkiDay(new Date()));
const query = { from: period.from, to: period.to };
/** A4 less the report's page margins (12 mm each side), in CSS pixels. */
const a4ContentWidth = Math.floor(((210 - 24) / 25.4) * 96);

const allCells = (report: Report) =>
  report.sections.flatMap((s) => s.tables.flatMap((t) => [...t.rows.flatMap((r) => r.cells), ...(t.totals ?? [])]));

/** Reads a zip (stored or deflated entries) through its central directory. */
function unzip(bytes: Buffer): Map<string, string> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i += 1) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/** A CSV line split at `separator`, honouring quotes. */
function csvFields(line: string, separator: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

// axe over a report of some 3 500 elements can take half a minute on a busy test machine, hence the longer timeouts.
describe('evaluation report', () => {
  it('shows every section with charts and tables, hides small numbers, exports CSV and XLSX and prints on A4', async () => {
    const { page, problems } = await signedIn(suite(), 'demo.coordinator', desktop);
    const apiReport = await page.request.get(`/api/reports?from=${period.from}&to=${period.to}`);
    expect(apiReport.status()).toBe(200);
    const report = (await apiReport.json()) as Report;
    expect(report.isSuppressed).toBe(true);
    const r = new ReportPage(page);
    await r.open(query);
    expect(await r.headingText()).toBe('Arviointiraportti');

    // Every section of the report is there, each table with its own table element; every section
    // with figures but the overview (key figures, not a chart) and the pilot (texts) has a chart.
    const withTables = report.sections.filter((s) => s.tables.length > 0);
    expect(withTables.length).toBeGreaterThanOrEqual(9);
    for (const section of report.sections) {
      const element = r.section(section.key);
      await expect.poll(() => element.count(), { message: section.key }).toBe(1);
      for (const table of section.tables) expect(await r.table(table.key).count(), table.key).toBe(1);
      if (section.tables.length > 0 && section.key !== 'overview') {
        const charts = await element.locator('svg[role="img"], p.report-window').count();
        expect(charts, `chart in ${section.key}`).toBeGreaterThan(0);
      }
    }
    // Per profession (issue 16): breakdown tables with a row per profession, and joint meetings by who met together.
    const firstWith = await r.tableRows('visits.firstWithProfessional');
    expect(firstWith.map((row) => row[0])).toEqual(expect.arrayContaining(['Sairaanhoitaja', 'Sosiaalityöntekijä']));
    expect(await r.block('visits.firstWithProfessional').locator('h3').innerText()).toContain('ammateittain');
    expect((await r.tableRows('professionals.jointMeetings')).map((row) => row[0])).toContain('Sairaanhoitaja+Sosiaalityöntekijä');
    // the published view names no professional
    expect(await r.table('professionals.perProfessional').count()).toBe(0);
    expect(await r.section('timing').locator('svg[role="img"]').count()).toBeGreaterThan(0);
    expect(await r.section('timing').locator('p.report-window').innerText()).toMatch(/kohtaamisista oli kello \d+–\d+|Ehdotettu vastaanottoaika on kello \d+–\d+: lyhin aika|Vastaanottoaikaa ei voi ehdottaa/);

    // Hidden figures: as many hidden cells on the page as in the report, each with the mark of its
    // reason ("<5" only for a small count), one note, and a legend of the marks that occur.
    const suppressed = allCells(report).filter((c) => c.suppressed);
    expect(suppressed.length).toBeGreaterThan(0);
    expect(await r.suppressedCells().count()).toBe(suppressed.length);
    const marks: Record<string, string> = { small: `<${report.threshold}`, complementary: '•', linked: '*', derived: '..' };
    const shownMarks = await r.suppressedCells().evaluateAll((cells) => cells.map((c) => [c.getAttribute('data-reason'), c.textContent]));
    for (const [reason, text] of shownMarks) expect(text, String(reason)).toBe(marks[String(reason)]);
    expect(new Set(shownMarks.map(([reason]) => reason))).toEqual(new Set(suppressed.map((c) => c.reason)));
    expect(await page.locator('#report-suppression-note').innerText()).toContain(`alle ${report.threshold}`);
    const legend = await page.locator('#report-legend').innerText();
    for (const reason of new Set(suppressed.map((c) => c.reason!))) expect(legend).toContain(marks[reason]);
    await expectNoSeriousViolations(page, 'report (desktop)');
    await screenshot(page, 'report-desktop');

    // CSV of a table of counts: BOM, semicolons, and the same rows as the table on the page.
    const countTable = report.sections.flatMap((s) => s.tables).find((t) => t.rows.length > 1 && t.columns.every((c) => c.kind === 'count') && t.rows.some((row) => row.cells.some((c) => c.suppressed)))
      ?? report.sections.flatMap((s) => s.tables).find((t) => t.rows.length > 1 && t.columns.every((c) => c.kind === 'count'))!;
    const csvDownload = await r.downloadCsv(countTable.key);
    expect(csvDownload.suggestedFilename()).toBe(`${countTable.key}_${period.from}_${period.to}.csv`);
    const csv = await readFile((await csvDownload.path()), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n').filter((l) => l !== '');
    const pageRows = await r.tableRows(countTable.key);
    expect(lines.slice(1, 1 + pageRows.length).map((l) => csvFields(l, ';').map((f) => f.replace(/\s/g, '')))).toEqual(pageRows);
    // After the table, a legend line per mark that occurs in it.
    const tableReasons = new Set([...countTable.rows.flatMap((row) => row.cells), ...(countTable.totals ?? [])].flatMap((c) => (c.suppressed ? [c.reason!] : [])));
    expect(lines.slice(1 + pageRows.length).map((l) => csvFields(l, ';')[0])).toEqual(['small', 'complementary', 'linked', 'derived'].filter((k) => tableReasons.has(k as never)).map((k) => marks[k]));

    // The workbook: a sheet per table plus the cover sheet, and a sheet carries the figures.
    const xlsxDownload = await r.downloadWorkbook();
    expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const files = unzip(await readFile((await xlsxDownload.path())));
    const tableCount = report.sections.reduce((n, s) => n + s.tables.length, 0);
    const types = files.get('[Content_Types].xml')!;
    expect(types).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml');
    expect(types.match(/worksheets\/sheet\d+\.xml/g)).toHaveLength(tableCount + 1);
    const workbookXml = files.get('xl/workbook.xml')!;
    const sheetNames = [...workbookXml.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]!);
    expect(sheetNames.every((n) => n.length <= 31)).toBe(true);
    expect(new Set(sheetNames.map((n) => n.toLowerCase())).size).toBe(sheetNames.length);
    const sheetIndex = report.sections.flatMap((s) => s.tables).findIndex((t) => t.key === countTable.key) + 2;
    const sheet = files.get(`xl/worksheets/sheet${sheetIndex}.xml`)!;
    expect(sheet).toContain(`<t xml:space="preserve">${await r.block(countTable.key).locator('h3').innerText()}</t>`);
    for (const cell of countTable.rows[0]!.cells) expect(sheet).toContain(cell.suppressed ? marks[cell.reason!]!.replace('<', '&lt;') : `<v>${cell.value}</v>`);

    // Paper: at A4 content width in print media every chart fits, and the PDF is made.
    await page.setViewportSize({ width: a4ContentWidth, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form.report-form').isVisible()).toBe(false);
    expect(await page.locator('button.report-csv').first().isVisible()).toBe(false);
    const boxes = await page.locator('main svg[role="img"]').evaluateAll((svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const scroller = svg.closest('.report-chart__scroll');
        return { left: box.left, right: box.right, clipped: scroller ? scroller.scrollWidth > scroller.clientWidth + 1 : false };
      }),
    );
    expect(boxes.length).toBeGreaterThan(5);
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(a4ContentWidth + 1);
      expect(box.clipped).toBe(false);
    }
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(desktop);
    expect(problems).toEqual([]);
  }, 150_000);

  it('lets a coordinator switch to the exact figures, with a warning, and compare two periods', async () => {
    const { page, problems } = await signedIn(suite(), 'demo.coordinator', desktop);
    const r = new ReportPage(page);
    await r.open(query);
    expect(await r.exactBanner().count()).toBe(0);
    expect(await r.suppressedCells().count()).toBeGreaterThan(0);
    await r.exactToggle().click();
    await page.waitForURL((url) => url.searchParams.get('exact') === 'true');
    await r.exactBanner().waitFor();
    expect(await r.exactBanner().innerText()).toContain('Älä julkaise');
    await page.locator('main .report[data-exact="true"] section.report-section').first().waitFor();
    expect(await r.suppressedCells().count()).toBe(0);
    const exact = (await (await page.request.get(`/api/reports?from=${period.from}&to=${period.to}&exact=true`)).json()) as Report;
    expect(exact.isSuppressed).toBe(false);
    await expectNoSeriousViolations(page, 'report, exact view (desktop)');

    // Comparing with the previous period, in columns: one table per report table, the row labels once
    // and a column group per period, each cell with the figure or mark of the published comparison
    // (both sides from one request and one suppression pass).
    await r.open({ ...query, compare: 'period' });
    const compared = selectionFromSearch(new URLSearchParams({ ...query, compare: 'period' }), helsinkiDay(new Date()));
    const comparison = (await (await page.request.get(comparisonPath(compared))).json()) as Comparison;
    expect(comparison.sides.every((side) => side.isSuppressed)).toBe(true);
    const marks: Record<string, string> = { small: `<${comparison.sides[0]!.threshold}`, complementary: '•', linked: '*', derived: '..' };
    const block = r.block('ageBands.counts');
    expect(await block.locator('.report-panel__label').allInnerTexts()).toEqual([expect.stringMatching(/^1: /), expect.stringMatching(/^2: /)]);
    expect(await block.locator('table').count()).toBe(1);
    const table = block.locator('table[data-compared="true"]');
    expect(await table.locator('thead th[scope="colgroup"]').allInnerTexts()).toEqual([expect.stringMatching(/^1: /), expect.stringMatching(/^2: /)]);
    const shown = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({
        label: row.querySelector('th')!.textContent,
        cells: [...row.querySelectorAll('td')].map((td) => [td.getAttribute('data-variant'), td.getAttribute('data-state'), (td.textContent ?? '').replace(/[\s\u00a0\u202f]/g, '')]),
      })),
    );
    const sideTable = (i: number) => comparison.sides[i]!.sections.flatMap((sec) => sec.tables).find((t) => t.key === 'ageBands.counts')!;
    const columns = sideTable(0).columns.length;
    expect(shown.length).toBe(sideTable(0).rows.length + (sideTable(0).totals ? 1 : 0));
    for (const [r0, row] of shown.entries()) {
      expect(row.cells.map(([variant]) => variant)).toEqual([...Array<string>(columns).fill('1'), ...Array<string>(columns).fill('2')]);
      for (const side of [0, 1]) {
        const source = r0 < sideTable(side).rows.length ? sideTable(side).rows[r0]!.cells : sideTable(side).totals!;
        source.forEach((cell, c) => {
          const [, state, text] = row.cells[side * columns + c]!;
          if (cell.suppressed) expect([state, text], `${row.label} side ${side + 1} column ${c}`).toEqual(['suppressed', marks[cell.reason!]]);
          else expect(state, `${row.label} side ${side + 1} column ${c}`).not.toBe('suppressed');
        });
      }
    }
    // A grid too wide for columns side by side is split into a table per side, each with its row labels.
    expect(await r.block('timing.heatmap').locator('table').count()).toBe(2);
    await expectNoSeriousViolations(page, 'report, comparison in columns (desktop)');

    // On paper the comparison's tables fit: none is wider than its region.
    await page.setViewportSize({ width: a4ContentWidth, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const cut = await page.locator('main table.report-table').evaluateAll((tables) =>
      tables.flatMap((t) => (t.scrollWidth > t.closest('.table-region')!.clientWidth + 1 ? [t.getAttribute('data-table-key')] : [])),
    );
    expect(cut).toEqual([]);
    await page.emulateMedia({ media: 'screen' });
    expect(problems).toEqual([]);
  }, 150_000);

  it('is usable on a phone', async () => {
    const { page, problems } = await signedIn(suite(), 'demo.coordinator', phone);
    const r = new ReportPage(page);
    await r.open(query);
    // Nothing pushes the page sideways: wide tables and charts scroll inside their own regions.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await page.locator('#report-quick-lastMonth').click();
    await page.locator('#report-apply').click();
    await page.waitForURL((url) => url.searchParams.get('from') !== period.from);
    await page.locator(`main .report-summary dd:not(:has-text("${Number(period.from.slice(8))}.${Number(period.from.slice(5, 7))}."))`).first().waitFor();
    await r.sections().first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    for (const button of await page.locator('main button.report-button').all()) {
      if (await button.isVisible()) expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    await expectNoSeriousViolations(page, 'report (phone)');
    await screenshot(page, 'report-phone');

    // A comparison in columns scrolls sideways inside its table's region, not the page.
    await r.open({ ...query, compare: 'period' });
    await r.block('ageBands.counts').locator('table[data-compared="true"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    expect(await r.block('ageBands.counts').locator('.table-region[tabindex="0"]').getAttribute('aria-labelledby')).not.toBeNull();
    expect(problems).toEqual([]);
  }, 120_000);
});
