import { describe, expect, it } from 'vitest';
import type { EncounterView } from '../../domain/outreach-views';
import { atClock, toCorrection, valuesOf } from './correction-values';

const view = {
  id: 'e1', siteId: 's1', sessionId: null, occurredAt: '2026-12-07T08:15:00.000Z', professionals: [], isJoint: false, visitorCode: null,
  isFirstVisit: null, isAnonymousToProfessional: null, ageBand: '30_50', gender: null, needs: [], support: [], isUrgent: false,
  durationMinutes: 20, referrals: [], createdBy: 'u1', canEdit: false, can: { update: false, delete: false },
} satisfies EncounterView;

describe('a coordinator’s correction', () => {
  it('starts from the entry as stored, the time as the reader writes it', () => {
    expect(valuesOf(view, 'fi')).toEqual({ time: '10.15', ageBand: '30_50', isUrgent: false, duration: '20', reason: '' });
    expect(valuesOf(view, 'en').time).toBe('10:15');
  });

  it('sends only the fields that changed, the time on the same Helsinki day', () => {
    const result = toCorrection(view, { time: '9.45', ageBand: '51_64', isUrgent: false, duration: '20', reason: 'Väärä ikäryhmä' });
    expect(result).toEqual({ changes: { occurredAt: '2026-12-07T07:45:00.000Z', ageBand: '51_64' }, errors: {} });
    expect(toCorrection(view, { ...valuesOf(view, 'fi'), duration: '', reason: 'ei kestoa' }).changes).toEqual({ durationMinutes: null });
  });

  it('requires a reason, a real time and duration, and some change', () => {
    expect(toCorrection(view, { ...valuesOf(view, 'fi'), ageBand: 'unknown', reason: ' x ' }).errors).toEqual({ reason: 'reasonMissing' });
    expect(toCorrection(view, { ...valuesOf(view, 'fi'), time: '25.00', duration: '-5', reason: 'syy on' }).errors).toEqual({ time: 'time', duration: 'duration' });
    expect(toCorrection(view, { ...valuesOf(view, 'fi'), reason: 'ei muutosta' }).errors).toEqual({ form: 'noChanges' });
    expect(toCorrection(view, { ...valuesOf(view, 'fi'), ageBand: 'unknown', reason: 'x'.repeat(301) }).errors).toEqual({ reason: 'reasonLong' });
  });

  it('keeps the Helsinki day when the time moves in summer time too', () => {
    expect(atClock('2026-06-01T06:00:00.000Z', '15:30')).toBe('2026-06-01T12:30:00.000Z');
  });
});
