import type { SessionInfo } from '../../domain/api-types';
import type { EncounterBatchItemResult, EncounterBatchResponse } from '../../domain/encounter-batch';
import { OUTBOX_BATCH_BYTES, OUTBOX_BATCH_ENTRIES } from '../../domain/outbox-limits';
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

/** Re-reads the counts and tells the listeners; exported for the review page, which changes entries itself. */
export async function refreshCount(): Promise<void> {
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

// A 403 `forbidden` is final: entries are sent only after /api/auth/me confirmed the session, so it
// means no access to that site (any more) — the entry must reach the review page, not wait forever.
// A CSRF refusal is not final: a fresh token comes with the next send.
const isRetryable = (error: unknown): boolean =>
  !isApiRequestError(error) ||
  error.status === 0 ||
  error.status === 401 ||
  (error.status === 403 && error.code === 'csrf') ||
  error.status === 429 ||
  error.status >= 500;

// The same rule for an item the batch refused: its code stands for the status the single route would have answered.
const retryableCodes = new Set(['unauthenticated', 'csrf', 'too_many_requests', 'db_unavailable', 'busy', 'internal']);

/** Encounters go in batches; anything else (day logs) one by one, as before. */
const isBatchable = (entry: OutboxEntry): boolean => entry.kind === 'encounter' && entry.method === 'POST' && entry.path === '/api/encounters';

export type OutboxSend = { entries: OutboxEntry[]; isBatch: boolean };

const utf8 = new TextEncoder();

/**
 * Splits waiting entries, in order, into requests: each run of encounters becomes batches of at most
 * `maxEntries` entries and `maxBytes` of JSON; every other entry is sent alone. Keeping the order
 * keeps a visitor's repeat visit after their first one.
 */
export function planSends(entries: OutboxEntry[], maxEntries = OUTBOX_BATCH_ENTRIES, maxBytes = OUTBOX_BATCH_BYTES): OutboxSend[] {
  const sends: OutboxSend[] = [];
  let batch: OutboxEntry[] = [];
  let bytes = 0;
  const closeBatch = () => {
    if (batch.length > 0) sends.push({ entries: batch, isBatch: true });
    batch = [];
    bytes = 0;
  };
  for (const entry of entries) {
    if (!isBatchable(entry)) {
      closeBatch();
      sends.push({ entries: [entry], isBatch: false });
      continue;
    }
    // Bytes as sent (UTF-8), not string length: Finnish and Swedish letters take two.
    const size = utf8.encode(JSON.stringify(entry.body)).length + 1;
    if (batch.length >= maxEntries || (batch.length > 0 && bytes + size > maxBytes)) closeBatch();
    batch.push(entry);
    bytes += size;
  }
  closeBatch();
  return sends;
}

type Outcome = 'go on' | 'stop';

/** One entry on its own route: sent and removed, refused and kept with the reason, or left for later. */
async function sendOne(entry: OutboxEntry, sentKinds: Set<OutboxEntry['kind']>): Promise<Outcome> {
  try {
    await apiRequest(entry.method, entry.path, entry.body);
    await idbDelete('outbox', entry.id);
    sentKinds.add(entry.kind);
    return 'go on';
  } catch (error) {
    if (isRetryable(error)) return 'stop';
    await idbPut('outbox', { ...entry, lastError: isApiRequestError(error) ? error.code : 'unknown' });
    return 'go on';
  }
}

/**
 * Encounters in one request, with the same outcome per entry as one by one. When the batch as a whole
 * is refused (a server without the batch route, a body too large), the entries go one by one instead,
 * so each gets its own answer and nothing waits forever behind one bad entry.
 */
async function sendBatch(entries: OutboxEntry[], sentKinds: Set<OutboxEntry['kind']>): Promise<Outcome> {
  let results: EncounterBatchItemResult[];
  try {
    results = (await apiRequest<EncounterBatchResponse>('POST', '/api/encounters/batch', { encounters: entries.map((e) => e.body) })).results;
  } catch (error) {
    if (isRetryable(error)) return 'stop';
    for (const entry of entries) if ((await sendOne(entry, sentKinds)) === 'stop') return 'stop';
    return 'go on';
  }
  let outcome: Outcome = 'go on';
  // Results come in the order sent, one per entry.
  for (const [index, entry] of entries.entries()) {
    const result = results[index];
    if (result === undefined) {
      outcome = 'stop';
    } else if (result.status !== 'refused') {
      await idbDelete('outbox', entry.id);
      sentKinds.add(entry.kind);
    } else if (retryableCodes.has(result.error?.code ?? '')) {
      outcome = 'stop';
    } else {
      await idbPut('outbox', { ...entry, lastError: result.error?.code ?? 'unknown' });
    }
  }
  return outcome;
}

/** Sends the signed-in user's waiting entries in the order they were made; returns how many kinds were sent. */
async function sendAll(): Promise<number> {
  const entries = (await idbGetAll<OutboxEntry>('outbox')).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (entries.length === 0) return 0;
  // After an offline reload the CSRF token is unknown: ask the server for the session first.
  const session = await apiRequest<SessionInfo>('GET', '/api/auth/me');
  setCsrfToken(session.csrfToken);
  const sentKinds = new Set<OutboxEntry['kind']>();
  const ready = entries.filter((entry) => entry.userId === session.user.id && entry.lastError === undefined);
  try {
    for (const send of planSends(ready)) {
      const outcome = send.isBatch ? await sendBatch(send.entries, sentKinds) : await sendOne(send.entries[0]!, sentKinds);
      if (outcome === 'stop') break;
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
 * Sends now when online; saves to the outbox when offline, when the network fails on the way, or when
 * the server answers 503 (busy, or its database is unreachable): nothing was done then, and the
 * outbox sends the entry again later with the same id.
 * Returns 'sent' or 'queued'; a refusal by the server (bad input, no access) is thrown.
 */
export async function sendOrQueue(entry: Omit<OutboxEntry, 'createdAt'>): Promise<'sent' | 'queued'> {
  if (navigator.onLine) {
    try {
      await apiRequest(entry.method, entry.path, entry.body);
      return 'sent';
    } catch (error) {
      if (!isApiRequestError(error) || (error.code !== 'network' && error.status !== 503)) throw error;
    }
  }
  await addToOutbox(entry);
  return 'queued';
}
