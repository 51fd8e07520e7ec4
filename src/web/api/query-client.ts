import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiRequestError, isSessionEnded, setCsrfToken } from './client';
import { setSessionEnd } from './session-end';
import { sessionKey } from './session-key';

function endSessionOnUnauthenticated(error: unknown): void {
  if (!isSessionEnded(error)) return;
  // The layout's guard sees a null session and sends the user to /login.
  setSessionEnd('expired');
  setCsrfToken(null);
  queryClient.setQueryData(sessionKey, null);
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: endSessionOnUnauthenticated }),
  mutationCache: new MutationCache({ onError: endSessionOnUnauthenticated }),
  defaultOptions: {
    // The app answers offline itself (cached copies, the outbox): never pause a request for the network.
    mutations: { networkMode: 'always' },
    queries: {
      networkMode: 'always',
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors do not get better by asking again; server hiccups might.
      retry: (failureCount, error) =>
        failureCount < 2 && (!isApiRequestError(error) || error.status >= 500 || error.status === 0),
    },
  },
});
