import type { TFunction } from 'i18next';
import type { GroupSeriesView, GroupSessionView } from '../../domain/groups';
import type { Locale } from '../../domain/org';
import { weekdayLabel } from '../common/labels';
import { formatDateRange, formatTimeRange } from '../../domain/date-format';
import { formatDay } from '../schedule/dates';

/** "9.00–10.30" (fi, sv), "9:00–10:30" (en) */
export const timeRange = (startsAt: string, endsAt: string, locale: Locale): string => formatTimeRange(startsAt, endsAt, locale);

/** "Maanantai 12.00–13.30" */
export const seriesWhen = (t: TFunction, series: GroupSeriesView, locale: Locale): string =>
  `${series.weekday === null ? '' : `${weekdayLabel(t, series.weekday)} `}${timeRange(series.startsAt, series.endsAt, locale)}`;

/** "2.3.2026–20.4.2026" (fi, sv), "2 Mar 2026 – 20 Apr 2026" (en) */
export const seriesPeriod = (series: GroupSeriesView, locale: Locale): string => formatDateRange(series.startsOn, series.endsOn, locale);

/** The first session from today on that is not cancelled, or null when the series has ended. */
export const nextSession = (sessions: GroupSessionView[], today: string): GroupSessionView | null =>
  [...sessions].filter((s) => !s.isCancelled && s.day >= today).sort((a, b) => a.day.localeCompare(b.day) || a.startsAt.localeCompare(b.startsAt))[0] ?? null;

/** "ma 2.3.2026" */
export const sessionDay = (day: string, locale: Locale): string => formatDay(day, locale);
