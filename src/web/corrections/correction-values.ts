import type { AgeBand } from '../../domain/code-lists';
import type { EncounterView } from '../../domain/outreach-views';
import type { Locale } from '../../domain/org';
import { formatClock, helsinkiClock, parseClock } from '../../domain/date-format';

/**
 * What a coordinator may correct in someone else's entry (the server's correction schema): the time,
 * the age band, urgency and duration. Codes and professionals are the professionals' own to say.
 */
export type CorrectionValues = { time: string; ageBand: AgeBand; isUrgent: boolean; duration: string; reason: string };
export type CorrectionChanges = { occurredAt?: string; ageBand?: AgeBand; isUrgent?: boolean; durationMinutes?: number | null };
export type CorrectionField = 'time' | 'duration' | 'reason' | 'form';

export const REASON_MIN = 3;
export const REASON_MAX = 300;

export function valuesOf(view: EncounterView, locale: Locale): CorrectionValues {
  return {
    time: formatClock(helsinkiClock(view.occurredAt), locale),
    ageBand: view.ageBand,
    isUrgent: view.isUrgent,
    duration: view.durationMinutes === null ? '' : String(view.durationMinutes),
    reason: '',
  };
}

const minutesOf = (clock: string): number => {
  const [hours = '0', minutes = '0'] = clock.split(':');
  return Number(hours) * 60 + Number(minutes);
};

/**
 * The same Helsinki day at another clock time. Moves the instant by the difference of the clock times,
 * which is exact unless a daylight-saving change falls between them (at 3–4 at night, when no one works).
 */
export function atClock(occurredAt: string, clock: string): string {
  const shift = minutesOf(clock) - minutesOf(helsinkiClock(occurredAt));
  return new Date(Date.parse(occurredAt) + shift * 60_000).toISOString();
}

/** A written reason is required; the mandatory reason is what makes the correction auditable. */
export function checkReason(reason: string): 'reasonMissing' | 'reasonLong' | null {
  const trimmed = reason.trim();
  if (trimmed.length < REASON_MIN) return 'reasonMissing';
  return trimmed.length > REASON_MAX ? 'reasonLong' : null;
}

/**
 * The changed fields only, or the problems by field (as i18n keys under corrections.errors). A form
 * without a change is refused here, so that nothing is audited as a correction that changed nothing.
 */
export function toCorrection(view: EncounterView, values: CorrectionValues): { changes: CorrectionChanges; errors: Partial<Record<CorrectionField, string>> } {
  const errors: Partial<Record<CorrectionField, string>> = {};
  const changes: CorrectionChanges = {};
  const clock = parseClock(values.time);
  if (clock === null) errors.time = 'time';
  else if (clock !== helsinkiClock(view.occurredAt)) changes.occurredAt = atClock(view.occurredAt, clock);
  if (values.ageBand !== view.ageBand) changes.ageBand = values.ageBand;
  if (values.isUrgent !== view.isUrgent) changes.isUrgent = values.isUrgent;
  const durationText = values.duration.trim();
  const duration = durationText === '' ? null : /^\d{1,3}$/.test(durationText) && Number(durationText) <= 600 ? Number(durationText) : undefined;
  if (duration === undefined) errors.duration = 'duration';
  else if (duration !== view.durationMinutes) changes.durationMinutes = duration;
  const reason = checkReason(values.reason);
  if (reason) errors.reason = reason;
  if (Object.keys(errors).length === 0 && Object.keys(changes).length === 0) errors.form = 'noChanges';
  return { changes, errors };
}
