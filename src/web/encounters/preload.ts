import type { QueryClient } from '@tanstack/react-query';
import { codesQuery, servicesQuery } from '../api/outreach';

/**
 * Fetches the encounter form's code and the lists it waits for while the home page is on screen, so a
 * tap on "Record an encounter" finds them ready: recording an encounter is the professional's most
 * common task, and on a slow phone loading them after the tap took most of a second.
 */
export function preloadEncounterForm(queryClient: QueryClient): void {
  void import('./encounter-new-page').catch(() => undefined);
  void queryClient.prefetchQuery(codesQuery);
  void queryClient.prefetchQuery(servicesQuery);
}
