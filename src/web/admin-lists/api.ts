import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CodeView, ServiceView } from '../../domain/outreach-views';
import { apiRequest } from '../api/client';

/** The three names every code and service carries. */
export type Labels = { fi: string; sv: string; en: string };
export type CodeKind = CodeView['kind'];
export type CodeRegister = CodeView['register'];
export type NewCode = { kind: CodeKind; register: CodeRegister; code: string; labels: Labels };
export type CodePatch = { labels?: Labels; sortOrder?: number; isActive?: boolean };
export type NewService = { code: string; names: Labels; sortOrder: number };
export type ServicePatch = { names?: Labels; sortOrder?: number; isActive?: boolean };

// The lists are read with useCodes/useServices (src/web/api/outreach.ts) under these keys; after a
// change the list is refetched, which also refreshes the copy kept for offline use.
const codesKey = ['codes'] as const;
const servicesKey = ['services'] as const;

export function useCreateCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewCode) => apiRequest<CodeView>('POST', '/api/codes', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: codesKey }),
  });
}

export function useUpdateCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, patch }: { code: Pick<CodeView, 'kind' | 'register' | 'code'>; patch: CodePatch }) =>
      apiRequest<CodeView>(
        'PATCH',
        `/api/codes/${encodeURIComponent(code.kind)}/${encodeURIComponent(code.register)}/${encodeURIComponent(code.code)}`,
        patch,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: codesKey }),
  });
}

export function useCreateService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewService) => apiRequest<ServiceView>('POST', '/api/services', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: servicesKey }),
  });
}

export function useUpdateService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ serviceId, patch }: { serviceId: string; patch: ServicePatch }) =>
      apiRequest<ServiceView>('PATCH', `/api/services/${encodeURIComponent(serviceId)}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: servicesKey }),
  });
}
