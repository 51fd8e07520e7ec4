import { describe, expect, it } from 'vitest';
import { answerDueDay, containsIdentityCode, isAnswerOverdue, observationInputSchema } from './observations.js';
import { quarterBounds, quarterOf } from './quarter.js';

const eves = { evesAreWorkingDays: false };

describe('structural reporting in the domain', () => {
  it('puts days in calendar quarters with their bounds', () => {
    expect(quarterOf('2026-01-01')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-03-31')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-04-01')).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf('2026-12-31')).toEqual({ year: 2026, quarter: 4 });
    expect(quarterBounds({ year: 2024, quarter: 1 })).toEqual({ first: '2024-01-01', last: '2024-03-31' });
    expect(quarterBounds({ year: 2026, quarter: 2 })).toEqual({ first: '2026-04-01', last: '2026-06-30' });
    expect(quarterBounds({ year: 2026, quarter: 3 })).toEqual({ first: '2026-07-01', last: '2026-09-30' });
    expect(quarterBounds({ year: 2026, quarter: 4 })).toEqual({ first: '2026-10-01', last: '2026-12-31' });
  });

  it('counts the answer deadline in working days, skipping weekends, public holidays and (by default) the eves', () => {
    // Fri 18.12.2026 + 5: Mon 21, Tue 22, Wed 23, (Thu 24 Christmas Eve, Fri 25, Sat 26 off) Mon 28, Tue 29.
    expect(answerDueDay('2026-12-18', 5, eves)).toBe('2026-12-29');
    // With the eves as working days, Christmas Eve counts.
    expect(answerDueDay('2026-12-18', 5, { evesAreWorkingDays: true })).toBe('2026-12-28');
    // Over Easter 2026 (Good Friday 3.4., Easter Monday 6.4.).
    expect(answerDueDay('2026-04-02', 1, eves)).toBe('2026-04-07');
  });

  it('flags an answer overdue only after its due day and only while unanswered', () => {
    const o = { answerDueDay: '2026-04-13', answeredAt: null };
    expect(isAnswerOverdue(o, '2026-04-13')).toBe(false);
    expect(isAnswerOverdue(o, '2026-04-14')).toBe(true);
    expect(isAnswerOverdue({ ...o, answeredAt: new Date() }, '2026-05-01')).toBe(false);
    expect(isAnswerOverdue({ answerDueDay: null, answeredAt: null }, '2030-01-01')).toBe(false);
  });

  it('refuses text that looks like a personal identity code', () => {
    expect(containsIdentityCode('asiakas 131052-308T')).toBe(true);
    expect(containsIdentityCode('syntynyt 010101A123B')).toBe(true);
    expect(containsIdentityCode('noin 12 asiakasta vuodesta 2025')).toBe(false);
    const base = { siteId: '0190a0f0-0000-7000-8000-000000000001', municipalityCode: '853', category: 'housing', description: 'd', affectedGroup: 'g', proposedAction: 'p', addresseeLevel: 'unit' };
    expect(observationInputSchema.safeParse(base).success).toBe(true);
    expect(observationInputSchema.safeParse({ ...base, description: 'katso 131052-308T' }).success).toBe(false);
  });
});
