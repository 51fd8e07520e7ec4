// Crash durability: drive concurrent encounter saves, kill the server with SIGKILL at random
// moments, restart it, and at the end check on the database itself that every save acknowledged
// with 2xx is there and that nothing is half-written (an encounter without its professionals,
// codes, referrals or audit row).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { freePort, makeTempDir, REPO_ROOT, spawnServer, stopServer, waitForOk, type ServerChild } from '../bench/process.js';
import { summarize, type Summary } from '../bench/stats.js';
import { connectDatabase, type Database } from '../src/server/db/connect.js';
import { postEncounter, randomEncounter, seededRandom, signInAs, type EncounterBody, type SignedIn } from './client.js';
import { scratchPostgres, type ScratchDatabase } from './postgres.js';

export type CrashOptions = { engine: 'pglite' | 'postgres'; kills: number; clients: number; seed: number; log: (line: string) => void };

export type CrashResult = {
  engine: 'pglite' | 'postgres';
  kills: number;
  clients: number;
  seed: number;
  sent: number;
  acknowledged: number;
  /** Acknowledged with 2xx but not in the database afterwards. Must be empty. */
  lost: string[];
  /** In the database but incomplete (missing professionals, codes, referrals or audit row). Must be empty. */
  halfWritten: string[];
  /** Cut off before the answer but committed anyway: allowed, and complete (checked above). */
  unacknowledgedStored: number;
  restartMs: Summary;
  durationMs: number;
};

// SILTA_ASSURE_SERVER: another build to run (a copy of an earlier one), to compare two versions side by
// side under the same load of the machine.
const SERVER = path.resolve(REPO_ROOT, process.env.SILTA_ASSURE_SERVER ?? 'dist/server/main.js');
export const DEMO_PASSWORD = 'assurance-demo-password';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runCrash(options: CrashOptions): Promise<CrashResult> {
  const startedAt = performance.now();
  const random = seededRandom(options.seed);
  const target = await prepareEngine(options.engine);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { ...target.env, SILTA_DEMO_PASSWORD: DEMO_PASSWORD, LOG_LEVEL: 'error' };
  const sent = new Map<string, EncounterBody>();
  const acknowledged = new Set<string>();
  const restarts: number[] = [];
  let server = await start(port, env);
  try {
    const nurse = await signInAs(baseUrl, 'demo.nurse', DEMO_PASSWORD);
    for (let kill = 1; kill <= options.kills; kill++) {
      const stop = { now: false };
      const before = acknowledged.size;
      const clients = Array.from({ length: options.clients }, () => drive(nurse, random, sent, acknowledged, stop));
      // Saves must be flowing before the kill (a slow machine would otherwise kill an idle
      // server); then kill anywhere from at once to well into a steady stream of saves.
      const flowing = performance.now() + 15_000;
      while (acknowledged.size === before && performance.now() < flowing) await sleep(10);
      await sleep(Math.floor(random() * 800));
      server.child.kill('SIGKILL');
      await new Promise((resolve) => server.child.once('exit', resolve));
      stop.now = true;
      await Promise.all(clients);
      const restartedAt = performance.now();
      server = await start(port, env);
      restarts.push(performance.now() - restartedAt);
      if (kill % 10 === 0 || kill === options.kills) options.log(`${options.engine}: ${kill}/${options.kills} kills, ${acknowledged.size} saves acknowledged`);
    }
  } finally {
    await stopServer(server);
  }
  const check = await verify(await target.open(), sent, acknowledged);
  await target.dispose();
  return {
    engine: options.engine,
    kills: options.kills,
    clients: options.clients,
    seed: options.seed,
    sent: sent.size,
    acknowledged: acknowledged.size,
    ...check,
    restartMs: summarize(restarts),
    durationMs: Math.round(performance.now() - startedAt),
  };
}

export type Target = { env: Record<string, string>; open: () => Promise<Database>; dispose: () => Promise<void> };

export async function prepareEngine(engine: 'pglite' | 'postgres'): Promise<Target> {
  if (engine === 'pglite') {
    const dataDir = makeTempDir('silta-crash-');
    // The demo's made-up history would only slow the first start; these runs make their own data.
    return { env: { SILTA_DATA_DIR: dataDir, SILTA_DEMO_HISTORY: 'off' }, open: () => connectDatabase({ engine: 'pglite', dataDir }), dispose: () => Promise.resolve() };
  }
  const scratch: ScratchDatabase = await scratchPostgres('silta_crash');
  // The embedded engine seeds the demo on its first start; on PostgreSQL the operator does it.
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist/server/admin.js'), 'seed-demo'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: scratch.url, SILTA_DEMO_PASSWORD: DEMO_PASSWORD, SILTA_DEMO_HISTORY: 'off' },
    stdio: 'ignore',
  });
  return { env: { DATABASE_URL: scratch.url }, open: () => connectDatabase({ engine: 'postgres', url: scratch.url, poolSize: 2 }), dispose: () => scratch.drop() };
}

/** `logFile`: keep everything the server prints there (appended). */
export async function start(port: number, env: Record<string, string>, logFile?: string): Promise<ServerChild> {
  const server = spawnServer(SERVER, port, env, logFile);
  await waitForOk(server, '/api/health', 60_000);
  return server;
}

/** One client: saves encounters back to back until the server dies under it. */
async function drive(s: SignedIn, random: () => number, sent: Map<string, EncounterBody>, acknowledged: Set<string>, stop: { now: boolean }): Promise<void> {
  while (!stop.now) {
    const body = randomEncounter(s, random);
    sent.set(body.id, body);
    try {
      const status = await postEncounter(s, body);
      if (status >= 200 && status < 300) acknowledged.add(body.id);
      else if (status !== 503) throw new Error(`save answered ${status}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('save answered')) throw error;
      return; // the connection died with the server: this save is unacknowledged
    }
  }
}

type Counts = { id: string; professionals: number; codes: number; referrals: number; audits: number };

export async function verify(db: Database, sent: Map<string, EncounterBody>, acknowledged: Set<string>): Promise<Pick<CrashResult, 'lost' | 'halfWritten' | 'unacknowledgedStored'>> {
  try {
    const rows = await db.withRawSession((session) =>
      session.query<Counts>(
        `select e.id::text as id, coalesce(p.n, 0) as professionals, coalesce(c.n, 0) as codes,
                coalesce(r.n, 0) as referrals, coalesce(a.n, 0) as audits
         from encounters e
         left join (select encounter_id, count(*)::int as n from encounter_professionals group by 1) p on p.encounter_id = e.id
         left join (select encounter_id, count(*)::int as n from encounter_codes group by 1) c on c.encounter_id = e.id
         left join (select encounter_id, count(*)::int as n from referrals group by 1) r on r.encounter_id = e.id
         left join (select resource_id, count(*)::int as n from audit_log where action = 'encounter.created' group by 1) a
           on a.resource_id = e.id::text`,
      ),
    );
    // Only this run's saves: demo data of its own does not count either way.
    const ours = rows.filter((r) => sent.has(r.id));
    const stored = new Map(ours.map((r) => [r.id, r]));
    const lost = [...acknowledged].filter((id) => !stored.has(id));
    const halfWritten = ours
      .filter((r) => {
        const body = sent.get(r.id)!;
        return r.professionals !== 1 || r.codes !== body.needs.length || r.referrals !== body.referrals.length || r.audits !== 1;
      })
      .map((r) => r.id);
    const unacknowledgedStored = ours.filter((r) => !acknowledged.has(r.id)).length;
    return { lost, halfWritten, unacknowledgedStored };
  } finally {
    await db.close();
  }
}
