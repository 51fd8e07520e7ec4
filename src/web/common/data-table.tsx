import { type ReactNode, useId } from 'react';

export type Column<Row> = { key: string; label: string; render: (row: Row) => ReactNode };

type DataTableProps<Row> = {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
};

/**
 * A plain table inside a labelled, focusable region. On a phone each row becomes a stacked card
 * whose cells carry their column's name (data-label, shown by CSS); the explicit ARIA roles keep
 * the table semantics that `display: block` would otherwise drop. Should a card still be too wide,
 * it scrolls inside the region, which keyboard users can scroll too.
 */
export function DataTable<Row>({ caption, columns, rows, rowKey }: DataTableProps<Row>) {
  const captionId = useId();
  return (
    <div className="table-region" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table" role="table">
        <caption id={captionId}>{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((column) => (
              <th key={column.key} scope="col" role="columnheader">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => (
            <tr key={rowKey(row)} role="row">
              {columns.map((column) => (
                <td key={column.key} role="cell" data-label={column.label}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
