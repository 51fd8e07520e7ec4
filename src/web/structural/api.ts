import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnswerInput, ObservationDetail, ObservationInput, ObservationNotice, ObservationView, QuarterlyReport, YearlySummary } from '../../domain/structural/observations';
import { apiRequest } from '../api/client';

const key = ['structural'] as const;

export function useObservations(mine: boolean, enabled = true) {
  return useQuery({
    queryKey: [...key, 'list', mine],
    enabled,
    queryFn: async () => (await apiRequest<{ observations: ObservationView[] }>('GET', `/api/structural/observations?mine=${mine}`)).observations,
  });
}

export function useObservation(id: string) {
  return useQuery({ queryKey: [...key, 'one', id], queryFn: () => apiRequest<ObservationDetail>('GET', `/api/structural/observations/${encodeURIComponent(id)}`) });
}

/** Every change refreshes every structural answer: lists, the detail and the reports all show states. */
function useStructuralMutation<T, R>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: key }) });
}

export const useCreateObservation = () =>
  useStructuralMutation((input: Omit<ObservationInput, 'submit'> & { submit: boolean }) => apiRequest<ObservationView>('POST', '/api/structural/observations', input));
export const useSubmitObservation = () => useStructuralMutation((id: string) => apiRequest<ObservationView>('POST', `/api/structural/observations/${encodeURIComponent(id)}/submit`));
export const useCosignObservation = () => useStructuralMutation((id: string) => apiRequest<ObservationView>('POST', `/api/structural/observations/${encodeURIComponent(id)}/cosign`));
export const useAnswerObservation = () =>
  useStructuralMutation(({ id, answer }: { id: string; answer: AnswerInput }) => apiRequest<ObservationView>('POST', `/api/structural/observations/${encodeURIComponent(id)}/answer`, answer));

export type QuarterRef = { municipalityCode: string; year: number; quarter: number };

export function useQuarterlyReport(ref: QuarterRef | null) {
  return useQuery({
    queryKey: [...key, 'quarterly', ref],
    enabled: ref !== null,
    queryFn: () => apiRequest<QuarterlyReport>('GET', `/api/structural/quarterly?municipalityCode=${ref!.municipalityCode}&year=${ref!.year}&quarter=${ref!.quarter}`),
  });
}

export const useCompileQuarter = () => useStructuralMutation((ref: QuarterRef) => apiRequest<QuarterlyReport>('POST', '/api/structural/quarterly/compile', ref));
export const usePresentQuarter = () =>
  useStructuralMutation((ref: QuarterRef & { presentedOn: string }) => apiRequest<QuarterlyReport>('POST', '/api/structural/quarterly/present', ref));

export const useDeliverQuarter = () => useStructuralMutation((ref: QuarterRef) => apiRequest<QuarterlyReport>('POST', '/api/structural/quarterly/deliver', ref));

export type YearRef = { municipalityCode: string; year: number };

export function useYearlySummary(ref: YearRef | null) {
  return useQuery({
    queryKey: [...key, 'yearly', ref],
    enabled: ref !== null,
    queryFn: () => apiRequest<YearlySummary>('GET', `/api/structural/yearly?municipalityCode=${ref!.municipalityCode}&year=${ref!.year}`),
  });
}

/** The caller's notices of status changes of what they filed or co-signed. */
export function useNotices(enabled = true) {
  return useQuery({ queryKey: [...key, 'notices'], enabled, queryFn: async () => (await apiRequest<{ notices: ObservationNotice[] }>('GET', '/api/structural/notices')).notices });
}
export const useMarkNoticesSeen = () => useStructuralMutation((ids: string[]) => apiRequest<{ seen: number }>('POST', '/api/structural/notices/seen', { ids }));
