import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('the report threshold setting', () => {
  it('is 5 unless the deployment sets another of at least 3', () => {
    expect(loadConfig({}).reportThreshold).toBe(5);
    expect(loadConfig({ SILTA_REPORT_THRESHOLD: '3' }).reportThreshold).toBe(3);
    expect(loadConfig({ SILTA_REPORT_THRESHOLD: '10' }).reportThreshold).toBe(10);
  });

  it('refuses a threshold below 3 or not a whole number, saying why', () => {
    expect(() => loadConfig({ SILTA_REPORT_THRESHOLD: '2' })).toThrow(new ConfigError('SILTA_REPORT_THRESHOLD must be at least 3, got 2: smaller counts could identify people.'));
    expect(() => loadConfig({ SILTA_REPORT_THRESHOLD: 'five' })).toThrow(ConfigError);
  });
});
