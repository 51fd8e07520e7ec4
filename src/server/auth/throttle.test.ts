import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createHarness, makeRegion, makeUser, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { purgeSpentAttempts } from './throttle.js';

type From = { socket: string; forwardedFor?: string };

const login = (h: Harness, username: string, password: string, from: From) =>
  h.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: from.socket,
    headers: from.forwardedFor === undefined ? {} : { 'x-forwarded-for': from.forwardedFor },
  });

/** Wrong passwords for ever new usernames, so only the address limit can stop them. */
async function spray(h: Harness, count: number, from: (i: number) => From): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await login(h, `nobody${i}`, 'not the password at all', from(i))).statusCode);
  return statuses;
}

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe(`sign-in throttling per address on ${testEngine}`, () => {
  it('lets 60 good sign-ins from one address through and then another user too, with the default limit', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const first = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
    const second = await makeUser(h, region.id, [{ role: 'auditor', siteId: null }]);
    for (let i = 0; i < 60; i++) expect((await login(h, first.username, first.password, { socket: '10.20.0.1' })).statusCode).toBe(200);
    expect((await login(h, second.username, second.password, { socket: '10.20.0.1' })).statusCode).toBe(200);
  });

  it('refunds successes: far more good sign-ins than the limit pass, and the failures still count in full', async () => {
    const h = await createHarness({ signInAddressLimit: 10 });
    const region = await makeRegion(h);
    const user = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
    const from = { socket: '10.20.0.2' };
    for (let i = 0; i < 40; i++) expect((await login(h, user.username, user.password, from)).statusCode).toBe(200);
    const failures = await spray(h, 12, () => from);
    expect(failures.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(failures.slice(10).every((s) => s === 429)).toBe(true);
    // Over the limit the address is paused for everyone, even with the right password; others are not.
    expect((await login(h, user.username, user.password, from)).statusCode).toBe(429);
    expect((await login(h, user.username, user.password, { socket: '10.20.0.3' })).statusCode).toBe(200);
  });

  it('holds a parallel burst of wrong passwords from one address to the limit', async () => {
    // The admission line is widened so that all 30 reach the throttle: shedding part of a burst with 503
    // is the line's job (admission.test.ts), and would hide whether the throttle held.
    const h = await createHarness({ signInAddressLimit: 10, maxConcurrentRequests: 8, maxQueueWaitMs: 60_000 });
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => login(h, `burst${i}`, 'not the password at all', { socket: '10.20.0.4' })));
    const statuses = burst.map((r) => r.statusCode);
    expect(count(statuses, 401)).toBe(10);
    expect(count(statuses, 429)).toBe(20);
  });

  it('still pauses one account after five wrong passwords, whatever addresses they come from', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const user = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await login(h, user.username, 'wrong password!', { socket: `10.21.0.${i}` })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect((await login(h, user.username, user.password, { socket: '10.21.1.1' })).statusCode).toBe(429);
  });
});

describe(`X-Forwarded-For and the address limit on ${testEngine}`, () => {
  const rotated = (i: number) => `198.51.100.${i % 250}`;

  it('ignores X-Forwarded-For when no proxy is trusted: a rotated header escapes nothing', async () => {
    const h = await createHarness({ signInAddressLimit: 10 });
    const statuses = await spray(h, 12, (i) => ({ socket: '203.0.113.5', forwardedFor: rotated(i) }));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('with SILTA_TRUST_PROXY=true (one hop) counts the address the proxy appended, not what the client wrote', async () => {
    const h = await createHarness(loadConfig({ SILTA_TRUST_PROXY: 'true', SILTA_SIGNIN_ADDRESS_LIMIT: '10' }));
    const viaProxy = (client: string) => (i: number) => ({ socket: '10.0.0.5', forwardedFor: `${rotated(i)}, ${client}` });
    const statuses = await spray(h, 12, viaProxy('203.0.113.7'));
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Another client behind the same proxy has its own budget: the header is read, just not the client's part.
    expect((await spray(h, 1, viaProxy('203.0.113.8')))[0]).toBe(401);
  });

  it('with a hop count of 2 counts the address the outer proxy appended', async () => {
    const h = await createHarness(loadConfig({ SILTA_TRUST_PROXY: '2', SILTA_SIGNIN_ADDRESS_LIMIT: '10' }));
    const statuses = await spray(h, 12, (i) => ({ socket: '10.0.0.5', forwardedFor: `${rotated(i)}, 203.0.113.9, 10.0.0.6` }));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('with the proxies listed, reads the header only from them and stops at the first address that is not a proxy', async () => {
    const h = await createHarness(loadConfig({ SILTA_TRUST_PROXY: '10.0.0.0/24, 192.0.2.1', SILTA_SIGNIN_ADDRESS_LIMIT: '10' }));
    const throughProxies = await spray(h, 12, (i) => ({ socket: '10.0.0.5', forwardedFor: `${rotated(i)}, 203.0.113.10, 192.0.2.1` }));
    expect(throughProxies.slice(10)).toEqual([429, 429]);
    // A client talking to Silta directly is counted by its own address, whatever header it sends.
    const direct = await spray(h, 12, (i) => ({ socket: '203.0.113.11', forwardedFor: rotated(i) }));
    expect(direct.slice(10)).toEqual([429, 429]);
  });
});

describe(`spent throttle counters on ${testEngine}`, () => {
  it('are purged once their window is over, while a running lock is kept until it ends', async () => {
    const h = await createHarness({ signInAddressLimit: 3 });
    const rows = async () => (await h.db.withRawSession((s) => s.query<{ n: number }>('select count(*)::int as n from login_throttle')))[0]!.n;
    await spray(h, 3, () => ({ socket: '10.40.0.1' }));
    await spray(h, 1, () => ({ socket: '10.40.0.2' }));
    // Ten minutes later the first address goes over its limit: paused until 25 minutes from the start.
    h.clock.advance(10 * 60_000);
    expect((await spray(h, 1, () => ({ socket: '10.40.0.1' })))[0]).toBe(429);
    expect(await purgeSpentAttempts(h.db.orm, h.clock.now())).toBe(0);
    h.clock.advance(5 * 60_000 + 1000);
    // Every window is over; only the paused address's counter stays.
    const before = await rows();
    expect(await purgeSpentAttempts(h.db.orm, h.clock.now())).toBe(before - 1);
    expect(await rows()).toBe(1);
    expect((await spray(h, 1, () => ({ socket: '10.40.0.1' })))[0]).toBe(429);
    h.clock.advance(10 * 60_000);
    expect(await purgeSpentAttempts(h.db.orm, h.clock.now())).toBe(1);
    expect((await spray(h, 1, () => ({ socket: '10.40.0.1' })))[0]).toBe(401);
  });
});
