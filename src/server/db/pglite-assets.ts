import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** PGlite's engine, read from its package ahead of opening the database (connect.ts passes both on). */
export type PgliteAssets = { wasmModule: WebAssembly.Module; fsBundle: Blob };

/**
 * Starts reading PGlite's WebAssembly and its file-system bundle, and compiling the former, at once.
 * Left to PGlite.create, both wait until the server's modules have loaded and the database opens;
 * started first thing, the reads and the compilation (on V8's background threads) overlap the
 * loading. They are the very files PGlite would read itself, found beside its entry module; PGlite
 * checks the bundle's size and the module's imports, so a mismatched file fails the open loudly.
 * Resolves to undefined when the files are not where this expects them: PGlite then reads its own.
 */
export function preloadPgliteAssets(): Promise<PgliteAssets | undefined> {
  const read = async (): Promise<PgliteAssets> => {
    // Through require's resolver: it answers the same under tsx, Vitest and the bundle.
    const dist = pathToFileURL(path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')) + '/');
    const [wasmModule, fsBundle] = await Promise.all([
      fs.readFile(new URL('pglite.wasm', dist)).then((bytes) => WebAssembly.compile(bytes)),
      fs.readFile(new URL('pglite.data', dist)).then((bytes) => new Blob([bytes])),
    ]);
    return { wasmModule, fsBundle };
  };
  return read().catch(() => undefined);
}
