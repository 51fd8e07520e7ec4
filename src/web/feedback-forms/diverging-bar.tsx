import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale';
import { divergingSegments, formatNumber } from './results-format';
import { scaleKey } from './texts';

/** Disagreement in warm tones to the left, agreement in blues to the right; every segment also carries its number. */
const fills: Record<number, { fill: string; ink: string }> = {
  1: { fill: '#a4282b', ink: '#ffffff' },
  2: { fill: '#f0b8b0', ink: '#1f2a3a' },
  3: { fill: '#d5d9dc', ink: '#1f2a3a' },
  4: { fill: '#a9c8ec', ink: '#1f2a3a' },
  5: { fill: '#1d4f91', ink: '#ffffff' },
};

/**
 * A diverging stacked bar of one statement. The table under it carries the same figures for screen
 * readers, so the picture is hidden from them; sighted readers get the value (1–5) in each segment
 * wide enough for it, and the legend names the values.
 */
export function DivergingBar({ distribution }: { distribution: { value: number; count: number }[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const segments = divergingSegments(distribution);
  if (segments.length === 0) return null;
  return (
    <div className="diverging">
      <svg className="diverging__bar" viewBox="0 0 400 36" aria-hidden="true" focusable="false">
        {/* Drawn first: the middle shows as ticks above and below the bar without crossing its labels. */}
        <line x1={200} y1={0} x2={200} y2={36} stroke="#1f2a3a" strokeWidth={2} />
        {segments.map((s) => (
          <g key={s.value}>
            <rect x={s.start * 2} y={5} width={s.width * 2} height={26} fill={fills[s.value]!.fill} stroke="#ffffff" strokeWidth={1} />
            {s.width * 2 >= 14 && (
              <text x={s.start * 2 + s.width} y={23} textAnchor="middle" fontSize={14} fontWeight={600} fill={fills[s.value]!.ink}>
                {s.width * 2 >= 44 ? `${s.value}: ${formatNumber(s.count, locale)}` : String(s.value)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <p className="diverging__ends" aria-hidden="true">
        <span>{t('feedbackForms.results.disagree')}</span>
        <span>{t('feedbackForms.results.agree')}</span>
      </p>
      <ul className="diverging__legend" aria-hidden="true">
        {[1, 2, 3, 4, 5].map((value) => (
          <li key={value}>
            <span className="diverging__swatch" data-value={value} />
            {`${value} = ${t(scaleKey(value))}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
