// Build-time compression of the web app (run by Vite, never shipped to the browser): the server sends
// these files as they are (@fastify/static `preCompressed`), so no request pays for compressing.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text files worth compressing; fonts and images are compressed formats already. */
const compressible = /\.(js|mjs|css|html|svg|json|webmanifest|txt|xml|map)$/;

/** Below this a compressed copy saves less than the headers it costs. */
const MIN_BYTES = 256;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside every compressible file of `dir`,
 * each only where it is smaller than the file itself. Returns the files it compressed.
 */
export async function precompressDir(dir: string): Promise<string[]> {
  const files = filesUnder(dir).filter((file) => compressible.test(file) && fs.statSync(file).size >= MIN_BYTES);
  await Promise.all(
    files.map(async (file) => {
      const source = await fs.promises.readFile(file);
      const [br, gz] = await Promise.all([
        brotli(source, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length } }),
        gzip(source, { level: 9 }),
      ]);
      if (br.length < source.length) await fs.promises.writeFile(`${file}.br`, br);
      if (gz.length < source.length) await fs.promises.writeFile(`${file}.gz`, gz);
    }),
  );
  return files;
}

/** Vite plugin: precompresses the output directory once everything (public files, sw.js) is written. */
export function precompress(outDir: string): Plugin {
  return {
    name: 'silta-precompress',
    apply: 'build',
    async closeBundle() {
      await precompressDir(outDir);
    },
  };
}
