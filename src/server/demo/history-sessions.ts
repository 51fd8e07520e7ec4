import { addDays } from '../../domain/calendar.js';
import { sessionPlanSchema } from '../../domain/outreach.js';
import type { Deps } from '../deps.js';
import { planSessions, updateSession } from '../sessions/commands.js';
import { listSiteSessions } from '../sessions/queries.js';
import type { StaffedSession } from '../sessions/repo.js';
import { clockAt, ctxOf, helsinkiAt, type DemoActors } from './history-support.js';

export type HistoryWindow = { today: string; firstOfMonth: string; start: string; yesterday: string };

/**
 * The outreach plan before this month (seed-demo plans from the first of this month on): the nurse
 * every Tuesday 9–12, the social worker on the third Wednesday 10–14. Every other Tuesday the social
 * worker joins the nurse for two hours, which is when joint encounters happen; one Tuesday is cancelled.
 */
export async function planPastSessions(deps: Deps, window: HistoryWindow, siteId: string, actors: DemoActors): Promise<void> {
  // The coordinator drew up the plan two weeks before it began.
  const planning = clockAt(deps, helsinkiAt(addDays(window.start, -14), '10:00'));
  const ctx = ctxOf(actors.coordinator);
  const plan = (fields: Record<string, unknown>) => sessionPlanSchema.parse({ room: 'Neuvotteluhuone', startsOn: window.start, endsOn: addDays(window.firstOfMonth, -1), ...fields });
  const tuesdays = await planSessions(planning, ctx, siteId, plan({ recurrence: 'weekly', weekday: 2, startsAt: '09:00', endsAt: '12:00', professionals: [{ userId: actors.nurse.userId }] }));
  await planSessions(planning, ctx, siteId, plan({ recurrence: 'monthly_nth', weekday: 3, nth: 3, startsAt: '10:00', endsAt: '14:00', professionals: [{ userId: actors.socialWorker.userId }] }));
  for (const [index, { session }] of tuesdays.entries()) {
    const at = clockAt(deps, helsinkiAt(addDays(session.day, -7), '13:00'));
    if (index === 5) {
      // A week's notice: the nurse was away and no substitute could be found.
      await updateSession(at, ctx, session.id, { isCancelled: true, publicNote: 'Sairaanhoitajan vastaanotto on peruttu tällä viikolla.' });
    } else if (index % 2 === 1) {
      await updateSession(at, ctx, session.id, {
        professionals: [{ userId: actors.nurse.userId }, { userId: actors.socialWorker.userId, hours: 2 }],
        publicNote: 'Sosiaalityöntekijä paikalla klo 10–12.',
      });
    }
  }
}

/** Sessions held at the site from the start of the history up to yesterday: the days encounters happened. */
export async function heldSessions(deps: Deps, window: HistoryWindow, siteId: string, actors: DemoActors): Promise<StaffedSession[]> {
  const all = await listSiteSessions(deps, actors.coordinator, siteId, { from: window.start, to: window.yesterday });
  return all.filter(({ session }) => !session.isCancelled && session.kind === 'reception' && session.day < window.today);
}
