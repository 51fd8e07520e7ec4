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

describe('load shedding settings', () => {
  it('admit 4 requests at once on PGlite and 20 on PostgreSQL, with a 3 s line, unless set', () => {
    expect(loadConfig({})).toMatchObject({ maxConcurrentRequests: 4, maxQueueWaitMs: 3000 });
    expect(loadConfig({ DATABASE_URL: 'postgres://x@localhost/silta' }).maxConcurrentRequests).toBe(20);
    expect(loadConfig({ SILTA_MAX_CONCURRENT_REQUESTS: '8', SILTA_MAX_QUEUE_WAIT_MS: '500' })).toMatchObject({ maxConcurrentRequests: 8, maxQueueWaitMs: 500 });
  });

  it('refuses zero, which would shed every request', () => {
    expect(() => loadConfig({ SILTA_MAX_CONCURRENT_REQUESTS: '0' })).toThrow(new ConfigError('SILTA_MAX_CONCURRENT_REQUESTS must be at least 1, got 0'));
  });
});
