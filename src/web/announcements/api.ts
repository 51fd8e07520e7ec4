import { useQuery } from '@tanstack/react-query';
import type { Announcement } from '../../domain/outreach-views';
import { apiRequest, toQuery } from '../api/client';

export type DayRange = { from?: string; to?: string };

/** A site's coming announced sessions and open groups; public, no sign-in. Without a range: from today on. */
export function useAnnouncement(siteId: string, range: DayRange = {}) {
  return useQuery({
    queryKey: ['announcement', siteId, range.from ?? null, range.to ?? null],
    queryFn: () =>
      apiRequest<Announcement>('GET', `/api/public/sites/${encodeURIComponent(siteId)}/announcements${toQuery({ from: range.from, to: range.to })}`),
  });
}
