import type { ChatEvent } from '../../domain/chat/schemas.js';
import type { Database } from '../db/connect.js';
import type { Listener } from '../db/listen.js';

/** The one NOTIFY channel of the chat: the payload names the chat (and carries the event when it fits). */
export const CHAT_CHANNEL = 'silta_chat';
/** NOTIFY payloads must stay under 8000 bytes; a longer event is announced without its body and read. */
const MAX_PAYLOAD_BYTES = 7000;

type Announced = { c: string; s: number; k?: ChatEvent['kind']; b?: string; t?: string };

/** The NOTIFY payload of a stored event: the event itself when it fits, else only its chat and seq. */
export function payloadOf(chatId: string, event: ChatEvent): string {
  const full = JSON.stringify({ c: chatId, s: event.seq, k: event.kind, b: event.body, t: event.at } satisfies Announced);
  return Buffer.byteLength(full) <= MAX_PAYLOAD_BYTES ? full : JSON.stringify({ c: chatId, s: event.seq } satisfies Announced);
}

/** Reads a chat's stored events after a sequence number (the catch-up after a gap or a reconnect). */
export type ReadAfter = (chatId: string, after: number) => Promise<ChatEvent[]>;

type Subscriber = { offer(event: ChatEvent | { seq: number }): void; sync(): void };

/**
 * One process's fan-out of chat events. Every process LISTENs once (a dedicated connection); each open
 * stream subscribes to its chat with the last seq its client has. An announced event is delivered
 * straight away when it is the next one the stream lacks, and anything else (a gap, an event announced
 * without its body, a lost LISTEN connection) is read from the table by seq, so a stream gets every
 * event once and in order, whichever process stored it.
 */
export type ChatBus = {
  subscribe(chatId: string, after: number, deliver: (events: ChatEvent[]) => void): Promise<() => void>;
  close(): Promise<void>;
  readonly subscriberCount: number;
};

export function createChatBus(db: Database, readAfter: ReadAfter): ChatBus {
  const byChat = new Map<string, Set<Subscriber>>();
  let listening: Promise<Listener> | null = null;
  let count = 0;
  const onPayload = (payload: string) => {
    let announced: Announced;
    try {
      announced = JSON.parse(payload) as Announced;
    } catch {
      return;
    }
    const subscribers = byChat.get(announced.c);
    if (!subscribers) return;
    const event = announced.k !== undefined && announced.b !== undefined && announced.t !== undefined
      ? { seq: announced.s, kind: announced.k, body: announced.b, at: announced.t }
      : { seq: announced.s };
    for (const subscriber of subscribers) subscriber.offer(event);
  };
  const onGap = () => {
    for (const subscribers of byChat.values()) for (const subscriber of subscribers) subscriber.sync();
  };
  const ensureListening = () => (listening ??= db.listen(CHAT_CHANNEL, { onPayload, onGap }));
  return {
    get subscriberCount() {
      return count;
    },
    async subscribe(chatId, after, deliver) {
      await ensureListening();
      const subscriber = createSubscriber(chatId, after, readAfter, deliver);
      const set = byChat.get(chatId) ?? new Set<Subscriber>();
      byChat.set(chatId, set);
      set.add(subscriber);
      count += 1;
      // Listening before reading: an event stored meanwhile is either read here or announced after.
      subscriber.sync();
      return () => {
        if (!set.delete(subscriber)) return;
        count -= 1;
        if (set.size === 0) byChat.delete(chatId);
      };
    },
    async close() {
      const open = listening;
      listening = null;
      await (await open?.catch(() => null))?.close();
    },
  };
}

function createSubscriber(chatId: string, after: number, readAfter: ReadAfter, deliver: (events: ChatEvent[]) => void): Subscriber {
  let last = after;
  // One step at a time, so that a read and an announcement never deliver the same event twice.
  let chain: Promise<void> = Promise.resolve();
  const run = (step: () => Promise<void> | void) => {
    chain = chain.then(step).catch(() => {
      // A failed read (the database away) is retried by the next announcement or gap.
    });
  };
  const catchUp = async () => {
    const fresh = (await readAfter(chatId, last)).filter((e) => e.seq > last);
    if (fresh.length === 0) return;
    last = fresh[fresh.length - 1]!.seq;
    deliver(fresh);
  };
  return {
    offer: (event) =>
      run(async () => {
        if (event.seq <= last) return;
        if (event.seq === last + 1 && 'kind' in event) {
          last = event.seq;
          deliver([event]);
          return;
        }
        await catchUp();
      }),
    sync: () => run(catchUp),
  };
}
