import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EncounterUpdate } from '../../domain/outreach';
import type { EncounterView } from '../../domain/outreach-views';
import { apiRequest } from '../api/client';

// Reading one encounter and correcting it: online only (an edit needs the stored entry to start from).

export function useEncounter(encounterId: string) {
  return useQuery({
    queryKey: ['encounter', encounterId],
    queryFn: () => apiRequest<EncounterView>('GET', `/api/encounters/${encodeURIComponent(encounterId)}`),
  });
}

export function useUpdateEncounter(encounterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: EncounterUpdate) => apiRequest<EncounterView>('PATCH', `/api/encounters/${encodeURIComponent(encounterId)}`, patch),
    onSuccess: async (view) => {
      queryClient.setQueryData(['encounter', encounterId], view);
      await queryClient.invalidateQueries({ queryKey: ['encounters', view.siteId] });
    },
  });
}

export function useDeleteEncounter(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (encounterId: string) => apiRequest<void>('DELETE', `/api/encounters/${encodeURIComponent(encounterId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['encounters', siteId] }),
  });
}
