import type { TFunction } from 'i18next';
import { daysBetween, isoWeekday, monthBounds } from '../../domain/calendar';
import type { Recurrence } from '../../domain/outreach';
import { expandRecurrence, MAX_PLAN_DAYS } from '../../domain/recurrence';
import { parseDisplayDate, toDisplayDate } from '../audit/audit-filters';
import { toApiTime, toDisplayTime } from '../sites/time';
import type { PlanInput } from './api';
import { noTranslations, type TranslationValues } from '../common/translation-fields';
import { shiftMonth } from './dates';

export const nthValues = ['1', '2', '3', '4', '-1'] as const;
export type NthValue = (typeof nthValues)[number];
export const nthKeys: Record<NthValue, 'first' | 'second' | 'third' | 'fourth' | 'last'> = { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '-1': 'last' };

/** What the plan form edits: dates and times as the user typed them ("3.3.2026", "9.00"). */
export type PlanValues = {
  siteId: string;
  recurrence: Recurrence;
  weekday: number;
  nth: NthValue;
  startsOn: string;
  endsOn: string;
  startsAt: string;
  endsAt: string;
  room: string;
  professionalIds: string[];
  publicNote: string;
  publicNoteTranslations: TranslationValues;
  isAnnounced: boolean;
};

/** Field ids; errors are keyed by them so the error summary links to the field. */
export const planFields = {
  startsOn: 'plan-starts-on',
  endsOn: 'plan-ends-on',
  startsAt: 'plan-starts-at',
  endsAt: 'plan-ends-at',
  publicNote: 'plan-note',
} as const;
export type FieldErrors = Record<string, string>;

export const PUBLIC_NOTE_MAX = 300;

/** A fresh plan: weekly from today on today's weekday, for this and the next two months, 9–12. */
export function emptyPlan(siteId: string, today: string, professionalIds: string[]): PlanValues {
  // The 29th–31st are in a fifth week, which the monthly plan calls "the last".
  const weekOfMonth = Math.ceil(Number(today.slice(8, 10)) / 7);
  return {
    siteId,
    recurrence: 'weekly',
    weekday: isoWeekday(today),
    nth: weekOfMonth > 4 ? '-1' : (String(weekOfMonth) as NthValue),
    startsOn: toDisplayDate(today),
    endsOn: toDisplayDate(monthBounds(shiftMonth(today.slice(0, 7), 2)).last),
    startsAt: toDisplayTime('09:00'),
    endsAt: toDisplayTime('12:00'),
    room: '',
    professionalIds,
    publicNote: '',
    publicNoteTranslations: noTranslations(),
    isAnnounced: true,
  };
}

type Checked = { plan: PlanInput | null; days: string[]; errors: FieldErrors };

function checkDates(t: TFunction, values: PlanValues, errors: FieldErrors): { startsOn: string | null; endsOn: string | null } {
  const startsOn = parseDisplayDate(values.startsOn);
  if (startsOn === null) errors[planFields.startsOn] = t('schedule.errors.date');
  if (values.recurrence === 'one_off') return { startsOn, endsOn: null };
  const endsOn = values.endsOn.trim() === '' ? null : parseDisplayDate(values.endsOn);
  if (endsOn === null) errors[planFields.endsOn] = t(values.endsOn.trim() === '' ? 'schedule.errors.endsOnRequired' : 'schedule.errors.date');
  else if (startsOn !== null && endsOn < startsOn) errors[planFields.endsOn] = t('schedule.errors.endsBeforeStarts');
  else if (startsOn !== null && daysBetween(startsOn, endsOn) + 1 > MAX_PLAN_DAYS) errors[planFields.endsOn] = t('schedule.errors.tooLong', { days: MAX_PLAN_DAYS });
  return { startsOn, endsOn };
}

function checkTimes(t: TFunction, values: PlanValues, errors: FieldErrors): { startsAt: string | null; endsAt: string | null } {
  const startsAt = toApiTime(values.startsAt);
  const endsAt = toApiTime(values.endsAt);
  if (startsAt === null) errors[planFields.startsAt] = t('schedule.errors.time');
  if (endsAt === null) errors[planFields.endsAt] = t('schedule.errors.time');
  if (startsAt !== null && endsAt !== null && startsAt >= endsAt) errors[planFields.endsAt] = t('schedule.errors.endsBeforeStartsTime');
  return { startsAt, endsAt };
}

/** Checks the plan the way the API will, with messages the user can act on, and lists its days. */
export function validatePlan(t: TFunction, values: PlanValues): Checked {
  const errors: FieldErrors = {};
  const { startsOn, endsOn } = checkDates(t, values, errors);
  const { startsAt, endsAt } = checkTimes(t, values, errors);
  if (values.publicNote.trim().length > PUBLIC_NOTE_MAX) errors[planFields.publicNote] = t('schedule.errors.noteTooLong', { max: PUBLIC_NOTE_MAX });
  if (startsOn === null || startsAt === null || endsAt === null || (values.recurrence !== 'one_off' && endsOn === null) || Object.keys(errors).length > 0) {
    return { plan: null, days: [], errors };
  }
  const recurring = values.recurrence !== 'one_off';
  const plan: PlanInput = {
    recurrence: values.recurrence,
    startsOn,
    ...(recurring ? { endsOn: endsOn ?? startsOn, weekday: values.weekday } : {}),
    ...(values.recurrence === 'monthly_nth' ? { nth: Number(values.nth) as -1 | 1 | 2 | 3 | 4 } : {}),
    startsAt,
    endsAt,
    room: values.room,
    professionals: values.professionalIds.map((userId) => ({ userId })),
    publicNote: values.publicNote.trim(),
    publicNoteTranslations: { sv: values.publicNoteTranslations.sv.trim(), en: values.publicNoteTranslations.en.trim() },
    isAnnounced: values.isAnnounced,
  };
  const days = expandRecurrence(plan);
  if (days.length === 0) errors[planFields.endsOn] = t('schedule.errors.noDays');
  return { plan: days.length === 0 ? null : plan, days, errors };
}
