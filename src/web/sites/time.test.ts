import { describe, expect, it } from 'vitest';
import { completeTime, toApiTime, toDisplayTime } from './time';

describe('opening-hour times', () => {
  it('turns what people type into the API form HH:MM', () => {
    expect(toApiTime('7.30')).toBe('07:30');
    expect(toApiTime('07:30')).toBe('07:30');
    expect(toApiTime('730')).toBe('07:30');
    expect(toApiTime('14')).toBe('14:00');
    expect(toApiTime(' 9.05 ')).toBe('09:05');
  });

  it('refuses what is not a time of day, including 24.00 which the API does not take', () => {
    for (const text of ['', 'abc', '25.00', '24.00', '7.60', '7.3', '12:345']) expect(toApiTime(text)).toBeNull();
  });

  it('shows API times the Finnish way and completes typing on blur', () => {
    expect(toDisplayTime('07:30')).toBe('7.30');
    expect(toDisplayTime('14:00')).toBe('14.00');
    expect(completeTime('1300')).toBe('13.00');
    expect(completeTime('soon')).toBe('soon');
  });
});
