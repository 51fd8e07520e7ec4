import { useTranslation } from 'react-i18next';
import { BarChart } from './bar-chart';
import { divergingSegments } from './chart-scale';
import type { TableModel } from './table-model';

/**
 * A statement's answers 1–5 as a diverging stacked bar: disagreement to the left of the middle line,
 * agreement to the right. Each wide-enough segment names its value and count, and the legend names
 * the values, so colour is never the only cue. (Ideas from the feedback results page, drawn anew.)
 */

const fills = ['report-div--1', 'report-div--2', 'report-div--3', 'report-div--4', 'report-div--5'];

export function DivergingBar({ model, name }: { model: TableModel; name: string }) {
  const { t } = useTranslation();
  const row = model.rows[0];
  if (!row) return null;
  const counts = ['s1', 's2', 's3', 's4', 's5'].map((key) => {
    const i = model.columns.findIndex((c) => c.key === key);
    return i < 0 ? null : (row.cells[i]?.value ?? null);
  });
  const segments = divergingSegments(counts);
  if (!segments) {
    // Some answer counts are hidden: the share agreeing (when shown) still makes an honest bar.
    const agreeing = model.rows[0]?.cells[model.columns.findIndex((c) => c.key === 'shareAgreeing')];
    if (agreeing?.value !== null && agreeing?.value !== undefined) {
      return (
        <>
          <p className="report-chart__none">{t('report.chartAgreeingOnly')}</p>
          <BarChart model={model} columnKeys={['shareAgreeing']} name={name} />
        </>
      );
    }
    return <p className="report-chart__none">{t('report.chartHidden')}</p>;
  }
  return (
    <figure className="report-chart report-chart--diverging">
      <svg className="report-chart__svg" viewBox="0 0 440 44" role="img" aria-label={name} focusable="false">
        <line x1="220" y1="0" x2="220" y2="44" className="report-chart__axis" />
        {segments.map((s) => (
          <g key={s.value}>
            <rect x={20 + s.start * 4} y="8" width={s.width * 4} height="28" className={fills[s.value - 1]} />
            {s.width * 4 >= 18 && (
              <text x={20 + s.start * 4 + s.width * 2} y="27" textAnchor="middle" className={`report-chart__small report-div-ink--${s.value === 1 || s.value === 5 ? 'light' : 'dark'}`}>
                {s.width * 4 >= 44 ? `${s.value}: ${s.count}` : s.value}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption className="report-chart__legend-row">
        <span>{t('report.scale.disagree')}</span>
        {[1, 2, 3, 4, 5].map((value) => (
          <span key={value} className="report-chart__legend-item">
            <span className={`report-swatch ${fills[value - 1]}`} aria-hidden="true" />
            {t(`report.scale.s${value as 1 | 2 | 3 | 4 | 5}`)}
          </span>
        ))}
        <span>{t('report.scale.agree')}</span>
      </figcaption>
    </figure>
  );
}
