import { addDays, isoWeekday, SERVICE_TIME_ZONE } from '../../domain/calendar.js';
import { loadActor } from '../auth/actor-repo.js';
import type { Deps } from '../deps.js';
import type { Actor } from '../policy/policy.js';
import { dateTimeFormat } from '../../domain/intl-cache.js';

/**
 * Helpers of the demo history: a seeded random source (the same day always gives the same history),
 * Helsinki wall-clock times, and a clock stopped at the moment a write is imagined to have happened.
 */

/** mulberry32: tiny, fast and good enough for made-up figures; never for anything secret. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [0, max). */
  below(max: number): number {
    return Math.floor(this.next() * max);
  }

  /** An integer in [min, max], both included. */
  between(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.below(items.length)]!;
  }

  /** One of the values, with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    return entries.at(-1)![0];
  }

  /** Up to `n` distinct items, in the order drawn. */
  some<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(this.below(pool.length), 1)[0]!);
    return out;
  }
}

const wallClock = dateTimeFormat('en-CA', { timeZone: SERVICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const localOf = (instant: Date): string => wallClock.format(instant).replace(', ', 'T');

/** The instant of a Helsinki wall-clock time ('HH:MM') on a day; EET or EEST, whichever holds then. */
export function helsinkiAt(day: string, time: string, plusMinutes = 0): Date {
  const [h, m] = time.split(':').map(Number);
  const minutes = (h ?? 0) * 60 + (m ?? 0) + plusMinutes;
  const local = `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  for (const offset of [2, 3]) {
    const instant = new Date(Date.parse(`${local}:00Z`) - offset * 3_600_000);
    if (localOf(instant) === local) return instant;
  }
  throw new Error(`${local} does not exist in Helsinki`);
}

/** An instant written with its Helsinki offset, as a phone in Finland would send it. */
export function withHelsinkiOffset(instant: Date): string {
  const local = localOf(instant);
  const offsetHours = Math.round((Date.parse(`${local}:00Z`) - instant.getTime()) / 3_600_000);
  return `${local}:00+0${offsetHours}:00`;
}

/** `day`, or the Friday before it when it falls on a weekend: office work is entered on working days. */
export function workdayOnOrBefore(day: string): string {
  return isoWeekday(day) > 5 ? addDays(day, 5 - isoWeekday(day)) : day;
}

/** The same dependencies with the clock stopped at `at`: the write happens "then", as it would have. */
export const clockAt = (deps: Deps, at: Date): Deps => ({ ...deps, clock: { now: () => new Date(at.getTime()) } });

/** The demo users as the app sees a signed-in person (the same loader as a sign-in). */
export async function demoActors(deps: Deps, userIds: Map<string, string>) {
  const load = async (username: string): Promise<Actor> => {
    const id = userIds.get(username);
    const actor = id ? await loadActor(deps.db.orm, id) : null;
    if (!actor) throw new Error(`The demo account ${username} is missing.`);
    return actor;
  };
  return { coordinator: await load('demo.coordinator'), nurse: await load('demo.nurse'), socialWorker: await load('demo.socialworker'), staff: await load('demo.staff') };
}
export type DemoActors = Awaited<ReturnType<typeof demoActors>>;

export const ctxOf = (actor: Actor) => ({ actor, requestId: null });
