import type { CrashResult } from './crash.js';
import type { DbRestartResult } from './db-restart.js';
import type { SoakResult } from './soak.js';
import type { EnumerationResult } from './enumeration.js';

export type SuiteResult = { name: string; files: string[]; passed: number; failed: number; total: number; exitCode: number };

export type AssuranceResults = {
  startedAt: string;
  finishedAt: string;
  mode: 'short' | 'long';
  /** The engines' crash parts ran side by side (CI), so restart times include the other's load. */
  enginesTogether?: boolean;
  machine: { cpus: number; node: string };
  crash: CrashResult[];
  dbRestart: DbRestartResult | null;
  soak: SoakResult[];
  enumeration: EnumerationResult | null;
  suites: SuiteResult[];
};

/** For a table cell: a failure stands out. */
const held = (ok: boolean) => (ok ? 'held' : '**FAILED**');
/** For the end of a sentence, which sets it in bold itself. */
const verdict = (ok: boolean) => (ok ? 'held' : 'FAILED');
const ms = (value: number) => `${(value / 1000).toFixed(1)} s`;

function crashRows(crash: CrashResult[]): string[] {
  return crash.map(
    (c) =>
      `| ${c.engine} | ${c.kills} | ${c.sent} | ${c.acknowledged} | ${c.lost.length} | ${c.halfWritten.length} | ${c.unacknowledgedStored} | ${ms(c.restartMs.median)} | ${held(c.lost.length === 0 && c.halfWritten.length === 0)} |`,
  );
}

function dbRestartText(r: DbRestartResult | null): string[] {
  if (r === null) return ['Not run this time (`--no-db-restart`).'];
  if (r.skipped) return [`Skipped: ${r.skipped}.`];
  const statuses = Object.entries(r.statuses).map(([status, n]) => `${status}: ${n}`).join(', ');
  const ok = r.unclean === 0 && r.lost === 0 && !r.serverRestarted && r.recoveredAfterMs !== null;
  return [
    `PostgreSQL was stopped for 3 s and started again (\`pg_ctlcluster … stop/start\`) while four clients kept saving encounters. Answers: ${statuses}.`,
    `Unclean answers (anything but 2xx or 503, including dropped connections): ${r.unclean}. The server process ${r.serverRestarted ? 'had to be restarted' : 'kept running'}; ` +
      `saves succeeded again ${r.recoveredAfterMs === null ? 'never' : `${ms(r.recoveredAfterMs)} after the database was started`}. ` +
      `Acknowledged saves: ${r.acknowledged}, lost: ${r.lost}, half-written: ${r.halfWritten}. **${verdict(ok)}**`,
  ];
}

const ms1 = (value: number) => `${value.toFixed(1)} ms`;

function soakText(soak: SoakResult[]): string[] {
  if (soak.length === 0) return ['Not run this time.'];
  const first = soak[0]!;
  const rows = soak.flatMap((s) =>
    (['save', 'batch', 'read'] as const).map((kind) => {
      const q = s.requests[kind];
      return `| ${s.engine} | ${s.ratePerSecond}/s | ${kind} | ${q.count} | ${q.errors} | ${q.shed} | ${ms1(q.latencyMs.median)} | ${ms1(q.latencyMs.p95)} | ${ms1(q.latencyMs.p99)} |`;
    }),
  );
  const memory = soak.map(
    (s) => `| ${s.engine} | ${s.memory.startMiB} MiB | ${s.memory.endMiB} MiB | ${s.memory.peakMiB} MiB | ${s.memory.growthMiB} MiB | ≤ ${s.memory.boundMiB} MiB | ${held(s.memory.withinBound)} |`,
  );
  const ok = soak.every((s) => s.errors === 0 && s.memory.withinBound);
  const byMinute = soak.filter((s) => s.readsByMinute).map((s) =>
    `Report reads on ${s.engine}, p95 by minute: ${s.readsByMinute!.map((m) => `${m.minute}: ${m.p95} ms`).join(', ')}` +
      (s.loadAverage ? ` (load average ${s.loadAverage.start.toFixed(1)} at the start, ${s.loadAverage.end.toFixed(1)} at the end).` : '.'));
  return [
    `A steady rate of requests (${soak.map((s) => `${s.engine} ${s.ratePerSecond} a second`).join(', ')}) for ${first.durationMs / 1000} s per engine, after a 10 s warm-up, started on schedule whether or not earlier ones had finished (as users do): ` +
      `${Math.round(first.mix.save * 100)} % single encounter saves dated now, ${Math.round(first.mix.batch * 100)} % outbox batch syncs of 20 encounters dated over the last ${first.batchWithinDays} days, ${Math.round(first.mix.read * 100)} % report reads (the last three months of all sites). ` +
      `The saves spread over ${first.sites} sites of one region, as a region's load does. ` +
      'PGlite runs one statement at a time and sustains about 10 requests a second of this mix here for ten minutes; above that it is at capacity (docs/OPERATIONS.md). A day centre makes a few a minute. ' +
      `When the server is at capacity it answers 503 \`busy\` with Retry-After rather than keep a request in its line for more than 3 s; such a request is sent again with the same ids, as the outbox does, and counted as shed; its latency runs from the first try to the final answer. ` +
      `The slowest 503 came ${soak.map((s) => `${ms(s.slowestShedMs)} after its request on ${s.engine}`).join(', ')} (0.0 s: nothing was shed); any time beyond the 3 s in line passed before the server read the request (on PGlite, while the embedded database held the server's only thread). ` +
      `An error is any other answer but 2xx, a request still shed after ${first.maxTries} tries, a dropped connection, or a batch item not created. Errors: ${soak.map((s) => `${s.engine} ${s.errors}`).join(', ')}. **${verdict(ok)}**`,
    '',
    '| Engine | Rate | Request | Count | Errors | Shed (sent again) | p50 | p95 | p99 |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    ...(byMinute.length > 0 ? ['', ...byMinute] : []),
    '',
    'Server memory (resident set size, median of the first and of the last samples taken each second). The bound allows 32 MiB plus a quarter of the start for caches and the JIT; more growth than that over a run counts as a leak.',
    '',
    '| Engine | Start | End | Peak | Growth | Bound | Result |',
    '|---|---|---|---|---|---|---|',
    ...memory,
  ];
}

function enumerationText(e: EnumerationResult | null): string[] {
  if (e === null) return ['Not run this time.'];
  return [
    `Wrong-password sign-ins against the running server (production argon2id parameters), ${e.attemptsEach} for existing usernames and ${e.attemptsEach} for unknown ones, interleaved, each from its own address. ` +
      `Answers: ${e.sameAnswers ? 'identical for both (status and body)' : `**differ**: ${e.answers.join(' / ')}`}. ` +
      `Median time: existing ${ms1(e.existing.median)}, unknown ${ms1(e.unknown.median)} (p95 ${ms1(e.existing.p95)} and ${ms1(e.unknown.p95)}); the gap of ${ms1(e.medianGapMs)} must stay within ${ms1(e.boundMs)} (10 ms or a fifth of the median, whichever is more). **${verdict(e.withinBound)}**`,
  ];
}

/** docs/ASSURANCE.md: the figures a data protection officer can check, and how to reproduce them. */
export function formatAssurance(r: AssuranceResults): string {
  const suitesOk = r.suites.every((s) => s.failed === 0 && s.exitCode === 0);
  return [
    '# Silta — assurance summary',
    '',
    `Generated by \`npm run assure${r.mode === 'short' ? ' -- --short' : ''}\` on ${r.startedAt.slice(0, 10)} (${r.mode} mode, ${r.machine.cpus} CPUs, Node ${r.machine.node}). ` +
      'Regenerate it with the same command; the raw figures are in `assurance/results/`.',
    '',
    '## Crash durability',
    'The server ran as `npm start` runs it. Eight clients saved encounters (with needs and referrals) concurrently; the server process was killed with SIGKILL at a random moment, restarted, and the saves went on. ' +
      'Afterwards the database itself was checked: every save answered with 2xx must be present, and every stored encounter must be complete — its professional, its codes, its referrals and its audit row, all written in one transaction.',
    '',
    '| Engine | Kills | Saves sent | Acknowledged (2xx) | Acknowledged but lost | Half-written | Cut off but committed (complete) | Median restart | Result |',
    '|---|---|---|---|---|---|---|---|---|',
    ...crashRows(r.crash),
    '',
    ...(r.enginesTogether ? ['The two engines\' crash parts ran side by side (`--engines-together`, as CI runs them), so each median restart includes the other engine\'s load.', ''] : []),
    'A save cut off by the kill before its answer may or may not be stored; when it is, it is complete, and the device resends it with the same id, which never creates a duplicate. ' +
      'The embedded engine (PGlite) does not fsync: these kills end the Silta process, not the machine; a power cut can lose its last writes (see docs/OPERATIONS.md).',
    '',
    '## Database restart under a running server',
    ...dbRestartText(r.dbRestart),
    '',
    '## Load soak',
    ...soakText(r.soak),
    '',
    '## User enumeration at sign-in',
    ...enumerationText(r.enumeration),
    '',
    '## Test suites',
    ...(r.suites.length === 0
      ? ['Not re-run here (`--no-suites`): `npm test` runs them on PGlite and PostgreSQL just before, and fails the run if any fails.']
      : [
          `Run on PGlite and PostgreSQL. ${held(suitesOk)}.`,
          '',
          '| Suite | Tests passed | Failed |',
          '|---|---|---|',
          ...r.suites.map((s) => `| ${s.name} (\`${s.files.join('`, `')}\`) | ${s.passed} of ${s.total} | ${s.failed} |`),
        ]),
    '',
    '## Not yet covered here',
    'Checked elsewhere: the browser suite (`npm test`) includes `e2e/injection.e2e.test.ts`, which writes script and SQL metacharacters into every kind of text field and asserts, on every page that shows them, that they are stored verbatim, shown as text, and never run or become markup.',
    '',
    'Still to come (issue 6): nothing listed in the issue is missing from this page; the long mode is the one to run before a release.',
    '',
  ].join('\n');
}
