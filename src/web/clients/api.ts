import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColleagueView } from '../../domain/colleagues';
import type { ProcessEventInput, ProcessPrompt, ProcessState } from '../../domain/clients/process';
import type { ClientDetail, ClientInput, ConsentInput, LookupInput } from '../../domain/clients/schemas';
import type { clientSummarySchema, lookupAnswerSchema } from '../../domain/clients/schemas';
import type { z } from 'zod';
import { apiRequest } from '../api/client';

export type ClientSummary = z.infer<typeof clientSummarySchema>;
export type LookupAnswer = z.infer<typeof lookupAnswerSchema>;
export type ProcessMove = { state: ProcessState; prompts: ProcessPrompt[]; client: ClientDetail };

// Identity codes travel in request bodies only (POST /api/clients, /api/clients/lookup): never in a URL
// or a query key, so they reach neither the server's logs nor the browser's history.
const id = encodeURIComponent;
const listKey = ['clients', 'list'] as const;
const clientKey = (clientId: string) => ['clients', 'one', clientId] as const;

export function useClients() {
  return useQuery({ queryKey: listKey, queryFn: async () => (await apiRequest<{ clients: ClientSummary[] }>('GET', '/api/clients')).clients });
}

/** One client; every read is audited by the server, so it is not refetched on window focus. */
export function useClient(clientId: string) {
  return useQuery({ queryKey: clientKey(clientId), queryFn: () => apiRequest<ClientDetail>('GET', `/api/clients/${id(clientId)}`), refetchOnWindowFocus: false, retry: false });
}

/** Every change answers with the whole client: it replaces the cached one, and the list is asked again. */
function useStoreClient() {
  const queryClient = useQueryClient();
  return (client: ClientDetail) => {
    queryClient.setQueryData(clientKey(client.id), client);
    void queryClient.invalidateQueries({ queryKey: listKey });
  };
}

export function useLookupClients() {
  return useMutation({ mutationFn: (input: LookupInput) => apiRequest<LookupAnswer>('POST', '/api/clients/lookup', input) });
}

export function useCreateClient() {
  const store = useStoreClient();
  return useMutation({ mutationFn: (input: ClientInput) => apiRequest<ClientDetail>('POST', '/api/clients', input), onSuccess: store });
}

export function useSetOwnWorker(clientId: string) {
  const store = useStoreClient();
  return useMutation({ mutationFn: (ownWorkerId: string | null) => apiRequest<ClientDetail>('PATCH', `/api/clients/${id(clientId)}`, { ownWorkerId }), onSuccess: store });
}

export function useSetCareTeam(clientId: string) {
  const store = useStoreClient();
  return useMutation({ mutationFn: (memberIds: string[]) => apiRequest<ClientDetail>('PUT', `/api/clients/${id(clientId)}/care-team`, { memberIds }), onSuccess: store });
}

export function useGrantConsent(clientId: string) {
  const store = useStoreClient();
  return useMutation({ mutationFn: (input: ConsentInput) => apiRequest<ClientDetail>('POST', `/api/clients/${id(clientId)}/consents`, input), onSuccess: store });
}

export function useRevokeConsent(clientId: string) {
  const store = useStoreClient();
  return useMutation({ mutationFn: (consentId: string) => apiRequest<ClientDetail>('POST', `/api/clients/${id(clientId)}/consents/${id(consentId)}/revoke`), onSuccess: store });
}

export function useAdvanceProcess(clientId: string) {
  const store = useStoreClient();
  return useMutation({
    mutationFn: (event: ProcessEventInput) => apiRequest<ProcessMove>('POST', `/api/clients/${id(clientId)}/process/events`, event),
    onSuccess: (moved) => store(moved.client),
  });
}

/** The staff directory of the client's site: who can be named own worker or put on the care team. */
export function useColleagues(siteId: string) {
  return useQuery({
    queryKey: ['colleagues', siteId],
    enabled: siteId !== '',
    staleTime: 60 * 60_000,
    queryFn: async () => (await apiRequest<{ colleagues: ColleagueView[] }>('GET', `/api/sites/${id(siteId)}/colleagues`)).colleagues,
  });
}
