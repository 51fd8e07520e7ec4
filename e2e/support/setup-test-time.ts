// Vitest setup file of the browser tests: each worker's Date reads the pretended time of the run.
import { shiftGlobalDate, testTimeOffset } from './test-time';

shiftGlobalDate(testTimeOffset());
