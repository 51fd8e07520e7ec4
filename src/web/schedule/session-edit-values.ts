import type { TFunction } from 'i18next';
import type { Locale } from '../../domain/org';
import type { SessionUpdate } from '../../domain/outreach';
import type { SessionView } from '../../domain/outreach-views';
import { toApiTime, toDisplayTime } from '../sites/time';
import { formatHours } from './dates';
import { PUBLIC_NOTE_MAX } from './plan-form-values';
import { translationValues, type TranslationValues } from '../common/translation-fields';

const trimmed = (v: TranslationValues) => ({ sv: v.sv.trim(), en: v.en.trim() });

/** What the session editor edits: times and hours as the user typed them ("13.00", "2,5"). */
export type EditValues = {
  startsAt: string;
  endsAt: string;
  room: string;
  professionalIds: string[];
  hours: Record<string, string>;
  isAnnounced: boolean;
  publicNote: string;
  publicNoteTranslations: TranslationValues;
};

/** Field ids; errors are keyed by them so the error summary links to the field. */
export const editFields = { startsAt: 'session-starts-at', endsAt: 'session-ends-at', publicNote: 'session-note' } as const;
export const hoursFieldId = (userId: string): string => `hours-${userId}`;

export function initialEditValues(session: SessionView, locale: Locale): EditValues {
  return {
    startsAt: toDisplayTime(session.startsAt),
    endsAt: toDisplayTime(session.endsAt),
    room: session.room,
    professionalIds: session.professionals.map((p) => p.userId),
    hours: Object.fromEntries(session.professionals.map((p) => [p.userId, formatHours(p.hours, locale)])),
    isAnnounced: session.isAnnounced,
    publicNote: session.publicNote,
    publicNoteTranslations: translationValues(session.publicNoteTranslations),
  };
}

/** "2,5" or "2.5" → 2.5; null unless a number of hours 0–24 with at most two decimals. */
export function parseHours(text: string): number | null {
  const normalised = text.trim().replace(',', '.');
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(normalised)) return null;
  const hours = Number(normalised);
  return hours <= 24 ? hours : null;
}

function checkTimes(t: TFunction, values: EditValues, errors: Record<string, string>): { startsAt: string; endsAt: string } | null {
  const startsAt = toApiTime(values.startsAt);
  const endsAt = toApiTime(values.endsAt);
  if (startsAt === null) errors[editFields.startsAt] = t('schedule.errors.time');
  if (endsAt === null) errors[editFields.endsAt] = t('schedule.errors.time');
  if (startsAt === null || endsAt === null) return null;
  if (startsAt >= endsAt) errors[editFields.endsAt] = t('schedule.errors.endsBeforeStartsTime');
  return { startsAt, endsAt };
}

/**
 * Checks the editor's values the way the API will and builds the change. An empty hours field
 * leaves the hours to the server, which gives the session's length (as when planning).
 */
export function checkEdit(t: TFunction, values: EditValues): { patch: SessionUpdate | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const times = checkTimes(t, values, errors);
  const professionals = values.professionalIds.map((userId) => {
    const typed = values.hours[userId] ?? '';
    if (typed.trim() === '') return { userId };
    const hours = parseHours(typed);
    if (hours === null) errors[hoursFieldId(userId)] = t('schedule.errors.hours');
    return { userId, hours: hours ?? 0 };
  });
  const publicNote = values.publicNote.trim();
  if (publicNote.length > PUBLIC_NOTE_MAX) errors[editFields.publicNote] = t('schedule.errors.noteTooLong', { max: PUBLIC_NOTE_MAX });
  if (times === null || Object.keys(errors).length > 0) return { patch: null, errors };
  return { patch: { ...times, room: values.room, professionals, isAnnounced: values.isAnnounced, publicNote, publicNoteTranslations: trimmed(values.publicNoteTranslations) }, errors };
}
