import { useQuery } from '@tanstack/react-query';
import type { DaylogView, SessionView } from '../../domain/outreach-views';
import type { MonthTrend } from '../../domain/daylog-trend';
import { apiRequest, toQuery } from '../api/client';
import { withOfflineCopy } from '../offline/cache';
import { monthRange } from './month-grid';

const sitePath = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}`;

/** The logged days of one month at a site (the useSaveDaylog mutation invalidates ['daylog']). */
export function useDaylogMonth(siteId: string, month: string) {
  return useQuery({
    queryKey: ['daylog', 'month', siteId, month],
    enabled: siteId !== '',
    queryFn: async () => (await apiRequest<{ days: DaylogView[] }>('GET', `${sitePath(siteId)}/daylog${toQuery({ month })}`)).days,
  });
}

export type DaylogMonth = { days: DaylogView[]; writable: { from: string; to: string } };

/**
 * The month of `day` with the window of days that may be logged now, for the entry form. Kept on the
 * device too, so the form still opens (prefilled with what it last knew) without a network.
 */
export function useDaylogEntryMonth(siteId: string, day: string) {
  const month = day.slice(0, 7);
  return useQuery({
    queryKey: ['daylog', 'entry', siteId, month],
    enabled: siteId !== '',
    queryFn: () => withOfflineCopy(`daylog:${siteId}:${month}`, () => apiRequest<DaylogMonth>('GET', `${sitePath(siteId)}/daylog${toQuery({ month })}`)),
  });
}

/** Monthly means from `from` to `to`, both 'YYYY-MM'. */
export function useDaylogTrend(siteId: string, from: string, to: string) {
  return useQuery({
    queryKey: ['daylog', 'trend', siteId, from, to],
    enabled: siteId !== '',
    queryFn: async () => (await apiRequest<{ months: MonthTrend[] }>('GET', `${sitePath(siteId)}/daylog/trend${toQuery({ from, to })}`)).months,
  });
}

/** Days of the month with an outreach session that was not cancelled; only a marker, so a failure just leaves it out. */
export function useSessionDays(siteId: string, month: string) {
  return useQuery({
    queryKey: ['sessions', siteId, 'month', month],
    enabled: siteId !== '',
    retry: false,
    queryFn: async () => {
      const { sessions } = await apiRequest<{ sessions: SessionView[] }>('GET', `${sitePath(siteId)}/sessions${toQuery(monthRange(month))}`);
      return new Set(sessions.filter((s) => !s.isCancelled).map((s) => s.day));
    },
  });
}
