import type { PGlite } from '@electric-sql/pglite';
import { REQUEST_SETTINGS } from './connect.js';

/**
 * A LISTEN on a channel for as long as it is open. `onPayload` gets each NOTIFY's payload; `onGap`
 * is called after the connection was lost and made again: notifications sent meanwhile are gone, so
 * whoever listens must read what it missed from the tables (the chat reads by sequence number).
 */
export type Listener = { close(): Promise<void> };
export type ListenHandlers = { onPayload: (payload: string) => void; onGap: () => void };

/** PGlite's own listen support: one process, one engine, no connection to lose. */
export async function listenPglite(client: PGlite, channel: string, handlers: ListenHandlers): Promise<Listener> {
  const unlisten = await client.listen(channel, (payload) => handlers.onPayload(payload));
  return { close: () => unlisten() };
}

const RECONNECT_MS = [100, 250, 500, 1000, 2000, 5000];

/**
 * PostgreSQL: a dedicated connection, never one of the pool's. A pooled connection goes back to the
 * pool after each query and its LISTEN with it (and under load the pool may have no connection to
 * spare); this one stays LISTENing, and when it is lost (a database restart) it is made again with a
 * growing pause, and `onGap` tells the listener to catch up.
 */
export async function listenPostgres(url: string, channel: string, handlers: ListenHandlers): Promise<Listener> {
  const { default: pg } = await import('pg');
  let isClosed = false;
  let client: InstanceType<typeof pg.Client> | null = null;
  let attempt = 0;
  const open = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, options: REQUEST_SETTINGS, keepAlive: true });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) handlers.onPayload(message.payload);
    });
    next.on('error', () => void reconnect(next));
    next.on('end', () => void reconnect(next));
    await next.connect();
    await next.query(`listen ${channel}`);
    client = next;
    attempt = 0;
  };
  const reconnect = async (lost: InstanceType<typeof pg.Client>): Promise<void> => {
    if (isClosed || client !== lost) return;
    client = null;
    lost.removeAllListeners('end');
    void lost.end().catch(() => undefined);
    while (!isClosed && client === null) {
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]));
      try {
        await open();
        handlers.onGap();
      } catch {
        // The database is still away: the next pause is longer.
      }
    }
  };
  await open();
  return {
    close: async () => {
      isClosed = true;
      const last = client;
      client = null;
      await last?.end().catch(() => undefined);
    },
  };
}
