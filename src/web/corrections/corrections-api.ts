import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EncounterView } from '../../domain/outreach-views';
import { apiRequest } from '../api/client';
import type { CorrectionChanges } from './correction-values';

// A coordinator's corrections: online only, and never cached offline (each read is an audited person-level read).

const dayKey = (siteId: string, day: string) => ['encounters-for-correction', siteId, day] as const;

export function useEncountersForCorrection(siteId: string | null, day: string | null) {
  return useQuery({
    queryKey: dayKey(siteId ?? '', day ?? ''),
    enabled: siteId !== null && day !== null,
    queryFn: async () =>
      (await apiRequest<{ encounters: EncounterView[] }>('GET', `/api/sites/${encodeURIComponent(siteId ?? '')}/encounters/for-correction?day=${encodeURIComponent(day ?? '')}`)).encounters,
  });
}

/** After a correction or removal the day's list, the professionals' lists and the figures are read again. */
async function refresh(queryClient: ReturnType<typeof useQueryClient>, siteId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['encounters-for-correction', siteId] }),
    queryClient.invalidateQueries({ queryKey: ['encounters', siteId] }),
  ]);
}

export function useCorrectEncounter(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ encounterId, reason, changes }: { encounterId: string; reason: string; changes: CorrectionChanges }) =>
      apiRequest<EncounterView>('POST', `/api/encounters/${encodeURIComponent(encounterId)}/correction`, { reason, changes }),
    onSuccess: () => refresh(queryClient, siteId),
  });
}

export function useRemoveEncounter(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ encounterId, reason }: { encounterId: string; reason: string }) =>
      apiRequest<void>('POST', `/api/encounters/${encodeURIComponent(encounterId)}/removal`, { reason }),
    onSuccess: () => refresh(queryClient, siteId),
  });
}
