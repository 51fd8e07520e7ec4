import { describe, expect, it } from 'vitest';
import { shiftedClock, testClockOffset, TestClockError } from './test-clock.js';

describe('the browser tests clock setting', () => {
  it('is absent unless SILTA_TEST_NOW is set', () => {
    expect(testClockOffset({})).toBeNull();
    expect(testClockOffset({ SILTA_TEST_NOW: '' })).toBeNull();
  });

  it('shifts real time so that the anchor reads as the pretended instant, and time keeps passing', () => {
    const anchor = Date.now();
    const offset = testClockOffset({ SILTA_TEST_NOW: '2027-02-01T00:30:00+02:00', SILTA_TEST_NOW_ANCHOR: String(anchor) });
    expect(offset).toBe(Date.parse('2027-01-31T22:30:00Z') - anchor);
    const now = shiftedClock(offset!).now().getTime();
    expect(now - Date.parse('2027-01-31T22:30:00Z')).toBeGreaterThanOrEqual(0);
    expect(now - Date.parse('2027-01-31T22:30:00Z')).toBeLessThan(60_000);
  });

  it('refuses an instant without its offset, or a missing anchor', () => {
    expect(() => testClockOffset({ SILTA_TEST_NOW: '2027-02-01T00:30:00', SILTA_TEST_NOW_ANCHOR: '1' })).toThrow(TestClockError);
    expect(() => testClockOffset({ SILTA_TEST_NOW: 'tomorrow', SILTA_TEST_NOW_ANCHOR: '1' })).toThrow(TestClockError);
    expect(() => testClockOffset({ SILTA_TEST_NOW: '2027-02-01T00:30:00Z' })).toThrow(/ANCHOR/);
  });
});
