import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SiteView, UnitView } from '../../domain/api-types';
import type { SiteInput, SiteUpdate } from '../../domain/org';
import { withOfflineCopy } from '../offline/cache';
import { apiRequest } from './client';

const sitesKey = ['sites'] as const;

export function useSites() {
  return useQuery({
    queryKey: sitesKey,
    queryFn: () => withOfflineCopy('sites', async () => (await apiRequest<{ sites: SiteView[] }>('GET', '/api/sites')).sites),
  });
}

export function useSite(siteId: string) {
  return useQuery({
    queryKey: [...sitesKey, siteId],
    queryFn: () => apiRequest<SiteView>('GET', `/api/sites/${encodeURIComponent(siteId)}`),
  });
}

// The list is updated in place as well as refetched, so returning to it never shows the old state.
function replaceSite(list: SiteView[] | undefined, site: SiteView): SiteView[] | undefined {
  if (!list) return list;
  return list.some((s) => s.id === site.id) ? list.map((s) => (s.id === site.id ? site : s)) : [...list, site];
}

export function useCreateSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SiteInput) => apiRequest<SiteView>('POST', '/api/sites', input),
    onSuccess: (site) => {
      queryClient.setQueryData<SiteView[]>(sitesKey, (list) => replaceSite(list, site));
      return queryClient.invalidateQueries({ queryKey: sitesKey });
    },
  });
}

export function useUpdateSite(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: SiteUpdate) => apiRequest<SiteView>('PATCH', `/api/sites/${encodeURIComponent(siteId)}`, update),
    onSuccess: (site) => {
      queryClient.setQueryData([...sitesKey, siteId], site);
      queryClient.setQueryData<SiteView[]>(sitesKey, (list) => replaceSite(list, site));
      return queryClient.invalidateQueries({ queryKey: sitesKey });
    },
  });
}

export function useUnits() {
  return useQuery({
    queryKey: ['units'],
    queryFn: async () => (await apiRequest<{ units: UnitView[] }>('GET', '/api/units')).units,
  });
}
