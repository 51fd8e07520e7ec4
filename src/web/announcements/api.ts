import { useQuery } from '@tanstack/react-query';
import type { Announcement } from '../../domain/outreach-views';
import { apiRequest, toQuery } from '../api/client';

export type DayRange = { from?: string; to?: string };

/** How the page was reached: the short address a person typed (/s/<slug>) or the first, long link by id. */
export type SiteAddress = { slug: string } | { siteId: string };

const announcementPath = (address: SiteAddress): string =>
  'slug' in address
    ? `/api/public/addresses/${encodeURIComponent(address.slug)}/announcements`
    : `/api/public/sites/${encodeURIComponent(address.siteId)}/announcements`;

/** The page's own address: the short one once the site has one, the long one otherwise. */
export function pagePath(address: SiteAddress, slug: string | undefined): string {
  if (slug !== undefined && slug !== '') return `/s/${encodeURIComponent(slug)}`;
  return 'slug' in address ? `/s/${encodeURIComponent(address.slug)}` : `/announcements/${encodeURIComponent(address.siteId)}`;
}

/** A site's coming announced sessions and open groups; public, no sign-in. Without a range: from today on. */
export function useAnnouncement(address: SiteAddress, range: DayRange = {}) {
  const path = announcementPath(address);
  return useQuery({
    queryKey: ['announcement', path, range.from ?? null, range.to ?? null],
    queryFn: () => apiRequest<Announcement>('GET', `${path}${toQuery({ from: range.from, to: range.to })}`),
  });
}

/** The address from the route: /s/:slug or /announcements/:siteId. */
export function addressOf(params: { slug?: string; siteId?: string }): SiteAddress {
  return params.slug !== undefined ? { slug: params.slug } : { siteId: params.siteId ?? '' };
}
