import { lte, sql } from 'drizzle-orm';
import { addressKey } from '../auth/throttle.js';
import type { Executor } from '../db/connect.js';
import { feedbackFloodCounters as counters } from '../db/schema-groups.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Source } from './openings.js';

/** At most `limit` openings per source and address in each fixed window of `windowMs`. */
export type FloodRule = { name: string; limit: number; windowMs: number };

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 3_600_000;

/**
 * A phone on a poster's link: a visitor who sends answers and starts again, or reloads a few times,
 * stays far below 6 a minute. 40 a day leaves room for a day centre's guest network, where many
 * visitors' phones share one address, while one address can no longer use up a link's daily quota.
 */
export const linkFloodRules: readonly FloodRule[] = [
  { name: 'minute', limit: 6, windowMs: MINUTE_MS },
  { name: 'day', limit: 40, windowMs: DAY_MS },
];

/**
 * A kiosk is one tablet, so one address opens every sheet: a day limit per address would just be the
 * kiosk's quota. A sheet takes a visitor more than 10 seconds, so 10 a minute only stops a script
 * holding a copied kiosk token.
 */
export const kioskFloodRules: readonly FloodRule[] = [{ name: 'minute', limit: 10, windowMs: MINUTE_MS }];

/**
 * Counts one opening from `address` under every rule, in one atomic upsert per rule, before the form
 * is opened; throws 429 with the wait until the fullest window ends. Addresses are counted only as a
 * keyed hash (the same as referral slips'), and a row keeps no time but its window's end.
 */
export async function countFlood(deps: Deps, source: Source, address: string, rules: readonly FloodRule[]): Promise<void> {
  const now = deps.clock.now();
  await sweepFloodCounters(deps.db.orm, now);
  let retryAfterMs = 0;
  for (const rule of rules) {
    const key = await addressKey(deps.db, `feedback-${source.kind}-${rule.name}:${source.id}`, address);
    const windowEndsAt = new Date((Math.floor(now.getTime() / rule.windowMs) + 1) * rule.windowMs);
    const isOver = sql`${counters.windowEndsAt} <= ${now.toISOString()}::timestamptz`;
    const [row] = await deps.db.orm
      .insert(counters)
      .values({ key, hits: 1, windowEndsAt })
      .onConflictDoUpdate({
        target: counters.key,
        set: {
          hits: sql`case when ${isOver} then 1 else ${counters.hits} + 1 end`,
          windowEndsAt: sql`case when ${isOver} then excluded.window_ends_at else ${counters.windowEndsAt} end`,
        },
      })
      .returning();
    if (row && row.hits > rule.limit) retryAfterMs = Math.max(retryAfterMs, row.windowEndsAt.getTime() - now.getTime());
  }
  if (retryAfterMs > 0) {
    const message = 'This form has been opened many times from this network in a short while. Wait a moment and try again.';
    throw new AppError('too_many_requests', message, { reason: 'flood' }, Math.max(1, Math.ceil(retryAfterMs / 1000)));
  }
}

/** Removes counters whose window has ended: they limit nothing and would only tell when someone opened a form. */
export async function sweepFloodCounters(ex: Executor, now: Date): Promise<number> {
  const removed = await ex.delete(counters).where(lte(counters.windowEndsAt, now)).returning({ key: counters.key });
  return removed.length;
}
