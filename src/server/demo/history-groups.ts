import { addDays, daysBetween, isoWeekday } from '../../domain/calendar.js';
import { attendanceInputSchema, groupSeriesInputSchema } from '../../domain/groups.js';
import type { Deps } from '../deps.js';
import { createSeries, recordAttendance, updateGroupSession } from '../groups/commands.js';
import { getSeriesDetail } from '../groups/queries.js';
import { issueVisitorCode } from '../visitor-codes/commands.js';
import type { IssuedCode } from './history-encounters.js';
import type { HistoryWindow } from './history-sessions.js';
import { clockAt, ctxOf, helsinkiAt, type DemoActors, type Random } from './history-support.js';

const themes = [
  'Tutustuminen ja toiveet ryhmälle', 'Uni ja lepo', 'Raha-asiat ja oma budjetti', 'Kelan asiointi', 'Edullinen ja hyvä ruoka',
  'Yksinäisyys ja ystävyys', 'Mieli ja talven pimeys', 'Digiasiointi: pankkitunnukset', 'Asuminen ja vuokra-asiat', 'Liikkuminen arjessa',
  'Päihteet ja arki', 'Harrastukset ja vapaa-aika', 'Miten saan ajan terveysasemalle', 'Oma jaksaminen', 'Kevään retken suunnittelu',
];

export type GroupHistory = { seriesId: string; heldSessions: { id: string; day: string }[]; pastSessions: number; futureSessions: number };

/**
 * "Porinapiiri", an open weekly group at the day centre run by a day-centre instructor and a peer worker,
 * from about ten weeks ago to four weeks ahead. Past sessions have attendance (counters and visitor codes,
 * some regulars), one was cancelled; themes are chosen ahead, and only some were published beforehand.
 */
export async function seedGroups(deps: Deps, rng: Random, window: HistoryWindow, siteId: string, actors: DemoActors, codes: IssuedCode[]): Promise<GroupHistory> {
  const ctx = ctxOf(actors.staff);
  const from = addDays(window.today, -70);
  const startsOn = addDays(from, (4 - isoWeekday(from) + 7) % 7);
  const endsOn = addDays(window.today, 28);
  const weeks = Math.floor(daysBetween(startsOn, endsOn) / 7) + 1;
  const input = groupSeriesInputSchema.parse({
    name: 'Porinapiiri',
    description: 'Avoin keskusteluryhmä arjen asioista. Kahvia ja pullaa. Tule sellaisena kuin olet, ilmoittautumista ei tarvita.',
    descriptionTranslations: {
      sv: 'En öppen diskussionsgrupp om vardagen. Kaffe och bulle. Kom som du är, ingen anmälan behövs.',
      en: 'An open discussion group about everyday life. Coffee and buns. Come as you are, no need to sign up.',
    },
    targetGroup: 'Kaikki päiväkeskuksen kävijät',
    room: 'Ryhmätila',
    facilitators: [
      { role: 'Päiväkeskuksen ohjaaja', organisation: 'Päiväkeskus' },
      { role: 'Kokemusasiantuntija', organisation: 'Paikallinen vertaistukiyhdistys', isPeerWorker: true },
    ],
    weekday: 4,
    startsAt: '12:00',
    endsAt: '13:30',
    startsOn,
    endsOn,
    themes: themes.slice(0, weeks),
  });
  const series = await createSeries(clockAt(deps, helsinkiAt(addDays(startsOn, -10), '10:00')), ctx, siteId, input);
  const { sessions } = await getSeriesDetail(deps, actors.staff, series.id);
  const past = sessions.filter((s) => s.day < window.today);
  const held: GroupHistory['heldSessions'] = [];
  const regulars = codes.slice(0, 6);
  for (const [index, session] of past.entries()) {
    const before = clockAt(deps, helsinkiAt(addDays(session.day, -3), '14:00'));
    if (index === 3) {
      await updateGroupSession(before, ctx, session.id, { isCancelled: true });
      continue;
    }
    if (rng.chance(0.6)) await updateGroupSession(before, ctx, session.id, { isThemePublished: true });
    const after = clockAt(deps, helsinkiAt(session.day, '13:40', rng.between(0, 30)));
    const available = regulars.filter((c) => c.issuedOn <= session.day);
    const withCodes = available.filter(() => rng.chance(0.55)).map((c) => c.code);
    // Someone asks for a card at the group now and then; day-centre staff may issue one.
    if (withCodes.length === 0 || rng.chance(0.15)) withCodes.push(await issueVisitorCode(after, ctx, siteId, (max) => rng.below(max)));
    const total = rng.between(3, 9);
    const returning = Math.min(total, Math.round(total * (index === 0 ? 0 : 0.5 + rng.next() * 0.3)));
    const counters = { total, returning, new: Math.min(total - returning, rng.between(0, total - returning)) };
    await recordAttendance(after, ctx, session.id, attendanceInputSchema.parse({ counters, codes: withCodes }));
    held.push({ id: session.id, day: session.day });
  }
  return { seriesId: series.id, heldSessions: held, pastSessions: past.length, futureSessions: sessions.length - past.length };
}
