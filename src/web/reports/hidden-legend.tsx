import { useTranslation } from 'react-i18next';
import type { SuppressionReason } from '../../domain/report';
import { hiddenMark } from './format';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Each mark that occurs and what it means, as [mark, explanation] lines: for the page, print and exports. */
export function legendLines(reasons: readonly SuppressionReason[], threshold: number, t: Translate): [string, string][] {
  return reasons.map((reason) => [hiddenMark(reason, threshold), t(`report.hidden.${reason}`, { threshold, max: threshold - 1 })]);
}

/** The legend of hidden figures on the page (and on paper: it is not hidden in print). */
export function HiddenLegend({ reasons, threshold }: { reasons: readonly SuppressionReason[]; threshold: number }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return null;
  return (
    <div className="report-legend" id="report-legend">
      <p className="report-legend__title">{t('report.legendTitle')}</p>
      <dl>
        {legendLines(reasons, threshold, t as unknown as Translate).map(([mark, text]) => (
          <div key={mark} className="report-legend__item">
            <dt className="report-legend__mark">{mark}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
