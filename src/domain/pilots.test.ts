import { describe, expect, it } from 'vitest';
import { latestPhase, nextPhase, phaseOrder, phaseTextKey, pilotInputSchema, pilotPhaseInputSchema } from './pilots';

const id = '7d1c9f5e-2b1a-4c3d-9e8f-0a1b2c3d4e5f';

describe('pilot phases', () => {
  it('puts entries in reading order and names the latest and the next phase', () => {
    const entries = [{ kind: 'midpoint', number: 2 }, { kind: 'start', number: 1 }, { kind: 'midpoint', number: 1 }] as const;
    expect([...entries].sort(phaseOrder).map((e) => `${e.kind}${e.number}`)).toEqual(['start1', 'midpoint1', 'midpoint2']);
    expect(latestPhase([...entries])).toEqual({ kind: 'midpoint', number: 2 });
    expect(latestPhase([])).toBeNull();
    expect(nextPhase([])).toEqual({ kind: 'start', number: 1 });
    expect(nextPhase([{ kind: 'start', number: 1 }])).toEqual({ kind: 'midpoint', number: 1 });
    expect(nextPhase([...entries])).toEqual({ kind: 'midpoint', number: 3 });
    expect(nextPhase([...entries, { kind: 'end', number: 1 }])).toBeNull();
    expect(latestPhase([...entries, { kind: 'end', number: 1 }])).toEqual({ kind: 'end', number: 1 });
  });

  it('keys the report texts by phase, midpoint number and question', () => {
    expect(phaseTextKey('start', 1, 'targetGroup')).toBe('start.targetGroup');
    expect(phaseTextKey('midpoint', 2, 'successes')).toBe('midpoint.2.successes');
    expect(phaseTextKey('end', 1, 'decision')).toBe('end.decision');
  });

  it('needs one answer at least, and the end needs a decision', () => {
    expect(pilotPhaseInputSchema.safeParse({ kind: 'start', fields: { targetGroup: '  ' } }).success).toBe(false);
    const start = pilotPhaseInputSchema.parse({ kind: 'start', fields: { targetGroup: ' Kävijät ' } });
    expect(start.fields).toMatchObject({ targetGroup: 'Kävijät', problem: '', evaluationMethod: '' });
    expect(pilotPhaseInputSchema.safeParse({ kind: 'end', fields: { learned: 'Paljon' } }).success).toBe(false);
    expect(pilotPhaseInputSchema.safeParse({ kind: 'end', fields: { learned: 'Paljon', decision: 'stop' } }).success).toBe(true);
    expect(pilotPhaseInputSchema.safeParse({ kind: 'midpoint', number: 0, fields: { successes: 'x' } }).success).toBe(false);
  });

  it('needs a name, a site and a period that runs forwards', () => {
    const base = { name: 'Kokeilu', siteIds: [id], startsOn: '2026-01-05', endsOn: '2026-03-31' };
    expect(pilotInputSchema.parse(base)).toMatchObject({ serviceIds: [], professionalIds: [], goals: '' });
    expect(pilotInputSchema.safeParse({ ...base, siteIds: [] }).success).toBe(false);
    expect(pilotInputSchema.safeParse({ ...base, endsOn: '2026-01-04' }).success).toBe(false);
    expect(pilotInputSchema.safeParse({ ...base, name: ' ' }).success).toBe(false);
  });
});
