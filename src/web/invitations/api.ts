import { useMutation, useQuery } from '@tanstack/react-query';
import type { InvitationCard } from '../../domain/invitations';
import { apiRequest } from '../api/client';

type ClientOption = { id: string; name: string };

/** The caller's own clients (own worker or care team): the ones they may invite. */
export function useOwnClients(enabled: boolean) {
  return useQuery({
    queryKey: ['clients', 'own', 'for-invitation'],
    queryFn: async () => (await apiRequest<{ clients: ClientOption[] }>('GET', '/api/clients')).clients,
    enabled,
  });
}

/** Issues a new code for a client; the earlier code, passkeys, PIN and sessions stop working. */
export function useInviteClient() {
  return useMutation({ mutationFn: (clientId: string) => apiRequest<InvitationCard>('POST', `/api/clients/${clientId}/invitations`) });
}

/** Adds an external member and issues their first code. */
export function useInviteExternalMember() {
  return useMutation({
    mutationFn: async (displayName: string) => {
      const member = await apiRequest<{ id: string }>('POST', '/api/external-members', { displayName });
      return apiRequest<InvitationCard>('POST', `/api/external-members/${member.id}/invitations`);
    },
  });
}
