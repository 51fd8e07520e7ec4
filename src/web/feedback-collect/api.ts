import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AnswerInput,
  FeedbackContext,
  kioskUnlockedSchema,
  kioskViewSchema,
  LinkView,
  OpenedForm,
  QuotaAlarm,
  feedbackFormSummarySchema,
} from '../../domain/feedback';
import type { groupSeriesDetailSchema, GroupSeriesView } from '../../domain/groups';
import type { SessionView } from '../../domain/outreach-views';
import type { Locale } from '../../domain/org';
import { apiRequest, toQuery } from '../api/client';

export type FormSummary = z.infer<typeof feedbackFormSummarySchema>;
export type KioskView = z.infer<typeof kioskViewSchema>;
export type KioskUnlocked = z.infer<typeof kioskUnlockedSchema>;
type GroupSeriesDetail = z.infer<typeof groupSeriesDetailSchema>;
type ContextInput = Pick<FeedbackContext, 'siteId'> & Partial<Pick<FeedbackContext, 'outreachSessionId' | 'groupSessionId'>>;

// ---- public: kiosk tablet and visitor's phone (no sign-in; never retried by itself, each opening counts) ----

export const openKiosk = (kioskToken: string) => apiRequest<OpenedForm>('POST', '/api/public/kiosk/open', { kioskToken });
export const openLink = (token: string) => apiRequest<OpenedForm>('POST', `/api/public/feedback/links/${encodeURIComponent(token)}/open`);
export const leaveKiosk = (kioskToken: string, pin: string) => apiRequest<undefined>('POST', '/api/public/kiosk/leave', { kioskToken, pin });
export const sendAnswers = (ticket: string, locale: Locale, answers: AnswerInput[]) =>
  apiRequest<{ status: 'received' }>('POST', '/api/public/feedback/responses', { ticket, locale, answers });

// ---- staff ----

export function useFeedbackForms() {
  return useQuery({ queryKey: ['feedback-forms'], queryFn: async () => (await apiRequest<{ forms: FormSummary[] }>('GET', '/api/feedback/forms')).forms });
}

/** Today's outreach sessions and group sessions at the site, to tie feedback to one of them. */
export function useTodaysSessions(siteId: string, day: string) {
  return useQuery({
    queryKey: ['feedback-collect-sessions', siteId, day],
    enabled: siteId !== '',
    queryFn: async () => {
      const site = encodeURIComponent(siteId);
      const [outreach, series] = await Promise.all([
        apiRequest<{ sessions: SessionView[] }>('GET', `/api/sites/${site}/sessions${toQuery({ from: day, to: day })}`),
        apiRequest<{ series: GroupSeriesView[] }>('GET', `/api/sites/${site}/group-series`),
      ]);
      // Only series running today can have a session today: fetch those series' sessions alone.
      const running = series.series.filter((s) => s.startsOn <= day && s.endsOn >= day);
      const details = await Promise.all(running.map((s) => apiRequest<GroupSeriesDetail>('GET', `/api/group-series/${encodeURIComponent(s.id)}`)));
      const groups = details.flatMap((d) => d.sessions.filter((g) => g.day === day && !g.isCancelled).map((g) => ({ ...g, name: d.name })));
      return { outreach: outreach.sessions.filter((s) => !s.isCancelled), groups };
    },
  });
}

const kiosksKey = (siteId: string) => ['feedback-kiosks', siteId];
const linksKey = (siteId: string) => ['feedback-links', siteId];
const alarmsKey = ['feedback-alarms'];

export function useOpenKiosks(siteId: string) {
  return useQuery({
    queryKey: kiosksKey(siteId),
    enabled: siteId !== '',
    queryFn: async () => (await apiRequest<{ kiosks: KioskView[] }>('GET', `/api/sites/${encodeURIComponent(siteId)}/feedback/kiosks`)).kiosks,
  });
}

export function useLinks(siteId: string) {
  return useQuery({
    queryKey: linksKey(siteId),
    enabled: siteId !== '',
    queryFn: async () => (await apiRequest<{ links: LinkView[] }>('GET', `/api/sites/${encodeURIComponent(siteId)}/feedback/links`)).links,
  });
}

export function useUnlockKiosk() {
  return useMutation({
    mutationFn: (input: { formId: string; context: ContextInput; pin: string }) => apiRequest<KioskUnlocked>('POST', '/api/feedback/kiosks', input),
  });
}

export function useCreateLink(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { formId: string; context: ContextInput; validUntil: string }) => apiRequest<LinkView>('POST', '/api/feedback/links', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: linksKey(siteId) }),
  });
}

export function useCloseKiosk(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kioskId: string) => apiRequest<KioskView>('POST', `/api/feedback/kiosks/${encodeURIComponent(kioskId)}/close`),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: kiosksKey(siteId) }), queryClient.invalidateQueries({ queryKey: alarmsKey })]),
  });
}

export function useCloseLink(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => apiRequest<LinkView>('POST', `/api/feedback/links/${encodeURIComponent(linkId)}/close`),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: linksKey(siteId) }), queryClient.invalidateQueries({ queryKey: alarmsKey })]),
  });
}


/** Links and kiosks that reached their daily quota, for their makers, the form's maker and coordinators. */
export function useQuotaAlarms() {
  return useQuery({ queryKey: alarmsKey, queryFn: async () => (await apiRequest<{ alarms: QuotaAlarm[] }>('GET', '/api/feedback/alarms')).alarms });
}

/** Pauses or resumes a link; the site's links and the alarms show the new state. */
export function usePauseLink(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ linkId, isPaused }: { linkId: string; isPaused: boolean }) =>
      apiRequest<LinkView>('POST', `/api/feedback/links/${encodeURIComponent(linkId)}/${isPaused ? 'pause' : 'resume'}`),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: linksKey(siteId) }), queryClient.invalidateQueries({ queryKey: alarmsKey })]),
  });
}

/** Pauses or resumes a kiosk from a staff member's own device; the site's kiosks and the alarms show the new state. */
export function usePauseKiosk(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kioskId, isPaused }: { kioskId: string; isPaused: boolean }) =>
      apiRequest<KioskView>('POST', `/api/feedback/kiosks/${encodeURIComponent(kioskId)}/${isPaused ? 'pause' : 'resume'}`),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: kiosksKey(siteId) }), queryClient.invalidateQueries({ queryKey: alarmsKey })]),
  });
}
