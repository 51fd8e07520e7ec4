// Runs before each file of the database projects (vitest.config.ts, setupFiles), also when a worker
// runs several files one after another without isolating them.
import { afterAll } from 'vitest';
import { closeFileHarnesses } from './harness.js';

afterAll(closeFileHarnesses);
