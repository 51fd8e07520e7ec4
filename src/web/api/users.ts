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

// The list is updated in place as well as refetched, so returning to it never shows the old state.
function replaceUser(list: UserView[] | undefined, user: UserView): UserView[] | undefined {
  if (!list) return list;
  return list.some((u) => u.id === user.id) ? list.map((u) => (u.id === user.id ? user : u)) : [...list, user];
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserInput) => apiRequest<UserView>('POST', '/api/users', input),
    onSuccess: (user) => {
      queryClient.setQueryData<UserView[]>(usersKey, (list) => replaceUser(list, user));
      return queryClient.invalidateQueries({ queryKey: usersKey });
    },
  });
}

export function useUpdateUser(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: UserUpdate) => apiRequest<UserView>('PATCH', `/api/users/${encodeURIComponent(userId)}`, update),
    onSuccess: (user) => {
      queryClient.setQueryData([...usersKey, userId], user);
      queryClient.setQueryData<UserView[]>(usersKey, (list) => replaceUser(list, user));
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
