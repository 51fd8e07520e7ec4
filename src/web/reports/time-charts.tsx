import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { barLength, labelEvery, niceScale } from './chart-scale';
import { isIsoDay } from './format';
import { HatchPattern } from './hatch-pattern';
import type { TableModel } from './table-model';
import '../charts/chart-legend.css';

/** Vertical bars over time: day-centre visitors per day (session days marked) and a group's sessions. */

const width = 720;
const height = 260;
const plot = { left: 44, right: width - 8, top: 12, bottom: height - 56 };

function column(model: TableModel, key: string): number {
  return model.columns.findIndex((c) => c.key === key);
}

function Axis({ ticks, top }: { ticks: number[]; top: number }) {
  return (
    <g aria-hidden="true">
      {ticks.map((tick) => {
        const y = plot.bottom - barLength(tick, top, plot.bottom - plot.top);
        return (
          <g key={tick}>
            <line x1={plot.left} x2={plot.right} y1={y} y2={y} className="report-chart__grid" />
            <text x={plot.left - 6} y={y + 4} textAnchor="end" className="report-chart__text report-chart__small">
              {tick}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Visitors per day (or week) as bars; a triangle under a bar marks a day with an outreach session. */
export function DaylogChart({ model, name }: { model: TableModel; name: string }) {
  const { t } = useTranslation();
  const visitors = column(model, 'visitors');
  const sessionDay = column(model, 'sessionDay');
  if (visitors < 0 || model.rows.length === 0) return null;
  const values = model.rows.map((r) => r.cells[visitors]?.value ?? null);
  const scale = niceScale(values);
  const slot = (plot.right - plot.left) / model.rows.length;
  const every = labelEvery(model.rows.length, 8);
  return (
    <figure className="report-chart">
      <div className="report-chart__scroll" role="region" aria-label={name} tabIndex={0}>
        <svg className="report-chart__svg report-chart__svg--wide" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={name} focusable="false">
          <Axis ticks={scale.ticks} top={scale.top} />
          {model.rows.map((row, i) => {
            const value = values[i] ?? null;
            const h = value === null ? 0 : barLength(value, scale.top, plot.bottom - plot.top);
            const x = plot.left + i * slot;
            const isSession = sessionDay >= 0 && row.cells[sessionDay]?.value === 1;
            return (
              <g key={row.key}>
                {h > 0 && <rect x={x + slot * 0.15} y={plot.bottom - h} width={Math.max(1, slot * 0.7)} height={h} className="report-chart__fill" />}
                {isSession && <path d={`M${x + slot / 2} ${plot.bottom + 4} l5 9 h-10 z`} className="report-chart__marker" />}
                {i % every === 0 && (
                  <text x={x + slot / 2} y={plot.bottom + 30} textAnchor="middle" className="report-chart__text report-chart__small">
                    {row.label}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="chart-legend">
        <span className="report-swatch report-chart__fill-swatch" aria-hidden="true" />
        <span>{model.columns[visitors]!.label}</span>
        {sessionDay >= 0 && (
          <>
            <svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true" focusable="false">
              <path d="M7 1 l6 10 h-12 z" className="report-chart__marker" />
            </svg>
            <span>{t('report.sessionDayMark')}</span>
          </>
        )}
      </figcaption>
    </figure>
  );
}

/** A group's sessions: returning (solid) and new (hatched) stacked; only the total when those are hidden. */
export function AttendanceChart({ model, name }: { model: TableModel; name: string }) {
  const { t } = useTranslation();
  const patternId = useId();
  const [total, returning, fresh] = ['total', 'returning', 'new'].map((k) => column(model, k));
  if (total === undefined || total < 0 || model.rows.length === 0) return null;
  const totals = model.rows.map((r) => r.cells[total]?.value ?? null);
  const scale = niceScale(totals);
  const slot = (plot.right - plot.left) / model.rows.length;
  const every = labelEvery(model.rows.length, 10);
  const length = (v: number) => barLength(v, scale.top, plot.bottom - plot.top);
  // Session themes are too long for the axis: the axis names the day, the table the theme.
  const tick = (key: string, i: number) => (isIsoDay(key) ? `${Number(key.slice(8, 10))}.${Number(key.slice(5, 7))}.` : String(i + 1));
  return (
    <figure className="report-chart">
      <svg className="report-chart__svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={name} focusable="false">
        <HatchPattern id={patternId} />
        <Axis ticks={scale.ticks} top={scale.top} />
        {model.rows.map((row, i) => {
          const x = plot.left + i * slot + slot * 0.2;
          const w = Math.max(2, slot * 0.6);
          const back = returning !== undefined && returning >= 0 ? row.cells[returning]?.value ?? null : null;
          const front = fresh !== undefined && fresh >= 0 ? row.cells[fresh]?.value ?? null : null;
          const all = totals[i] ?? null;
          const stacked = back !== null && front !== null;
          return (
            <g key={row.key}>
              {/* The total in grey behind: what returning and new do not cover (or hide) stays grey. */}
              {all !== null && <rect x={x} y={plot.bottom - length(all)} width={w} height={length(all)} className="report-chart__fill--neutral" />}
              {stacked && (
                <>
                  <rect x={x} y={plot.bottom - length(back)} width={w} height={length(back)} className="report-chart__fill" />
                  <rect x={x} y={plot.bottom - length(back) - length(front)} width={w} height={length(front)} fill={`url(#${patternId})`} className="report-chart__fill--second" />
                </>
              )}
              <text x={x + w / 2} y={plot.bottom - (all === null ? 0 : length(all)) - 4} textAnchor="middle" className="report-chart__text report-chart__small">
                {row.cells[total]!.text}
              </text>
              {i % every === 0 && (
                <text x={x + w / 2} y={plot.bottom + 20} textAnchor="middle" className="report-chart__text report-chart__small">
                  {tick(row.key, i)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        <span className="report-swatch report-chart__neutral-swatch" aria-hidden="true" />
        <span>{t('report.attendanceRest')}</span>
        {returning !== undefined && returning >= 0 && (
          <>
            <span className="report-swatch report-chart__fill-swatch" aria-hidden="true" />
            <span>{model.columns[returning]!.label}</span>
          </>
        )}
        {fresh !== undefined && fresh >= 0 && (
          <>
            <span className="report-swatch report-swatch--hatched" aria-hidden="true" />
            <span>{model.columns[fresh]!.label}</span>
          </>
        )}
      </figcaption>
    </figure>
  );
}
