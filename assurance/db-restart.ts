// The database restarting under a running server (PostgreSQL): requests in the gap must get a
// clean 503 (never a 500, never a dropped connection), and the same server process must recover
// on its own once the database is back — no acknowledged save lost.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { freePort, stopServer } from '../bench/process.js';
import { postEncounter, randomEncounter, seededRandom, signInAs, type EncounterBody } from './client.js';
import { DEMO_PASSWORD, prepareEngine, start, verify } from './crash.js';

export type DbRestartResult = {
  skipped: string | null;
  statuses: Record<string, number>;
  /** Anything but 2xx and 503, including dropped connections. Must be 0. */
  unclean: number;
  recoveredAfterMs: number | null;
  serverRestarted: boolean;
  acknowledged: number;
  lost: number;
  halfWritten: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** pg_ctlcluster for the local cluster, or null where this machine cannot restart PostgreSQL. */
function clusterControl(): ((verb: 'stop' | 'start') => void) | null {
  if (!fs.existsSync('/etc/postgresql') || process.getuid?.() !== 0) return null;
  const [version] = fs.readdirSync('/etc/postgresql');
  if (!version) return null;
  return (verb) => void execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', verb], { stdio: 'ignore' });
}

/** How long the database stays down: long enough that requests certainly meet it gone. */
const DOWN_MS = 3_000;

export async function runDbRestart(log: (line: string) => void): Promise<DbRestartResult> {
  const control = clusterControl();
  const empty = { statuses: {}, unclean: 0, recoveredAfterMs: null, serverRestarted: false, acknowledged: 0, lost: 0, halfWritten: 0 };
  if (!control) return { skipped: 'needs root and a local pg_ctlcluster to restart PostgreSQL', ...empty };
  const target = await prepareEngine('postgres');
  const port = await freePort();
  const server = await start(port, { ...target.env, SILTA_DEMO_PASSWORD: DEMO_PASSWORD, LOG_LEVEL: 'fatal' });
  const pid = server.child.pid;
  const nurse = await signInAs(`http://127.0.0.1:${port}`, 'demo.nurse', DEMO_PASSWORD);
  const random = seededRandom(7);
  const sent = new Map<string, EncounterBody>();
  const acknowledged = new Set<string>();
  const statuses: Record<string, number> = {};
  let restartDoneAt = 0;
  let recoveredAt: number | null = null;
  const stop = { now: false };
  const client = async () => {
    while (!stop.now) {
      const body = randomEncounter(nurse, random);
      sent.set(body.id, body);
      let key: string;
      try {
        const status = await postEncounter(nurse, body, AbortSignal.timeout(10_000));
        key = String(status);
        if (status >= 200 && status < 300) {
          acknowledged.add(body.id);
          if (restartDoneAt > 0 && recoveredAt === null) recoveredAt = performance.now();
        } else await sleep(50);
      } catch {
        key = 'connection error';
      }
      statuses[key] = (statuses[key] ?? 0) + 1;
    }
  };
  const clients = Array.from({ length: 4 }, client);
  await sleep(1_000);
  log(`postgres: stopping the database under the server for ${DOWN_MS / 1000} s`);
  control('stop');
  try {
    await sleep(DOWN_MS);
  } finally {
    control('start');
  }
  restartDoneAt = performance.now();
  await sleep(5_000);
  stop.now = true;
  await Promise.all(clients);
  const serverRestarted = server.child.exitCode !== null || server.child.signalCode !== null || server.child.pid !== pid;
  await stopServer(server);
  const check = await verify(await target.open(), sent, acknowledged);
  await target.dispose();
  const unclean = Object.entries(statuses).filter(([k]) => !/^2\d\d$/.test(k) && k !== '503').reduce((sum, [, n]) => sum + n, 0);
  return {
    skipped: null,
    statuses,
    unclean,
    recoveredAfterMs: recoveredAt === null ? null : Math.round(recoveredAt - restartDoneAt),
    serverRestarted,
    acknowledged: acknowledged.size,
    lost: check.lost.length,
    halfWritten: check.halfWritten.length,
  };
}
