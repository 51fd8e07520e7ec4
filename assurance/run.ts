// `npm run assure` (long mode) or `npm run assure -- --short` (CI): runs the durability and
// security checks that have figures, then writes docs/ASSURANCE.md and a dated JSON beside it.
//
//   --short            50 kills per engine (the CI mode); the long mode does 1,000 per engine
//   --kills=N          override the kills per engine
//   --no-db-restart    skip restarting the local PostgreSQL under the server
//   --soak-seconds=N   override the soak's measured length per engine (60 s short, 600 s long)
//   --soak-rate=N      override the soak's requests per second on every engine (a capacity check)
//   --stall-at=S       stall the soak's saves at second S of its measured run (PostgreSQL: a side
//                      connection locks the encounters table), to see whether the server recovers
//   --stall-seconds=N  how long the stall lasts (3 s by default)
//   --engine=pglite|postgres   run on that engine alone
//   --only=soak|enumeration   run that part alone (a quick check: its JSON is written, docs/ASSURANCE.md is left alone)
//   --no-suites        skip re-running the test suites (CI: `npm test` has just run them on both engines)
//   SILTA_ASSURE_SERVER=path  run that build of the server instead of dist/server/main.js (a copy of an
//                      earlier build, to compare two versions side by side under the same machine load)
//   The chat soak (200 chats, a process killed midway) is a script of its own, kept out of --short:
//   npx tsx assurance/chat-soak.ts [--seconds=600] (assurance/chat-soak.ts says more).
//   --engines-together run the two engines' crash parts side by side (CI: saves minutes; restart
//                      times then include the other engine's load, and the summary says so)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanupAll, REPO_ROOT } from '../bench/process.js';
import { runCrash, type CrashResult } from './crash.js';
import { runDbRestart, type DbRestartResult } from './db-restart.js';
import { runSoak, type SoakResult } from './soak.js';
import { runEnumeration, type EnumerationResult } from './enumeration.js';
import { formatAssurance, type AssuranceResults, type SuiteResult } from './report.js';

const log = (line: string) => process.stderr.write(`[assure] ${line}\n`);
/**
 * Requests per second in the soak: a busy region's day (hundreds of workers) compressed; a day centre
 * makes a few a minute. PGlite runs one statement at a time and sustains about 10 a second of this mix
 * for ten minutes on two cores (docs/OPERATIONS.md, on the embedded engine's ceiling); above that
 * the server is at capacity and load shedding answers the excess with 503 busy instead of a growing line.
 */
const SOAK_RATES = { pglite: 10, postgres: 20 } as const;

/** The test files whose passing is part of the assurance, run through vitest with a JSON report. */
const suites = [
  { name: 'Route × role × place matrix (two regions × two sites: every route as every role at its own site, the other site of its region and a site of the other region; nothing of the other region in any answer, nothing of the other site in a site role\'s lists); CSRF refused on every state-changing route', files: ['src/server/policy/route-matrix.test.ts'] },
  { name: 'Bad input fuzzing of every route, driven by the OpenAPI document: real ids in every path parameter, fast-check mutations of each body field and query parameter, whole-body garbage (never a 5xx; every 4xx in the error shape with a documented code)', files: ['src/server/http/bad-input.test.ts'] },
  { name: 'Sign-in, sessions, CSRF and throttling', files: ['src/server/auth/auth.test.ts'] },
  { name: 'Audit log is append-only: triggers for every role; the server role may only INSERT and SELECT it (PostgreSQL)', files: ['src/server/audit/append-only.test.ts', 'src/server/audit/append-only-roles.test.ts'] },
  { name: 'Audit completeness: every change and person-level read in the route list writes an audit row', files: ['src/server/audit/audit-completeness.test.ts'] },
  { name: 'Anonymous feedback stores no IP, agent, user or time finer than the day; kiosk PIN; one answer per opening', files: ['src/server/feedback/feedback.test.ts'] },
  { name: 'Anonymity over the whole database: no visitor address, device or browser in any table; no answer tied to a person', files: ['src/server/privacy/anonymity-dump.test.ts'] },
  { name: 'Backup and restore round trip', files: ['src/server/backup/backup.test.ts'] },
];

function runSuite(suite: (typeof suites)[number]): SuiteResult {
  const out = path.join(os.tmpdir(), `silta-assure-${process.pid}-${suites.indexOf(suite)}.json`);
  const result = spawnSync('npx', ['vitest', 'run', ...suite.files, '--reporter=json', `--outputFile=${out}`], {
    cwd: REPO_ROOT,
    env: { ...process.env, TEST_DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const report = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number }) : null;
  fs.rmSync(out, { force: true });
  return { name: suite.name, files: suite.files, passed: report?.numPassedTests ?? 0, failed: report?.numFailedTests ?? 0, total: report?.numTotalTests ?? 0, exitCode: result.status ?? -1 };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(`--${name}=`.length);
  const short = args.includes('--short');
  const kills = Number(option('kills') ?? (short ? 50 : 1000));
  const startedAt = new Date();
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const only = option('only') ?? null;
  const runs = (part: 'crash' | 'soak' | 'enumeration' | 'suites') => only === null || only === part;
  const soakOnly = only !== null;
  const soakSeconds = Number(option('soak-seconds') ?? (short ? 60 : 600));
  const soakRate = option('soak-rate');
  const engineArg = option('engine');
  const engines = (['pglite', 'postgres'] as const).filter((e) => engineArg === undefined || e === engineArg);
  const seed = startedAt.getTime() % 100_000;
  const together = args.includes('--engines-together');
  const crashOn = (engine: (typeof engines)[number]) => {
    log(`crash durability on ${engine}: ${kills} kills`);
    return runCrash({ engine, kills, clients: 8, seed, log });
  };
  const restartDb = () => (!runs('crash') || args.includes('--no-db-restart') ? Promise.resolve(null) : runDbRestart(log));
  const crash: CrashResult[] = [];
  let dbRestart: DbRestartResult | null = null;
  if (together && runs('crash')) {
    // PGlite's part needs no PostgreSQL, so it overlaps PostgreSQL's crash part and the database
    // restart (which must not overlap PostgreSQL's crash part: it stops the cluster under it).
    const postgresPart = async () => {
      const result = engines.includes('postgres') ? await crashOn('postgres') : null;
      return { result, restart: await restartDb() };
    };
    const [pglite, postgres] = await Promise.all([engines.includes('pglite') ? crashOn('pglite') : Promise.resolve(null), postgresPart()]);
    crash.push(...[pglite, postgres.result].filter((c): c is CrashResult => c !== null));
    dbRestart = postgres.restart;
  } else {
    for (const engine of runs('crash') ? engines : []) crash.push(await crashOn(engine));
    dbRestart = await restartDb();
  }
  const soak: SoakResult[] = [];
  const stallAt = option('stall-at');
  const stall = stallAt === undefined ? undefined : { atSeconds: Number(stallAt), seconds: Number(option('stall-seconds') ?? 3) };
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  fs.mkdirSync(path.join(REPO_ROOT, 'assurance/results'), { recursive: true });
  for (const engine of runs('soak') ? engines : []) {
    const serverLog = path.join(REPO_ROOT, `assurance/results/${stamp}-soak-${engine}-server.log`);
    soak.push(await runSoak({ engine, durationMs: soakSeconds * 1000, ratePerSecond: soakRate === undefined ? SOAK_RATES[engine] : Number(soakRate), seed, log, serverLog, ...(stall ? { stall } : {}) }));
  }
  const enumeration: EnumerationResult | null = runs('enumeration') ? await runEnumeration(short ? 30 : 200, log) : null;
  const suiteResults = (runs('suites') && !args.includes('--no-suites') ? suites : []).map((suite) => {
    log(`suite: ${suite.name}`);
    return runSuite(suite);
  });
  const results: AssuranceResults = { startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), mode: short ? 'short' : 'long', enginesTogether: together && runs('crash'), machine: { cpus: os.cpus().length, node: process.version }, crash, dbRestart, soak, enumeration, suites: suiteResults };
  const day = startedAt.toISOString().slice(0, 10);
  fs.mkdirSync(path.join(REPO_ROOT, 'assurance/results'), { recursive: true });
  // A soak-only check is written beside the full runs and leaves the summary of the last full run alone.
  fs.writeFileSync(path.join(REPO_ROOT, `assurance/results/${day}-${results.mode}${only === null ? '' : `-${only}-only`}.json`), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = formatAssurance(results);
  if (!soakOnly) fs.writeFileSync(path.join(REPO_ROOT, 'docs/ASSURANCE.md'), markdown);
  process.stdout.write(markdown);
  const failed =
    crash.some((c) => c.lost.length > 0 || c.halfWritten.length > 0) ||
    (dbRestart !== null && dbRestart.skipped === null && (dbRestart.unclean > 0 || dbRestart.lost > 0 || dbRestart.serverRestarted || dbRestart.recoveredAfterMs === null)) ||
    soak.some((s) => s.errors > 0 || !s.memory.withinBound) ||
    (enumeration !== null && !enumeration.withinBound) ||
    suiteResults.some((s) => s.failed > 0 || s.exitCode !== 0);
  if (failed) {
    log('FAILED: see docs/ASSURANCE.md');
    process.exitCode = 1;
  }
}

process.on('exit', cleanupAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
await main();
