import { useQueries, useQuery } from '@tanstack/react-query';
import type { Report } from '../../domain/report';
import { apiRequest, isApiRequestError } from '../api/client';
import type { Comparison } from '../../domain/report-comparison';
import { comparisonPath, reportPath, reportQueries, type Selection } from './selection';

/**
 * The report(s) of a selection: one, or when comparing, both sides from one request — the server
 * publishes them together with one suppression pass, so that neither side gives the other's hidden
 * figures away. Each side is returned as a result of its own, for the page.
 */
export function useReports(selection: Selection, enabled: boolean) {
  const comparing = selection.compare !== 'none';
  const single = useQueries({
    queries: (comparing ? [] : reportQueries(selection)).map((q) => {
      const path = reportPath(selection, q);
      return { queryKey: ['report', path], enabled, staleTime: 60_000, queryFn: () => apiRequest<Report>('GET', path) };
    }),
  });
  const path = comparisonPath(selection);
  const compared = useQuery({ queryKey: ['report', path], enabled: enabled && comparing, staleTime: 60_000, queryFn: () => apiRequest<Comparison>('GET', path) });
  if (!comparing) return single;
  return [0, 1].map((i) => ({ data: compared.data?.sides[i], isPending: compared.isPending, isError: compared.isError, error: compared.error }));
}

export type PilotOption = { id: string; name: string };

/** Reads the pilot list loosely: the pilots feature may still be on its way, and a missing one just hides the field. */
function pilotOptions(body: unknown, locale: string): PilotOption[] {
  const list = Array.isArray(body) ? body : (body as { pilots?: unknown } | undefined)?.pilots;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { id, name } = item as { id?: unknown; name?: unknown };
    const text = typeof name === 'string' ? name : typeof name === 'object' && name !== null ? (name as Record<string, unknown>)[locale] : undefined;
    return typeof id === 'string' && typeof text === 'string' ? [{ id, name: text }] : [];
  });
}

export function usePilotOptions(locale: string) {
  return useQuery({
    queryKey: ['pilots', 'options'],
    retry: false,
    queryFn: async () => {
      try {
        return await apiRequest<unknown>('GET', '/api/pilots');
      } catch (error) {
        // No pilots route yet (or none for this reader): the report simply has no pilot filter.
        if (isApiRequestError(error) && (error.status === 404 || error.status === 403)) return [];
        throw error;
      }
    },
    select: (body: unknown) => pilotOptions(body, locale),
  });
}
