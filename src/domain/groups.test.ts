import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attendanceCountersSchema, deriveAttendance, seriesStatistics, type SessionAttendance } from './groups.js';

const session = (n: number, counters: SessionAttendance['counters'], codes: string[], isCancelled = false): SessionAttendance => ({
  sessionId: `s${n}`,
  day: `2026-01-${String(n).padStart(2, '0')}`,
  startsAt: '12:00:00',
  theme: '',
  isCancelled,
  counters,
  codes,
});

describe('group attendance arithmetic', () => {
  it('derives returning and new codes from earlier sessions of the series, and adds the anonymous counters', () => {
    const derived = deriveAttendance([
      session(1, { total: 3, returning: 0, new: 3 }, ['AAA', 'BBB']),
      session(2, null, ['AAA', 'CCC']),
      session(3, { total: 2, returning: 2, new: 0 }, ['CCC', 'BBB', 'DDD']),
    ]);
    expect(derived.map((d) => d.figures)).toEqual([
      { total: 5, returning: 0, new: 5 },
      { total: 2, returning: 1, new: 1 },
      { total: 5, returning: 4, new: 1 },
    ]);
    expect([...derived[2]!.returningCodes].sort()).toEqual(['BBB', 'CCC']);
  });

  it('orders sessions by day whatever order they arrive in, and ignores cancelled or unrecorded ones', () => {
    const derived = deriveAttendance([session(5, null, ['AAA']), session(1, null, ['AAA']), session(3, null, ['AAA'], true), session(4, null, [])]);
    expect(derived.map((d) => d.figures)).toEqual([{ total: 1, returning: 1, new: 0 }, { total: 1, returning: 0, new: 1 }, null, null]);
  });

  it('reports mean, max, min and repeat participants over recorded sessions only', () => {
    const stats = seriesStatistics('x', [
      session(1, { total: 4, returning: 0, new: 4 }, []),
      session(2, { total: 2, returning: 1, new: 1 }, ['AAA']),
      session(3, null, ['AAA', 'BBB']),
      session(4, null, [], true),
      session(5, null, []),
    ], 2);
    expect(stats.recordedSessions).toBe(3);
    expect(stats.mean).toBeCloseTo(3);
    expect([stats.max, stats.min]).toEqual([4, 2]);
    expect(stats.repeatParticipants).toEqual({ fromCodes: 1, entered: 2, total: 3 });
    expect(stats.distinctCodes).toBe(2);
  });

  it('has no mean, max or min before anything is recorded', () => {
    const stats = seriesStatistics('x', [session(1, null, [])], null);
    expect([stats.mean, stats.max, stats.min, stats.recordedSessions]).toEqual([null, null, null, 0]);
    expect(stats.repeatParticipants).toEqual({ fromCodes: 0, entered: null, total: 0 });
  });

  it('refuses counters whose returning and new exceed the total', () => {
    expect(attendanceCountersSchema.safeParse({ total: 3, returning: 2, new: 2 }).success).toBe(false);
    expect(attendanceCountersSchema.safeParse({ total: 4, returning: 2, new: 2 }).success).toBe(true);
  });

  const arbitrarySessions = fc.array(
    fc.record({
      counters: fc.option(fc.nat(20).chain((total) => fc.nat(total).chain((returning) => fc.nat(total - returning).map((n) => ({ total, returning, new: n })))), { nil: null }),
      codes: fc.uniqueArray(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'), { maxLength: 6 }),
      isCancelled: fc.boolean(),
    }),
    { maxLength: 12 },
  ).map((list) => list.map((s, i) => session(i + 1, s.counters, s.codes, s.isCancelled)));

  it('always splits each total into returning + new + unknown, and a code is new exactly once (property)', () => {
    fc.assert(
      fc.property(arbitrarySessions, (sessions) => {
        const derived = deriveAttendance(sessions);
        derived.forEach((d, i) => {
          const s = sessions[i]!;
          if (!d.figures) return;
          expect(d.figures.returning + d.figures.new).toBeLessThanOrEqual(d.figures.total);
          expect(d.figures.total).toBe((s.counters?.total ?? 0) + s.codes.length);
        });
        const newCodes = derived.reduce((sum, d, i) => (d.figures ? sum + sessions[i]!.codes.length - d.returningCodes.size : sum), 0);
        const heldCodes = sessions.filter((_, i) => derived[i]!.figures !== null).flatMap((s) => s.codes);
        expect(newCodes).toBe(new Set(heldCodes).size);
      }),
    );
  });

  it('keeps min ≤ mean ≤ max and counts a repeat participant only for codes at two or more held sessions (property)', () => {
    fc.assert(
      fc.property(arbitrarySessions, (sessions) => {
        const stats = seriesStatistics('x', sessions, null);
        if (stats.mean !== null) {
          expect(stats.min!).toBeLessThanOrEqual(stats.mean + 1e-9);
          expect(stats.mean).toBeLessThanOrEqual(stats.max! + 1e-9);
        }
        const held = sessions.filter((s) => !s.isCancelled && (s.counters !== null || s.codes.length > 0));
        const repeaters = ['A', 'B', 'C', 'D', 'E', 'F'].filter((c) => held.filter((s) => s.codes.includes(c)).length >= 2);
        expect(stats.repeatParticipants.fromCodes).toBe(repeaters.length);
      }),
    );
  });
});
