import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditPage } from '../../domain/api-types';
import { apiRequest, toQuery } from './client';

/** Filters of the audit log; `from` and `to` are days (YYYY-MM-DD), both included. */
export type AuditFilters = { action?: string; siteId?: string; actorId?: string; resourceType?: string; resourceId?: string; from?: string; to?: string };

export const auditPageSize = 50;

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      apiRequest<AuditPage>('GET', `/api/audit${toQuery({ ...filters, cursor: pageParam, limit: auditPageSize })}`),
    getNextPageParam: (page) => page.nextCursor,
  });
}
