import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../domain/api-types';
import type { Locale } from '../../domain/org';
import { formatClock, formatDate } from '../../domain/date-format';
import { useLocale } from '../i18n/use-locale';
import { resourceTypeLabel } from './audit-labels';

/** "7.12.2026" and "10.10" in Finnish: the server sends a Helsinki calendar day and an 'HH:MM'. */
function formatWhen(t: TFunction, locale: Locale, day: string | null, time: string | null): string {
  if (day === null) return '';
  const date = formatDate(day, locale);
  if (time === null) return date;
  return t('audit.target.dayTime', { day: date, time: formatClock(time, locale) });
}

/** "Kohtaaminen · 7.12.2026 klo 10.10", "Ryhmän osallistujat · Olohuone, 3.12.2026 klo 13.00", or the kind alone. */
export function useTargetText(): (entry: AuditEntryView) => string {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (entry) => {
    const kind = resourceTypeLabel(t, entry.resourceType);
    const when = formatWhen(t, locale, entry.target.day, entry.target.time);
    const { name } = entry.target;
    const detail = name !== null && when !== '' ? t('audit.target.named', { name, when }) : (name ?? when);
    return detail === '' ? kind : `${kind} · ${detail}`;
  };
}
