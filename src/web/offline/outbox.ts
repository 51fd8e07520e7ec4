import type { SessionInfo } from '../../domain/api-types';
import { apiRequest, isApiRequestError, setCsrfToken } from '../api/client';
import { idbDelete, idbGetAll, idbPut } from './idb';

/**
 * Entries saved while offline (or when a send failed on the network) wait here and are sent when
 * the network returns. Each entry carries the id the device made, and the API stores an id once,
 * so sending an entry twice (a lost reply, two tabs) never creates a duplicate.
 */
export type OutboxEntry = {
  id: string;
  userId: string;
  kind: 'encounter' | 'daylog';
  method: 'POST' | 'PUT';
  path: string;
  body: unknown;
  createdAt: string;
  /** The server refused it (not a network problem); kept so that nothing is lost silently. */
  lastError?: string;
};

const listeners = new Set<() => void>();
let pending = 0;
let refused = 0;
let flushing: Promise<number> | null = null;
let onSent: (kinds: Set<OutboxEntry['kind']>) => void = () => undefined;

async function refreshCount(): Promise<void> {
  const entries = await idbGetAll<OutboxEntry>('outbox').catch(() => []);
  pending = entries.length;
  refused = entries.filter((e) => e.lastError !== undefined).length;
  for (const listener of listeners) listener();
}

export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const outboxCount = (): number => pending;
/** Entries the server refused (not a network problem): they wait for a person to look at them. */
export const outboxRefusedCount = (): number => refused;

export async function addToOutbox(entry: Omit<OutboxEntry, 'createdAt'>): Promise<void> {
  await idbPut('outbox', { ...entry, createdAt: new Date().toISOString() });
  await refreshCount();
}

const isRetryable = (error: unknown): boolean =>
  !isApiRequestError(error) || error.status === 0 || error.status === 401 || error.status === 403 || error.status === 429 || error.status >= 500;

/** Sends the signed-in user's waiting entries in the order they were made; returns how many were sent. */
async function sendAll(): Promise<number> {
  const entries = (await idbGetAll<OutboxEntry>('outbox')).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (entries.length === 0) return 0;
  // After an offline reload the CSRF token is unknown: ask the server for the session first.
  const session = await apiRequest<SessionInfo>('GET', '/api/auth/me');
  setCsrfToken(session.csrfToken);
  const sentKinds = new Set<OutboxEntry['kind']>();
  try {
    for (const entry of entries) {
      if (entry.userId !== session.user.id || entry.lastError !== undefined) continue;
      try {
        await apiRequest(entry.method, entry.path, entry.body);
        await idbDelete('outbox', entry.id);
        sentKinds.add(entry.kind);
      } catch (error) {
        if (isRetryable(error)) break;
        await idbPut('outbox', { ...entry, lastError: isApiRequestError(error) ? error.code : 'unknown' });
      }
    }
  } finally {
    await refreshCount();
    if (sentKinds.size > 0) onSent(sentKinds);
  }
  return sentKinds.size;
}

/** Sends what waits; a second call while sending joins the first instead of sending again. */
export function flushOutbox(): Promise<number> {
  flushing ??= sendAll()
    .catch(() => 0)
    .finally(() => {
      flushing = null;
    });
  return flushing;
}

let started = false;

/** Sends when the network returns, now and then while entries wait, and once at start. */
export function startOutbox(whenSent: (kinds: Set<OutboxEntry['kind']>) => void): void {
  onSent = whenSent;
  if (started) return;
  started = true;
  window.addEventListener('online', () => void flushOutbox());
  window.setInterval(() => {
    if (pending > 0 && navigator.onLine) void flushOutbox();
  }, 15_000);
  void refreshCount().then(() => (navigator.onLine ? flushOutbox() : 0));
}

/**
 * Sends now when online; saves to the outbox when offline or when the network fails on the way.
 * Returns 'sent' or 'queued'; a refusal by the server (bad input, no access) is thrown.
 */
export async function sendOrQueue(entry: Omit<OutboxEntry, 'createdAt'>): Promise<'sent' | 'queued'> {
  if (navigator.onLine) {
    try {
      await apiRequest(entry.method, entry.path, entry.body);
      return 'sent';
    } catch (error) {
      if (!isApiRequestError(error) || error.code !== 'network') throw error;
    }
  }
  await addToOutbox(entry);
  return 'queued';
}
