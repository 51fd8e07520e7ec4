import { describe, expect, it } from 'vitest';
import { addMonths, defaultReviewDue, isReviewOverdue, missingForPublication, nextTrayStatus, trayEvents, trayStatuses } from './editorial.js';
import { serviceContentSchema, type ServiceContent } from './description.js';

const complete = (): ServiceContent => serviceContentSchema.parse({
  names: { fi: 'Matalan kynnyksen olohuone' },
  contacts: [{ kind: 'phone', value: '040 123 4567' }],
  categories: ['group_activity'],
  organiserId: '0190a0a0-0000-7000-8000-000000000001',
  description: { fi: 'Avoin kohtaamispaikka.' },
  access: { howToGetIn: { fi: 'Tule paikalle.' }, selfReferral: true, allMunicipalities: true },
  targetGroup: { fi: 'Aikuiset' },
  workForms: { fi: 'Ryhmät' },
  principles: { fi: 'Kohtaaminen' },
  goal: { fi: 'Osallisuus' },
  resultsNoDataYet: true,
}) as ServiceContent;

describe('the tray editorial rules', () => {
  it('moves between statuses only as the transitions allow (every status × event)', () => {
    const table = Object.fromEntries(trayStatuses.map((s) => [s, Object.fromEntries(trayEvents.map((e) => [e, nextTrayStatus(s, e)]))]));
    expect(table).toEqual({
      none: { save: 'draft', publish: null, review: null, archive: null },
      draft: { save: 'draft', publish: 'published', review: null, archive: 'archived' },
      published: { save: 'published', publish: 'published', review: 'published', archive: 'archived' },
      archived: { save: 'draft', publish: null, review: null, archive: null },
    });
  });

  it('publishes a description with all nine fields, field 9 as "no data yet"', () => {
    expect(missingForPublication(complete())).toEqual([]);
  });

  it('names each missing field, and refuses field 9 empty without "no data yet"', () => {
    const c = complete();
    expect(missingForPublication({ ...c, resultsNoDataYet: false })).toEqual([9]);
    expect(missingForPublication({ ...c, contacts: [] })).toEqual([1]);
    expect(missingForPublication({ ...c, organiserId: null, categories: [] })).toEqual([0, 2]);
    expect(missingForPublication({ ...c, access: { ...c.access, allMunicipalities: false, municipalityCodes: [] } })).toEqual([4]);
    expect(missingForPublication({ ...c, access: { ...c.access, selfReferral: null } })).toEqual([4]);
    expect(missingForPublication({ ...c, goal: { fi: '  ', sv: 'Mål', en: 'Goal' } })).toEqual([8]);
    const blank = serviceContentSchema.parse({ names: { fi: '' } }) as ServiceContent;
    expect(missingForPublication(blank)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('sets the review 12 months ahead, on the month\'s last day when the day does not exist', () => {
    expect(defaultReviewDue('2026-03-15')).toBe('2027-03-15');
    expect(defaultReviewDue('2024-02-29')).toBe('2025-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('is overdue only after the review day', () => {
    expect(isReviewOverdue('2026-03-15', '2026-03-15')).toBe(false);
    expect(isReviewOverdue('2026-03-15', '2026-03-16')).toBe(true);
    expect(isReviewOverdue(null, '2026-03-16')).toBe(false);
  });
});
