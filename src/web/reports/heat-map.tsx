import { useTranslation } from 'react-i18next';
import { heatShade } from './chart-scale';
import { weekdayName } from './format';
import type { TableModel } from './table-model';
import '../charts/chart-legend.css';

/**
 * Weekday × hour of the day. Every cell also carries its figure (or "<5"), so the shade is never the
 * only cue; the legend names the shades, and the dashed frame marks the suggested reception window.
 */

const left = 44;
const top = 34;
const cell = 27;
const rowHeight = 26;
const steps = 5;

export function HeatMap({ model, name, window }: { model: TableModel; name: string; window: { fromHour: number; toHour: number } | null }) {
  const { t, i18n } = useTranslation();
  const hours = model.columns.flatMap((c, i) => (/^h\d{2}$/.test(c.key) ? [{ index: i, hour: Number(c.key.slice(1)) }] : []));
  const max = Math.max(0, ...model.rows.flatMap((r) => hours.map((h) => r.cells[h.index]?.value ?? 0)));
  const width = left + hours.length * cell + 4;
  const height = top + model.rows.length * rowHeight + 4;
  const x = (hour: number) => left + hours.findIndex((h) => h.hour === hour) * cell;
  return (
    <figure className="report-chart">
      <div className="report-chart__scroll" role="region" aria-label={name} tabIndex={0}>
        <svg className="report-chart__svg report-chart__svg--wide" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={name} focusable="false">
          {hours.map((h) => (
            <text key={h.hour} x={left + hours.indexOf(h) * cell + cell / 2} y={top - 8} textAnchor="middle" className="report-chart__text report-chart__small">
              {h.hour}
            </text>
          ))}
          {model.rows.map((row, r) => (
            <g key={row.key}>
              <text x={left - 6} y={top + r * rowHeight + rowHeight / 2 + 4} textAnchor="end" className="report-chart__text report-chart__small">
                {/^[1-7]$/.test(row.key) ? weekdayName(Number(row.key), i18n.language, 'short') : row.label.slice(0, 3)}
              </text>
              {hours.map((h, c) => {
                const figure = row.cells[h.index]!;
                const shade = heatShade(figure.value, max, steps);
                return (
                  <g key={h.hour}>
                    <rect x={left + c * cell} y={top + r * rowHeight} width={cell - 1} height={rowHeight - 1} className={`report-heat--${figure.state === 'suppressed' ? 'hidden' : shade}`} />
                    {figure.state !== 'missing' && figure.value !== 0 && (
                      <text x={left + c * cell + cell / 2} y={top + r * rowHeight + rowHeight / 2 + 4} textAnchor="middle" className={`report-chart__small report-heat-ink--${shade >= 3 ? 'light' : 'dark'}`}>
                        {figure.text}
                      </text>
                    )}
                  </g>
                );
              })}
            </g>
          ))}
          {window && hours.length > 0 && x(window.fromHour) >= left && (
            <rect
              className="report-heat__window"
              x={x(window.fromHour) - 1}
              y={top - 2}
              width={(window.toHour - window.fromHour) * cell + 1}
              height={model.rows.length * rowHeight + 3}
            />
          )}
        </svg>
      </div>
      <figcaption className="chart-legend">
        <span>{t('report.heatLegend.fewer')}</span>
        {Array.from({ length: steps }, (_, s) => (
          <span key={s} className={`report-swatch report-heat--${s}`} aria-hidden="true" />
        ))}
        <span>{t('report.heatLegend.more', { max })}</span>
        {window && (
          <span className="chart-legend__item">
            <span className="report-swatch report-swatch--window" aria-hidden="true" />
            {t('report.heatLegend.window')}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
