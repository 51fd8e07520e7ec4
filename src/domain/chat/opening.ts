import { addDays, helsinkiDay, isoWeekday, isPublicHoliday, SERVICE_TIME_ZONE } from '../calendar.js';
import { dateTimeFormat } from '../intl-cache.js';

/** One weekly opening of the chat, in Helsinki time: ISO weekday (1 = Monday) and 'HH:MM' bounds. */
export type WeeklyOpening = { weekday: number; from: string; to: string };

/** How far ahead the next opening is looked for: a chat closed for longer shows no date. */
const LOOKAHEAD_DAYS = 28;

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The Helsinki wall-clock minutes since midnight of an instant. */
function helsinkiMinutes(instant: Date): number {
  const parts = dateTimeFormat('en-GB', { timeZone: SERVICE_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  return value('hour') * 60 + value('minute');
}

/**
 * The instant of a Helsinki wall-clock time on a day. The offset is found by formatting a first guess
 * back into Helsinki time, twice so that a guess on the other side of a daylight-saving change settles.
 */
export function helsinkiInstant(day: string, hhmm: string): Date {
  const wall = Date.parse(`${day}T${hhmm}:00Z`);
  let guess = wall - 2 * 3600_000;
  for (let i = 0; i < 2; i++) {
    const shown = Date.parse(`${helsinkiDay(new Date(guess))}T00:00:00Z`) + helsinkiMinutes(new Date(guess)) * 60_000;
    guess += wall - shown;
  }
  return new Date(guess);
}

/** The openings of a day: none on a Finnish public holiday, whatever the weekly hours say. */
export function openingsOn(day: string, hours: readonly WeeklyOpening[]): WeeklyOpening[] {
  if (isPublicHoliday(day)) return [];
  const weekday = isoWeekday(day);
  return hours.filter((h) => h.weekday === weekday).sort((a, b) => minutesOf(a.from) - minutesOf(b.from));
}

/** Whether an instant falls within the chat's opening hours (public holidays are closed). */
export function isWithinOpeningHours(now: Date, hours: readonly WeeklyOpening[]): boolean {
  const minutes = helsinkiMinutes(now);
  return openingsOn(helsinkiDay(now), hours).some((h) => minutesOf(h.from) <= minutes && minutes < minutesOf(h.to));
}

/** The next opening that starts after `now` (within four weeks), as its start and end instants. */
export function nextOpening(now: Date, hours: readonly WeeklyOpening[]): { from: Date; to: Date } | null {
  const today = helsinkiDay(now);
  for (let i = 0; i <= LOOKAHEAD_DAYS; i++) {
    const day = addDays(today, i);
    for (const opening of openingsOn(day, hours)) {
      const from = helsinkiInstant(day, opening.from);
      if (from.getTime() > now.getTime()) return { from, to: helsinkiInstant(day, opening.to) };
    }
  }
  return null;
}
