import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

/** Builds the server as `npm start` does, and the baseline the same way, before anything is timed. */
export async function buildServers(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
  await build({
    entryPoints: ['bench/baseline-server.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: 'dist/bench/baseline-server.js',
    logLevel: 'warning',
  });
}
