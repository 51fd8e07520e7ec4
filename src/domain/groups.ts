import { z } from 'zod';
import { isoDay, timeOfDay } from './outreach.js';
import { translationsInputSchema, translationsViewSchema } from './translations.js';

/** Open groups (domain.md § 4.6): input and response schemas, and the attendance arithmetic. */

const text = (max: number) => z.string().trim().max(max);

/** Who runs the group, as roles and organisations in free text — never a name. */
export const facilitatorSchema = z.object({
  role: text(100).min(1),
  organisation: text(100).default(''),
  isPeerWorker: z.boolean().default(false),
});
export type Facilitator = z.infer<typeof facilitatorSchema>;

/** A weekly series; its sessions are made one per weekday between the start and end dates. */
export const groupSeriesInputSchema = z
  .object({
    name: text(120).min(1),
    description: text(1000).default(''),
    descriptionTranslations: translationsInputSchema(1000).default({}),
    targetGroup: text(300).default(''),
    room: text(100).default(''),
    facilitators: z.array(facilitatorSchema).max(10).default([]),
    weekday: z.number().int().min(1).max(7),
    startsAt: timeOfDay,
    endsAt: timeOfDay,
    startsOn: isoDay,
    endsOn: isoDay,
    isAnnounced: z.boolean().default(true),
    /** Planned themes in session order; more themes than sessions is an error. */
    themes: z.array(text(200)).max(60).default([]),
  })
  .refine((s) => s.startsAt < s.endsAt, { message: 'starts before it ends', path: ['endsAt'] })
  .refine((s) => s.startsOn <= s.endsOn, { message: 'the end date is on or after the start', path: ['endsOn'] });
export type GroupSeriesInput = z.infer<typeof groupSeriesInputSchema>;

/** Built without defaults, so that an edit changes only the fields it names. */
export const groupSeriesUpdateSchema = z.object({
  name: text(120).min(1).optional(),
  description: text(1000).optional(),
  descriptionTranslations: translationsInputSchema(1000).optional(),
  targetGroup: text(300).optional(),
  room: text(100).optional(),
  facilitators: z.array(facilitatorSchema).max(10).optional(),
  isAnnounced: z.boolean().optional(),
  anonymousRepeatParticipants: z.number().int().min(0).max(10_000).nullable().optional(),
});
export type GroupSeriesUpdate = z.infer<typeof groupSeriesUpdateSchema>;

/** An extra session of a series (e.g. a rescheduled one); times default to the series'. */
export const groupSessionInputSchema = z.object({
  day: isoDay,
  startsAt: timeOfDay.optional(),
  endsAt: timeOfDay.optional(),
  room: text(100).optional(),
  theme: text(200).default(''),
  isThemePublished: z.boolean().default(false),
});
export type GroupSessionInput = z.infer<typeof groupSessionInputSchema>;

export const groupSessionUpdateSchema = z.object({
  day: isoDay.optional(),
  startsAt: timeOfDay.optional(),
  endsAt: timeOfDay.optional(),
  room: text(100).optional(),
  theme: text(200).optional(),
  isThemePublished: z.boolean().optional(),
  isCancelled: z.boolean().optional(),
});
export type GroupSessionUpdate = z.infer<typeof groupSessionUpdateSchema>;

const count = z.number().int().min(0).max(10_000);

/** Participants without a code: how many, and of them how many had been before or were new (the rest unknown). */
export const attendanceCountersSchema = z
  .object({ total: count, returning: count.default(0), new: count.default(0) })
  .refine((c) => c.returning + c.new <= c.total, { message: 'returning and new together cannot exceed the total', path: ['total'] });
export type AttendanceCounters = z.infer<typeof attendanceCountersSchema>;

/**
 * A session's attendance, replacing what was recorded: counters for anonymous participants (null: none
 * counted) and the visitor codes of those who showed one. The two can be mixed.
 */
export const attendanceInputSchema = z.object({
  counters: attendanceCountersSchema.nullable().default(null),
  codes: z.array(z.string().trim().min(1).max(20)).max(200).default([]),
});
export type AttendanceInput = z.infer<typeof attendanceInputSchema>;

// ---- responses ----

export const attendanceFiguresSchema = z.object({ total: z.number(), returning: z.number(), new: z.number() });
export type AttendanceFigures = z.infer<typeof attendanceFiguresSchema>;

export const groupSessionViewSchema = z.object({
  id: z.string(),
  seriesId: z.string(),
  day: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  room: z.string(),
  theme: z.string(),
  isThemePublished: z.boolean(),
  isCancelled: z.boolean(),
  /** Counts only: anonymous counters plus codes, returning/new of codes derived from earlier sessions. Null until recorded. */
  attendance: attendanceFiguresSchema.nullable(),
});
export type GroupSessionView = z.infer<typeof groupSessionViewSchema>;

export const groupSeriesViewSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  name: z.string(),
  description: z.string(),
  /** Optional versions in Swedish and English (always sent by the server). */
  descriptionTranslations: translationsViewSchema.optional(),
  targetGroup: z.string(),
  room: z.string(),
  facilitators: z.array(z.object({ role: z.string(), organisation: z.string(), isPeerWorker: z.boolean() })),
  weekday: z.number().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  isAnnounced: z.boolean(),
  anonymousRepeatParticipants: z.number().nullable(),
});
export type GroupSeriesView = z.infer<typeof groupSeriesViewSchema>;
export const groupSeriesDetailSchema = groupSeriesViewSchema.extend({ sessions: z.array(groupSessionViewSchema) });

/** A session's roster (person-level: reading it is audited). */
export const attendanceViewSchema = z.object({
  sessionId: z.string(),
  counters: z.object({ total: z.number(), returning: z.number(), new: z.number() }).nullable(),
  codes: z.array(z.object({ code: z.string(), isReturning: z.boolean() })),
  figures: attendanceFiguresSchema.nullable(),
});
export type AttendanceView = z.infer<typeof attendanceViewSchema>;

export const seriesStatisticsSchema = z.object({
  seriesId: z.string(),
  sessions: z.array(z.object({ sessionId: z.string(), day: z.string(), theme: z.string(), isCancelled: z.boolean(), attendance: attendanceFiguresSchema.nullable() })),
  /** Over sessions whose attendance was recorded (cancelled ones never count). Null when none was. */
  recordedSessions: z.number(),
  mean: z.number().nullable(),
  max: z.number().nullable(),
  min: z.number().nullable(),
  repeatParticipants: z.object({
    /** Distinct visitor codes seen at two or more sessions. */
    fromCodes: z.number(),
    /** People without a code who came more than once, as counted by the facilitators (null: not counted). */
    entered: z.number().nullable(),
    total: z.number(),
  }),
  distinctCodes: z.number(),
});
export type SeriesStatistics = z.infer<typeof seriesStatisticsSchema>;

// ---- arithmetic ----

/** What attendance arithmetic needs of a session: its order, whether it was held, and what was recorded. */
export type SessionAttendance = {
  sessionId: string;
  day: string;
  startsAt: string;
  theme: string;
  isCancelled: boolean;
  counters: AttendanceCounters | null;
  codes: readonly string[];
};

export type DerivedAttendance = {
  sessionId: string;
  /** Codes of this session seen at an earlier session of the series. */
  returningCodes: Set<string>;
  figures: AttendanceFigures | null;
};

const isRecorded = (s: SessionAttendance) => !s.isCancelled && (s.counters !== null || s.codes.length > 0);
const chronological = (a: SessionAttendance, b: SessionAttendance) =>
  a.day === b.day ? a.startsAt.localeCompare(b.startsAt) || a.sessionId.localeCompare(b.sessionId) : a.day.localeCompare(b.day);

/**
 * Each session's total, returning and new: the counters as entered plus the codes, a code being
 * "returning" when it was at an earlier (held) session of the same series. A session with nothing
 * recorded, or cancelled, has no figures.
 */
export function deriveAttendance(sessions: readonly SessionAttendance[]): DerivedAttendance[] {
  const seen = new Set<string>();
  const byId = new Map<string, DerivedAttendance>();
  for (const session of [...sessions].sort(chronological)) {
    const codes = [...new Set(session.codes)];
    const returningCodes = new Set(codes.filter((c) => seen.has(c)));
    let figures: AttendanceFigures | null = null;
    if (isRecorded(session)) {
      const counters = session.counters ?? { total: 0, returning: 0, new: 0 };
      figures = {
        total: counters.total + codes.length,
        returning: counters.returning + returningCodes.size,
        new: counters.new + codes.length - returningCodes.size,
      };
      for (const code of codes) seen.add(code);
    }
    byId.set(session.sessionId, { sessionId: session.sessionId, returningCodes, figures });
  }
  return sessions.map((s) => byId.get(s.sessionId)!);
}

/**
 * The series report of domain.md § 4.6: attendance per session, mean, max and min over the sessions
 * whose attendance was recorded, and how many came more than once — distinct codes at two or more
 * sessions, plus the facilitators' own count of such people without a code.
 */
export function seriesStatistics(seriesId: string, sessions: readonly SessionAttendance[], anonymousRepeatParticipants: number | null): SeriesStatistics {
  const derived = deriveAttendance(sessions);
  const totals = derived.flatMap((d) => (d.figures ? [d.figures.total] : []));
  const visits = new Map<string, number>();
  for (const session of sessions.filter(isRecorded)) {
    for (const code of new Set(session.codes)) visits.set(code, (visits.get(code) ?? 0) + 1);
  }
  const fromCodes = [...visits.values()].filter((n) => n >= 2).length;
  const ordered = [...sessions].sort(chronological);
  const figuresOf = new Map(derived.map((d) => [d.sessionId, d.figures]));
  return {
    seriesId,
    sessions: ordered.map((s) => ({ sessionId: s.sessionId, day: s.day, theme: s.theme, isCancelled: s.isCancelled, attendance: figuresOf.get(s.sessionId) ?? null })),
    recordedSessions: totals.length,
    mean: totals.length === 0 ? null : totals.reduce((a, b) => a + b, 0) / totals.length,
    max: totals.length === 0 ? null : Math.max(...totals),
    min: totals.length === 0 ? null : Math.min(...totals),
    repeatParticipants: { fromCodes, entered: anonymousRepeatParticipants, total: fromCodes + (anonymousRepeatParticipants ?? 0) },
    distinctCodes: visits.size,
  };
}
