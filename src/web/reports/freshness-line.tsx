import { useTranslation } from 'react-i18next';
import { formatDate, formatTime, helsinkiDate } from '../../domain/date-format';
import type { Report } from '../../domain/report';
import { isLocale } from '../i18n/locale';

/**
 * The day and time (Helsinki) the figures are complete up to, as the locale writes them. The report's
 * figures come from rollups folded every few seconds and never waited for (at most a minute behind).
 */
export function freshnessParts(iso: string, locale: string): { day: string; time: string } {
  const lang = isLocale(locale) ? locale : 'fi';
  return { day: formatDate(helsinkiDate(iso), lang), time: formatTime(iso, lang) };
}

/** The oldest of the reports' freshness times (a comparison is as fresh as its stalest part), or null. */
export function oldestFreshness(reports: Pick<Report, 'figuresAsOf'>[]): string | null {
  const times = reports.map((r) => r.figuresAsOf ?? null);
  if (times.some((t) => t === null)) return null;
  return (times as string[]).reduce((a, b) => (a < b ? a : b));
}

/** "Figures include what was saved before 10:31 on 7 Dec 2026." under the report's summary. */
export function FreshnessLine({ reports }: { reports: Pick<Report, 'figuresAsOf'>[] }) {
  const { t, i18n } = useTranslation();
  const iso = oldestFreshness(reports);
  if (iso === null) return null;
  return (
    <p className="report-freshness" id="report-freshness">
      {t('reportFreshness.upTo', freshnessParts(iso, i18n.language))}
    </p>
  );
}
