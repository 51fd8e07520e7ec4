import { addDays, isoWeekday } from './days.js';

/**
 * Finnish public holidays (the Church Act and the Independence Day act, as in force since 1992),
 * plus Midsummer Eve and Christmas Eve, which are not public holidays by law but customarily days off.
 * The rules are applied to every year: Silta's deadlines lie in the present, and years before 1992
 * (when Epiphany and Ascension Day briefly moved to Saturdays) are only ever history.
 * Computed here rather than with `date-holidays`: see docs/ARCHITECTURE.md § Time.
 */

export const holidayKeys = [
  'new_years_day', 'epiphany', 'good_friday', 'easter_sunday', 'easter_monday', 'may_day', 'ascension_day', 'pentecost',
  'midsummer_eve', 'midsummer_day', 'all_saints_day', 'independence_day', 'christmas_eve', 'christmas_day', 'st_stephens_day',
] as const;
export type HolidayKey = (typeof holidayKeys)[number];
/** `public_holiday` by law; `eve` for the two customary days off, which a setting may count as working days. */
export type HolidayKind = 'public_holiday' | 'eve';
export type HolidayName = { fi: string; sv: string; en: string };
export type Holiday = { day: string; key: HolidayKey; kind: HolidayKind; name: HolidayName };

/** The names as Finnish, Finland-Swedish and English calendars print them. */
export const holidayNames: Record<HolidayKey, HolidayName> = {
  new_years_day: { fi: 'uudenvuodenpäivä', sv: 'nyårsdagen', en: "New Year's Day" },
  epiphany: { fi: 'loppiainen', sv: 'trettondagen', en: 'Epiphany' },
  good_friday: { fi: 'pitkäperjantai', sv: 'långfredagen', en: 'Good Friday' },
  easter_sunday: { fi: 'pääsiäispäivä', sv: 'påskdagen', en: 'Easter Sunday' },
  easter_monday: { fi: 'toinen pääsiäispäivä', sv: 'annandag påsk', en: 'Easter Monday' },
  may_day: { fi: 'vappu', sv: 'första maj', en: 'May Day' },
  ascension_day: { fi: 'helatorstai', sv: 'Kristi himmelsfärds dag', en: 'Ascension Day' },
  pentecost: { fi: 'helluntaipäivä', sv: 'pingstdagen', en: 'Whit Sunday' },
  midsummer_eve: { fi: 'juhannusaatto', sv: 'midsommarafton', en: 'Midsummer Eve' },
  midsummer_day: { fi: 'juhannuspäivä', sv: 'midsommardagen', en: 'Midsummer Day' },
  all_saints_day: { fi: 'pyhäinpäivä', sv: 'alla helgons dag', en: "All Saints' Day" },
  independence_day: { fi: 'itsenäisyyspäivä', sv: 'självständighetsdagen', en: 'Independence Day' },
  christmas_eve: { fi: 'jouluaatto', sv: 'julafton', en: 'Christmas Eve' },
  christmas_day: { fi: 'joulupäivä', sv: 'juldagen', en: 'Christmas Day' },
  st_stephens_day: { fi: 'tapaninpäivä', sv: 'annandag jul', en: "St Stephen's Day" },
};

const eves: ReadonlySet<HolidayKey> = new Set(['midsummer_eve', 'christmas_eve']);

/**
 * Easter Sunday of a Gregorian year as 'YYYY-MM-DD', by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher), which the Finnish church calendar follows.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first ISO `weekday` on or after `day`: Midsummer Day is the Saturday of 20–26 June. */
const weekdayFrom = (day: string, weekday: number): string => addDays(day, (weekday - isoWeekday(day) + 7) % 7);

function holidayDays(year: number): Record<HolidayKey, string> {
  const y = String(year).padStart(4, '0');
  const easter = easterSunday(year);
  const midsummerDay = weekdayFrom(`${y}-06-20`, 6);
  return {
    new_years_day: `${y}-01-01`,
    epiphany: `${y}-01-06`,
    good_friday: addDays(easter, -2),
    easter_sunday: easter,
    easter_monday: addDays(easter, 1),
    may_day: `${y}-05-01`,
    ascension_day: addDays(easter, 39),
    pentecost: addDays(easter, 49),
    midsummer_eve: addDays(midsummerDay, -1),
    midsummer_day: midsummerDay,
    all_saints_day: weekdayFrom(`${y}-10-31`, 6),
    independence_day: `${y}-12-06`,
    christmas_eve: `${y}-12-24`,
    christmas_day: `${y}-12-25`,
    st_stephens_day: `${y}-12-26`,
  };
}

// A working-day count asks about the same few years again and again.
type YearHolidays = { list: Holiday[]; byDay: Map<string, Holiday[]> };
const byYear = new Map<number, YearHolidays>();

function holidaysOfYear(year: number): YearHolidays {
  let found = byYear.get(year);
  if (!found) {
    const days = holidayDays(year);
    const list = holidayKeys.map((key): Holiday => ({ day: days[key], key, kind: eves.has(key) ? 'eve' : 'public_holiday', name: holidayNames[key] }));
    // Stable sort: two feasts on one day (Ascension Day on May Day in 2008) stay in the church year's order.
    list.sort((a, b) => a.day.localeCompare(b.day));
    const byDay = new Map<string, Holiday[]>();
    for (const h of list) byDay.set(h.day, [...(byDay.get(h.day) ?? []), h]);
    found = { list, byDay };
    byYear.set(year, found);
  }
  return found;
}

/** A year's public holidays and the two eves, in date order (a day may hold two, as 1 May 2008 did). */
export function finnishHolidays(year: number): Holiday[] {
  return [...holidaysOfYear(year).list];
}

/** The public holidays and eves on `day`: usually none or one, two when feasts coincide. */
export function holidaysOn(day: string): Holiday[] {
  return holidaysOfYear(Number(day.slice(0, 4))).byDay.get(day) ?? [];
}

/** The public holiday or customary eve on `day`, with its name in fi/sv/en, or null on an ordinary day. */
export function holidayOn(day: string): Holiday | null {
  return holidaysOn(day)[0] ?? null;
}

/** Is `day` a public holiday by law (not counting Midsummer Eve and Christmas Eve)? */
export function isPublicHoliday(day: string): boolean {
  return holidaysOn(day).some((h) => h.kind === 'public_holiday');
}

/** The holidays and eves on `days`, in the order of `days`. */
export function holidaysAmong(days: readonly string[]): Holiday[] {
  return days.flatMap(holidaysOn);
}
