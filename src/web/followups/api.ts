import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addDays } from '../../domain/calendar';
import type { ReferralUpdate } from '../../domain/outreach';
import type { FollowUpView, ReferralView, SessionView } from '../../domain/outreach-views';
import { apiRequest, toQuery } from '../api/client';

const followUpsKey = (siteId: string) => ['follow-ups', siteId] as const;

/** Open referrals of visitors with codes at the site (an audited read on the server). */
export function useFollowUps(siteId: string) {
  return useQuery({
    queryKey: followUpsKey(siteId),
    enabled: siteId !== '',
    queryFn: async () =>
      (await apiRequest<{ followUps: FollowUpView[] }>('GET', `/api/sites/${encodeURIComponent(siteId)}/follow-ups`)).followUps,
  });
}

/** Two months ahead is enough to find the next session of a site that has any. */
const lookAheadDays = 62;

/** The site's sessions from today on; the page picks the next one that has not ended. */
export function useUpcomingSessions(siteId: string, today: string) {
  return useQuery({
    queryKey: ['sessions', siteId, today, 'upcoming'],
    enabled: siteId !== '',
    queryFn: async () =>
      (
        await apiRequest<{ sessions: SessionView[] }>(
          'GET',
          `/api/sites/${encodeURIComponent(siteId)}/sessions${toQuery({ from: today, to: addDays(today, lookAheadDays) })}`,
        )
      ).sessions,
  });
}

export function useUpdateReferral(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ referralId, patch }: { referralId: string; patch: ReferralUpdate }) =>
      apiRequest<ReferralView>('PATCH', `/api/referrals/${encodeURIComponent(referralId)}`, patch),
    onSuccess: (updated) => {
      // Update in place at once (a closed one drops out), then ask the server for the truth.
      queryClient.setQueryData<FollowUpView[]>(followUpsKey(siteId), (list) =>
        list?.flatMap((f) => (f.referral.id !== updated.id ? [f] : updated.closedAt === null ? [{ ...f, referral: updated }] : [])),
      );
      // Not awaited: the page's own reaction (the "marked … / undo" note) comes with the change, not after the refetch.
      void queryClient.invalidateQueries({ queryKey: ['visitor-code'] });
      void queryClient.invalidateQueries({ queryKey: followUpsKey(siteId) });
    },
  });
}
