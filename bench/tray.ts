// The public service page's transfer size (issue 19: "transfer ≤ 60 KiB for a service page"): the demo's
// tray on an in-memory PGlite, the app listening on a local port, and each public catalogue page fetched
// over HTTP as a browser would (accept-encoding gzip and br). Counted: the status line and headers as
// sent plus the body bytes on the wire. The page needs nothing else (no scripts, stylesheets or fonts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app.js';
import { createPasswordHasher } from '../src/server/auth/passwords.js';
import { loadConfig } from '../src/server/config.js';
import { connectDatabase } from '../src/server/db/connect.js';
import { migrate } from '../src/server/db/migrate.js';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { systemClock, systemIds, type Deps } from '../src/server/deps.js';

export const TRAY_PAGE_BUDGET_BYTES = 60 * 1024;

export type TrayPageSize = { path: string; status: number; headerBytes: number; bodyBytes: number; totalBytes: number; encoding: string | null };
export type TrayBenchResult = { pages: TrayPageSize[]; largestServicePageBytes: number; budgetBytes: number; budgetMet: boolean };

function fetchPage(base: string, path: string): Promise<TrayPageSize> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}${path}`, { agent: false, headers: { 'accept-encoding': 'gzip, br' } }, (response) => {
      let bodyBytes = 0;
      response.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
      response.on('end', () => {
        // As on the wire: "HTTP/1.1 200 OK\r\n", each "name: value\r\n", the blank line.
        const raw = response.rawHeaders;
        let headerBytes = `HTTP/${response.httpVersion} ${response.statusCode} ${response.statusMessage}\r\n`.length + 2;
        for (let i = 0; i < raw.length; i += 2) headerBytes += Buffer.byteLength(`${raw[i]}: ${raw[i + 1]}\r\n`);
        resolve({ path, status: response.statusCode ?? 0, headerBytes, bodyBytes, totalBytes: headerBytes + bodyBytes, encoding: response.headers['content-encoding'] ?? null });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

export async function measureTray(log: (line: string) => void): Promise<TrayBenchResult> {
  const db = await connectDatabase({ engine: 'pglite' });
  await migrate(db);
  const config = { ...loadConfig({}), webDir: '/nonexistent', isDemoHistory: false };
  const deps: Deps = { db, config, clock: systemClock, ids: systemIds, passwords: createPasswordHasher() };
  await seedDemo(deps);
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const hsds = await fetch(`${base}/api/public/hsds/services`);
    const ids = ((await hsds.json()) as { contents: { id: string }[] }).contents.map((s) => s.id);
    const paths = ['/palvelut', '/palvelut/luokka/group_activity', '/palvelut/haku?q=valmennus', ...ids.flatMap((id) => ['fi', 'sv', 'en'].map((lang) => `/palvelut/${id}?lang=${lang}`))];
    const pages: TrayPageSize[] = [];
    for (const path of paths) {
      const page = await fetchPage(base, path);
      log(`tray ${path}: ${page.status}, ${page.totalBytes} B (${page.headerBytes} B headers, ${page.bodyBytes} B body, ${page.encoding ?? 'identity'})`);
      pages.push(page);
    }
    const largest = Math.max(...pages.filter((p) => /\/palvelut\/[0-9a-f-]{36}/.test(p.path)).map((p) => p.totalBytes));
    return { pages, largestServicePageBytes: largest, budgetBytes: TRAY_PAGE_BUDGET_BYTES, budgetMet: largest <= TRAY_PAGE_BUDGET_BYTES };
  } finally {
    await app.close();
    await db.close();
  }
}
