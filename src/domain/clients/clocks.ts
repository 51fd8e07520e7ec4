import { addDays, daysBetween, helsinkiDay, monthBounds, addWorkingDays, type WorkingDaySettings } from '../calendar.js';

/**
 * The process clocks: how long a step may take from the contact, each labelled statutory or local so
 * that reports say which one they count (requirements § 1.3 rule 4). Deadlines are worked out once, on
 * the contact's Helsinki day, and stored with the clock's key; a step met on or before its due day is
 * kept, a later one is late.
 */
export const clockBases = ['statutory', 'local'] as const;
export type ClockBasis = (typeof clockBases)[number];

/**
 * The step a clock waits for: each is met by one process event (`stepOfEvent`). A deployment may put
 * a clock on any of them (clock-settings.ts); the defaults use the first two.
 */
export const clockSteps = ['assessment_started', 'assessment_completed', 'plan_agreed'] as const;
export type ClockStep = (typeof clockSteps)[number];

export const clockUnits = ['calendar_days', 'working_days', 'months'] as const;
export type ClockUnit = (typeof clockUnits)[number];
export type ClockLimit = { count: number; unit: ClockUnit };

export type ProcessClock = {
  key: string;
  basis: ClockBasis;
  step: ClockStep;
  limit: ClockLimit;
  /** Only for contacts flagged as a group the Social Welfare Act names (SHL 36 § 2 mom.). */
  onlyStatutoryGroup: boolean;
  /** Where the limit comes from, for the report's footnote. */
  source: string;
};

/**
 * The defaults: the seeds' local service level ("Max. 7 pv", "7vrk": 003:6165, 6961 — calendar days) and
 * the Social Welfare Act 1301/2014 § 36 (for the groups its second paragraph names, the assessment starts
 * no later than the seventh working day after the contact, and is completed within three months).
 * [X] in the requirements: verify against Finlex before relying on them.
 */
export const defaultProcessClocks: readonly ProcessClock[] = [
  { key: 'local_assessment_start', basis: 'local', step: 'assessment_started', limit: { count: 7, unit: 'calendar_days' }, onlyStatutoryGroup: false, source: 'Local service level (003:6165–6167, 6961)' },
  { key: 'shl36_assessment_start', basis: 'statutory', step: 'assessment_started', limit: { count: 7, unit: 'working_days' }, onlyStatutoryGroup: true, source: 'SHL 1301/2014 § 36 (2)' },
  { key: 'shl36_assessment_complete', basis: 'statutory', step: 'assessment_completed', limit: { count: 3, unit: 'months' }, onlyStatutoryGroup: false, source: 'SHL 1301/2014 § 36 (3)' },
];

/**
 * `day` moved by whole months; a day the target month lacks becomes its last day (30 November + 3
 * months is 28 or 29 February), as date arithmetic in Finnish law reads "three months".
 */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + n;
  const month = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
  const { last } = monthBounds(month);
  const lastDay = Number(last.slice(8));
  return `${month}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The last day a step may happen on, counted from the contact's Helsinki day (which itself does not count). */
export function dueOn(contactDay: string, limit: ClockLimit, settings?: WorkingDaySettings): string {
  switch (limit.unit) {
    case 'calendar_days': return addDays(contactDay, limit.count);
    case 'working_days': return addWorkingDays(contactDay, limit.count, settings);
    case 'months': return addMonths(contactDay, limit.count);
  }
}

export type Deadline = { clockKey: string; basis: ClockBasis; step: ClockStep; dueOn: string };

/** The deadlines a contact starts: the instant is read as a Helsinki day, whatever the time of day or season. */
export function deadlinesFor(contactAt: Date, isStatutoryGroup: boolean, clocks: readonly ProcessClock[] = defaultProcessClocks, settings?: WorkingDaySettings): Deadline[] {
  const day = helsinkiDay(contactAt);
  return clocks
    .filter((c) => !c.onlyStatutoryGroup || isStatutoryGroup)
    .map((c) => ({ clockKey: c.key, basis: c.basis, step: c.step, dueOn: dueOn(day, c.limit, settings) }));
}

/** How many calendar days before its due day a deadline counts as due soon. */
export const DUE_SOON_DAYS = 2;

export const deadlineStatuses = ['met', 'late', 'stopped', 'overdue', 'due_soon', 'running'] as const;
export type DeadlineStatus = (typeof deadlineStatuses)[number];

/**
 * A deadline's status on `today`: met/late once the step happened, stopped when the process ended
 * before it, else overdue, due soon or running.
 */
export function deadlineStatus(deadline: { dueOn: string; metOn: string | null; stoppedOn?: string | null }, today: string): DeadlineStatus {
  if (deadline.metOn !== null) return deadline.metOn <= deadline.dueOn ? 'met' : 'late';
  if (deadline.stoppedOn !== undefined && deadline.stoppedOn !== null) return 'stopped';
  const left = daysBetween(today, deadline.dueOn);
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_DAYS ? 'due_soon' : 'running';
}

/** The step an event completes, if any: the clocks waiting for it stop. */
export function stepOfEvent(type: string): ClockStep | null {
  if (type === 'start_assessment') return 'assessment_started';
  if (type === 'complete_assessment') return 'assessment_completed';
  if (type === 'agree_plan') return 'plan_agreed';
  return null;
}
