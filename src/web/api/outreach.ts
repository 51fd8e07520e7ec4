import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CodeView, EncounterView, ServiceView, SessionView } from '../../domain/outreach-views';
import type { DaylogInput, EncounterInput } from '../../domain/outreach';
import { withOfflineCopy } from '../offline/cache';
import { sendOrQueue } from '../offline/outbox';
import { apiRequest, isApiRequestError, toQuery } from './client';

// Code lists and services change seldom: keep them for the working day.
const longStale = 60 * 60_000;

export const codesQuery = {
  queryKey: ['codes'],
  queryFn: () => withOfflineCopy('codes', async () => (await apiRequest<{ codes: CodeView[] }>('GET', '/api/codes')).codes),
  staleTime: longStale,
};

export const servicesQuery = {
  queryKey: ['services'],
  queryFn: () => withOfflineCopy('services', async () => (await apiRequest<{ services: ServiceView[] }>('GET', '/api/services')).services),
  staleTime: longStale,
};

export function useCodes() {
  return useQuery(codesQuery);
}

export function useServices() {
  return useQuery(servicesQuery);
}

/** The site's sessions of one day (their professionals are the colleagues one can add). */
export function useSessionsOfDay(siteId: string | null, day: string) {
  return useQuery({
    queryKey: ['sessions', siteId, day],
    enabled: siteId !== null,
    queryFn: () =>
      withOfflineCopy(`sessions:${siteId ?? ''}:${day}`, async () =>
        (
          await apiRequest<{ sessions: SessionView[] }>(
            'GET',
            `/api/sites/${encodeURIComponent(siteId ?? '')}/sessions${toQuery({ from: day, to: day })}`,
          )
        ).sessions,
      ),
  });
}

const encountersKey = (siteId: string | null, day: string) => ['encounters', siteId, day] as const;

/**
 * The site's encounters of one day. Kept on the device, so that without a network the list shows the
 * saved ones it last knew at once instead of retrying; the outbox's own entries are shown beside them.
 */
export function useEncountersOfDay(siteId: string | null, day: string) {
  return useQuery({
    queryKey: encountersKey(siteId, day),
    enabled: siteId !== null,
    queryFn: () =>
      withOfflineCopy(`encounters:${siteId ?? ''}:${day}`, async () =>
        (
          await apiRequest<{ encounters: EncounterView[] }>(
            'GET',
            `/api/sites/${encodeURIComponent(siteId ?? '')}/encounters${toQuery({ day })}`,
          )
        ).encounters,
      ),
    // Asking again while the browser is offline only keeps the spinner going.
    retry: (failureCount, error) => navigator.onLine && failureCount < 2 && (!isApiRequestError(error) || error.status >= 500 || error.status === 0),
  });
}

export type NewEncounter = Partial<EncounterInput> & Pick<EncounterInput, 'id' | 'siteId' | 'occurredAt'>;

/**
 * Records an encounter: sent now when online, otherwise kept in the outbox and sent later.
 * Resending the same id returns the stored one (idempotent on the server).
 */
export function useRecordEncounter(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewEncounter) =>
      sendOrQueue({ id: input.id, userId, kind: 'encounter', method: 'POST', path: '/api/encounters', body: input }),
    onSuccess: (result, input) =>
      result === 'sent' ? queryClient.invalidateQueries({ queryKey: ['encounters', input.siteId] }) : undefined,
  });
}

export type NewDaylog = Partial<DaylogInput> & Pick<DaylogInput, 'id'>;

/** Saves the day log of a day (an upsert; the entry id is made on the device), or queues it offline. */
export function useSaveDaylog(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ siteId, day, input }: { siteId: string; day: string; input: NewDaylog }) =>
      sendOrQueue({
        id: input.id,
        userId,
        kind: 'daylog',
        method: 'PUT',
        path: `/api/sites/${encodeURIComponent(siteId)}/daylog/${day}`,
        body: input,
      }),
    onSuccess: (result) => (result === 'sent' ? queryClient.invalidateQueries({ queryKey: ['daylog'] }) : undefined),
  });
}
