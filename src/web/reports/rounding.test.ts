import { describe, expect, it } from 'vitest';
import { roundedFigure } from '../../domain/report-export';
import type { ReportTable } from '../../domain/report';
import { tableCsv, tableSheetRows } from './exports';
import { formatFigure } from './format';
import { type Labels, tableModel } from './table-model';

const labels: Labels = { locale: 'en', translate: () => null };
// Values whose binary form lies just below or above a half: toFixed and Math.round(x * 10) disagree on them.
const tricky = [28.45, 0.05, 12.25, 1.005, 2.675, (2 / 3) * 100, (6 / 11) * 100, 99.95, 100, 0];

function shareTable(values: number[]): ReportTable {
  return {
    key: 'test.shares',
    columns: [{ key: 'share', kind: 'percent', label: null }, { key: 'mean', kind: 'mean', label: null }],
    rows: values.map((value, i) => ({ key: `r${i}`, label: null, cells: [{ value, suppressed: false }, { value, suppressed: false }] })),
    totals: null,
    hasRowTotals: false,
  };
}

describe('exported shares are rounded as on the page', () => {
  it('rounds half away from zero on the number as written', () => {
    expect(roundedFigure(28.45, 'percent')).toBe(28.5);
    expect(roundedFigure(2.675, 'mean')).toBe(2.7);
    expect(roundedFigure(-1.25, 'mean')).toBe(-1.3);
    expect(roundedFigure(54.54545, 'percent')).toBe(54.5);
    expect(roundedFigure(7.5, 'count')).toBe(8);
  });

  it('gives the page, the CSV file and the workbook the same digits for every share and mean', () => {
    const model = tableModel(shareTable(tricky), null, 5, labels);
    const csvRows = tableCsv(model, 'en').slice(1).split('\r\n').slice(1, 1 + tricky.length).map((line) => line.split(','));
    const sheet = tableSheetRows(model).rows.slice(2);
    tricky.forEach((value, i) => {
      const page = model.rows[i]!.cells.map((c) => c.text);
      // The page writes "28.5%" and "28.5"; the CSV "28.5"; the workbook the number 28.5.
      expect(page[0]!.replace('%', '')).toBe(Number(csvRows[i]![1]).toString());
      expect(Number(page[1])).toBe(Number(csvRows[i]![2]));
      expect(sheet[i]!.slice(1)).toEqual([Number(csvRows[i]![1]), Number(csvRows[i]![2])]);
      expect(formatFigure(value, 'percent', 'en')).toBe(page[0]);
    });
  });
});
