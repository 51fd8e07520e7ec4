import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Report, ReportTable } from '../../domain/report';
import { fileName, reasonsIn, tableCsv, tableSheetRows } from './exports';
import { cellText, formatDay, formatFigure, weekdayName } from './format';
import { legendLines } from './hidden-legend';
import { hasSuppressedCells, type Labels, tableBase, tableModel } from './table-model';
import { columnName, sheetNames, sheetXml, workbook, workbookFiles } from './xlsx';

// ---- fixtures: hand-made tables in the shape of the contract ----
const v = (value: number) => ({ value, suppressed: false });
const hidden = { value: null, suppressed: true, reason: 'small' as const };
const complementary = { value: null, suppressed: true, reason: 'complementary' as const };
const derived = { value: null, suppressed: true, reason: 'derived' as const };
const missing = { value: null, suppressed: false };
const label = (fi: string, sv: string, en: string) => ({ fi, sv, en });

const referrals: ReportTable = {
  key: 'referrals.byServiceAndStatus',
  columns: [
    ...['suggested', 'booked', 'realised', 'not_realised', 'unknown'].map((key) => ({ key, kind: 'count' as const, label: null })),
    { key: 'total', kind: 'count', label: null },
  ],
  rows: [
    { key: 'svc-1', label: label('Terveysasema', 'Hälsostation', 'Health station'), cells: [v(12), hidden, v(1234), complementary, v(0), v(1260)] },
    { key: 'svc-2', label: label('Kela', 'FPA', 'Kela'), cells: [hidden, hidden, hidden, missing, v(0), hidden] },
  ],
  totals: [v(14), v(6), v(1236), hidden, v(0), v(1262)],
  hasRowTotals: true,
};

const ageBands: ReportTable = {
  key: 'ageBands.counts',
  columns: [
    { key: 'count', kind: 'count', label: null },
    { key: 'percent', kind: 'percent', label: null },
  ],
  rows: [
    { key: '18_29', label: null, cells: [v(20), v(40.04)] },
    { key: '30_50', label: null, cells: [v(30), v(59.96)] },
    { key: 'over_80', label: null, cells: [hidden, derived] },
  ],
  totals: [v(50), v(100)],
  hasRowTotals: false,
};

const daylog: ReportTable = {
  key: 'daylog.days',
  columns: [
    { key: 'visitors', kind: 'measure', label: null },
    { key: 'sessionDay', kind: 'measure', label: null },
  ],
  rows: [
    { key: '2025-03-05', label: null, cells: [v(31), v(1)] },
    { key: '2025-W11', label: null, cells: [v(2.5), v(0)] },
  ],
  totals: null,
  hasRowTotals: false,
};

const series: ReportTable = {
  key: 'groups.series.0f1e2d3c-0000-4000-8000-000000000001',
  columns: ['total', 'returning', 'new'].map((key) => ({ key, kind: 'count' as const, label: null })),
  rows: [{ key: '2025-03-04', label: null, cells: [v(8), hidden, hidden] }],
  totals: null,
  hasRowTotals: false,
};

const report: Report = {
  query: { siteIds: [], from: '2025-01-01', to: '2025-03-31', pilotId: null, sessionKind: null, windowShare: 80 },
  sites: [{ id: 'a', name: 'Päiväkeskus' }],
  isSuppressed: true,
  threshold: 5,
  canSeeExact: true,
  generatedAt: '2025-04-01T08:00:00Z',
  sections: [
    { key: 'referrals', tables: [referrals], texts: [] },
    { key: 'ageBands', tables: [ageBands], texts: [] },
    {
      key: 'groups',
      tables: [
        {
          key: 'groups.summary',
          columns: [{ key: 'sessions', kind: 'measure', label: null }],
          rows: [{ key: '0f1e2d3c-0000-4000-8000-000000000001', label: label('Porinapiiri', 'Pratcirkel', 'Chat circle'), cells: [v(8)] }],
          totals: null,
          hasRowTotals: false,
        },
        series,
      ],
      texts: [],
    },
  ],
};

/** A stand-in for i18next: a few known keys, null for the rest, options filled in. */
const known: Record<string, string> = {
  'report.tables.referrals.byServiceAndStatus': 'Ohjaukset palveluittain',
  'report.tables.groups.series': 'Osallistujat kerroittain: {{name}}',
  'report.columns.suggested': 'Ehdotettu',
  'report.columns.total': 'Yhteensä',
  'report.columns.percent': 'Osuus',
  'report.rowHeaders.referrals.byServiceAndStatus': 'Palvelu',
  'report.rowHeaders.default': 'Kohta',
  'report.total': 'Yhteensä',
  'report.week': 'viikko {{week}}/{{year}}',
  'report.yes': 'kyllä',
  'report.no': 'ei',
  'enums.ageBand.18_29': '18–29',
  'enums.ageBand.30_50': '30–50',
  'enums.profession.nurse': 'Sairaanhoitaja',
  'enums.profession.social_worker': 'Sosiaalityöntekijä',
};
const labels = (locale: 'fi' | 'sv' | 'en'): Labels => ({
  locale,
  translate: (key, options) => {
    const text = known[key];
    if (text === undefined) return null;
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String((options?.[name] as string | number | undefined) ?? ''));
  },
});

describe('formatting figures', () => {
  it('groups thousands, shows percents with the locale’s sign and means with one decimal', () => {
    expect(formatFigure(1234, 'count', 'fi')).toBe('1\u00a0234');
    expect(formatFigure(1234, 'count', 'en')).toBe('1,234');
    expect(formatFigure(40.04, 'percent', 'fi')).toBe('40\u00a0%');
    expect(formatFigure(12.5, 'percent', 'en')).toBe('12.5%');
    expect(formatFigure(4, 'mean', 'sv')).toBe('4,0');
    expect(formatFigure(3.25, 'measure', 'fi')).toBe('3,3');
  });

  it('shows "<threshold" only for a small count, its own mark for each other reason, and a dash for a missing one', () => {
    expect(cellText(hidden, 'count', 'fi', 5)).toEqual({ text: '<5', state: 'suppressed', value: null, reason: 'small' });
    expect(cellText(missing, 'count', 'fi', 5)).toEqual({ text: '–', state: 'missing', value: null });
    expect(cellText(undefined, 'count', 'fi', 7).text).toBe('–');
    expect(cellText(hidden, 'count', 'en', 7).text).toBe('<7');
    expect(cellText(complementary, 'count', 'fi', 5).text).toBe('•');
    expect(cellText({ value: null, suppressed: true, reason: 'linked' }, 'count', 'fi', 5).text).toBe('*');
    expect(cellText(derived, 'percent', 'fi', 5).text).toBe('..');
    // A hidden cell that does not say why is never passed off as a small count.
    expect(cellText({ value: null, suppressed: true }, 'count', 'fi', 5)).toEqual({ text: '•', state: 'suppressed', value: null, reason: 'complementary' });
  });

  it('names days and weekdays in the reader’s language', () => {
    expect(formatDay('2025-03-05', 'fi')).toBe('5.3.2025');
    expect(formatDay('2025-03-05', 'en')).toBe('5 Mar 2025');
    expect(weekdayName(1, 'fi')).toBe('maanantai');
    expect(weekdayName(7, 'en')).toBe('Sunday');
    expect(weekdayName(3, 'sv')).toBe('onsdag');
  });
});

describe('table model', () => {
  it('names the table, its columns and its rows, and keeps hidden figures hidden', () => {
    const model = tableModel(referrals, report, 5, labels('fi'));
    expect(model.title).toBe('Ohjaukset palveluittain');
    expect(model.rowHeader).toBe('Palvelu');
    expect(model.columns.map((c) => c.label)).toEqual(['Ehdotettu', 'booked', 'realised', 'not_realised', 'unknown', 'Yhteensä']);
    expect(model.rows.map((r) => r.label)).toEqual(['Terveysasema', 'Kela']);
    expect(model.rows[0]!.cells.map((c) => c.text)).toEqual(['12', '<5', '1\u00a0234', '•', '0', '1\u00a0260']);
    expect(model.rows[1]!.cells.map((c) => c.state)).toEqual(['suppressed', 'suppressed', 'suppressed', 'missing', 'value', 'suppressed']);
    expect(model.totals?.label).toBe('Yhteensä');
    expect(model.hasRowTotals).toBe(true);
    expect(tableModel(referrals, report, 5, labels('sv')).rows[1]!.label).toBe('FPA');
  });

  it('translates known codes and falls back to the key', () => {
    const model = tableModel(ageBands, report, 5, labels('fi'));
    expect(model.rows.map((r) => r.label)).toEqual(['18–29', '30–50', 'over_80']);
    expect(model.rowHeader).toBe('Kohta');
    expect(model.rows[0]!.cells[1]!.text).toBe('40\u00a0%');
  });

  it('names days, weeks and session-day flags', () => {
    const model = tableModel(daylog, report, 5, labels('fi'));
    expect(model.rows.map((r) => r.label)).toEqual(['5.3.2025', 'viikko 11/2025']);
    expect(model.rows.map((r) => r.cells[1]!.text)).toEqual(['kyllä', 'ei']);
    expect(model.rows[0]!.cells[1]!.isText).toBe(true);
  });

  it('names a group series from the summary table and a per-item table by its base', () => {
    expect(tableBase(series.key)).toBe('groups.series');
    expect(tableBase('feedback.item.abc')).toBe('feedback.item');
    expect(tableBase('feedback.recommendation')).toBe('feedback.recommendation');
    expect(tableModel(series, report, 5, labels('fi')).title).toBe('Osallistujat kerroittain: Porinapiiri');
  });

  it('names professions as rows and columns, who met together, and each professional with their profession', () => {
    const count = (key: string) => ({ key, kind: 'count' as const, label: null });
    const byProfession: ReportTable = { key: 'visits.urgencyByProfession', columns: [count('urgent'), count('total')], rows: [{ key: 'nurse', label: null, cells: [v(3), v(9)] }], totals: null, hasRowTotals: true };
    expect(tableModel(byProfession, report, 5, labels('fi')).rows.map((r) => r.label)).toEqual(['Sairaanhoitaja']);
    const joint: ReportTable = { key: 'professionals.jointMeetings', columns: [count('meetings')], rows: [{ key: 'nurse+social_worker', label: null, cells: [v(8)] }, { key: 'nurse+ghost', label: null, cells: [v(1)] }], totals: null, hasRowTotals: false };
    expect(tableModel(joint, report, 5, labels('fi')).rows.map((r) => r.label)).toEqual(['Sairaanhoitaja + Sosiaalityöntekijä', 'nurse+ghost']);
    const codes: ReportTable = { key: 'needsSupport.byProfession.needs.health', columns: [count('nurse'), count('social_worker')], rows: [], totals: null, hasRowTotals: false };
    expect(tableModel(codes, report, 5, labels('fi')).columns.map((c) => c.label)).toEqual(['Sairaanhoitaja', 'Sosiaalityöntekijä']);
    const people: ReportTable = { key: 'professionals.perProfessional', columns: [count('contacts')], rows: [{ key: 'nurse:u1', label: label('Anna', 'Anna', 'Anna'), cells: [v(3)] }], totals: null, hasRowTotals: false };
    expect(tableModel(people, report, 5, labels('fi')).rows[0]!.label).toBe('Anna (Sairaanhoitaja)');
  });

  it('knows when a report hides any figure', () => {
    expect(hasSuppressedCells(report)).toBe(true);
    expect(hasSuppressedCells({ ...report, sections: [{ key: 'daylog', tables: [daylog], texts: [] }] })).toBe(false);
  });
});

describe('CSV export', () => {
  it('writes a BOM, semicolons and decimal commas in Finnish, keeps the marks and adds a total row', () => {
    const csv = tableCsv(tableModel(ageBands, report, 5, labels('fi')), 'fi');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['Kohta;count;Osuus (%)', '18–29;20;40,0', '30–50;30;60,0', 'over_80;<5;..', 'Yhteensä;50;100,0', '']);
  });

  it('explains the marks of the table in legend lines after it', () => {
    const model = tableModel(ageBands, report, 5, labels('fi'));
    expect(reasonsIn([model])).toEqual(['small', 'derived']);
    const legend = legendLines(reasonsIn([model]), 5, (key, options) => `${key} ${String(options?.threshold)}-${String(options?.max)}`);
    const lines = tableCsv(model, 'fi', legend).slice(1).split('\r\n');
    expect(lines.slice(-4)).toEqual(['', '<5;report.hidden.small 5-4', '..;report.hidden.derived 5-4', '']);
    const sheet = tableSheetRows(model, legend).rows;
    expect(sheet.slice(-3)).toEqual([[], ['<5', 'report.hidden.small 5-4'], ['..', 'report.hidden.derived 5-4']]);
  });

  it('uses commas and decimal points in English and quotes fields that need it', () => {
    const table: ReportTable = {
      key: 'feedback.recommendation',
      columns: [{ key: 'mean', kind: 'mean', label: null }],
      rows: [{ key: 'x', label: label('a', 'a', 'Helpful, "really"'), cells: [v(7.25)] }],
      totals: null,
      hasRowTotals: false,
    };
    expect(tableCsv(tableModel(table, report, 5, labels('en')), 'en').slice(1)).toBe('Kohta,mean\r\n"Helpful, ""really""",7.3\r\n');
  });

  it('guards text a spreadsheet would run as a formula', () => {
    const evil: ReportTable = { ...ageBands, rows: [{ key: 'e', label: label('=1+1', '=1+1', '=1+1'), cells: [v(1), v(1)] }], totals: null };
    expect(tableCsv(tableModel(evil, report, 5, labels('fi')), 'fi').split('\r\n')[1]).toBe("'=1+1;1;1,0");
  });

  it('names files in ascii', () => {
    expect(fileName('referrals.byServiceAndStatus', '2025-01-01', '2025-03-31', 'csv')).toBe('referrals.byServiceAndStatus_2025-01-01_2025-03-31.csv');
  });
});

describe('workbook', () => {
  it('names sheets within 31 characters, without forbidden characters, uniquely', () => {
    const names = sheetNames([
      'Ohjaukset palveluittain ja tilan mukaan',
      'Ohjaukset palveluittain ja tilan mukaan',
      'Ohjaukset palveluittain ja tilan mukaan',
      'a/b: c?[d]*',
      "'quoted'",
      'History',
      '',
      'ohjaukset palveluittain ja tila',
    ]);
    expect(names).toEqual([
      'Ohjaukset palveluittain ja tila',
      'Ohjaukset palveluittain ja (2)',
      'Ohjaukset palveluittain ja (3)',
      'a b c d',
      'quoted',
      'History (2)',
      'Sheet',
      'ohjaukset palveluittain ja (4)',
    ]);
    expect(names.every((n) => n.length <= 31)).toBe(true);
  });

  it('names columns A…Z, AA…', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('writes numbers as numbers and everything else as escaped inline text', () => {
    const rows = tableSheetRows(tableModel(referrals, report, 5, labels('fi')));
    expect(rows.rows[0]).toEqual(['Ohjaukset palveluittain']);
    expect(rows.rows[2]).toEqual(['Terveysasema', 12, '<5', 1234, '•', 0, 1260]);
    const xml = sheetXml({ name: 's', ...rows });
    expect(xml).toContain('<c r="C3" t="inlineStr"><is><t xml:space="preserve">&lt;5</t></is></c>');
    expect(xml).toContain('<c r="D3"><v>1234</v></c>');
    expect(xml).toContain('<c r="A1" s="1" t="inlineStr">');
  });

  it('rounds shares and means as the page does', () => {
    const rows = tableSheetRows(tableModel(ageBands, report, 5, labels('fi'))).rows;
    expect(rows[2]).toEqual(['18–29', 20, 40]);
    expect(rows[3]).toEqual(['30–50', 30, 60]);
  });

  it('zips a workbook whose entries unpack to the same XML', () => {
    const sheets = [{ name: 'Ikä', rows: [['a', 1]] }, { name: 'B', rows: [['<5']] }];
    const bytes = workbook(sheets);
    const files = workbookFiles(sheets);
    const entries = readZip(bytes);
    expect(entries.map((e) => e.name)).toEqual(files.map((f) => f.name));
    expect(entries.find((e) => e.name === '[Content_Types].xml')!.text).toContain('/xl/worksheets/sheet2.xml');
    expect(entries.find((e) => e.name === 'xl/workbook.xml')!.text).toContain('<sheet name="Ikä" sheetId="1" r:id="rId1"/>');
    expect(entries.find((e) => e.name === 'xl/worksheets/sheet2.xml')!.text).toContain('&lt;5');
  });

  it('deflates the workbook: a year of daily rows takes a fraction of its XML', () => {
    const rows = Array.from({ length: 365 }, (_, day) => [`Päivä ${day + 1}`, day % 7, 'Terveysasema', day * 3]);
    const sheets = [{ name: 'Päivät', rows }];
    const bytes = workbook(sheets);
    const xmlBytes = workbookFiles(sheets).reduce((sum, file) => sum + new TextEncoder().encode(file.text).length, 0);
    expect(bytes.length).toBeLessThan(xmlBytes / 4);
    expect(readZip(bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')!.text).toContain('Päivä 365');
  });
});

/** Reads a zip through its central directory with node:zlib (independent of fflate), checking each entry's CRC. */
function readZip(bytes: Uint8Array): { name: string; text: string }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out: { name: string; text: string }[] = [];
  for (let i = 0; i < count; i += 1) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(dataAt, dataAt + size);
    const data = method === 8 ? new Uint8Array(inflateRawSync(raw)) : raw;
    expect(crc32(data)).toBe(crc);
    expect(method === 8 || method === 0).toBe(true);
    out.push({ name, text: new TextDecoder().decode(data) });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
