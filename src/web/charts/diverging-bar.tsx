import { AXIS, type Segment } from './diverging';
import './chart-legend.css';
import './diverging-bar.css';

/** The words around the bar: its two ends, and the five answers in order (1 first). */
export type DivergingTexts = { disagree: string; agree: string; values: readonly string[] };

type DivergingBarProps = {
  /** From `divergingSegments`: the caller decides what to show when there is no bar to draw. */
  segments: readonly Segment[];
  /**
   * The chart's accessible name; null when a table beside it carries the same figures, and the
   * whole chart is then hidden from screen readers.
   */
  name: string | null;
  texts: DivergingTexts;
  formatCount?: (count: number) => string;
};

const width = 400;
const height = 36;
/** SVG units per unit of the 0–200 answer axis (100 % either side of the middle). */
const scale = width / AXIS;

/**
 * A statement's answers 1–5 as a diverging stacked bar: disagreement to the left of the middle line,
 * agreement to the right. Each wide-enough segment names its value (and count, when it fits) and
 * the legend names the values, so colour is never the only cue.
 */
export function DivergingBar({ segments, name, texts, formatCount = String }: DivergingBarProps) {
  const isHidden = name === null;
  return (
    <figure className="diverging" aria-hidden={isHidden ? true : undefined}>
      <svg className="diverging__bar" viewBox={`0 0 ${width} ${height}`} role={isHidden ? undefined : 'img'} aria-label={name ?? undefined} focusable="false">
        {/* Drawn first: the middle shows as ticks above and below the bar without crossing its labels. */}
        <line x1={width / 2} y1={0} x2={width / 2} y2={height} className="diverging__middle" />
        {segments.map((s) => (
          <g key={s.value}>
            <rect x={s.start * scale} y={5} width={s.width * scale} height={26} className={`diverging__segment diverging--${s.value}`} />
            {s.width * scale >= 14 && (
              <text x={(s.start + s.width / 2) * scale} y={23} textAnchor="middle" className={`diverging__count diverging__count--${s.value === 1 || s.value === 5 ? 'light' : 'dark'}`}>
                {s.width * scale >= 44 ? `${s.value}: ${formatCount(s.count)}` : String(s.value)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption className="chart-legend">
        <span>{texts.disagree}</span>
        {texts.values.map((text, i) => (
          <span key={i} className="chart-legend__item">
            <span className={`diverging__swatch diverging--${i + 1}`} aria-hidden="true" />
            {text}
          </span>
        ))}
        <span>{texts.agree}</span>
      </figcaption>
    </figure>
  );
}
