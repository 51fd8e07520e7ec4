import { describe, expect, it } from 'vitest';
import { checkCounters, countersToValues, parseCount, stepCount } from './attendance-values';

describe('attendance counters', () => {
  it('reads whole numbers, an empty field as zero, and nothing else', () => {
    expect(parseCount(' 12 ')).toBe(12);
    expect(parseCount('')).toBe(0);
    expect(parseCount('-1')).toBeNull();
    expect(parseCount('2,5')).toBeNull();
    expect(parseCount('kolme')).toBeNull();
    expect(parseCount('10001')).toBeNull();
  });

  it('steps within 0…10 000', () => {
    expect(stepCount('0', -1)).toBe('0');
    expect(stepCount('4', 1)).toBe('5');
    expect(stepCount('x', 1)).toBe('1');
    expect(stepCount('10000', 1)).toBe('10000');
  });

  it('refuses more returning and new than the total, and says which field is wrong', () => {
    expect(checkCounters({ total: '5', returning: '3', new: '3' }, 0)).toEqual({ counters: null, errors: { returning: 'exceedsTotal' }, ok: false });
    expect(checkCounters({ total: 'viisi', returning: '0', new: '0' }, 0).errors).toEqual({ total: 'notNumber' });
    expect(checkCounters({ total: '99999', returning: '0', new: '0' }, 0).errors).toEqual({ total: 'tooLarge' });
  });

  it('keeps zeros when nobody came, but leaves them out when only codes were recorded', () => {
    expect(checkCounters({ total: '0', returning: '0', new: '0' }, 0)).toEqual({ counters: { total: 0, returning: 0, new: 0 }, errors: {}, ok: true });
    expect(checkCounters({ total: '0', returning: '0', new: '0' }, 2)).toEqual({ counters: null, errors: {}, ok: true });
    expect(checkCounters({ total: '4', returning: '1', new: '2' }, 2).counters).toEqual({ total: 4, returning: 1, new: 2 });
  });

  it('shows saved counters, and zeros when none were saved', () => {
    expect(countersToValues({ total: 3, returning: 1, new: 2 })).toEqual({ total: '3', returning: '1', new: '2' });
    expect(countersToValues(null)).toEqual({ total: '0', returning: '0', new: '0' });
  });
});
