// The web part of `npm run bench`: the first route's bytes as the server sends them, and the encounter
// form's time to a usable Save button in Chromium with the CPU slowed 4×. One Silta (as `npm start` runs
// it, on a fresh embedded data dir with demo data) serves both.
import { execFileSync } from 'node:child_process';
import { measureEncounterForm, type EncounterFormResult } from './encounter-form.js';
import { measureFirstRoute, type FirstRouteResult } from './first-route.js';
import { HOST, makeTempDir, startAndWait, stopServer } from './process.js';
import { SILTA_SCRIPT, siltaEnv } from './start-time.js';

export type WebBenchResult = { firstRoute: FirstRouteResult; encounterForm: EncounterFormResult | null; encounterFormError: string | null };

const FRESH_TIMEOUT_MS = 120_000;

/** Builds the web app as `npm start` does (Vite, with the precompressed copies). */
export function buildWeb(): void {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}

export async function measureWeb(formRuns: number, log: (line: string) => void): Promise<WebBenchResult> {
  const env = siltaEnv(makeTempDir('silta-bench-web-'));
  log('web: starting Silta on a fresh data dir (demo data)…');
  const { server } = await startAndWait(SILTA_SCRIPT, env, FRESH_TIMEOUT_MS);
  try {
    const base = `http://${HOST}:${server.port}`;
    const firstRoute = await measureFirstRoute(base);
    log(`web: first route ${firstRoute.jsGzipBytes} B of JavaScript gzipped (${firstRoute.jsBrBytes} B brotli)`);
    try {
      const encounterForm = await measureEncounterForm(base, env.SILTA_DEMO_PASSWORD!, formRuns);
      log(`web: encounter form usable after ${encounterForm.summary.median} ms (median of ${formRuns}, CPU ${encounterForm.cpuSlowdown}× slower)`);
      return { firstRoute, encounterForm, encounterFormError: null };
    } catch (error) {
      // A machine without Chromium still gets the byte count.
      return { firstRoute, encounterForm: null, encounterFormError: error instanceof Error ? error.message : String(error) };
    }
  } finally {
    await stopServer(server);
  }
}
