import { addDays, helsinkiDay, monthBounds } from '../../domain/calendar.js';
import { listServices } from '../codes/commands.js';
import type { Deps } from '../deps.js';
import { seedDaylog } from './history-daylog.js';
import { seedEncounters, type EncounterTotals } from './history-encounters.js';
import { seedFeedback, type FeedbackTotals } from './history-feedback.js';
import { seedGroups } from './history-groups.js';
import { seedPilot } from './history-pilot.js';
import { heldSessions, planPastSessions, type HistoryWindow } from './history-sessions.js';
import { demoActors, Random } from './history-support.js';

/** What was seeded, for the start-up log and the tests. */
export type HistoryCounts = {
  window: HistoryWindow;
  heldSessions: number;
  encounters: Omit<EncounterTotals, 'codes'> & { codes: number };
  daylogDays: number;
  groupSessions: { past: number; held: number; future: number };
  feedback: FeedbackTotals;
  milliseconds: number;
};

// Any fixed seed will do; a fixed one makes the same day always give the same history.
const SEED = 0x5117a;

/** Today in Helsinki, the first of this month, and the history's first day: 13 weeks before the first. */
export function historyWindow(now: Date): HistoryWindow {
  const today = helsinkiDay(now);
  const firstOfMonth = monthBounds(today.slice(0, 7)).first;
  return { today, firstOfMonth, start: addDays(firstOfMonth, -91), yesterday: addDays(today, -1) };
}

/**
 * About three months of made-up, plausible history before today, so that a newcomer's lists, charts and
 * reports have something to show: past outreach sessions and their encounters and referrals, the day
 * centre's daily log, an open group with attendance, and feedback. Every write goes through the app's
 * own commands, as the demo user who would have made it and at the time it would have been made.
 */
export async function seedDemoHistory(deps: Deps, ids: { regionId: string; siteId: string; userIds: Map<string, string> }): Promise<HistoryCounts> {
  const started = performance.now();
  const window = historyWindow(deps.clock.now());
  const rng = new Random(SEED);
  const actors = await demoActors(deps, ids.userIds);
  const serviceIds = new Map((await listServices(deps, actors.nurse)).map((s) => [s.code, s.id]));

  await planPastSessions(deps, window, ids.siteId, actors);
  const sessions = await heldSessions(deps, window, ids.siteId, actors);
  const { codes, ...encounters } = await seedEncounters(deps, rng, window, ids.siteId, sessions, actors, serviceIds);
  const groups = await seedGroups(deps, rng, window, ids.siteId, actors, codes);
  const daylogDays = await seedDaylog(deps, rng, window, ids.siteId, actors, new Set(sessions.map((s) => s.session.day)), new Set(groups.heldSessions.map((s) => s.day)));
  const feedback = await seedFeedback(deps, rng, window, ids.siteId, actors, sessions, groups);
  await seedPilot(deps, window, ids.siteId, actors, serviceIds);
  return {
    window,
    heldSessions: sessions.length,
    encounters: { ...encounters, codes: codes.length },
    daylogDays,
    groupSessions: { past: groups.pastSessions, held: groups.heldSessions.length, future: groups.futureSessions },
    feedback,
    milliseconds: Math.round(performance.now() - started),
  };
}
