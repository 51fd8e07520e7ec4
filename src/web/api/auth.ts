import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '../../domain/api-types';
import type { Locale } from '../../domain/org';
import { forgetOfflineCopies } from '../offline/cache';
import { idbGet, idbPut } from '../offline/idb';
import { ApiRequestError, apiRequest, setCsrfToken } from './client';
import { setSessionEnd } from './session-end';
import { sessionKey } from './session-key';

/**
 * Forgets every cached answer except the session itself: the session query must stay the same
 * object, because the layout keeps observing it (a removed query no longer informs its observers).
 */
function forgetOtherQueries(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
}

const offlineUserKey = 'session-user';
// The abilities are kept beside the user so that an offline start shows the same pages as online.
const offlineAbilitiesKey = 'session-abilities';

function rememberSession(session: SessionInfo): Promise<unknown> {
  return Promise.all([idbPut('cache', session.user, offlineUserKey), idbPut('cache', session.abilities, offlineAbilitiesKey)]).catch(() => undefined);
}

async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const session = await apiRequest<SessionInfo>('GET', '/api/auth/me');
    setCsrfToken(session.csrfToken);
    await rememberSession(session);
    return session;
  } catch (error) {
    // Offline: the last known user lets the app open; the CSRF token is fetched again before sending.
    if (error instanceof ApiRequestError && error.code === 'network') {
      const user = await idbGet<SessionInfo['user']>('cache', offlineUserKey).catch(() => undefined);
      const abilities = await idbGet<SessionInfo['abilities']>('cache', offlineAbilitiesKey).catch(() => undefined);
      if (user !== undefined) {
        setCsrfToken(null);
        // A copy saved before abilities were sent has none: the pages then wait for the connection.
        return { user, abilities: abilities ?? {}, csrfToken: '' };
      }
    }
    if (error instanceof ApiRequestError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in user's session info; `null` when nobody is signed in. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

export type Credentials = { username: string; password: string };

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => apiRequest<SessionInfo>('POST', '/api/auth/login', credentials),
    onSuccess: (session) => {
      setSessionEnd(null);
      setCsrfToken(session.csrfToken);
      // Nothing cached for a previous user may leak into this one's screens.
      forgetOtherQueries(queryClient);
      // The offline copies belong to one user: start afresh, remembering who signed in.
      void forgetOfflineCopies().then(() => rememberSession(session));
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<undefined>('POST', '/api/auth/logout'),
    onSettled: () => {
      setSessionEnd('signed_out');
      setCsrfToken(null);
      forgetOtherQueries(queryClient);
      void forgetOfflineCopies();
      queryClient.setQueryData(sessionKey, null);
    },
  });
}

export function useSaveLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => apiRequest<SessionInfo>('PATCH', '/api/auth/me', { locale }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export type PasswordChange = { currentPassword: string; newPassword: string };

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PasswordChange) => apiRequest<SessionInfo>('POST', '/api/auth/password', change),
    // The server rotated the session: the new cookie is already set, the new CSRF token comes here.
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey, session);
    },
  });
}
