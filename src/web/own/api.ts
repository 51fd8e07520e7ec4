import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccessLog, OwnClient, OwnClientSummary, OwnSession } from '../../domain/own/schemas';
import { apiRequest, isApiRequestError, setCsrfToken, toQuery } from '../api/client';
import { principalSessionKey } from '../principal/api';

const sessionKey = ['own', 'session'] as const;

/**
 * Who is signed in on the own pages (a client or an external member), or null when nobody is: their
 * own session, apart from a member of staff's. The CSRF token it brings is sent back on changes.
 */
export function useOwnSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<OwnSession | null> => {
      try {
        const session = await apiRequest<OwnSession>('GET', '/api/own/session');
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (isApiRequestError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

export function useOwnClients(enabled: boolean) {
  return useQuery({
    queryKey: ['own', 'clients'],
    enabled,
    queryFn: async () => (await apiRequest<{ clients: OwnClientSummary[] }>('GET', '/api/own/clients')).clients,
  });
}

export function useOwnClient(clientId: string | null) {
  return useQuery({
    queryKey: ['own', 'client', clientId],
    enabled: clientId !== null,
    queryFn: () => apiRequest<OwnClient>('GET', `/api/own/clients/${encodeURIComponent(clientId ?? '')}`),
  });
}

/** The client's access log, newest first, a page at a time ("show older"). */
export function useAccessLog(clientId: string | null) {
  return useInfiniteQuery({
    queryKey: ['own', 'access-log', clientId],
    enabled: clientId !== null,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => apiRequest<AccessLog>('GET', `/api/own/clients/${encodeURIComponent(clientId ?? '')}/access-log${toQuery({ cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/**
 * Signs the client or external member out. The token is set again just before: the staff session's
 * check on the same page (the language menu asks for a staff profile) clears the shared token on its 401.
 */
export function useOwnSignOut(csrfToken: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => {
      setCsrfToken(csrfToken);
      return apiRequest<void>('DELETE', '/api/own/session');
    },
    onSuccess: () => {
      setCsrfToken(null);
      // The session query stays (its observer sends the page to sign-in); what it let be read goes.
      queryClient.setQueryData(sessionKey, null);
      // The sign-in page keeps its own copy of the session: it goes too, or that page would send the person back here.
      queryClient.removeQueries({ queryKey: principalSessionKey });
      queryClient.removeQueries({ queryKey: ['own'], predicate: (query) => query.queryKey[1] !== sessionKey[1] });
    },
  });
}
