import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/**
 * Load shedding. A database answers so many requests a second; above that, requests used to wait in
 * an unbounded line (PGlite runs one statement at a time), and in a long overload a save waited for
 * minutes before the browser gave up. Now at most `concurrency` API requests work at once, the rest
 * wait in line, and one that has waited `maxWaitMs` is answered 503 `busy` with Retry-After at once.
 * The browser keeps such an entry in its outbox and sends it again with the same id, so nothing is
 * lost, and the person sees "saved on this device" instead of a spinner.
 *
 * In an overload the line itself must not become the problem (issue 16: after a 2.7 s stall of the
 * writes the soak's server never recovered). A line at its 3 s bound makes every admitted request 3 s
 * late and every shed one cost its client 3 s before it may try again, and the retries come back into
 * the same line. So a request is refused at once when the line ahead of it would not be served within
 * the bound at the pace slots have lately been given back, and the Retry-After it gets grows with the
 * line's length, so that clients' retries thin out instead of piling up.
 */
export type AdmissionOptions = {
  /** API requests that may work (and hold the database) at once. */
  concurrency: number;
  /** How long a request may wait in line before it is answered 503. */
  maxWaitMs: number;
  /** More waiting than this is answered 503 at once: the line itself must not grow without bound. */
  maxQueue: number;
};

/** Seconds the client is asked to wait before it tries again (at least; more when it is refused at once). */
export const BUSY_RETRY_AFTER_SECONDS = 2;
/** The longest Retry-After asked for: a client should not give up on a server that recovers. */
export const MAX_RETRY_AFTER_SECONDS = 30;

export type AdmissionGate = {
  /** Resolves when the request may start; rejects with 503 `busy` when it waited too long or the line is full. */
  enter(): Promise<() => void>;
  readonly active: number;
  readonly waiting: number;
  /** How long a newcomer would wait in line now, at the recent pace (ms). */
  readonly expectedWaitMs: number;
};

const busy = (retryAfterSeconds = BUSY_RETRY_AFTER_SECONDS) =>
  new AppError('busy', 'Silta is busy right now. Try again in a moment; nothing was saved yet.', undefined, retryAfterSeconds);

/** Weight of the newest slot's hold time in the running average (about the last twenty requests). */
const HOLD_AVERAGE_WEIGHT = 0.05;

type Waiting = { since: number; admit: () => void; shed: () => void; timer: NodeJS.Timeout };

/** The line and its slots, apart from HTTP so that its rules are tested on their own. */
export function createAdmissionGate(options: AdmissionOptions, now: () => number = () => performance.now()): AdmissionGate {
  let active = 0;
  const line: Waiting[] = [];
  // How long a slot is held, on average lately: unknown (0) until the first is given back.
  let averageHoldMs = 0;
  // The line ahead of a newcomer is served `concurrency` at a time.
  const expectedWaitMs = () => ((line.length + 1) * averageHoldMs) / options.concurrency;
  const handOn = () => {
    for (let next = line.shift(); next; next = line.shift()) {
      clearTimeout(next.timer);
      // Checked here as well as by its timer: while PGlite works, timers can be late (see below).
      if (now() - next.since >= options.maxWaitMs) {
        next.shed();
        continue;
      }
      next.admit(); // the slot passes straight on: `active` stays the same
      return;
    }
    active -= 1;
  };
  // PGlite works on this thread and its answers arrive as microtasks, so back-to-back requests could
  // run for seconds without the event loop taking a turn: no timer fires and no new connection is
  // read meanwhile (seen in the soak: saves waited a minute and none was shed). Handing a freed slot on
  // at the next turn lets the loop read new requests and fire timers in between.
  const leave = () => void setImmediate(handOn);
  // Each slot is given back once, however many times its release is called (send and close both call it).
  const slot = () => {
    let isHeld = true;
    const heldFrom = now();
    return () => {
      if (!isHeld) return;
      isHeld = false;
      const heldMs = now() - heldFrom;
      averageHoldMs = averageHoldMs === 0 ? heldMs : averageHoldMs + HOLD_AVERAGE_WEIGHT * (heldMs - averageHoldMs);
      leave();
    };
  };
  return {
    get active() {
      return active;
    },
    get waiting() {
      return line.length;
    },
    get expectedWaitMs() {
      return expectedWaitMs();
    },
    enter() {
      if (active < options.concurrency) {
        active += 1;
        return Promise.resolve(slot());
      }
      // Refused at once, without holding a connection for the bound: the line would not reach it in time.
      const wait = expectedWaitMs();
      // It is asked to come back once the line ahead of it would have gone, and the usual 2 s after:
      // a try refused at once then costs the client as long as one that waited in line, so refusing
      // early never makes clients try more often (nor run through their tries sooner).
      if (line.length >= options.maxQueue || wait > options.maxWaitMs) {
        return Promise.reject(busy(Math.min(MAX_RETRY_AFTER_SECONDS, BUSY_RETRY_AFTER_SECONDS + Math.ceil(wait / 1000))));
      }
      return new Promise((resolve, reject) => {
        const waiting: Waiting = {
          since: now(),
          admit: () => resolve(slot()),
          shed: () => reject(busy()),
          timer: setTimeout(() => {
            line.splice(line.indexOf(waiting), 1);
            waiting.shed();
          }, options.maxWaitMs),
        };
        line.push(waiting);
      });
    },
  };
}

// Static files and the health check do not queue: the first use no database, and an operator must be
// able to see that the service is up while it is busy.
// A chat stream is held open for minutes and does its database work per event, not per request: it
// would hold a slot all that time, so it bypasses the gate and has a cap of its own (chat/streams.ts).
const isStream = (url: string) => (url.startsWith('/api/chat/') || url.startsWith('/api/public/chat/')) && /\/stream(\?|$)/.test(url);
const isGated = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/health') && !url.startsWith('/api/docs') && !isStream(url);

const isWrite = (method: string) => method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';

/** Both slots back: the write slot and the request slot, once each (each slot's release is idempotent). */
const both = (first: () => void, second: () => void) => () => {
  first();
  second();
};

/**
 * Registered before the access check, whose session look-up is already database work. A write first
 * takes a slot of `writeGate` (when given), so that writes held up together (a stalled commit, a lock)
 * never hold every slot: reads keep theirs.
 */
export function registerAdmission(app: FastifyInstance, gate: AdmissionGate, writeGate: AdmissionGate | null = null): void {
  const releases = new WeakMap<FastifyRequest, () => void>();
  app.addHook('onRequest', async (request, reply) => {
    if (!isGated(request.url)) return;
    let release: () => void;
    if (writeGate !== null && isWrite(request.method)) {
      const releaseWrite = await writeGate.enter();
      try {
        release = both(await gate.enter(), releaseWrite);
      } catch (error) {
        releaseWrite();
        throw error;
      }
    } else release = await gate.enter();
    releases.set(request, release);
    // The handler is done once its answer is on the way; 'close' also covers a client that hung up.
    reply.raw.once('close', release);
  });
  app.addHook('onSend', (request, _reply, payload, done) => {
    releases.get(request)?.();
    done(null, payload);
  });
}
