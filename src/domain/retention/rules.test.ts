import { describe, expect, it } from 'vitest';
import { isClientDue, relationshipClosedAt, retentionCutoffs, retentionSettingProblem, yearsBefore } from './rules.js';

const d = (iso: string) => new Date(iso);
const settings = { clientYears: 10, signinDays: 365, externalMemberYears: 2 };

describe('retention rules', () => {
  it('closes a relationship at the latest end, or the record\'s later change, and never while a process is open', () => {
    expect(relationshipClosedAt({ updatedAt: d('2015-01-01T00:00:00Z') }, [{ endedAt: d('2015-06-01T10:00:00Z') }, { endedAt: d('2014-01-01T00:00:00Z') }])).toEqual(d('2015-06-01T10:00:00Z'));
    expect(relationshipClosedAt({ updatedAt: d('2016-02-01T00:00:00Z') }, [{ endedAt: d('2015-06-01T10:00:00Z') }])).toEqual(d('2016-02-01T00:00:00Z'));
    expect(relationshipClosedAt({ updatedAt: d('2015-01-01T00:00:00Z') }, [{ endedAt: d('2015-06-01T10:00:00Z') }, { endedAt: null }])).toBeNull();
    expect(relationshipClosedAt({ updatedAt: d('2012-03-04T00:00:00Z') }, [])).toEqual(d('2012-03-04T00:00:00Z'));
  });

  it('makes a client record due ten calendar years after it closed, not a moment before', () => {
    const closed = d('2015-06-01T10:00:00Z');
    expect(isClientDue(closed, retentionCutoffs(d('2025-06-01T10:00:00Z'), settings))).toBe(false);
    expect(isClientDue(closed, retentionCutoffs(d('2025-06-01T10:00:00.001Z'), settings))).toBe(true);
    expect(isClientDue(null, retentionCutoffs(d('2100-01-01T00:00:00Z'), settings))).toBe(false);
    // 29 February counts to 1 March ten years on.
    expect(yearsBefore(d('2034-03-01T00:00:00Z'), 10)).toEqual(d('2024-03-01T00:00:00Z'));
    expect(yearsBefore(d('2024-02-29T12:00:00Z'), 10)).toEqual(d('2014-03-01T12:00:00Z'));
  });

  it('refuses a statutory time shorter than the law\'s and takes any local one', () => {
    expect(retentionSettingProblem('client_record', 9)).toMatch(/at least 10/);
    expect(retentionSettingProblem('client_record', 12)).toBeNull();
    expect(retentionSettingProblem('signin_spent', 0)).toBeNull();
    expect(retentionSettingProblem('external_member', 0)).toMatch(/at least 1/);
  });
});
