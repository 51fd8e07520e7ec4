import { useSyncExternalStore } from 'react';
import { outboxCount, outboxRefusedCount, subscribeOutbox } from './outbox';

/** How many entries wait to be sent from this device. */
export function useOutboxCount(): number {
  return useSyncExternalStore(subscribeOutbox, outboxCount);
}

/** How many of them the server refused. */
export function useOutboxRefusedCount(): number {
  return useSyncExternalStore(subscribeOutbox, outboxRefusedCount);
}
