import { describe, expect, it } from 'vitest';
import type { ReportTable } from './report.js';
import { csvField, formatNumber, guardFormula, tableToCsv, type CsvLabels } from './report-export.js';

const c = (value: number | null, suppressed = false) => ({ value: suppressed ? null : value, suppressed });

const referrals: ReportTable = {
  key: 'referrals.byTarget',
  columns: [
    { key: 'made', kind: 'count', label: null },
    { key: 'realisedShare', kind: 'percent', label: null },
    { key: 'hours', kind: 'measure', label: null },
    { key: 'meanDays', kind: 'mean', label: null },
  ],
  rows: [
    { key: 'kela', label: { fi: 'Kela, etuudet', sv: 'FPA', en: 'Kela' }, cells: [c(12), c(66.666), c(3), c(4.25)] },
    { key: 'health', label: null, cells: [c(null, true), c(null, true), c(2.5), c(null)] },
  ],
  totals: [c(15), c(60), c(5.5), c(4)],
  hasRowTotals: false,
};

const labels: CsvLabels = {
  columns: ['Ohjauksia', 'Toteutui, %', 'Tunnit', 'Keskim. päiviä'],
  rowLabel: (row) => row.label?.fi ?? row.key,
  totalLabel: 'Yhteensä',
  suppressedText: '<5',
  notAvailableText: '–',
  rowHeader: 'Kohde',
};

const records = (csv: string) => csv.slice(1).split('\r\n');

describe('tableToCsv', () => {
  it('writes Finnish Excel CSV: BOM, semicolons, decimal commas, CRLF, totals last', () => {
    const csv = tableToCsv(referrals, labels, { decimalComma: true });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(records(csv)).toEqual([
      // A comma is no separator here, so these need no quotes.
      'Kohde;Ohjauksia;Toteutui, %;Tunnit;Keskim. päiviä',
      'Kela, etuudet;12;66,7;3;4,3',
      'health;<5;<5;2,5;–',
      'Yhteensä;15;60,0;5,5;4,0',
      '',
    ]);
  });

  it('writes comma-separated CSV with decimal points otherwise', () => {
    expect(records(tableToCsv(referrals, labels, { decimalComma: false }))).toEqual([
      'Kohde,Ohjauksia,"Toteutui, %",Tunnit,Keskim. päiviä',
      '"Kela, etuudet",12,66.7,3,4.3',
      'health,<5,<5,2.5,–',
      'Yhteensä,15,60.0,5.5,4.0',
      '',
    ]);
  });

  it('has no totals record without totals, and falls back to column keys and an empty row header', () => {
    const { rowHeader: _rowHeader, ...withoutHeader } = labels;
    const csv = tableToCsv({ ...referrals, totals: null }, { ...withoutHeader, columns: ['Ohjauksia'] }, { decimalComma: false });
    expect(records(csv)).toEqual([',Ohjauksia,realisedShare,hours,meanDays', '"Kela, etuudet",12,66.7,3,4.3', 'health,<5,<5,2.5,–', '']);
  });

  it('quotes fields with the separator, quotes or line breaks, doubling the quotes', () => {
    expect(csvField('plain', ';')).toBe('plain');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a,b', ';')).toBe('a,b');
    expect(csvField('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvField('two\nlines', ',')).toBe('"two\nlines"');
    expect(csvField('cr\r', ',')).toBe('"cr\r"');
  });

  it('defuses texts that a spreadsheet would run as formulas', () => {
    for (const dangerous of ['=1+1', '+358', '-2', '@SUM(A1)', '\tx', '\rx']) expect(guardFormula(dangerous)).toBe(`'${dangerous}`);
    expect(guardFormula('Päihdepalvelut')).toBe('Päihdepalvelut');
    expect(guardFormula('a=b')).toBe('a=b');
    const evil = { ...labels, rowLabel: () => '=HYPERLINK("http://x";"y")' };
    const csv = tableToCsv({ ...referrals, rows: referrals.rows.slice(0, 1), totals: null }, evil, { decimalComma: true });
    expect(records(csv)[1]).toBe('"\'=HYPERLINK(""http://x"";""y"")";12;66,7;3;4,3');
  });

  it('writes negative numbers as numbers, and never a negative zero', () => {
    expect(formatNumber(-3, 'count', true)).toBe('-3');
    expect(formatNumber(-1.25, 'mean', true)).toBe('-1,3');
    expect(formatNumber(-0.04, 'percent', false)).toBe('0.0');
    expect(formatNumber(-0.4, 'count', false)).toBe('0');
    expect(formatNumber(2.6, 'count', false)).toBe('3');
    expect(formatNumber(7, 'measure', true)).toBe('7');
    expect(formatNumber(7.25, 'measure', true)).toBe('7,3');
    const negative = { ...referrals, rows: [{ key: 'x', label: null, cells: [c(-3), c(-0.5), c(0), c(0)] }], totals: null };
    expect(records(tableToCsv(negative, labels, { decimalComma: true }))[1]).toBe('x;-3;-0,5;0;0,0');
  });
});
