import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColleagueView } from '../../domain/colleagues';
import type { PilotDetail, PilotInput, PilotPhaseInput, PilotSummary, PilotUpdate } from '../../domain/pilots';
import type { Report } from '../../domain/report';
import { apiRequest, toQuery } from '../api/client';

const id = encodeURIComponent;
const pilotKey = (pilotId: string) => ['pilots', pilotId] as const;

export function usePilots() {
  return useQuery({ queryKey: ['pilots', 'list'], queryFn: async () => (await apiRequest<{ pilots: PilotSummary[] }>('GET', '/api/pilots')).pilots });
}

export function usePilot(pilotId: string) {
  return useQuery({ queryKey: pilotKey(pilotId), queryFn: () => apiRequest<PilotDetail>('GET', `/api/pilots/${id(pilotId)}`) });
}

/** Every change answers with the whole pilot: it replaces the cached one, and the list is asked again. */
function useStorePilot() {
  const queryClient = useQueryClient();
  return (pilot: PilotDetail) => {
    queryClient.setQueryData(pilotKey(pilot.id), pilot);
    void queryClient.invalidateQueries({ queryKey: ['pilots', 'list'] });
    // The report's pilot section and figures read the same pilot.
    void queryClient.invalidateQueries({ queryKey: ['pilot-figures', pilot.id] });
  };
}

export function useCreatePilot() {
  const store = useStorePilot();
  return useMutation({ mutationFn: (input: PilotInput) => apiRequest<PilotDetail>('POST', '/api/pilots', input), onSuccess: store });
}

export function useUpdatePilot(pilotId: string) {
  const store = useStorePilot();
  return useMutation({ mutationFn: (patch: PilotUpdate) => apiRequest<PilotDetail>('PATCH', `/api/pilots/${id(pilotId)}`, patch), onSuccess: store });
}

export function useSavePhase(pilotId: string) {
  const store = useStorePilot();
  return useMutation({ mutationFn: (input: PilotPhaseInput) => apiRequest<PilotDetail>('POST', `/api/pilots/${id(pilotId)}/phases`, input), onSuccess: store });
}

/** The report narrowed to the pilot and its period so far (GET /api/reports, src/domain/report.ts). */
export function usePilotReport(pilotId: string, period: { from: string; to: string } | null) {
  return useQuery({
    queryKey: ['pilot-figures', pilotId, period?.from, period?.to],
    enabled: period !== null,
    retry: false,
    queryFn: () => apiRequest<Report>('GET', `/api/reports${toQuery({ pilotId, from: period?.from ?? '', to: period?.to ?? '' })}`),
  });
}

/** The professionals of the chosen sites, merged, by name: who can take part in a pilot there. */
export function useProfessionalsOf(siteIds: string[]) {
  const results = useQueries({
    queries: siteIds.map((siteId) => ({
      queryKey: ['colleagues', siteId],
      staleTime: 60 * 60_000,
      queryFn: async () => (await apiRequest<{ colleagues: ColleagueView[] }>('GET', `/api/sites/${id(siteId)}/colleagues`)).colleagues,
    })),
  });
  const byId = new Map<string, ColleagueView>();
  for (const result of results) for (const colleague of result.data ?? []) byId.set(colleague.id, colleague);
  return {
    isPending: results.some((r) => r.isPending),
    error: results.find((r) => r.isError)?.error ?? null,
    professionals: [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fi')),
  };
}
