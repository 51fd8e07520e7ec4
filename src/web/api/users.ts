import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserView } from '../../domain/api-types';
import type { UserInput, UserUpdate } from '../../domain/org';
import { apiRequest } from './client';

const usersKey = ['users'] as const;

export function useUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: async () => (await apiRequest<{ users: UserView[] }>('GET', '/api/users')).users,
  });
}

export function useUser(userId: string) {
  return useQuery({
    queryKey: [...usersKey, userId],
    queryFn: () => apiRequest<UserView>('GET', `/api/users/${encodeURIComponent(userId)}`),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserInput) => apiRequest<UserView>('POST', '/api/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: UserUpdate) => apiRequest<UserView>('PATCH', `/api/users/${encodeURIComponent(userId)}`, update),
    onSuccess: (user) => {
      queryClient.setQueryData([...usersKey, userId], user);
      return queryClient.invalidateQueries({ queryKey: usersKey });
    },
  });
}

export function useResetPassword(userId: string) {
  return useMutation({
    mutationFn: (newPassword: string) =>
      apiRequest<undefined>('POST', `/api/users/${encodeURIComponent(userId)}/password`, { newPassword }),
  });
}
