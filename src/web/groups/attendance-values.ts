import type { AttendanceCounters } from '../../domain/groups';

/** The quick counters as typed: text, so that a half-typed or cleared field is not silently 0. */
export type CounterValues = { total: string; returning: string; new: string };
export type CounterField = keyof CounterValues;
export type CounterProblem = 'notNumber' | 'tooLarge' | 'exceedsTotal';
export type CounterErrors = Partial<Record<CounterField, CounterProblem>>;

export const MAX_COUNT = 10_000;
export const counterFields: readonly CounterField[] = ['total', 'returning', 'new'];

export const emptyCounters = (): CounterValues => ({ total: '0', returning: '0', new: '0' });

export function countersToValues(counters: AttendanceCounters | null): CounterValues {
  if (!counters) return emptyCounters();
  return { total: String(counters.total), returning: String(counters.returning), new: String(counters.new) };
}

/** A whole number 0…MAX_COUNT; an empty field is 0 (nobody of that kind). */
export function parseCount(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n > MAX_COUNT ? null : n;
}

/** The value after a +/− press: never below 0 nor above the maximum; what cannot be read counts as 0. */
export function stepCount(text: string, delta: number): string {
  const n = parseCount(text) ?? 0;
  return String(Math.min(MAX_COUNT, Math.max(0, n + delta)));
}

/**
 * Checks the counters the way the API will (returning + new ≤ total). With codes on the list and
 * every counter at zero nothing was counted by hand: the counters are left out (null). With no codes,
 * zeros are kept, because "the group met and nobody came" is worth recording.
 */
export function checkCounters(values: CounterValues, codeCount: number): { counters: AttendanceCounters | null; errors: CounterErrors; ok: boolean } {
  const errors: CounterErrors = {};
  const parsed: Partial<Record<CounterField, number>> = {};
  for (const field of counterFields) {
    const n = parseCount(values[field]);
    if (n === null) errors[field] = /^\s*\d+\s*$/.test(values[field]) ? 'tooLarge' : 'notNumber';
    else parsed[field] = n;
  }
  const { total, returning, new: fresh } = parsed;
  if (total !== undefined && returning !== undefined && fresh !== undefined && returning + fresh > total) errors.returning = 'exceedsTotal';
  if (Object.keys(errors).length > 0 || total === undefined || returning === undefined || fresh === undefined) return { counters: null, errors, ok: false };
  const isEmpty = total === 0 && returning === 0 && fresh === 0;
  return { counters: isEmpty && codeCount > 0 ? null : { total, returning, new: fresh }, errors, ok: true };
}
