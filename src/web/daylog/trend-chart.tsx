import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMonth } from '../../domain/date-format';
import type { MonthTrend } from '../../domain/daylog-trend';
import { type Column, DataTable } from '../common/data-table';
import { useLocale } from '../i18n/use-locale';
import { lineRuns, niceScale, type Plot, slotX, valueY } from './chart-scale';

type SeriesKey = 'meanVisitors' | 'meanBreakfasts' | 'meanLunches';
// Told apart by dash pattern and marker as well as colour, so the lines read without colour vision too.
const series: { key: SeriesKey; className: string; dash: string | undefined }[] = [
  { key: 'meanVisitors', className: 'trend-chart__line--visitors', dash: undefined },
  { key: 'meanBreakfasts', className: 'trend-chart__line--breakfasts', dash: '10 6' },
  { key: 'meanLunches', className: 'trend-chart__line--lunches', dash: '3 5' },
];

// Wide enough that twelve month labels fit side by side on a desktop; a phone shows every other one.
const width = 720;
const height = 320;
const plot: Plot = { left: 72, right: width - 16, top: 20, bottom: height - 52 };

/** '2026-01' → '1/26': short enough that twelve fit under the chart. */
const monthTick = (month: string): string => `${Number(month.slice(5, 7))}/${month.slice(2, 4)}`;

function useMonthName() {
  const { locale } = useLocale();
  return (month: string) => formatMonth(month, locale);
}

/**
 * The day centre's monthly means as a line chart drawn in SVG, with the same numbers in a table
 * right under it: the chart is for a quick look, the table is the accessible (and exact) version.
 */
export function TrendChart({ months }: { months: MonthTrend[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const monthName = useMonthName();
  const { locale } = useLocale();
  const scale = niceScale(months.flatMap((m) => series.map((s) => m[s.key])));
  const number = (value: number | null) => (value === null ? '–' : value.toLocaleString(locale, { maximumFractionDigits: 1 }));
  const columns: Column<MonthTrend>[] = [
    { key: 'month', label: t('daylogViews.trend.month'), render: (m) => monthName(m.month) },
    { key: 'days', label: t('daylogViews.trend.daysLogged'), render: (m) => String(m.daysLogged) },
    ...series.map((s) => ({ key: s.key, label: t(`daylogViews.trend.${s.key}`), render: (m: MonthTrend) => number(m[s.key]) })),
  ];

  return (
    <div className="trend-chart">
      <ul className="trend-chart__legend">
        {series.map((s) => (
          <li key={s.key}>
            <svg aria-hidden="true" focusable="false" width="36" height="12" viewBox="0 0 36 12">
              <line x1="0" y1="6" x2="36" y2="6" className={`trend-chart__line ${s.className}`} strokeDasharray={s.dash} />
            </svg>
            {t(`daylogViews.trend.${s.key}`)}
          </li>
        ))}
      </ul>
      <svg className="trend-chart__svg" role="img" aria-labelledby={titleId} viewBox={`0 0 ${width} ${height}`} focusable="false">
        <title id={titleId}>{t('daylogViews.trend.chartTitle', { from: monthName(months[0]?.month ?? ''), to: monthName(months.at(-1)?.month ?? '') })}</title>
        {scale.ticks.map((tick) => (
          <g key={tick}>
            <line x1={plot.left} x2={plot.right} y1={valueY(tick, scale.top, plot)} y2={valueY(tick, scale.top, plot)} className="trend-chart__grid" />
            <text x={plot.left - 8} y={valueY(tick, scale.top, plot)} textAnchor="end" dominantBaseline="middle" className="trend-chart__tick">
              {tick}
            </text>
          </g>
        ))}
        {months.map((m, index) => (
          <text
            key={m.month}
            x={slotX(index, months.length, plot)}
            y={plot.bottom + 36}
            textAnchor="middle"
            className={`trend-chart__tick${index % 2 === 1 ? ' trend-chart__tick--odd' : ''}`}
          >
            {monthTick(m.month)}
          </text>
        ))}
        {series.map((s) =>
          lineRuns(months.map((m) => m[s.key]), scale.top, plot).map((run) => (
            <g key={`${s.key}-${run[0]?.index ?? 0}`} className={s.className}>
              {run.length > 1 && (
                <polyline className={`trend-chart__line ${s.className}`} strokeDasharray={s.dash} points={run.map((p) => `${p.x},${p.y}`).join(' ')} />
              )}
              {run.map((p) => (
                <circle key={p.index} cx={p.x} cy={p.y} r="5" className={`trend-chart__dot ${s.className}`} />
              ))}
            </g>
          )),
        )}
      </svg>
      <DataTable caption={t('daylogViews.trend.tableCaption')} columns={columns} rows={months} rowKey={(m) => m.month} />
    </div>
  );
}
