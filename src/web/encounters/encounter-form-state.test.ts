import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../domain/outreach-views';
import { effectiveSession, emptyForm, fromView, toNewEncounter, toPatch } from './encounter-form-state';

const session = (id: string, isCancelled = false) => ({ id, isCancelled }) as SessionView;
const base = { id: 'e1', siteId: 's1', occurredAt: '2026-01-15T10:00:00Z', myId: 'me', visitorCode: null, sessionId: null, referralId: 'r1' };

describe('the encounter form state', () => {
  it('picks today’s session when there is exactly one held, and keeps a choice made, even "no session"', () => {
    expect(effectiveSession(emptyForm, [session('a')])).toBe('a');
    expect(effectiveSession(emptyForm, [session('a'), session('b')])).toBeNull();
    expect(effectiveSession(emptyForm, [session('a'), session('b', true)])).toBe('a');
    expect(effectiveSession({ ...emptyForm, sessionId: null }, [session('a')])).toBeNull();
    expect(effectiveSession({ ...emptyForm, sessionId: 'b' }, [session('a')])).toBe('b');
  });

  it('sends unanswered questions as null, never as a default answer', () => {
    const body = toNewEncounter(base, { ...emptyForm, colleagueIds: ['other'] });
    expect(body.isAnonymousToProfessional).toBeNull();
    expect(body.firstWithProfessional).toEqual([{ userId: 'me', isFirst: null }, { userId: 'other', isFirst: null }]);
    const answered = toNewEncounter(base, { ...emptyForm, isAnonymous: 'no', firstWith: { me: 'yes' }, referral: { serviceId: 'kela', way: 'advised', referredBy: null } });
    expect([answered.isAnonymousToProfessional, answered.firstWithProfessional, answered.referrals?.[0]?.referredBy]).toEqual([false, [{ userId: 'me', isFirst: true }], 'me']);
  });

  it('patches only what changed', () => {
    const before = { ...emptyForm, sessionId: null, ageBand: '30_50' as const, firstWith: { me: 'yes' as const } };
    expect(toPatch(before, before, 'me', null)).toEqual({});
    expect(toPatch(before, { ...before, isUrgent: true, isAnonymous: 'yes' }, 'me', null)).toEqual({ isUrgent: true, isAnonymousToProfessional: true });
    expect(toPatch(before, { ...before, firstWith: {} }, 'me', null)).toEqual({ firstWithProfessional: [{ userId: 'me', isFirst: null }] });
  });

  it('fills the form from a stored encounter, leaving unrecorded answers unanswered', () => {
    const form = fromView({
      sessionId: null, visitorCode: null, isAnonymousToProfessional: null, ageBand: 'unknown', needs: [], support: [], isUrgent: false,
      professionals: [{ userId: 'me', displayName: 'Me', profession: 'nurse', isFirstWithProfessional: false }, { userId: 'sw', displayName: 'S', profession: 'social_worker', isFirstWithProfessional: null }],
    } as unknown as Parameters<typeof fromView>[0], 'me');
    expect([form.isAnonymous, form.firstWith, form.colleagueIds]).toEqual([null, { me: 'no' }, ['sw']]);
  });
});
