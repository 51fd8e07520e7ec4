import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColleagueView } from '../../domain/colleagues';
import type { SessionPlan, SessionUpdate } from '../../domain/outreach';
import type { SessionView } from '../../domain/outreach-views';
import { apiRequest, toQuery } from '../api/client';
import { withOfflineCopy } from '../offline/cache';

/** GET /api/sites/:siteId/colleagues: the site's professionals. */
export type Colleague = ColleagueView;

// The staff of a site changes seldom: an hour is fresh enough for pickers.
const staffStale = 60 * 60_000;

/** The site's colleagues, kept on the device so the encounter form can offer them offline. */
export function useColleagues(siteId: string | null) {
  return useQuery({
    queryKey: ['colleagues', siteId],
    enabled: siteId !== null && siteId !== '',
    staleTime: staffStale,
    queryFn: () =>
      withOfflineCopy(`colleagues:${siteId ?? ''}`, async () =>
        (await apiRequest<{ colleagues: Colleague[] }>('GET', `/api/sites/${encodeURIComponent(siteId ?? '')}/colleagues`)).colleagues,
      ),
  });
}

const sessionList = async (path: string): Promise<SessionView[]> => (await apiRequest<{ sessions: SessionView[] }>('GET', path)).sessions;

export function useSiteSessions(siteId: string | null, from: string, to: string) {
  return useQuery({
    queryKey: ['schedule', 'site', siteId, from, to],
    enabled: siteId !== null && siteId !== '',
    queryFn: () => sessionList(`/api/sites/${encodeURIComponent(siteId ?? '')}/sessions${toQuery({ from, to })}`),
  });
}

export function useMySessions(from: string, to: string) {
  return useQuery({
    queryKey: ['schedule', 'mine', from, to],
    queryFn: () => sessionList(`/api/sessions/mine${toQuery({ from, to })}`),
  });
}

export function useOutreachSession(sessionId: string) {
  return useQuery({
    queryKey: ['schedule', 'session', sessionId],
    queryFn: () => apiRequest<SessionView>('GET', `/api/sessions/${encodeURIComponent(sessionId)}`),
  });
}

/** Every list a session appears in: the calendars here and the encounter form's sessions of the day. */
function invalidateSessions(queryClient: ReturnType<typeof useQueryClient>) {
  return Promise.all([queryClient.invalidateQueries({ queryKey: ['schedule'] }), queryClient.invalidateQueries({ queryKey: ['sessions'] })]);
}

/** The fields a plan sends; the server fills its defaults (kind, announced) the same way. */
export type PlanInput = Omit<SessionPlan, 'kind' | 'isAnnounced' | 'skipDays' | 'publicNoteTranslations'> & Partial<Pick<SessionPlan, 'kind' | 'isAnnounced' | 'skipDays' | 'publicNoteTranslations'>>;

export function usePlanSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ siteId, plan }: { siteId: string; plan: PlanInput }) =>
      (await apiRequest<{ sessions: SessionView[] }>('POST', `/api/sites/${encodeURIComponent(siteId)}/sessions`, plan)).sessions,
    onSuccess: () => invalidateSessions(queryClient),
  });
}

export function useUpdateSession(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: SessionUpdate) => apiRequest<SessionView>('PATCH', `/api/sessions/${encodeURIComponent(sessionId)}`, patch),
    onSuccess: (session) => {
      queryClient.setQueryData(['schedule', 'session', sessionId], session);
      // Cached calendars show the change at once (a cancellation must never look still on), then refetch.
      queryClient.setQueriesData<SessionView[] | SessionView>({ queryKey: ['schedule'] }, (cached) =>
        Array.isArray(cached) ? cached.map((s) => (s.id === session.id ? session : s)) : cached,
      );
      return invalidateSessions(queryClient);
    },
  });
}
