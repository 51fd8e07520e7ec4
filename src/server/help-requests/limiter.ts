import { createHash } from 'node:crypto';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';

/**
 * Counts per network address in this process's memory only: the ask-for-help channel promises that no
 * address is stored, so nothing of it reaches the database (not even a keyed hash, as sign-in uses).
 * The price is that each Silta process counts on its own and a restart forgets: a flood is still cut
 * to a few requests a minute per process, and a receipt code's 100 bits are beyond guessing anyway —
 * the wrong-code limit only keeps a script from trying.
 */
export class AddressCounter {
  private readonly entries = new Map<string, { hits: number; endsAt: number }>();
  constructor(readonly limit: number, readonly windowMs: number) {}

  private key(address: string): string {
    return createHash('sha256').update(address).digest('base64url').slice(0, 22);
  }

  private sweep(now: number): void {
    if (this.entries.size < 10_000) return;
    for (const [key, entry] of this.entries) if (entry.endsAt <= now) this.entries.delete(key);
  }

  /** Milliseconds until the address may try again, or 0 when it is under its limit. */
  waitFor(address: string, now: number): number {
    const entry = this.entries.get(this.key(address));
    if (!entry || entry.endsAt <= now) return 0;
    return entry.hits >= this.limit ? entry.endsAt - now : 0;
  }

  /** Counts one hit in the address's fixed window (which starts at its first hit). */
  hit(address: string, now: number): void {
    this.sweep(now);
    const key = this.key(address);
    const entry = this.entries.get(key);
    if (!entry || entry.endsAt <= now) this.entries.set(key, { hits: 1, endsAt: now + this.windowMs });
    else entry.hits += 1;
  }

  clear(): void {
    this.entries.clear();
  }
}

const MINUTE_MS = 60_000;

/**
 * New requests: a person writes one, perhaps a second after a thought; six in ten minutes from one
 * address is a script (or a shared network having an unusual day: the answer says to wait a moment).
 * Wrong codes: five in fifteen minutes, then the address waits, whatever code it sends.
 */
export const helpLimits = { submissions: { limit: 6, windowMs: 10 * MINUTE_MS }, wrongCodes: { limit: 5, windowMs: 15 * MINUTE_MS } };

type Counters = { submissions: AddressCounter; wrongCodes: AddressCounter };
const counters = new WeakMap<object, Counters>();

/** The counters of one Silta process's database (one per app in the tests, each with its own database). */
export function helpCounters(deps: Deps): Counters {
  let found = counters.get(deps.db);
  if (!found) {
    found = {
      submissions: new AddressCounter(helpLimits.submissions.limit, helpLimits.submissions.windowMs),
      wrongCodes: new AddressCounter(helpLimits.wrongCodes.limit, helpLimits.wrongCodes.windowMs),
    };
    counters.set(deps.db, found);
  }
  return found;
}

/** Forgets every count, as a restart does: for suites that send many requests from one test address. */
export function forgetHelpCounts(deps: Deps): void {
  const found = counters.get(deps.db);
  found?.submissions.clear();
  found?.wrongCodes.clear();
}

export function tooMany(message: string, waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError('too_many_requests', message, { retryAfterSeconds: seconds }, seconds);
}
