import { useQuery } from '@tanstack/react-query';
import type { DueCounts, DueList } from '../../domain/clients/schemas';
import { apiRequest } from '../api/client';

/** The worker's own clients' steps due soon or overdue (GET /api/clients/due); every read is audited. */
export function useDueClients(enabled: boolean) {
  return useQuery({ queryKey: ['clients', 'due'], queryFn: () => apiRequest<DueList>('GET', '/api/clients/due'), enabled });
}

/** The coordinator's counts per site and clock (GET /api/clients/due-counts): no names. */
export function useDueCounts(enabled: boolean) {
  return useQuery({ queryKey: ['clients', 'due-counts'], queryFn: () => apiRequest<DueCounts>('GET', '/api/clients/due-counts'), enabled });
}
