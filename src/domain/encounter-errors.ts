/**
 * Why an encounter was refused, sent as `details.reason` of a 400 so the web can say it in the user's
 * language. Shared by server and web so neither side keeps its own list.
 */
export const encounterErrorReasons = [
  /** occurredAt lies more than the allowed clock skew in the future. */
  'occurred_in_future',
  /** occurredAt is not on the Helsinki day of the session the encounter names. */
  'outside_session_day',
  /** A referral or a first-meeting answer names someone who is not a professional of the encounter. */
  'not_in_encounter',
  /** A coordinator's correction or removal needs a written reason. */
  'reason_required',
] as const;
export type EncounterErrorReason = (typeof encounterErrorReasons)[number];

/** Devices' clocks drift; an encounter up to this far ahead of the server's clock is accepted. */
export const FUTURE_SKEW_MS = 5 * 60_000;

/** True for a reason this module knows (the web translates only those). */
export function isEncounterErrorReason(value: unknown): value is EncounterErrorReason {
  return typeof value === 'string' && (encounterErrorReasons as readonly string[]).includes(value);
}
