import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';

describe('the day log back-dating setting', () => {
  it('is 7 days unless SILTA_DAYLOG_BACKDATE_DAYS sets another whole number (0: today only)', () => {
    expect(loadConfig({}).daylogBackdateDays).toBe(7);
    expect(loadConfig({ SILTA_DAYLOG_BACKDATE_DAYS: '0' }).daylogBackdateDays).toBe(0);
    expect(loadConfig({ SILTA_DAYLOG_BACKDATE_DAYS: '14' }).daylogBackdateDays).toBe(14);
    expect(() => loadConfig({ SILTA_DAYLOG_BACKDATE_DAYS: 'a week' })).toThrow(ConfigError);
  });
});
