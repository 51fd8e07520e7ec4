import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GoodPracticeInput, GoodPracticeView, PublicGoodPractice } from '../../domain/good-practices';
import { apiRequest } from '../api/client';

export const usePublicGoodPractices = (regionId: string) =>
  useQuery({ queryKey: ['good-practices', 'public', regionId], queryFn: async () => (await apiRequest<{ practices: PublicGoodPractice[] }>('GET', `/api/public/good-practices?regionId=${encodeURIComponent(regionId)}`)).practices });

const key = ['good-practices', 'staff'] as const;
export const useGoodPractices = () => useQuery({ queryKey: key, queryFn: async () => (await apiRequest<{ practices: GoodPracticeView[] }>('GET', '/api/good-practices')).practices });
export const useGoodPractice = (id: string | null) =>
  useQuery({ queryKey: [...key, id], enabled: id !== null, queryFn: () => apiRequest<GoodPracticeView>('GET', `/api/good-practices/${encodeURIComponent(id ?? '')}`) });

function useStaffMutation<T>(fn: (input: T) => Promise<GoodPracticeView>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['good-practices'] }) });
}
export const useSaveGoodPractice = (id: string | null) =>
  useStaffMutation((input: GoodPracticeInput) => (id === null ? apiRequest<GoodPracticeView>('POST', '/api/good-practices', input) : apiRequest<GoodPracticeView>('PATCH', `/api/good-practices/${encodeURIComponent(id)}`, input)));
export const usePublishGoodPractice = () =>
  useStaffMutation(({ id, published }: { id: string; published: boolean }) => apiRequest<GoodPracticeView>('POST', `/api/good-practices/${encodeURIComponent(id)}/publish`, { published }));
