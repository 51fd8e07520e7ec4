import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { connectDatabase } from '../db/connect.js';
import { createHarness, type Harness } from '../testing/harness.js';
import { spawnServer, waitForHealth } from '../testing/spawn-server.js';
import { testEngine } from '../testing/test-db.js';
import { addressSecret } from './address-secret.js';

const wrongPassword = (i: number) => ({ username: `nobody${i}`, password: 'not the password at all' });

async function databaseUrlOf(h: Harness): Promise<string> {
  const [row] = await h.db.withRawSession((s) => s.query<{ name: string }>('select current_database() as name'));
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = `/${row!.name}`;
  return url.toString();
}

describe(`throttle counters shared by several Silta processes on ${testEngine}`, () => {
  it('counts one address in two apps on one database against one limit', async () => {
    const h = await createHarness({ signInAddressLimit: 10 });
    const other = await buildApp(h.deps);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const app = i % 2 === 0 ? h.app : other;
        statuses.push((await app.inject({ method: 'POST', url: '/api/auth/login', payload: wrongPassword(i), remoteAddress: '10.30.0.1' })).statusCode);
      }
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(10)).toEqual([429, 429]);
    } finally {
      await other.close();
    }
  });

  // Two processes cannot open one PGlite database, so this runs on PostgreSQL only.
  it.runIf(testEngine === 'postgres')('keeps the address key in the database: a second connection reads the same secret', async () => {
    const h = await createHarness();
    const second = await connectDatabase({ engine: 'postgres', url: await databaseUrlOf(h), poolSize: 1 });
    try {
      expect((await addressSecret(second)).equals(await addressSecret(h.db))).toBe(true);
    } finally {
      await second.close();
    }
  });

  it.runIf(testEngine === 'postgres')('counts one address against one limit across two server processes', async () => {
    const h = await createHarness({ signInAddressLimit: 10 });
    // The spawned server runs on the real clock: both must count in the same window.
    h.clock.set(new Date());
    const server = await spawnServer({ DATABASE_URL: await databaseUrlOf(h), SILTA_SIGNIN_ADDRESS_LIMIT: '10', LOG_LEVEL: 'error' });
    try {
      await waitForHealth(server);
      const baseUrl = `http://127.0.0.1:${server.port}`;
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        if (i % 2 === 0) {
          statuses.push((await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: wrongPassword(i), remoteAddress: '127.0.0.1' })).statusCode);
        } else {
          const response = await fetch(`${baseUrl}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: baseUrl },
            body: JSON.stringify(wrongPassword(i)),
          });
          statuses.push(response.status);
        }
      }
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(10)).toEqual([429, 429]);
    } finally {
      await server.stop();
    }
  }, 90_000);
});
