import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { Database } from './db/connect.js';
import type { Config } from './config.js';
import type { PasswordHasher } from './auth/passwords.js';

export type Clock = { now(): Date };
export type Ids = { newId(): string; newToken(): string };

/** What commands need from the outside world; tests pass their own clock and ids. */
export type Deps = {
  db: Database;
  config: Config;
  clock: Clock;
  ids: Ids;
  passwords: PasswordHasher;
};

export const systemClock: Clock = { now: () => new Date() };
export const systemIds: Ids = {
  newId: () => uuidv7(),
  newToken: () => randomBytes(32).toString('base64url'),
};
