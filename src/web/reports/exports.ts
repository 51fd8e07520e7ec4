import type { Locale } from '../../domain/org';
import { tableToCsv } from '../../domain/report-export';
import { NOT_AVAILABLE, suppressedText } from './format';
import type { ModelCell, TableModel } from './table-model';
import type { Sheet, SheetCell } from './xlsx';

/**
 * The CSV file and the workbook sheets of a table, built from the table as the page shows it:
 * hidden figures stay "<5", missing ones "–". Figures are plain numbers (no thousands separator)
 * so spreadsheets read them as numbers; percent columns say "(%)" in their heading instead.
 */

const withPercent = (label: string, kind: string): string => (kind === 'percent' && !label.includes('%') ? `${label} (%)` : label);

function header(model: TableModel): string[] {
  return [model.rowHeader, ...model.columns.map((c) => withPercent(c.label, c.kind))];
}

function bodyRows(model: TableModel) {
  return model.totals ? [...model.rows, model.totals] : model.rows;
}

/**
 * A UTF-8 CSV file through the shared writer (BOM, CRLF, formula guard): the labels are the page's,
 * hidden figures stay "<5". Finnish and Swedish get ';' and a decimal comma, English ',' and a point.
 */
export function tableCsv(model: TableModel, locale: Locale): string {
  const labels = new Map(model.table.rows.map((row, i) => [row, model.rows[i]?.label ?? row.key]));
  return tableToCsv(
    model.table,
    {
      columns: model.columns.map((c) => withPercent(c.label, c.kind)),
      rowLabel: (row) => labels.get(row) ?? row.key,
      totalLabel: model.totals?.label ?? '',
      suppressedText: suppressedText(model.threshold),
      notAvailableText: NOT_AVAILABLE,
      rowHeader: model.rowHeader,
    },
    { decimalComma: locale !== 'en' },
  );
}

/** One worksheet's rows: the table's title, its heading row (bold) and its rows, numbers as numbers. */
export function tableSheetRows(model: TableModel): Pick<Sheet, 'rows' | 'boldRows'> {
  const cell = (c: ModelCell): SheetCell => (c.state === 'value' && c.value !== null && !c.isText ? c.value : c.text);
  return {
    rows: [[model.title], header(model), ...bodyRows(model).map((row) => [row.label, ...row.cells.map(cell)])],
    boldRows: [0, 1],
  };
}

/** A file name from the table key and the period: ascii, no spaces. */
export function fileName(base: string, from: string, to: string, extension: string): string {
  return `${base.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 60)}_${from}_${to}.${extension}`;
}
