import type { Locale } from '../../domain/org';
import { roundedFigure, tableToCsv } from '../../domain/report-export';
import type { SuppressionReason } from '../../domain/report';
import { NOT_AVAILABLE, hiddenMark } from './format';
import type { ModelCell, TableModel } from './table-model';
import type { Sheet, SheetCell } from './xlsx';

/**
 * The CSV file and the workbook sheets of a table, built from the table as the page shows it:
 * hidden figures keep the page's marks ("<5" only for a small count), explained in legend lines after
 * the table; missing ones are "–". Figures are plain numbers (no thousands separator)
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
export function tableCsv(model: TableModel, locale: Locale, legend: readonly (readonly string[])[] = []): string {
  const labels = new Map(model.table.rows.map((row, i) => [row, model.rows[i]?.label ?? row.key]));
  return tableToCsv(
    model.table,
    {
      columns: model.columns.map((c) => withPercent(c.label, c.kind)),
      rowLabel: (row) => labels.get(row) ?? row.key,
      totalLabel: model.totals?.label ?? '',
      suppressedText: (reason) => hiddenMark(reason, model.threshold),
      notAvailableText: NOT_AVAILABLE,
      rowHeader: model.rowHeader,
      legend,
    },
    { decimalComma: locale !== 'en' },
  );
}

/** One worksheet's rows: the table's title, its heading row (bold) and its rows, numbers as numbers. */
export function tableSheetRows(model: TableModel, legend: readonly (readonly string[])[] = []): Pick<Sheet, 'rows' | 'boldRows'> {
  // Every figure as the page rounds it (roundedFigure), so that the workbook says the same.
  const kinds = model.columns.map((c) => c.kind);
  const rounded = (value: number, i: number) => roundedFigure(value, kinds[i] ?? 'count');
  const cell = (c: ModelCell, i: number): SheetCell => (c.state === 'value' && c.value !== null && !c.isText ? rounded(c.value, i) : c.text);
  return {
    rows: [[model.title], header(model), ...bodyRows(model).map((row) => [row.label, ...row.cells.map(cell)]), ...(legend.length > 0 ? [[], ...legend.map((l) => [...l])] : [])],
    boldRows: [0, 1],
  };
}

/** The reasons for hiding that occur in a table, in a fixed order (for its legend). */
export function reasonsIn(models: readonly TableModel[]): SuppressionReason[] {
  const found = new Set(models.flatMap((m) => [...m.rows, ...(m.totals ? [m.totals] : [])].flatMap((r) => r.cells.flatMap((c) => (c.reason ? [c.reason] : [])))));
  return (['small', 'complementary', 'linked', 'derived'] as const).filter((r) => found.has(r));
}

/** A file name from the table key and the period: ascii, no spaces. */
export function fileName(base: string, from: string, to: string, extension: string): string {
  return `${base.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 60)}_${from}_${to}.${extension}`;
}

/**
 * Every table's CSV file in one zip ("download all tables"), each as its own button would save it
 * (same name, same legend lines); with two sides, each file name starts with its side's number.
 */
export async function allTablesZip(sides: readonly { id: string; from: string; to: string; models: readonly TableModel[] }[], locale: Locale, legendOf: (model: TableModel) => readonly (readonly string[])[]): Promise<Uint8Array> {
  const { strToU8, zipSync } = await import('fflate');
  const files: Record<string, Uint8Array> = {};
  for (const side of sides) {
    for (const model of side.models) {
      const name = fileName(model.key, side.from, side.to, 'csv');
      files[sides.length > 1 ? `${side.id}_${name}` : name] = strToU8(tableCsv(model, locale, legendOf(model)));
    }
  }
  return zipSync(files, { level: 6 });
}
