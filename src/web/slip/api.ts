import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SlipView } from '../../domain/outreach-views';
import { apiRequest } from '../api/client';

export type SlipIssued = { code: string; url: string; expiresAt: string };

const slipKey = (code: string) => ['slip', code] as const;
const slipPath = (code: string) => `/api/slips/${encodeURIComponent(code)}`;

/**
 * What the receiving service sees of a slip: the service and the date. Public. Every look-up counts
 * against the address's limit on the server, so it is never retried or refetched by itself.
 */
export function useSlip(code: string | null) {
  return useQuery({
    queryKey: slipKey(code ?? ''),
    enabled: code !== null,
    queryFn: () => apiRequest<SlipView>('GET', slipPath(code ?? '')),
    retry: false,
    staleTime: Infinity,
  });
}

/** Confirms arrival; single use on the server. The answer replaces the cached slip. */
export function useConfirmSlip(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<SlipView>('POST', `${slipPath(code)}/confirm`),
    onSuccess: (slip) => queryClient.setQueryData(slipKey(code), slip),
  });
}

/** Issues a fresh slip for a referral (professional); an earlier slip of the referral stops working. */
export function useIssueSlip(referralId: string) {
  return useMutation({
    mutationFn: () => apiRequest<SlipIssued>('POST', `/api/referrals/${encodeURIComponent(referralId)}/slip`),
  });
}
