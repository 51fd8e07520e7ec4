import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/**
 * Load shedding. A database answers so many requests a second; above that, requests used to wait in
 * an unbounded line (PGlite runs one statement at a time), and in a long overload a save waited for
 * minutes before the browser gave up. Now at most `concurrency` API requests work at once, the rest
 * wait in line, and one that has waited `maxWaitMs` is answered 503 `busy` with Retry-After at once.
 * The browser keeps such an entry in its outbox and sends it again with the same id, so nothing is
 * lost, and the person sees "saved on this device" instead of a spinner.
 */
export type AdmissionOptions = {
  /** API requests that may work (and hold the database) at once. */
  concurrency: number;
  /** How long a request may wait in line before it is answered 503. */
  maxWaitMs: number;
  /** More waiting than this is answered 503 at once: the line itself must not grow without bound. */
  maxQueue: number;
};

/** Seconds the client is asked to wait before it tries again. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

export type AdmissionGate = {
  /** Resolves when the request may start; rejects with 503 `busy` when it waited too long or the line is full. */
  enter(): Promise<() => void>;
  readonly active: number;
  readonly waiting: number;
};

const busy = () => new AppError('busy', 'Silta is busy right now. Try again in a moment; nothing was saved yet.', undefined, BUSY_RETRY_AFTER_SECONDS);

type Waiting = { since: number; admit: () => void; shed: () => void; timer: NodeJS.Timeout };

/** The line and its slots, apart from HTTP so that its rules are tested on their own. */
export function createAdmissionGate(options: AdmissionOptions, now: () => number = () => performance.now()): AdmissionGate {
  let active = 0;
  const line: Waiting[] = [];
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
    return () => {
      if (!isHeld) return;
      isHeld = false;
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
    enter() {
      if (active < options.concurrency) {
        active += 1;
        return Promise.resolve(slot());
      }
      if (line.length >= options.maxQueue) return Promise.reject(busy());
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
const isGated = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/health') && !url.startsWith('/api/docs');

/** Registered before the access check, whose session look-up is already database work. */
export function registerAdmission(app: FastifyInstance, gate: AdmissionGate): void {
  const releases = new WeakMap<FastifyRequest, () => void>();
  app.addHook('onRequest', async (request, reply) => {
    if (!isGated(request.url)) return;
    const release = await gate.enter();
    releases.set(request, release);
    // The handler is done once its answer is on the way; 'close' also covers a client that hung up.
    reply.raw.once('close', release);
  });
  app.addHook('onSend', (request, _reply, payload, done) => {
    releases.get(request)?.();
    done(null, payload);
  });
}
