import { createHmac } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/connect.js';
import { loginThrottle } from '../db/schema.js';
import { AppError } from '../errors.js';
import { addressSecret } from './address-secret.js';

export type ThrottleRule = { limit: number; windowMs: number; lockMs: number };

/** No rule counts over a longer window, so a counter older than this with no lock running is spent. */
export const MAX_THROTTLE_WINDOW_MS = 15 * 60_000;

// Network addresses are counted under a keyed hash, never stored: a visitor confirming a referral
// slip or a worker signing in leaves no address in the database. The key is one secret per database
// (address-secret.ts), so every Silta process on it counts the same address under the same key.

/** The throttle key of a network address within a scope (`address`, `slip`, …). */
export async function addressKey(db: Database, scope: string, address: string): Promise<string> {
  const secret = await addressSecret(db);
  return `${scope}:${createHmac('sha256', secret).update(address).digest('base64url').slice(0, 22)}`;
}

/**
 * Per account: a few tries, then a pause. Per address: only failures use it up (a successful sign-in is
 * refunded), and the limit (`config.signInAddressLimit`, 1,000 by default) is large, because a whole
 * organisation may sign in from one proxy address; it stops a spray of guesses over many usernames.
 */
export const accountRule: ThrottleRule = { limit: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const addressRule: Omit<ThrottleRule, 'limit'> = { windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/**
 * Counts an attempt *before* the password is checked, in one atomic upsert, so that a burst of
 * parallel requests cannot all slip past the limit while the first ones are still being verified.
 * Throws 429 when the key is over its limit.
 */
export async function countAttempt(ex: Executor, key: string, rule: ThrottleRule, now: Date): Promise<void> {
  if (rule.windowMs > MAX_THROTTLE_WINDOW_MS) throw new Error('a throttle window longer than MAX_THROTTLE_WINDOW_MS would be purged early');
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - rule.windowMs).toISOString();
  const lockUntil = new Date(now.getTime() + rule.lockMs).toISOString();
  // A window that has passed, with no lock still running, starts counting afresh.
  const isFresh = sql`(${loginThrottle.windowStart} < ${windowStart}::timestamptz and coalesce(${loginThrottle.lockedUntil} <= ${at}::timestamptz, true))`;
  const [row] = await ex
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStart: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${isFresh} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStart: sql`case when ${isFresh} then ${at}::timestamptz else ${loginThrottle.windowStart} end`,
        lockedUntil: sql`case when ${isFresh} then null
          when ${loginThrottle.lockedUntil} > ${at}::timestamptz then ${loginThrottle.lockedUntil}
          when ${loginThrottle.failures} + 1 > ${rule.limit} then ${lockUntil}::timestamptz
          else null end`,
      },
    })
    .returning();
  if (row && (row.failures > rule.limit || (row.lockedUntil !== null && row.lockedUntil > now))) {
    const retryAfter = Math.ceil(((row.lockedUntil ?? new Date(lockUntil)).getTime() - now.getTime()) / 1000);
    const seconds = Math.max(retryAfter, 1);
    // Also in the body, so a page can say how long to wait (the Retry-After header is not read by fetch callers).
    throw new AppError('too_many_requests', 'Too many sign-in attempts. Wait a while and try again.', { retryAfterSeconds: seconds }, seconds);
  }
}

/**
 * Gives back an attempt counted by `countAttempt` that turned out to be a success, so that successes
 * never use up the budget: only failures (and attempts still being checked) count. A lock already
 * running stays.
 */
export async function refundAttempt(ex: Executor, key: string): Promise<void> {
  await ex
    .update(loginThrottle)
    .set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
    .where(eq(loginThrottle.key, key));
}

/** A successful sign-in clears the account's counter (not the address's: one good password must not reset a spray). */
export async function clearAttempts(ex: Executor, key: string): Promise<void> {
  await ex.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

/**
 * Deletes spent counters (window over, no lock running): they would start afresh anyway, and an address
 * key kept no longer than it is needed is linkable to nothing afterwards, secret or not. Returns how many.
 */
export async function purgeSpentAttempts(ex: Executor, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - MAX_THROTTLE_WINDOW_MS).toISOString();
  const deleted = await ex
    .delete(loginThrottle)
    .where(sql`${loginThrottle.windowStart} < ${windowStart}::timestamptz and coalesce(${loginThrottle.lockedUntil} <= ${now.toISOString()}::timestamptz, true)`)
    .returning({ key: loginThrottle.key });
  return deleted.length;
}
