import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NOT_AVAILABLE } from './format';
import { ColumnHeading } from './report-table';
import type { ModelCell, TableModel } from './table-model';

/** One compared side's table: the side's label heads its column group. */
export type ComparedSide = { id: string; label: string; model: TableModel | undefined };

type Row = { key: string; label: string; isTotal: boolean };

const missing: ModelCell = { text: NOT_AVAILABLE, state: 'missing', value: null };

/** Every row of either side, in the first side's order, then what only a later side has; totals last. */
function unionRows(sides: ComparedSide[]): Row[] {
  const rows = new Map<string, Row>();
  for (const side of sides) for (const r of side.model?.rows ?? []) if (!rows.has(r.key)) rows.set(r.key, { key: r.key, label: r.label, isTotal: false });
  const totals = sides.find((s) => s.model?.totals)?.model?.totals;
  return totals ? [...rows.values(), { key: totals.key, label: totals.label, isTotal: true }] : [...rows.values()];
}

function cellOf(model: TableModel | undefined, row: Row, columnKey: string): ModelCell {
  if (!model) return missing;
  const cells = row.isTotal ? model.totals?.cells : model.rows.find((r) => r.key === row.key)?.cells;
  const index = model.columns.findIndex((c) => c.key === columnKey);
  return (index >= 0 ? cells?.[index] : undefined) ?? missing;
}

/**
 * Whether the compared sides fit one table on A4: a column group per side, at most twelve figures a
 * row, or sixteen when every heading has a short form for paper (the statements' 1–5, n, %, mean).
 */
export function fitsSideBySide(model: TableModel, sides: number): boolean {
  if (model.base === 'daylog.days' || model.base === 'timing.heatmap') return false;
  const figures = model.columns.length * sides;
  return figures <= 12 || (figures <= 16 && model.columns.every((c) => c.short));
}

/**
 * A table of a comparison in columns: the row labels once, then a column group per compared side
 * (site or period), each cell with its side's figure or the mark the published comparison gave it.
 * The two sides were published together with one suppression pass (server), so putting them side
 * by side reveals nothing that either side hides.
 */
export function ComparisonTable({ sides, title }: { sides: ComparedSide[]; title: string }) {
  const { t } = useTranslation();
  const captionId = useId();
  const first = sides.find((s) => s.model)!.model!;
  const columns = first.columns;
  const rows = unionRows(sides);
  return (
    <div className="table-region report-table-region report-table-region--compared" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="report-table report-table--compared" data-table-key={first.key} data-compared="true">
        <caption id={captionId}>{title}</caption>
        <colgroup>
          <col />
        </colgroup>
        {sides.map((side) => (
          <colgroup key={side.id} span={columns.length} />
        ))}
        <thead>
          <tr>
            <td className="report-table__corner" />
            {sides.map((side) => (
              <th key={side.id} scope="colgroup" colSpan={columns.length} className="report-table__side" data-variant={side.id}>
                {side.label}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col">{first.rowHeader}</th>
            {sides.map((side) => (
              <Fragment key={side.id}>
                {columns.map((c, i) => (
                  <th key={c.key} scope="col" className={`report-table__number${i === 0 ? ' report-table__group-start' : ''}`}>
                    <ColumnHeading column={c} />
                  </th>
                ))}
              </Fragment>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.isTotal ? 'report-table__total' : undefined}>
              <th scope="row">{row.label}</th>
              {sides.map((side) =>
                columns.map((c, i) => {
                  const cell = cellOf(side.model, row, c.key);
                  return (
                    <td
                      key={`${side.id}-${c.key}`}
                      className={`${cell.isText ? '' : 'report-table__number'}${i === 0 ? ' report-table__group-start' : ''}`}
                      data-variant={side.id}
                      data-state={cell.state}
                      data-reason={cell.reason}
                      title={cell.state === 'suppressed' && cell.reason ? t(`report.hiddenCell.${cell.reason}`, { threshold: first.threshold }) : undefined}
                    >
                      {cell.text}
                    </td>
                  );
                }),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
