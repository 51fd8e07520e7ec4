import type { TFunction } from 'i18next';
import type { GroupSeriesView, GroupSessionView } from '../../domain/groups';
import type { Locale } from '../../domain/org';
import { weekdayLabel } from '../common/labels';
import { formatDay } from '../schedule/dates';
import { formatDay as formatShortDay } from '../visitors/format';
import { toDisplayTime } from '../sites/time';

/** "9.00–10.30" */
export const timeRange = (startsAt: string, endsAt: string): string => `${toDisplayTime(startsAt)}–${toDisplayTime(endsAt)}`;

/** "Maanantai 12.00–13.30" */
export const seriesWhen = (t: TFunction, series: GroupSeriesView): string =>
  `${series.weekday === null ? '' : `${weekdayLabel(t, series.weekday)} `}${timeRange(series.startsAt, series.endsAt)}`;

/** "2.3.2026–20.4.2026" */
export const seriesPeriod = (series: GroupSeriesView, locale: Locale): string => `${formatShortDay(series.startsOn, locale)}–${formatShortDay(series.endsOn, locale)}`;

/** The first session from today on that is not cancelled, or null when the series has ended. */
export const nextSession = (sessions: GroupSessionView[], today: string): GroupSessionView | null =>
  [...sessions].filter((s) => !s.isCancelled && s.day >= today).sort((a, b) => a.day.localeCompare(b.day) || a.startsAt.localeCompare(b.startsAt))[0] ?? null;

/** "ma 2.3.2026" */
export const sessionDay = (day: string, locale: Locale): string => formatDay(day, locale);
