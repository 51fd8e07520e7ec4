import { useCallback, useEffect, useState } from 'react';
import { helsinkiDay } from '../../domain/calendar';
import type { NewEncounter } from '../api/outreach';
import { idbGetAll } from './idb';
import { type OutboxEntry, subscribeOutbox } from './outbox';

/** An encounter still in this device's outbox, as the list of the day shows it. */
export type QueuedEncounter = Pick<NewEncounter, 'id' | 'occurredAt' | 'ageBand' | 'visitorCode' | 'isFirstVisit' | 'isUrgent' | 'needs' | 'support'> & {
  /** The server refused it (it waits on the review page), rather than waiting for the network. */
  isRefused: boolean;
};

const isEncounterBody = (body: unknown): body is NewEncounter =>
  typeof body === 'object' && body !== null && typeof (body as NewEncounter).siteId === 'string' && typeof (body as NewEncounter).occurredAt === 'string';

/** The user's queued encounters of one site and Helsinki day, newest first. Another user's entries on a shared device are left out. */
export function queuedEncountersOf(entries: readonly OutboxEntry[], userId: string, siteId: string, day: string): QueuedEncounter[] {
  return entries
    .filter((e) => e.kind === 'encounter' && e.userId === userId)
    .flatMap((e) => {
      const body = e.body;
      if (!isEncounterBody(body) || body.siteId !== siteId) return [];
      const at = new Date(body.occurredAt);
      if (Number.isNaN(at.getTime()) || helsinkiDay(at) !== day) return [];
      const { id, occurredAt, ageBand, visitorCode, isFirstVisit, isUrgent, needs, support } = body;
      return [{ id, occurredAt, ageBand, visitorCode, isFirstVisit, isUrgent, needs, support, isRefused: e.lastError !== undefined }];
    })
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
}

/** Kept current as the outbox changes (an entry queued, sent or refused), read from IndexedDB without the network. */
export function useQueuedEncounters(userId: string, siteId: string, day: string): QueuedEncounter[] {
  const [queued, setQueued] = useState<QueuedEncounter[]>([]);
  const reload = useCallback(async () => {
    const entries = await idbGetAll<OutboxEntry>('outbox').catch(() => []);
    setQueued(queuedEncountersOf(entries, userId, siteId, day));
  }, [userId, siteId, day]);
  useEffect(() => {
    void reload();
    return subscribeOutbox(() => void reload());
  }, [reload]);
  return queued;
}
