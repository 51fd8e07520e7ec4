import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MunicipalityInput, MunicipalityUpdate, MunicipalityView } from '../../domain/municipalities';
import { apiRequest } from '../api/client';

const municipalitiesKey = ['municipalities'] as const;

/** The region's municipalities, deactivated ones included (the list says which). */
export function useMunicipalities() {
  return useQuery({
    queryKey: municipalitiesKey,
    queryFn: async () => (await apiRequest<{ municipalities: MunicipalityView[] }>('GET', '/api/municipalities')).municipalities,
  });
}

export function useCreateMunicipality() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MunicipalityInput) => apiRequest<MunicipalityView>('POST', '/api/municipalities', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: municipalitiesKey }),
  });
}

export function useUpdateMunicipality() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, patch }: { code: string; patch: MunicipalityUpdate }) =>
      apiRequest<MunicipalityView>('PATCH', `/api/municipalities/${encodeURIComponent(code)}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: municipalitiesKey }),
  });
}
