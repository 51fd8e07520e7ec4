import { useQuery } from '@tanstack/react-query';
import type { DaylogView, SessionView } from '../../domain/outreach-views';
import type { MonthTrend } from '../../domain/daylog-trend';
import { apiRequest, toQuery } from '../api/client';
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
