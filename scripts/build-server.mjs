// Bundles the server into dist/server/main.js so that `npm start` runs plain JavaScript: loading the
// TypeScript sources through tsx costs seconds of start-up (see bench/results). Packages stay external.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const outdir = 'dist/server';
fs.rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/server/main.ts', admin: 'src/cli/admin.ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outdir,
  sourcemap: true,
  logLevel: 'warning',
});
// migrate.ts reads its SQL files from `migrations/` beside the running module.
fs.cpSync('src/server/db/migrations', path.join(outdir, 'migrations'), { recursive: true });
console.log(`server built into ${outdir}`);
