import { useId } from 'react';
import { barLength, niceScale, percentScale, type Scale } from './chart-scale';
import { HatchPattern } from './hatch-pattern';
import type { TableModel } from './table-model';

/**
 * Horizontal bars, one group per table row, each bar's figure written at its end ("<5" when
 * hidden, with no bar). A second series is hatched as well as lighter, so it reads without colour.
 * The table under the chart is its text alternative; the chart has an accessible name only.
 */

const width = 440;
const labelHeight = 18;
const barHeight = 16;
const gap = 10;
const valueRoom = 56;

/** Paper: the label beside its bars on one line, so a row takes a third of the screen layout's height. */
const paper = { labelRoom: 170, barHeight: 9, rowGap: 5, labelChars: 30 };

function PaperBars({ model, columns, scale, name, patternId }: { model: TableModel; columns: number[]; scale: Scale; name: string; patternId: string }) {
  const rowHeight = columns.length * (paper.barHeight + 2) + paper.rowGap;
  // One legend line per series when there are two: their names are too long to share a line.
  const legendHeight = columns.length > 1 ? columns.length * 13 + 3 : 0;
  const height = legendHeight + model.rows.length * rowHeight + 2;
  const plot = width - paper.labelRoom - valueRoom;
  return (
    <svg className="report-chart__svg report-chart__svg--paper" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={name} focusable="false">
      <HatchPattern id={patternId} />
      {columns.length > 1 && (
        <g aria-hidden="true">
          {columns.map((c, s) => (
            <g key={c} transform={`translate(${paper.labelRoom}, ${s * 13})`}>
              <rect x="0" y="2" width="10" height="10" className={s === 0 ? 'report-chart__fill' : undefined} fill={s === 0 ? undefined : `url(#${patternId})`} />
              <text x="14" y="11" className="report-chart__text report-chart__small">{model.columns[c]!.label}</text>
            </g>
          ))}
        </g>
      )}
      {model.rows.map((row, r) => {
        const y0 = legendHeight + r * rowHeight;
        return (
          <g key={row.key}>
            <text x={paper.labelRoom - 6} y={y0 + paper.barHeight + 1} textAnchor="end" className="report-chart__text report-chart__small">
              {row.label.length > paper.labelChars ? `${row.label.slice(0, paper.labelChars - 1)}…` : row.label}
            </text>
            {columns.map((c, s) => {
              const cell = row.cells[c]!;
              const y = y0 + s * (paper.barHeight + 2);
              const length = cell.value === null ? 0 : barLength(cell.value, scale.top, plot);
              return (
                <g key={c}>
                  {length > 0 && (
                    <rect x={paper.labelRoom} y={y} width={length} height={paper.barHeight} className={s === 0 ? 'report-chart__fill' : 'report-chart__fill--second'} fill={s === 0 ? undefined : `url(#${patternId})`} />
                  )}
                  <text x={paper.labelRoom + length + 4} y={y + paper.barHeight - 1} className="report-chart__text report-chart__small report-chart__value">
                    {cell.text}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

export function BarChart({ model, columnKeys, name, top }: { model: TableModel; columnKeys: string[]; name: string; top?: number }) {
  const patternId = useId();
  const columns = columnKeys.map((key) => model.columns.findIndex((c) => c.key === key)).filter((i) => i >= 0);
  if (columns.length === 0 || model.rows.length === 0) return null;
  const isPercent = columns.every((i) => model.columns[i]!.kind === 'percent');
  const values = model.rows.flatMap((r) => columns.map((i) => r.cells[i]?.value ?? null));
  const scale: Scale = top !== undefined ? { top, ticks: [] } : isPercent ? percentScale : niceScale(values);
  const groupHeight = labelHeight + columns.length * (barHeight + 4) + gap;
  const height = model.rows.length * groupHeight + (columns.length > 1 ? 24 : 4);
  const plot = width - valueRoom;
  return (
    <figure className="report-chart">
      <svg className="report-chart__svg report-chart__svg--bars report-chart__svg--screen" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={name} focusable="false">
        <HatchPattern id={patternId} />
        {columns.length > 1 && (
          <g className="report-chart__legend" aria-hidden="true">
            {columns.map((c, s) => (
              <g key={c} transform={`translate(${s * 200}, 0)`}>
                <rect x="0" y="2" width="14" height="14" className={s === 0 ? 'report-chart__fill' : undefined} fill={s === 0 ? undefined : `url(#${patternId})`} />
                <text x="20" y="14" className="report-chart__text">{model.columns[c]!.label}</text>
              </g>
            ))}
          </g>
        )}
        {model.rows.map((row, r) => {
          const y0 = r * groupHeight + (columns.length > 1 ? 24 : 4);
          return (
            <g key={row.key}>
              <text x="0" y={y0 + 13} className="report-chart__text report-chart__label">
                {row.label.length > 60 ? `${row.label.slice(0, 58)}…` : row.label}
              </text>
              {columns.map((c, s) => {
                const cell = row.cells[c]!;
                const y = y0 + labelHeight + s * (barHeight + 4);
                const length = cell.value === null ? 0 : barLength(cell.value, scale.top, plot);
                return (
                  <g key={c}>
                    {length > 0 && (
                      <rect x="0" y={y} width={length} height={barHeight} className={s === 0 ? 'report-chart__fill' : 'report-chart__fill--second'} fill={s === 0 ? undefined : `url(#${patternId})`} />
                    )}
                    <text x={length + 6} y={y + barHeight - 3} className="report-chart__text report-chart__value">
                      {cell.text}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      {/* The same bars laid out for paper; only one of the two is displayed (reports.css). */}
      <PaperBars model={model} columns={columns} scale={scale} name={name} patternId={`${patternId}paper`} />
    </figure>
  );
}
