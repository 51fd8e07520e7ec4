import { describe, expect, it } from 'vitest';
import { checkDetails, checkSeries, emptySeries, facilitatorRoleId, seriesFields, themeLines, type SeriesValues } from './series-form-values';

// 2.3.2026 is a Monday.
const base: SeriesValues = { ...emptySeries('2026-03-02'), name: 'Porinapirtti', startsOn: '2.3.2026', endsOn: '20.4.2026', startsAt: '12.00', endsAt: '13.30' };

describe('the group series form', () => {
  it('starts on today’s weekday, eight weeks long', () => {
    const fresh = emptySeries('2026-03-04');
    expect(fresh.weekday).toBe(3);
    expect(fresh.startsOn).toBe('4.3.2026');
    expect(fresh.endsOn).toBe('22.4.2026');
  });

  it('makes the API input and the weekly days', () => {
    const { input, days, problems } = checkSeries({ ...base, themes: 'Omat vahvuudet\n\n  Uni  \n', facilitators: [{ key: 1, role: ' Vertaistoimija ', organisation: '', isPeerWorker: true }, { key: 2, role: '', organisation: '', isPeerWorker: false }] });
    expect(problems).toEqual({});
    expect(days).toHaveLength(8);
    expect(input).toMatchObject({ name: 'Porinapirtti', weekday: 1, startsAt: '12:00', endsAt: '13:30', startsOn: '2026-03-02', endsOn: '2026-04-20', themes: ['Omat vahvuudet', 'Uni'] });
    expect(input?.facilitators).toEqual([{ role: 'Vertaistoimija', organisation: '', isPeerWorker: true }]);
  });

  it('names each problem by its field', () => {
    const { input, problems } = checkSeries({ ...base, name: ' ', endsAt: '11.00', endsOn: '1.3.2026', facilitators: [{ key: 7, role: '', organisation: 'Järjestö', isPeerWorker: false }] });
    expect(input).toBeNull();
    expect(problems).toEqual({
      [seriesFields.name]: { key: 'nameRequired' },
      [seriesFields.endsAt]: { key: 'endsBeforeStartsTime' },
      [seriesFields.endsOn]: { key: 'endsBeforeStarts' },
      [facilitatorRoleId(7)]: { key: 'roleRequired' },
    });
  });

  it('refuses more themes than sessions and a period without the weekday', () => {
    expect(checkSeries({ ...base, endsOn: '9.3.2026', themes: 'a\nb\nc' }).problems).toEqual({ [seriesFields.themes]: { key: 'tooManyThemes', values: { themes: 3, sessions: 2 } } });
    expect(checkSeries({ ...base, weekday: 5, endsOn: '3.3.2026' }).problems).toEqual({ [seriesFields.weekday]: { key: 'noDays' } });
    expect(checkSeries({ ...base, startsOn: '31.2.2026' }).problems).toEqual({ [seriesFields.startsOn]: { key: 'date' } });
  });

  it('checks the editable details on their own', () => {
    const problems = {};
    expect(checkDetails({ description: ' Avoin ', descriptionSv: ' Öppen ', descriptionEn: '', targetGroup: '', room: 'x'.repeat(101), facilitators: [], isAnnounced: false }, problems)).toMatchObject({ description: 'Avoin', descriptionTranslations: { sv: 'Öppen', en: '' } });
    expect(problems).toEqual({ [seriesFields.room]: { key: 'tooLong', values: { max: 100 } } });
    expect(themeLines(' a \n\nb')).toEqual(['a', 'b']);
  });
});
