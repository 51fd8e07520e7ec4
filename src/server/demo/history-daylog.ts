import { addDays, daysBetween, isoWeekday } from '../../domain/calendar.js';
import { daylogInputSchema } from '../../domain/outreach.js';
import { saveDaylog } from '../daylog/commands.js';
import type { Deps } from '../deps.js';
import { loadSite } from '../policy/site-access.js';
import type { HistoryWindow } from './history-sessions.js';
import { clockAt, ctxOf, helsinkiAt, type DemoActors, type Random } from './history-support.js';

const sometimes = ['Vaatejako aamupäivällä.', 'Jalkahoitaja paikalla klo 10–12.', 'Yhteinen aamupala ja tietovisa.', 'Kirpputoripöytä auki.', 'Kävijäkokous klo 11.'];
const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, Math.round(value)));

/**
 * The day centre's log for every opening day (by the site's opening hours) of the history: visitors
 * growing slowly over the months, busier when a professional is in and in the first week of the month
 * (benefits are paid), and now and then an early close or an event.
 */
export async function seedDaylog(deps: Deps, rng: Random, window: HistoryWindow, siteId: string, actors: DemoActors, outreachDays: Set<string>, groupDays: Set<string>): Promise<number> {
  const ctx = ctxOf(actors.staff);
  const site = await loadSite(deps, actors.staff, siteId, 'daylog.read');
  const hoursOf = new Map(site.openingHours.map((h) => [h.weekday, h]));
  const span = Math.max(1, daysBetween(window.start, window.yesterday));
  let saved = 0;
  for (let day = window.start; day < window.today; day = addDays(day, 1)) {
    const hours = hoursOf.get(isoWeekday(day));
    if (!hours) continue;
    const progress = daysBetween(window.start, day) / span;
    const monthStart = Number(day.slice(8, 10)) <= 5 ? 7 : 0;
    const visitors = clamp(46 + 18 * progress + (outreachDays.has(day) ? 8 : 0) + monthStart - (hours.weekday === 5 ? 5 : 0) + rng.between(-6, 6), 40, 75);
    // An early close a few times over the months, never on a Friday (it closes at 13 anyway).
    const closesEarly = hours.closes > '13:00' && !outreachDays.has(day) && !groupDays.has(day) && rng.chance(0.04);
    const events = [
      ...(closesEarly ? ['Suljettu klo 13 henkilökunnan koulutuksen vuoksi.'] : []),
      ...(outreachDays.has(day) ? ['Jalkautuva ammattilainen paikalla.'] : []),
      ...(groupDays.has(day) ? ['Porinapiiri klo 12–13.30 Ryhmätilassa.'] : []),
      ...(rng.chance(0.08) ? [rng.pick(sometimes)] : []),
    ];
    const input = daylogInputSchema.parse({
      id: deps.ids.newId(),
      breakfasts: clamp(visitors * 0.58 + rng.between(-4, 4), 25, 45),
      lunches: clamp(visitors * 0.8 + rng.between(-5, 5) - (closesEarly ? 4 : 0), 35, 60),
      estimatedVisitors: closesEarly ? clamp(visitors - 6, 40, 75) : visitors,
      openedAt: hours.opens,
      closedAt: closesEarly ? '13:00' : hours.closes,
      events: events.join(' '),
    });
    // Written up as the doors close.
    await saveDaylog(clockAt(deps, helsinkiAt(day, input.closedAt!, 10)), ctx, siteId, day, input);
    saved += 1;
  }
  return saved;
}
