import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { onTestFinished } from 'vitest';
import type { Profession, Role } from '../../domain/org.js';
import type { SessionInfo } from '../../domain/api-types.js';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import type { Database } from '../db/connect.js';
import { systemIds, type Clock, type Deps } from '../deps.js';
import { createPasswordHasher } from '../auth/passwords.js';
import { createRegion, createSite } from '../sites/commands.js';
import { createUser } from '../users/commands.js';
import type { Actor } from '../policy/policy.js';
import { createTestDatabase } from './test-db.js';

/** A clock the test moves by hand. */
export type TestClock = Clock & { set(date: Date): void; advance(ms: number): void };

export function testClock(start = new Date('2026-01-15T09:00:00Z')): TestClock {
  let current = start.getTime();
  return { now: () => new Date(current), set: (d) => void (current = d.getTime()), advance: (ms) => void (current += ms) };
}

export type Harness = { deps: Deps; app: FastifyInstance; db: Database; clock: TestClock };

// Cheap argon2id parameters keep suites fast; production parameters are tested where they matter.
const fastHashing = { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

/** Harnesses made outside a running test (in beforeAll, or at a file's top level), closed after the file. */
const fileHarnesses = new Set<() => Promise<void>>();

/**
 * Closes the harnesses of the test file that just ran. Registered as an afterAll hook by the database
 * projects' setup file (./setup-file.ts), which runs before every file is collected: hooks registered
 * later, from inside a running beforeAll or test, never run, which left apps and databases open (and,
 * on PostgreSQL, a silta_t_* database behind for each). Not registered here on import: the files of a
 * worker share this module (the database projects do not isolate their files), so an import-time hook
 * would belong to the first file alone.
 */
export async function closeFileHarnesses(): Promise<void> {
  const closing = [...fileHarnesses];
  fileHarnesses.clear();
  for (const close of closing) await close();
}

/** Runs `close` when the harness's owner ends: the test that created it, or else the test file. */
function closeWhenDone(close: () => Promise<void>): void {
  try {
    onTestFinished(close);
  } catch {
    // onTestFinished throws outside a running test: the harness belongs to the file.
    fileHarnesses.add(close);
  }
}

/** One database, app and clock for a test or a test file; closed when that ends. Settings may be overridden. */
export async function createHarness(settings: Partial<Config> = {}): Promise<Harness> {
  const db = await createTestDatabase();
  const clock = testClock();
  // The demo's made-up history is seeded only by the tests about it.
  const config = { ...loadConfig({}), webDir: '/nonexistent', isDemoHistory: false, ...settings };
  const deps: Deps = { db, config, clock, ids: systemIds, passwords: createPasswordHasher(fastHashing) };
  const app = await buildApp(deps);
  closeWhenDone(async () => {
    await app.close();
    await db.close();
  });
  return { deps, app, db, clock };
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 7)}`;

export const systemActor = (regionId: string): Actor => ({
  userId: '00000000-0000-0000-0000-000000000000',
  regionId,
  displayName: 'test setup',
  profession: null,
  roles: [{ role: 'administrator', siteId: null }],
});

export async function makeRegion(h: Harness) {
  return createRegion(h.deps, { name: unique('Region') });
}

export async function makeSite(h: Harness, regionId: string, name = unique('Site')) {
  const ctx = { actor: systemActor(regionId), requestId: null, address: 'test' };
  return createSite(h.deps, ctx, { regionId, name, kind: 'day_centre', address: '', openingHours: [], rooms: [] });
}

export type TestUser = { id: string; username: string; password: string };

export async function makeUser(
  h: Harness,
  regionId: string,
  roles: { role: Role; siteId: string | null }[],
  profession: Profession | null = null,
): Promise<TestUser> {
  const username = unique('user').toLowerCase();
  const password = 'correct horse battery staple';
  const user = await createUser(h.deps, { actor: null, requestId: null, address: 'test' }, {
    regionId,
    username,
    displayName: `Test ${username}`,
    profession,
    unitId: null,
    password,
    roles,
  });
  return { id: user.id, username, password };
}

/** A signed-in API client over app.inject, sending the session cookie and CSRF token like the web app does. */
export type Client = {
  session: SessionInfo;
  cookie: string;
  request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse>;
};

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'silta_session');
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return cookie.value;
}

export async function signIn(h: Harness, user: { username: string; password: string }, address = '127.0.0.1'): Promise<Client> {
  const response = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password }, remoteAddress: address });
  if (response.statusCode !== 200) throw new Error(`sign-in failed ${response.statusCode}: ${response.body}`);
  const session = response.json<SessionInfo>();
  const cookie = sessionCookie(response);
  return {
    session,
    cookie,
    request: (method, url, body) =>
      h.app.inject({
        method,
        url,
        cookies: { silta_session: cookie },
        headers: method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}
