import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from './days.js';
import fromDateHolidays from './date-holidays-fi-2000-2099.json';
import { easterSunday, finnishHolidays, holidayKeys, holidayNames, holidayOn, holidaysAmong, holidaysOn, isPublicHoliday } from './holidays.js';

const dayOf = (year: number, key: string): string | undefined => finnishHolidays(year).find((h) => h.key === key)?.day;

describe('Finnish public holidays', () => {
  it('put Easter on the dates the Finnish church calendar publishes, 2024–2030', () => {
    const published: Record<number, string> = {
      2024: '2024-03-31', 2025: '2025-04-20', 2026: '2026-04-05', 2027: '2027-03-28', 2028: '2028-04-16', 2029: '2029-04-01', 2030: '2030-04-21',
    };
    for (const [year, easter] of Object.entries(published)) expect([year, easterSunday(Number(year))]).toEqual([year, easter]);
  });

  it('find Easter within its canonical window, 22 March – 25 April, always on a Sunday', () => {
    // Also the rare extremes: 1818 and 2285 on 22 March, 1943 and 2038 on 25 April.
    expect([easterSunday(1818), easterSunday(2285), easterSunday(1943), easterSunday(2038)]).toEqual(['1818-03-22', '2285-03-22', '1943-04-25', '2038-04-25']);
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2999 }), (year) => {
        const easter = easterSunday(year);
        expect(isoWeekday(easter)).toBe(7);
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
      }),
    );
  });

  it('give the published days of 2025–2028: Easter, Midsummer, All Saints’ Day and the fixed feasts', () => {
    expect(finnishHolidays(2026).map((h) => `${h.day} ${h.name.fi}`)).toEqual([
      '2026-01-01 uudenvuodenpäivä', '2026-01-06 loppiainen', '2026-04-03 pitkäperjantai', '2026-04-05 pääsiäispäivä',
      '2026-04-06 toinen pääsiäispäivä', '2026-05-01 vappu', '2026-05-14 helatorstai', '2026-05-24 helluntaipäivä',
      '2026-06-19 juhannusaatto', '2026-06-20 juhannuspäivä', '2026-10-31 pyhäinpäivä', '2026-12-06 itsenäisyyspäivä',
      '2026-12-24 jouluaatto', '2026-12-25 joulupäivä', '2026-12-26 tapaninpäivä',
    ]);
    expect([dayOf(2025, 'midsummer_day'), dayOf(2027, 'midsummer_day'), dayOf(2028, 'midsummer_day')]).toEqual(['2025-06-21', '2027-06-26', '2028-06-24']);
    expect([dayOf(2025, 'all_saints_day'), dayOf(2027, 'all_saints_day'), dayOf(2028, 'all_saints_day')]).toEqual(['2025-11-01', '2027-11-06', '2028-11-04']);
    expect([dayOf(2025, 'ascension_day'), dayOf(2027, 'good_friday'), dayOf(2028, 'easter_monday')]).toEqual(['2025-05-29', '2027-03-26', '2028-04-17']);
  });

  it('agree day for day with date-holidays 3.37 (printed once for FI: its public days and the two eves), 2000–2099', () => {
    // An independent implementation as the oracle: the library was too heavy to ship (docs/ARCHITECTURE.md).
    for (const [year, days] of Object.entries(fromDateHolidays)) {
      expect([year, finnishHolidays(Number(year)).map((h) => h.day.slice(5)).join(' ')]).toEqual([year, days]);
    }
  });

  it('put Midsummer Eve on a Friday 19–25 June, Midsummer Day and All Saints’ Day on their Saturdays, Ascension on a Thursday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2999 }), (year) => {
        const of = (key: string) => dayOf(year, key)!;
        expect(isoWeekday(of('midsummer_eve'))).toBe(5);
        expect(of('midsummer_eve') >= `${year}-06-19` && of('midsummer_eve') <= `${year}-06-25`).toBe(true);
        expect(of('midsummer_day')).toBe(addDays(of('midsummer_eve'), 1));
        expect(isoWeekday(of('all_saints_day'))).toBe(6);
        expect(of('all_saints_day') >= `${year}-10-31` && of('all_saints_day') <= `${year}-11-06`).toBe(true);
        expect(isoWeekday(of('ascension_day'))).toBe(4);
        expect(isoWeekday(of('good_friday'))).toBe(5);
        expect(finnishHolidays(year)).toHaveLength(holidayKeys.length);
      }),
    );
  });

  it('name the day in Finnish, Swedish and English, and tell the customary eves from public holidays', () => {
    expect(holidayOn('2026-12-06')).toEqual({ day: '2026-12-06', key: 'independence_day', kind: 'public_holiday', name: { fi: 'itsenäisyyspäivä', sv: 'självständighetsdagen', en: 'Independence Day' } });
    expect(holidayOn('2026-06-19')).toMatchObject({ key: 'midsummer_eve', kind: 'eve', name: { sv: 'midsommarafton' } });
    expect(isPublicHoliday('2026-06-19')).toBe(false);
    expect(isPublicHoliday('2026-12-24')).toBe(false);
    expect(isPublicHoliday('2026-12-25')).toBe(true);
    expect(holidayOn('2026-12-31')).toBeNull();
    expect(holidayOn('2026-06-18')).toBeNull();
    for (const key of holidayKeys) expect(Object.values(holidayNames[key]).every((name) => name.length > 0)).toBe(true);
  });

  it('keep both feasts when they fall on one day, as Ascension Day and May Day did in 2008', () => {
    expect(holidaysOn('2008-05-01').map((h) => h.key)).toEqual(['may_day', 'ascension_day']);
    expect(finnishHolidays(2008)).toHaveLength(holidayKeys.length);
  });

  it('pick the holidays out of a list of days, keeping its order', () => {
    const days = ['2026-12-31', '2026-12-24', '2026-05-14', '2026-05-13'];
    expect(holidaysAmong(days).map((h) => h.key)).toEqual(['christmas_eve', 'ascension_day']);
  });
});
