import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { trustProxyWarning } from './http/trust-proxy.js';

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
    // Writes take fewer slots than the pool has connections on PostgreSQL; PGlite takes every request in turn anyway.
    expect(loadConfig({}).maxConcurrentWrites).toBe(4);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@localhost/silta' }).maxConcurrentWrites).toBe(6);
    expect(loadConfig({ SILTA_MAX_CONCURRENT_WRITES: '3' }).maxConcurrentWrites).toBe(3);
  });

  it('refuses zero, which would shed every request', () => {
    expect(() => loadConfig({ SILTA_MAX_CONCURRENT_REQUESTS: '0' })).toThrow(new ConfigError('SILTA_MAX_CONCURRENT_REQUESTS must be at least 1, got 0'));
  });
});

describe('the trusted proxy setting', () => {
  it('trusts no proxy unless set, and reads addresses, CIDRs or a hop count', () => {
    expect(loadConfig({}).trustProxy).toEqual({ kind: 'none' });
    expect(loadConfig({ SILTA_TRUST_PROXY: 'false' }).trustProxy).toEqual({ kind: 'none' });
    expect(loadConfig({ SILTA_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1' }).trustProxy).toEqual({ kind: 'addresses', addresses: ['10.0.0.5', '10.1.0.0/16', '::1'] });
    expect(loadConfig({ SILTA_TRUST_PROXY: '2' }).trustProxy).toEqual({ kind: 'hops', hops: 2, isFromTrue: false });
  });

  it('takes the old "true" as exactly one hop, and says so at start', () => {
    const { trustProxy } = loadConfig({ SILTA_TRUST_PROXY: 'true' });
    expect(trustProxy).toEqual({ kind: 'hops', hops: 1, isFromTrue: true });
    expect(trustProxyWarning(trustProxy)).toMatch(/^SILTA_TRUST_PROXY=true now means one proxy hop/);
    expect(trustProxyWarning(loadConfig({ SILTA_TRUST_PROXY: '10.0.0.5' }).trustProxy)).toBeNull();
  });

  it('refuses what is neither an address nor a hop count, saying what it wants', () => {
    expect(() => loadConfig({ SILTA_TRUST_PROXY: 'yes' })).toThrow(ConfigError);
    expect(() => loadConfig({ SILTA_TRUST_PROXY: '10.0.0.300' })).toThrow(/the proxies' addresses/);
    expect(() => loadConfig({ SILTA_TRUST_PROXY: '10.0.0.0/33' })).toThrow(ConfigError);
  });
});

describe('the sign-in address limit', () => {
  it('is 1,000 failures per address unless set, and at least 1', () => {
    expect(loadConfig({}).signInAddressLimit).toBe(1000);
    expect(loadConfig({ SILTA_SIGNIN_ADDRESS_LIMIT: '200' }).signInAddressLimit).toBe(200);
    expect(() => loadConfig({ SILTA_SIGNIN_ADDRESS_LIMIT: '0' })).toThrow(ConfigError);
  });
});
