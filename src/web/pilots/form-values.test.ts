import { describe, expect, it } from 'vitest';
import type { PhaseEntryView } from '../../domain/pilots';
import { checkPhase, decisionId, emptyPhase, phaseValuesOf, questionId } from './phase-form-values';
import { checkPilot, emptyPilot, memberBoxId, pilotFields, toggled } from './pilot-form-values';

const site = '11111111-1111-4111-8111-111111111111';
const nurse = '22222222-2222-4222-8222-222222222222';
const gone = '33333333-3333-4333-8333-333333333333';

describe('the pilot form', () => {
  it('sends a pilot with ISO dates, trimmed texts and only the professionals of the chosen sites', () => {
    const values = { ...emptyPilot('2026-01-15'), name: ' Yhteisvastaanotto ', goals: ' Ohjaus ', siteIds: [site], startsOn: '5.1.2026', endsOn: '30.4.2026', professionalIds: [nurse, gone] };
    expect(checkPilot(values, site, [nurse])).toEqual({
      input: { name: 'Yhteisvastaanotto', description: '', goals: 'Ohjaus', siteIds: [site], startsOn: '2026-01-05', endsOn: '2026-04-30', serviceIds: [], professionalIds: [nurse] },
      problems: {},
    });
  });

  it('names every problem by the field it belongs to', () => {
    const values = { ...emptyPilot('2026-01-15'), startsOn: '31.2.2026', endsOn: '1.1.2026' };
    expect(checkPilot(values, site, []).problems).toEqual({
      [pilotFields.name]: { key: 'nameRequired' },
      [memberBoxId('site', site)]: { key: 'sitesRequired' },
      [pilotFields.startsOn]: { key: 'date' },
    });
    expect(checkPilot({ ...values, name: 'x', siteIds: [site], startsOn: '2.1.2026' }, site, []).problems).toEqual({ [pilotFields.endsOn]: { key: 'endsBeforeStarts' } });
    expect(emptyPilot('2026-01-15')).toMatchObject({ startsOn: '15.1.2026', endsOn: '15.4.2026' });
  });

  it('toggles members without duplicates', () => {
    expect(toggled(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a', true)).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});

describe('the phase form', () => {
  it('needs one answer at least and, at the end, a decision', () => {
    expect(checkPhase({ kind: 'start', number: 1, isCorrection: false }, emptyPhase('start')).problems).toEqual({ [questionId('targetGroup')]: { key: 'answerRequired' } });
    const end = { ...emptyPhase('end'), answers: { ...emptyPhase('end').answers, learned: 'Paljon' } };
    expect(checkPhase({ kind: 'end', number: 1, isCorrection: false }, end).problems).toEqual({ [decisionId]: { key: 'decisionRequired' } });
    expect(checkPhase({ kind: 'end', number: 1, isCorrection: false }, { ...end, decision: 'stop' }).input).toMatchObject({ kind: 'end', fields: { learned: 'Paljon', decision: 'stop', future: '' } });
  });

  it('sends a midpoint number only when correcting a saved midpoint', () => {
    const values = { ...emptyPhase('midpoint'), answers: { ...emptyPhase('midpoint').answers, successes: ' Hyvin ' } };
    expect(checkPhase({ kind: 'midpoint', number: 3, isCorrection: false }, values).input).toEqual({ kind: 'midpoint', fields: expect.objectContaining({ successes: 'Hyvin' }) });
    expect(checkPhase({ kind: 'midpoint', number: 2, isCorrection: true }, values).input).toMatchObject({ kind: 'midpoint', number: 2 });
  });

  it('dates a phase: not in the future, and a midpoint or end not before the pilot starts', () => {
    const days = { startsOn: '2026-01-05', today: '2026-01-15' };
    const midpoint = (heldOn: string) => ({ ...emptyPhase('midpoint'), heldOn, answers: { ...emptyPhase('midpoint').answers, successes: 'Hyvin' } });
    expect(checkPhase({ kind: 'midpoint', number: 1, isCorrection: false }, midpoint('4.1.2026'), days).problems).toEqual({ 'phase-held-on': { key: 'phaseBeforeStart', values: { date: '5.1.2026' } } });
    expect(checkPhase({ kind: 'midpoint', number: 1, isCorrection: false }, midpoint('16.1.2026'), days).problems).toEqual({ 'phase-held-on': { key: 'phaseInFuture' } });
    expect(checkPhase({ kind: 'midpoint', number: 1, isCorrection: false }, midpoint('31.2.2026'), days).problems).toEqual({ 'phase-held-on': { key: 'date' } });
    expect(checkPhase({ kind: 'midpoint', number: 1, isCorrection: false }, midpoint('5.1.2026'), days).input).toMatchObject({ kind: 'midpoint', heldOn: '2026-01-05' });
    const plannedStart = { ...emptyPhase('start', '2025-12-20'), answers: { ...emptyPhase('start').answers, targetGroup: 'Kävijät' } };
    expect(checkPhase({ kind: 'start', number: 1, isCorrection: false }, plannedStart, days).input).toMatchObject({ kind: 'start', heldOn: '2025-12-20' });
  });

  it('fills the form from a saved entry for correcting it', () => {
    const entry: PhaseEntryView = { kind: 'end', number: 1, revision: 1, fields: { learned: 'Paljon', decision: 'change' }, savedAt: '2026-01-15T10:00:00Z', heldOn: '2026-01-15', authorId: nurse, authorName: 'K', revisions: [] };
    const values = phaseValuesOf(entry);
    expect(values.decision).toBe('change');
    expect(values.answers).toMatchObject({ learned: 'Paljon', successes: '', future: '' });
  });
});
