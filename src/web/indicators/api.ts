import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AreaChoice, ImportResult, IndicatorPanel } from '../../domain/indicators/indicators';
import { apiRequest, isApiRequestError } from '../api/client';
import type { TFunction } from 'i18next';
import { errorMessage } from '../common/error-message';

const key = ['indicators'] as const;

export function useIndicatorPanel(enabled = true) {
  return useQuery({ queryKey: key, enabled, queryFn: () => apiRequest<IndicatorPanel>('GET', '/api/indicators') });
}

function useIndicatorMutation<T, R>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: key }) });
}

export const useUploadSotkanet = () =>
  useIndicatorMutation((files: { metadata: unknown; data: unknown; regions?: unknown; isExample: boolean }) => apiRequest<ImportResult>('POST', '/api/indicators/sotkanet', files));
export const useChooseAreas = () => useIndicatorMutation((choice: AreaChoice) => apiRequest<AreaChoice>('PUT', '/api/indicators/areas', choice));

/**
 * An import's refusal in the reader's language: a file not in Sotkanet's format names the file and the
 * fields (paths such as `1.value`, which are the file's own and need no translation).
 */
export function importErrorMessage(t: TFunction, error: unknown): string {
  if (isApiRequestError(error) && typeof error.details === 'object' && error.details !== null) {
    const details = error.details as { reason?: unknown; file?: unknown; problems?: unknown };
    if (details.reason === 'sotkanet_format') {
      const file = details.file === 'data' || details.file === 'metadata' || details.file === 'regions' ? t(`indicators.errors.files.${details.file}`) : String(details.file);
      const problems = Array.isArray(details.problems) ? details.problems.map((p) => String(p).split(':')[0]).join(', ') : '';
      return t('indicators.errors.sotkanet_format', { file, problems });
    }
    if (details.reason === 'url_import_off' || details.reason === 'host_not_allowed' || details.reason === 'fetch_failed') return t(`indicators.errors.${details.reason}`);
  }
  return errorMessage(t, error);
}
