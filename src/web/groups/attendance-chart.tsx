import { useTranslation } from 'react-i18next';
import type { SeriesStatistics } from '../../domain/groups';
import { useLocale } from '../i18n/use-locale';
import { sessionDay } from './format';
import { chartLayout } from './statistics-format';

const size = { width: 640, height: 220 };

/**
 * Attendance per session as bars, numbered in session order; each bar carries its number so the
 * chart is not read from heights alone. The table beside it holds the same figures for those who
 * cannot see the chart, so the picture itself is one image with a summary as its name.
 */
export function AttendanceChart({ statistics }: { statistics: SeriesStatistics }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const layout = chartLayout(statistics.sessions.map((s) => ({ key: s.sessionId, value: s.attendance?.total ?? null })), size);
  // Dates under the bars only every so often when there are many sessions, so they never overlap.
  const every = Math.ceil(statistics.sessions.length / 12);
  const label = t('groups.stats.chartLabel', { count: statistics.recordedSessions, max: statistics.max ?? 0, min: statistics.min ?? 0 });
  return (
    <figure className="attendance-chart">
      <svg viewBox={`0 0 ${size.width} ${size.height}`} role="img" aria-labelledby="attendance-chart-title" className="attendance-chart__svg" data-testid="attendance-chart">
        <title id="attendance-chart-title">{label}</title>
        {layout.ticks.map((tick) => {
          const y = layout.plotBottom - ((layout.plotBottom - layout.plotTop) * tick) / layout.max;
          return (
            <g key={tick} aria-hidden="true">
              <line x1={layout.plotLeft} x2={layout.plotRight} y1={y} y2={y} className="attendance-chart__grid" />
              <text x={layout.plotLeft - 6} y={y + 4} textAnchor="end" className="attendance-chart__tick">{tick}</text>
            </g>
          );
        })}
        {layout.bars.map((bar, i) => {
          const session = statistics.sessions[i]!;
          const centre = bar.x + bar.width / 2;
          return (
            <g key={bar.key} aria-hidden="true" data-day={session.day}>
              {bar.value !== null && <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} className="attendance-chart__bar" />}
              <text x={centre} y={bar.value === null ? layout.plotBottom - 4 : Math.max(bar.y - 4, layout.plotTop + 10)} textAnchor="middle" className="attendance-chart__value">
                {session.isCancelled ? '×' : bar.value === null ? '–' : bar.value}
              </text>
              {i % every === 0 && <text x={centre} y={layout.plotBottom + 16} textAnchor="middle" className="attendance-chart__axis">{sessionDay(session.day, locale).replace(/^\S+\s/, '').replace(/\d{4}$/, '')}</text>}
            </g>
          );
        })}
      </svg>
      <figcaption className="attendance-chart__caption">{t('groups.stats.chartCaption')}</figcaption>
    </figure>
  );
}
