import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ChatEvent } from '../../domain/chat/schemas.js';
import type { Database } from '../db/connect.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { createChatBus, type ChatBus } from './bus.js';
import { eventsAfter } from './repo.js';

/** A comment line now and then keeps proxies from closing a quiet stream and shows a dead client. */
const PING_MS = 15_000;

export type ChatStreams = {
  bus: ChatBus;
  readonly active: number;
  /** Answers the request with the chat's events after `after`, as server-sent events, until either side ends. */
  open(request: FastifyRequest, reply: FastifyReply, chatId: string, after: number): Promise<void>;
};

const buses = new WeakMap<Database, ChatBus>();

/** Where a stream starts: `after` in the query, else the Last-Event-ID a reconnecting EventSource sends. */
export function resumeFrom(request: FastifyRequest, after: number | undefined): number {
  if (after !== undefined) return after;
  const header = Number(request.headers['last-event-id']);
  return Number.isInteger(header) && header >= 0 ? header : 0;
}

/**
 * The process's chat streams. Each is a server-sent-events answer held open; it bypasses the admission
 * gate (http/admission.ts) and is capped here instead, at `maxChatStreams`: past the cap a new stream
 * is answered 503 `busy` and the client tries again after Retry-After, resuming from its last seq.
 */
export function createChatStreams(app: FastifyInstance, deps: Deps): ChatStreams {
  const bus = buses.get(deps.db) ?? createChatBus(deps.db, (chatId, after) => eventsAfter(deps.db.orm, chatId, after));
  buses.set(deps.db, bus);
  const closers = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const close of [...closers]) close();
    buses.delete(deps.db);
    await bus.close();
  });
  let active = 0;
  return {
    bus,
    get active() {
      return active;
    },
    async open(request, reply, chatId, after) {
      if (active >= deps.config.maxChatStreams) throw new AppError('busy', 'Too many chat connections right now. Try again in a moment.', undefined, 5);
      active += 1;
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
        'x-request-id': String(request.id),
      });
      raw.write('retry: 2000\n\n');
      let unsubscribe: (() => void) | null = null;
      let isClosed = false;
      const close = () => {
        if (isClosed) return;
        isClosed = true;
        active -= 1;
        closers.delete(close);
        clearInterval(ping);
        unsubscribe?.();
        raw.end();
      };
      closers.add(close);
      const ping = setInterval(() => raw.write(': ping\n\n'), PING_MS);
      raw.once('close', close);
      const deliver = (events: ChatEvent[]) => {
        if (isClosed) return;
        raw.write(events.map((e) => `id: ${e.seq}\ndata: ${JSON.stringify(e)}\n\n`).join(''));
        if (events.some((e) => e.kind === 'ended')) close();
      };
      try {
        unsubscribe = await bus.subscribe(chatId, after, deliver);
        if (isClosed) unsubscribe();
      } catch (error) {
        request.log.warn({ err: error }, 'chat stream could not subscribe');
        close();
      }
    },
  };
}
