import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { VisitorCodeView } from '../../domain/outreach-views';
import { apiRequest, isApiRequestError } from '../api/client';

export const visitorCodeKey = (code: string) => ['visitor-code', code] as const;

// Every look-up is an audited person-level read: a card opened right after the look-up uses that
// answer instead of asking again, and a failed look-up (typo, unknown code) is not retried.
const lookupStale = 60_000;
const fetchVisitorCode = (code: string) => apiRequest<VisitorCodeView>('GET', `/api/visitor-codes/${encodeURIComponent(code)}`);

/** Looks a code up (the typed or scanned one) and keeps the answer for its card page. */
export function lookUpVisitorCode(queryClient: QueryClient, code: string): Promise<VisitorCodeView> {
  return queryClient.fetchQuery({ queryKey: visitorCodeKey(code), queryFn: () => fetchVisitorCode(code), staleTime: lookupStale, retry: false });
}

/** What the code has been used for; only professionals may read it (day-centre staff get 403). */
export function useVisitorCode(code: string, enabled: boolean) {
  return useQuery({
    queryKey: visitorCodeKey(code),
    queryFn: () => fetchVisitorCode(code),
    enabled,
    staleTime: lookupStale,
    retry: (count, error) => !(isApiRequestError(error) && error.status >= 400 && error.status < 500) && count < 2,
  });
}

export function useIssueVisitorCode() {
  return useMutation({
    mutationFn: (siteId: string) => apiRequest<{ code: string }>('POST', `/api/sites/${encodeURIComponent(siteId)}/visitor-codes`),
  });
}

export function useRetireVisitorCode(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ code: string; retiredAt: string }>('POST', `/api/visitor-codes/${encodeURIComponent(code)}/retire`),
    onSuccess: () => {
      queryClient.setQueryData<VisitorCodeView>(visitorCodeKey(code), (view) => (view ? { ...view, isRetired: true } : view));
      // A retired code's referrals leave the follow-up list.
      return queryClient.invalidateQueries({ queryKey: ['follow-ups'] });
    },
  });
}
