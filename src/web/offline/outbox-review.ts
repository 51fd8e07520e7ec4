import { useCallback, useEffect, useState } from 'react';
import { helsinkiDay } from '../../domain/calendar';
import { idbDelete, idbGet, idbGetAll, idbPut } from './idb';
import { flushOutbox, type OutboxEntry, refreshCount, subscribeOutbox } from './outbox';

/**
 * Entries the server refused (bad input, a site that no longer exists, a conflict) stay in the
 * outbox with `lastError` set, so nothing is lost silently. Here a person looks at them and either
 * tries again or discards them. Only what the entry was is shown — kind, day, site — never its
 * free text, since the device may be shared.
 */
export type RefusedEntry = {
  id: string;
  kind: OutboxEntry['kind'];
  siteId: string | null;
  day: string | null;
  createdAt: string;
  reason: string;
};

const daylogPath = /^\/api\/sites\/([^/]+)\/daylog\/(\d{4}-\d{2}-\d{2})$/;

const field = (body: unknown, name: string): string | null => {
  if (typeof body !== 'object' || body === null) return null;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
};

function dayOf(instant: string | null): string | null {
  if (instant === null) return null;
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? null : helsinkiDay(date);
}

/** What the entry was, read from its path (day log) or its body (encounter). */
export function describeEntry(entry: OutboxEntry): RefusedEntry {
  const base = { id: entry.id, kind: entry.kind, createdAt: entry.createdAt, reason: entry.lastError ?? 'unknown' };
  if (entry.kind === 'daylog') {
    const match = daylogPath.exec(entry.path);
    return { ...base, siteId: match ? decodeURIComponent(match[1] ?? '') : null, day: match?.[2] ?? null };
  }
  return { ...base, siteId: field(entry.body, 'siteId'), day: dayOf(field(entry.body, 'occurredAt')) };
}

/** The user's refused entries, oldest first; entries of another user on a shared device are not shown. */
export function refusedOf(entries: readonly OutboxEntry[], userId: string): RefusedEntry[] {
  return entries
    .filter((e) => e.lastError !== undefined && e.userId === userId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map(describeEntry);
}

export type RetryResult = 'sent' | 'refused' | 'waiting' | 'gone';

/** Clears the refusal and sends at once; tells what became of the entry. */
export async function retryEntry(id: string): Promise<RetryResult> {
  const entry = await idbGet<OutboxEntry>('outbox', id);
  if (!entry) return 'gone';
  const { lastError: _dropped, ...rest } = entry;
  await idbPut('outbox', rest);
  await refreshCount();
  await flushOutbox();
  const after = await idbGet<OutboxEntry>('outbox', id);
  if (!after) return 'sent';
  return after.lastError === undefined ? 'waiting' : 'refused';
}

/** Removes the entry from this device for good. */
export async function discardEntry(id: string): Promise<void> {
  await idbDelete('outbox', id);
  await refreshCount();
}

/** The refused entries of `userId`, kept up to date as the outbox changes. */
export function useRefusedEntries(userId: string): { entries: RefusedEntry[] | null; reload: () => Promise<void> } {
  const [entries, setEntries] = useState<RefusedEntry[] | null>(null);
  const reload = useCallback(async () => {
    const all = await idbGetAll<OutboxEntry>('outbox').catch(() => []);
    setEntries(refusedOf(all, userId));
  }, [userId]);
  useEffect(() => {
    void reload();
    return subscribeOutbox(() => void reload());
  }, [reload]);
  return { entries, reload };
}
