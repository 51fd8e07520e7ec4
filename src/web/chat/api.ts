import { useMutation, useQuery } from '@tanstack/react-query';
import type { ChatConsole, ChatOutcome, ChatReport, ChatSettings, ChatStatus, ChatTopic, VisitState } from '../../domain/chat/schemas';
import { apiRequest } from '../api/client';

export const chatStatusQuery = (regionId: string) => ['chat', 'status', regionId] as const;

/** The region's chat: open now, or when it opens next. Asked again every half minute while shown. */
export function useChatStatus(regionId: string) {
  return useQuery({ queryKey: chatStatusQuery(regionId), queryFn: () => apiRequest<ChatStatus>('GET', `/api/public/chat/regions/${regionId}/status`), refetchInterval: 30_000 });
}

export const startChat = (regionId: string, topic: ChatTopic | undefined) =>
  apiRequest<{ token: string; chatId: string }>('POST', `/api/public/chat/regions/${regionId}/chats`, topic ? { topic } : {});

export const visitUrl = (token: string) => `/api/public/chat/visits/${token}`;

export function useVisitState(token: string, isQueued: boolean) {
  return useQuery({ queryKey: ['chat', 'visit', token], queryFn: () => apiRequest<VisitState>('GET', visitUrl(token)), refetchInterval: isQueued ? 3000 : false });
}

export const sendAsVisitor = (token: string, body: string) => apiRequest<{ seq: number }>('POST', `${visitUrl(token)}/messages`, { body });
export const endAsVisitor = (token: string) => apiRequest<{ ok: true }>('POST', `${visitUrl(token)}/end`);
export const giveChatFeedback = (token: string, rating: number) => apiRequest<{ ok: true }>('POST', `${visitUrl(token)}/feedback`, { rating });

/** The console, polled every few seconds: it also keeps the worker's presence alive while they are online. */
export function useChatConsole() {
  return useQuery({ queryKey: ['chat', 'console'], queryFn: () => apiRequest<ChatConsole>('GET', '/api/chat/console'), refetchInterval: 5000 });
}

export const setPresence = (isOnline: boolean) => apiRequest<{ ok: true }>('POST', '/api/chat/presence', { isOnline });
export const acceptChat = (chatId: string) => apiRequest<{ ok: true }>('POST', `/api/chat/chats/${chatId}/accept`);
export const sendAsWorker = (chatId: string, body: string) => apiRequest<{ seq: number }>('POST', `/api/chat/chats/${chatId}/messages`, { body });
export const handOver = (chatId: string, toUserId: string) => apiRequest<{ ok: true }>('POST', `/api/chat/chats/${chatId}/handover`, { toUserId });
export const endAsWorker = (chatId: string, topic: ChatTopic, outcome: ChatOutcome) => apiRequest<{ ok: true }>('POST', `/api/chat/chats/${chatId}/end`, { topic, outcome });

export function useChatSettings() {
  return useQuery({ queryKey: ['chat', 'settings'], queryFn: () => apiRequest<ChatSettings>('GET', '/api/chat/settings') });
}
export function useSaveChatSettings() {
  return useMutation({ mutationFn: (settings: ChatSettings) => apiRequest<ChatSettings>('PUT', '/api/chat/settings', settings) });
}

export function useChatReport(from: string, to: string) {
  return useQuery({ queryKey: ['chat', 'report', from, to], queryFn: () => apiRequest<ChatReport>('GET', `/api/chat/report?from=${from}&to=${to}`) });
}
