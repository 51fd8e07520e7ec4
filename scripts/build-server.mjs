// Bundles the server into dist/server/main.js so that `npm start` runs plain JavaScript: loading the
// TypeScript sources through tsx costs seconds of start-up (see bench/results). Packages stay external.
import fs from 'node:fs';
import { bundleServer } from './server-bundle.mjs';

const outdir = 'dist/server';
fs.rmSync(outdir, { recursive: true, force: true });
await bundleServer(outdir, { main: 'src/server/main.ts', admin: 'src/cli/admin.ts' });
console.log(`server built into ${outdir}`);
