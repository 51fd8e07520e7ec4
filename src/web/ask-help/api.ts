import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  HelpConvertInput, HelpCounts, HelpReceipt, HelpRequestDetail, HelpRequestInput, HelpRequestPatch, HelpRequestSummary, HelpSettings, SenderView,
} from '../../domain/help-requests/schemas';
import { apiRequest } from '../api/client';

// The sender's side: public, never retried by itself (every wrong code counts against the address).
export const useHelpSettings = (regionId: string) =>
  useQuery({ queryKey: ['help', 'settings', regionId], queryFn: () => apiRequest<HelpSettings>('GET', `/api/public/help/regions/${encodeURIComponent(regionId)}`), retry: false });
export const useSendHelpRequest = () => useMutation({ mutationFn: (input: HelpRequestInput) => apiRequest<HelpReceipt>('POST', '/api/public/help/requests', input), retry: false });
export const useOpenHelpRequest = () => useMutation({ mutationFn: (code: string) => apiRequest<SenderView>('POST', '/api/public/help/requests/open', { code }), retry: false });
export const useSenderReply = () =>
  useMutation({ mutationFn: (input: { code: string; message: string }) => apiRequest<SenderView>('POST', '/api/public/help/requests/reply', input), retry: false });

// The guidance team's side.
const key = ['help-requests'] as const;
export const useHelpCounts = (enabled: boolean) => useQuery({ queryKey: [...key, 'counts'], enabled, queryFn: () => apiRequest<HelpCounts>('GET', '/api/help-requests/counts') });
export const useHelpInbox = (status: string) =>
  useQuery({ queryKey: [...key, 'list', status], queryFn: async () => (await apiRequest<{ requests: HelpRequestSummary[] }>('GET', `/api/help-requests?status=${status}`)).requests });
export const useHelpRequest = (id: string) => useQuery({ queryKey: [...key, 'one', id], queryFn: () => apiRequest<HelpRequestDetail>('GET', `/api/help-requests/${encodeURIComponent(id)}`) });

function useHelpMutation<T>(fn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: key }) });
}
const path = (id: string) => `/api/help-requests/${encodeURIComponent(id)}`;
export const useUpdateHelpRequest = (id: string) => useHelpMutation((patch: HelpRequestPatch) => apiRequest<HelpRequestDetail>('PATCH', path(id), patch));
export const useAddHelpNote = (id: string) => useHelpMutation((text: string) => apiRequest<HelpRequestDetail>('POST', `${path(id)}/notes`, { text }));
export const useReplyToSender = (id: string) => useHelpMutation((text: string) => apiRequest<HelpRequestDetail>('POST', `${path(id)}/replies`, { text }));
export const useConvertToClient = (id: string) =>
  useHelpMutation((input: HelpConvertInput) => apiRequest<{ clientId: string }>('POST', `${path(id)}/client`, input));
