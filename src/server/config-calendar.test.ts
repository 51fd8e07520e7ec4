import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('working-day setting', () => {
  it('counts Midsummer Eve and Christmas Eve as days off unless SILTA_EVES_ARE_WORKING_DAYS=true', () => {
    expect(loadConfig({}).workingDays).toEqual({ evesAreWorkingDays: false });
    expect(loadConfig({ SILTA_EVES_ARE_WORKING_DAYS: '' }).workingDays).toEqual({ evesAreWorkingDays: false });
    expect(loadConfig({ SILTA_EVES_ARE_WORKING_DAYS: 'false' }).workingDays).toEqual({ evesAreWorkingDays: false });
    expect(loadConfig({ SILTA_EVES_ARE_WORKING_DAYS: 'true' }).workingDays).toEqual({ evesAreWorkingDays: true });
  });

  it('refuses a value that is neither true nor false rather than guess', () => {
    expect(() => loadConfig({ SILTA_EVES_ARE_WORKING_DAYS: 'yes' })).toThrow(new ConfigError('SILTA_EVES_ARE_WORKING_DAYS must be true or false, got "yes"'));
  });
});
