// "First route JavaScript ≤ 150 KiB gzipped": what a first visit downloads before the sign-in page shows,
// as the running server sends it. index.html, then every script, modulepreload and stylesheet it names,
// each requested once with `accept-encoding: gzip` and once with `br`; the bytes counted are the bodies
// on the wire (compressed), not the files on disk. Fonts the stylesheet pulls in come later and are
// woff2 (already compressed); they are listed apart.
import http from 'node:http';

export const FIRST_ROUTE_BUDGET_BYTES = 150 * 1024;

export type FirstRouteFile = { path: string; kind: 'html' | 'js' | 'css'; identityBytes: number; gzipBytes: number; brBytes: number; cacheControl: string | null };
export type FirstRouteResult = {
  files: FirstRouteFile[];
  jsGzipBytes: number;
  jsBrBytes: number;
  jsIdentityBytes: number;
  /** index.html + scripts + stylesheets, gzip. */
  totalGzipBytes: number;
  budgetBytes: number;
  budgetMet: boolean;
};

type Fetched = { bytes: number; body: Buffer; encoding: string | undefined; cacheControl: string | null };

function fetchRaw(base: string, path: string, acceptEncoding: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}${path}`, { agent: false, headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (response.statusCode !== 200) return reject(new Error(`GET ${path}: ${response.statusCode}`));
        const body = Buffer.concat(chunks);
        const cacheControl = response.headers['cache-control'] ?? null;
        resolve({ bytes: body.length, body, encoding: response.headers['content-encoding'], cacheControl });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** The scripts, modulepreloads and stylesheets index.html makes the browser fetch before it renders. */
export function firstRouteAssets(html: string): { path: string; kind: 'js' | 'css' }[] {
  const found: { path: string; kind: 'js' | 'css' }[] = [];
  for (const match of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) found.push({ path: match[1]!, kind: 'js' });
  for (const match of html.matchAll(/<link[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) found.push({ path: match[1]!, kind: 'js' });
  for (const match of html.matchAll(/<link[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)) found.push({ path: match[1]!, kind: 'css' });
  return found.filter((asset, i) => found.findIndex((other) => other.path === asset.path) === i);
}

async function measureFile(base: string, path: string, kind: FirstRouteFile['kind']): Promise<FirstRouteFile> {
  const [identity, gzip, br] = await Promise.all([fetchRaw(base, path, 'identity'), fetchRaw(base, path, 'gzip'), fetchRaw(base, path, 'br')]);
  // An uncompressed answer to a compressing browser counts at its full size: that is what it downloads.
  return { path, kind, identityBytes: identity.bytes, gzipBytes: gzip.bytes, brBytes: br.bytes, cacheControl: identity.cacheControl };
}

const sum = (files: FirstRouteFile[], pick: (file: FirstRouteFile) => number) => files.reduce((total, file) => total + pick(file), 0);

/** Measures the first route of the server at `base` (e.g. http://127.0.0.1:3000). */
export async function measureFirstRoute(base: string): Promise<FirstRouteResult> {
  const index = await fetchRaw(base, '/', 'identity');
  const files = [await measureFile(base, '/', 'html')];
  for (const asset of firstRouteAssets(index.body.toString('utf8'))) files.push(await measureFile(base, asset.path, asset.kind));
  const js = files.filter((file) => file.kind === 'js');
  const jsGzipBytes = sum(js, (file) => file.gzipBytes);
  return {
    files,
    jsGzipBytes,
    jsBrBytes: sum(js, (file) => file.brBytes),
    jsIdentityBytes: sum(js, (file) => file.identityBytes),
    totalGzipBytes: sum(files, (file) => file.gzipBytes),
    budgetBytes: FIRST_ROUTE_BUDGET_BYTES,
    budgetMet: jsGzipBytes <= FIRST_ROUTE_BUDGET_BYTES,
  };
}
