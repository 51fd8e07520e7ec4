import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelColumn, ModelRow, TableModel } from './table-model';

/**
 * A report table as the accessible, exact version of its chart: a caption, column and row headers
 * with scope, numbers right-aligned. A hidden figure shows the mark of its reason ("<5" only for a
 * small count) and carries a title that says why; the legend at the top of the report explains the marks.
 */
export function ReportTable({ model, caption }: { model: TableModel; caption?: string }) {
  const { t } = useTranslation();
  const captionId = useId();
  const wide = model.columns.length > 8;
  const row = (r: ModelRow, isTotal: boolean) => (
    <tr key={r.key} className={isTotal ? 'report-table__total' : undefined}>
      <th scope="row">{r.label}</th>
      {r.cells.map((cell, i) => (
        <td
          key={model.columns[i]?.key ?? i}
          className={cell.isText ? undefined : 'report-table__number'}
          data-state={cell.state}
          data-reason={cell.reason}
          title={cell.state === 'suppressed' && cell.reason ? t(`report.hiddenCell.${cell.reason}`, { threshold: model.threshold }) : undefined}
        >
          {cell.text}
        </td>
      ))}
    </tr>
  );
  return (
    <div className={`table-region report-table-region${wide ? ' report-table-region--wide' : ''}`} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={`report-table${wide ? ' report-table--wide' : ''}`} data-table-key={model.key}>
        <caption id={captionId}>{caption ?? model.title}</caption>
        <thead>
          <tr>
            <th scope="col">{model.rowHeader}</th>
            {model.columns.map((c) => (
              <th key={c.key} scope="col" className="report-table__number">
                <ColumnHeading column={c} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.rows.map((r) => row(r, false))}
          {model.totals && row(model.totals, true)}
        </tbody>
      </table>
    </div>
  );
}

/** A column heading: in full on screen, abbreviated on paper when it has a short form (reports.css). */
export function ColumnHeading({ column }: { column: ModelColumn }) {
  return column.short ? (
    <>
      <span className="report-table__long">{column.label}</span>
      <span className="report-table__short" aria-hidden="true">
        {column.short}
      </span>
    </>
  ) : (
    <>{column.label}</>
  );
}
